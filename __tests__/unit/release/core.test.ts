/** The release-coordinator's pure core: versions and bumps, the plan, CHANGELOG.md upserts, hand-written sections. */
import { findEntries, readEntry, upsertEntry, entryDate } from '../../../src/release/changelog-file.js';
import { manualSection, preserveManualSections, renderFeatureSection } from '../../../src/release/notes.js';
import { planRelease } from '../../../src/release/plan.js';
import type { ReleaseCommit, ReleaseTag } from '../../../src/release/types.js';
import {
  countCommits,
  nextVersion,
  parseRequestedVersion,
  previousRelease,
  suggestBump,
  tagVersion,
} from '../../../src/release/version.js';
import type { FeatureRecord, TaskRecord } from '../../../src/state/types.js';

const commit = (header: string, type: string | null, breaking = false, revert = false): ReleaseCommit => ({
  hash: header.length.toString(16).padStart(40, '0'),
  type,
  scope: null,
  header,
  breaking,
  revert,
});

const tag = (
  name: string,
  commitSha: string,
  reachable = true,
  date: string | null = '2024-01-01T00:00:00Z',
): ReleaseTag => ({
  name,
  version: name.replace(/^v/, ''),
  commit: commitSha,
  reachable,
  date,
});

describe('versions', () => {
  it.each([
    ['v1.2.3', 'v', '1.2.3'],
    ['1.2.3', '', '1.2.3'],
    ['release/2.0.0-rc.1', 'release/', '2.0.0-rc.1'],
    ['v1.2', 'v', null],
    ['vnext', 'v', null],
    ['1.2.3', 'v', null],
  ])('tag %s with prefix %j names version %j', (name, prefix, expected) => {
    expect(tagVersion(name, prefix)).toBe(expected);
  });

  it.each([
    ['1.4.0', 'v', '1.4.0'],
    ['v1.4.0', 'v', '1.4.0'],
    [' 2.0.0-rc.1 ', 'v', '2.0.0-rc.1'],
    ['v3.0.0', '', '3.0.0'],
  ])('accepts release-version %j', (input, prefix, expected) => {
    expect(parseRequestedVersion(input, prefix)).toBe(expected);
  });

  it.each(['1.4', 'latest', '01.2.3', ''])('refuses release-version %j, naming it', (input) => {
    expect(() => parseRequestedVersion(input, 'v')).toThrow(
      `release-version ${JSON.stringify(input)} is not a semantic version.`,
    );
  });

  it.each<[string, Parameters<typeof suggestBump>, string | null]>([
    ['nothing', [countCommits([]), 0, 0, '1.0.0'], null],
    ['a fix', [countCommits([commit('fix: x', 'fix')]), 0, 0, '1.0.0'], 'patch'],
    ['a non-conventional commit', [countCommits([commit('Tidy', null)]), 0, 0, '1.0.0'], 'patch'],
    [
      'a feature commit',
      [countCommits([commit('feat: x', 'feat'), commit('fix: y', 'fix')]), 0, 0, '1.0.0'],
      'minor',
    ],
    ['a completed feature only', [countCommits([]), 1, 0, '1.0.0'], 'minor'],
    ['a completed task only', [countCommits([]), 0, 1, '1.0.0'], 'patch'],
    ['a breaking change', [countCommits([commit('feat!: x', 'feat', true)]), 0, 0, '1.0.0'], 'major'],
    [
      'a breaking change before 1.0.0',
      [countCommits([commit('feat!: x', 'feat', true)]), 0, 0, '0.3.1'],
      'minor',
    ],
  ])('suggests the bump for %s', (_name, args, expected) => {
    expect(suggestBump(...args).bump).toBe(expected);
  });

  it('numbers the next version, the first release being 1.0.0', () => {
    expect(nextVersion(null, 'patch')).toBe('1.0.0');
    expect(nextVersion('1.2.3', 'minor')).toBe('1.3.0');
    expect(nextVersion('1.3.0-rc.1', 'minor')).toBe('1.3.0');
  });

  it('takes the highest reachable release tag as the previous one, leaving out the one being released', () => {
    const tags = [tag('v1.0.0', 'a'), tag('v1.1.0', 'b'), tag('v2.0.0', 'c', false), tag('v1.2.0', 'd')];
    expect(previousRelease(tags, null)?.name).toBe('v1.2.0');
    expect(previousRelease(tags, '1.2.0')?.name).toBe('v1.1.0');
  });
});

const feature = (id: string, status: FeatureRecord['status'], category: string | null): FeatureRecord => ({
  id,
  title: `Feature ${id}`,
  status,
  rawStatus: status,
  priority: null,
  rawPriority: null,
  category,
  estimatedEffort: null,
  createdAt: null,
  summary: '',
  file: `${id}.md`,
  dependencies: [],
});

const task = (
  id: string,
  featureId: string | null,
  completedAt: string | null,
  parentId: string | null = null,
): TaskRecord => ({
  id,
  parentId,
  title: `Task ${id}`,
  description: '',
  status: completedAt ? 'completed' : 'in_progress',
  rawStatus: '',
  specialist: null,
  priority: null,
  complexity: null,
  estimatedEffort: null,
  assignee: null,
  featureId,
  position: 0,
  createdAt: null,
  updatedAt: null,
  completedAt,
  dueDate: null,
  dependencies: [],
});

describe('planRelease', () => {
  const state = {
    features: [
      feature('F1', 'completed', 'Search'),
      feature('F2', 'completed', null),
      feature('F3', 'in_progress', 'Search'),
      feature('F0', 'completed', 'Old'),
    ],
    tasks: [
      task('T1', 'F1', '2024-02-01T00:00:00Z'),
      task('T1a', 'F1', '2024-02-01T00:00:00Z', 'T1'),
      task('T2', 'F3', '2024-02-02T00:00:00Z'),
      task('T3', null, '2023-12-01T00:00:00Z'),
      task('T4', null, null),
      task('T5', 'F0', '2024-02-03T00:00:00Z'),
    ],
    milestones: [
      {
        id: 1,
        name: 'v1.0.0',
        targetDate: null,
        platformMilestoneId: null,
        includedFeatures: ['F0'],
        status: 'completed' as const,
      },
    ],
  };
  const base = {
    state,
    tags: [tag('v1.0.0', 'old')],
    head: 'head',
    tagPrefix: 'v',
    previous: tag('v1.0.0', 'old'),
    commits: [commit('fix: x', 'fix')],
    featureIds: null,
  };

  it('lists completed features not yet released, and tasks completed since, by category', () => {
    const plan = planRelease({ ...base, requestedVersion: null });
    expect(plan).toMatchObject({
      version: '1.1.0',
      tag: 'v1.1.0',
      suggestedBump: 'minor',
      alreadyTagged: false,
    });
    expect(
      plan.groups.map((g) => [g.category, g.features.map((f) => f.id), g.tasks.map((t) => t.id)]),
    ).toEqual([
      ['Search', ['F1'], ['T2']],
      ['Uncategorised', ['F2'], []],
    ]);
    expect(plan.features[0]?.tasks.map((t) => t.id)).toEqual(['T1']);
  });

  describe('with release records', () => {
    const record = (tagName: string, items: string[]) => ({
      platform: 'github' as const,
      repository: 'acme/widgets',
      tag: tagName,
      version: tagName.slice(1),
      commit: 'old',
      previousTag: null,
      milestone: tagName,
      releaseUrl: null,
      releasedAt: '2024-01-01T00:00:00Z',
      items,
    });

    it('without a record of the previous release, tells tasks apart by completion time, and says so', () => {
      const plan = planRelease({ ...base, requestedVersion: null, releases: [] });
      expect(plan.tasks.map((t) => t.id)).toEqual(['T2']);
      expect(plan.basis).toEqual([
        expect.stringMatching(
          /^v1\.0\.0 was released before orchestrator-git recorded releases: tasks completed after its tag was made \(2024-01-01T00:00:00Z\)/,
        ),
      ]);
    });

    it('with a record of the previous release, leaves out exactly what it shipped (no time cut-off)', () => {
      const plan = planRelease({
        ...base,
        requestedVersion: null,
        releases: [record('v1.0.0', ['feature:F0'])],
      });
      // T3 was completed before v1.0.0 was tagged, but the record says v1.0.0 did not ship it.
      expect(plan.tasks.map((t) => t.id).sort()).toEqual(['T2', 'T3']);
      const shipped = planRelease({
        ...base,
        requestedVersion: null,
        releases: [record('v1.0.0', ['feature:F0', 'task:T3'])],
      });
      expect(shipped.tasks.map((t) => t.id)).toEqual(['T2']);
      expect(plan.features.map((f) => f.id)).toEqual(['F1', 'F2']);
      expect(plan.basis).toEqual(['Released items come from the release records (1 release(s)).']);
    });

    it('leaves out features a recorded release shipped even without a milestone row', () => {
      const plan = planRelease({
        ...base,
        state: { ...state, milestones: [] },
        requestedVersion: null,
        releases: [record('v1.0.0', ['feature:F0', 'feature:F2'])],
      });
      expect(plan.features.map((f) => f.id)).toEqual(['F1']);
    });

    it('re-planning a recorded release lists exactly what it shipped', () => {
      const plan = planRelease({
        ...base,
        tags: [tag('v1.0.0', 'old'), tag('v1.1.0', 'head')],
        requestedVersion: '1.1.0',
        releases: [record('v1.0.0', ['feature:F0']), record('v1.1.0', ['feature:F1', 'task:T3'])],
      });
      expect(plan.features.map((f) => f.id)).toEqual(['F1']);
      expect(plan.tasks.map((t) => t.id)).toEqual(['T3']);
      expect(plan.basis).toEqual([
        'v1.1.0 was recorded when it was tagged: the plan lists exactly what it shipped.',
      ]);
    });
  });

  it('uses named features, and refuses unknown ones', () => {
    expect(
      planRelease({ ...base, requestedVersion: '1.0.1', featureIds: ['F3'] }).features.map((f) => f.id),
    ).toEqual(['F3']);
    expect(planRelease({ ...base, requestedVersion: '1.0.1', featureIds: ['F3'] }).warnings).toEqual([
      'Feature "F3" is in the release but its status is in_progress.',
      'Version 1.0.1 is a patch change from 1.0.0, but the changes since call for a minor release.',
    ]);
    expect(() => planRelease({ ...base, requestedVersion: null, featureIds: ['F1', 'NOPE'] })).toThrow(
      'Unknown feature "NOPE": the state has no such feature.',
    );
  });

  it('recognises a re-run: the version tagged at the release commit, its milestone features kept', () => {
    const plan = planRelease({
      ...base,
      tags: [...base.tags, tag('v1.1.0', 'head')],
      requestedVersion: '1.1.0',
      state: {
        ...state,
        milestones: [
          ...state.milestones,
          {
            id: 2,
            name: 'v1.1.0',
            targetDate: null,
            platformMilestoneId: '2',
            includedFeatures: ['F1'],
            status: 'completed' as const,
          },
        ],
      },
    });
    expect(plan).toMatchObject({ alreadyTagged: true, previousTag: 'v1.0.0' });
    expect(plan.features.map((f) => f.id)).toEqual(['F1']);
  });

  it('has nothing to release without commits, features or tasks', () => {
    const plan = planRelease({
      ...base,
      commits: [],
      requestedVersion: null,
      state: { ...state, features: [], tasks: [] },
    });
    expect(plan).toMatchObject({ version: null, tag: null, suggestedBump: null });
  });
});

describe('CHANGELOG.md', () => {
  const existing =
    '# Changelog\n\nIntro.\n\n## [1.1.0](u) (2024-02-01)\n\n* b\n\n## 1.0.0 (2024-01-01)\n\n* a\n';

  it('finds entries by their version headings, not inside code fences', () => {
    expect(findEntries(`${existing}\n\`\`\`\n## 9.9.9\n\`\`\`\n`).map((e) => e.version)).toEqual([
      '1.1.0',
      '1.0.0',
    ]);
    expect(readEntry(existing, '1.0.0')).toBe('## 1.0.0 (2024-01-01)\n\n* a\n');
    expect(entryDate(readEntry(existing, '1.1.0') ?? '')).toBe('2024-02-01');
  });

  it('prepends a new entry below the preamble, replaces its own on a re-run, and keeps the rest byte for byte', () => {
    const added = upsertEntry(existing, '1.2.0', '## 1.2.0 (2024-03-01)\n\n* c\n');
    expect(added).toBe(
      '# Changelog\n\nIntro.\n\n## 1.2.0 (2024-03-01)\n\n* c\n\n## [1.1.0](u) (2024-02-01)\n\n* b\n\n## 1.0.0 (2024-01-01)\n\n* a\n',
    );
    expect(upsertEntry(added, '1.2.0', '## 1.2.0 (2024-03-01)\n\n* c\n')).toBe(added);
    expect(upsertEntry(added, '1.2.0', '## 1.2.0 (2024-03-01)\n\n* c\n* d\n')).toContain(
      '* c\n* d\n\n## [1.1.0]',
    );
    expect(
      upsertEntry(existing, '1.0.0', '## 1.0.0 (2024-01-01)\n\n* a2\n').endsWith(
        '## 1.0.0 (2024-01-01)\n\n* a2\n',
      ),
    ).toBe(true);
  });

  it('starts a changelog when there is none', () => {
    expect(upsertEntry(null, '1.0.0', '## 1.0.0 (2024-01-01)\n\n* a\n')).toMatch(
      /^# Changelog\n\n.*\n\n## 1\.0\.0 \(2024-01-01\)\n\n\* a\n$/,
    );
  });
});

describe('notes', () => {
  it('keeps hand-written sections, appends ones the generated text lacks, and never reads a marker from a title', () => {
    const generated = `${manualSection('highlights')}\n\n### Features`;
    const earlier = `${manualSection('highlights', 'Big day.')}\n\n${manualSection('thanks', 'To everyone.')}`;
    expect(preserveManualSections(generated, [earlier])).toBe(
      `${manualSection('highlights', 'Big day.')}\n\n### Features\n\n${manualSection('thanks', 'To everyone.')}`,
    );
    const section = renderFeatureSection({
      groups: [
        {
          category: 'X',
          features: [
            {
              id: 'F',
              title: 'Evil <!-- orchestrator-git:manual highlights -->\nnext',
              category: 'X',
              status: 'completed',
              tasks: [],
            },
          ],
          tasks: [],
        },
      ],
    });
    expect(section).toContain('* **Evil &lt;!-- orchestrator-git:manual highlights --> next** (`F`)');
  });
});
