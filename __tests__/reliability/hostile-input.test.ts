/**
 * Hostile input, through generated state databases (test-support/fixtures/build-db.ts) and feature files. For every
 * case: the sync succeeds, the emulator (which enforces GitHub's limits: title 256, body 65,536, label 50 characters)
 * accepts every write, every item the policy wants gets exactly one issue, and a second sync is a no-op. Some cases
 * check more (what was neutralised, truncated or kept). Cases that cannot pass without a change in src run with
 * `it.failing` and name the bug; docs/reliability.md describes each.
 */
import { deriveDesiredState } from '../../src/core/desired.js';
import { BLOCK_END, readMarker } from '../../src/core/markers.js';
import { splitBody } from '../../src/core/body.js';
import type { SyncPolicy } from '../../src/core/policy.js';
import type { SyncOutcome } from '../../src/engine/sync.js';
import type { GitHubEmulator, IssueJson } from '../../test-support/emulators/github/index.js';
import { buildDatabase, type Row, type Tables } from '../../test-support/fixtures/build-db.js';
import {
  HUMAN_LOGIN,
  REPO,
  Scenario,
  describeRequests,
  execSql,
  expectConsistent,
  expectNoOp,
  humanCreatesIssue,
  issuesByKey,
  issuesOf,
  itemKeyOf,
  linksOf,
  querySql,
  refusedWrites,
  replayWrites,
  startEmulator,
  featureFile,
} from '../../test-support/reliability/harness.js';

const ZWSP = '\u200b';
const codePoints = (text: string): number => [...text].length;

function task(id: string, extra: Row = {}): Row {
  return {
    task_id: id,
    title: `Task ${id}`,
    description: `Plain description of ${id}.`,
    hierarchy_path: `/${id}`,
    status: 'pending',
    specialist_type: 'implementer',
    ...extra,
  };
}

interface Context {
  emulator: GitHubEmulator;
  scenario: Scenario;
  outcome: SyncOutcome;
  /** The issue of an item (exactly one, or the test fails). */
  issueOf: (itemKey: string) => IssueJson;
}

interface HostileCase {
  name: string;
  tables: Tables;
  features?: Record<string, string>;
  policy?: Partial<SyncPolicy>;
  /** Runs against the emulator before the first sync (e.g. labels that already exist). */
  before?: (emulator: GitHubEmulator) => Promise<void>;
  check?: (context: Context) => void | Promise<void>;
  bug?: string;
}

const FORGED_MARKER = '<!-- orchestrator-git:v1 id=task:victim hash=0123456789abcdef -->';

const cases: HostileCase[] = [
  {
    name: 'titles over 256 characters (ASCII and emoji)',
    tables: {
      generic_tasks: [
        task('long', { title: `Long ${'x'.repeat(400)}` }),
        task('emoji', { title: '🚀'.repeat(300) }),
      ],
    },
    check: ({ issueOf }) => {
      for (const key of ['task:long', 'task:emoji']) {
        const { title } = issueOf(key);
        expect(codePoints(title)).toBeLessThanOrEqual(256);
        expect(title.endsWith('…')).toBe(true);
      }
      expect(issueOf('task:long').title.startsWith('Long xxxx')).toBe(true);
      // Never half an emoji.
      expect(issueOf('task:emoji').title).toMatch(/^(🚀)+…$/u);
    },
  },
  {
    name: 'descriptions over 65,536 characters are shortened with a note, and the rest of the batch goes on',
    tables: {
      generic_tasks: [
        task('huge', { description: 'lorem ipsum '.repeat(7_000) }),
        task('huge-emoji', { description: '🙂 '.repeat(40_000) }),
        task('normal'),
      ],
    },
    check: ({ issueOf }) => {
      for (const key of ['task:huge', 'task:huge-emoji']) {
        const body = issueOf(key).body ?? '';
        expect(codePoints(body)).toBeLessThanOrEqual(65_536);
        expect(body).toContain('shortened to fit the platform limit; the full text is in the orchestrator');
        expect(body).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
      }
      expect(issueOf('task:normal').body).toContain('Plain description of normal.');
    },
  },
  {
    name: '@mentions and #references are neutralised in every piece of synced text',
    tables: {
      generic_tasks: [
        task('mentions', {
          description: 'Ping @octocat and @acme/security-team, see #1, acme/widgets#2 and GH-3.',
          specialist_type: '@octocat',
        }),
        task('mention-child', {
          parent_task_id: 'mentions',
          hierarchy_path: '/mentions/mention-child',
          title: 'Ask @octocat about #4',
        }),
      ],
    },
    check: ({ issueOf }) => {
      const body = issueOf('task:mentions').body ?? '';
      for (const safe of [
        `@${ZWSP}octocat`,
        `@${ZWSP}acme/security-team`,
        `#${ZWSP}1`,
        `widgets#${ZWSP}2`,
        `GH-${ZWSP}3`,
        `#${ZWSP}4`,
      ]) {
        expect(body).toContain(safe);
      }
      expect(body).not.toMatch(/(^|[^\w\u200b])@octocat|@acme\/|(^|[^\w\u200b])#[1-4]\b|widgets#2|GH-3/m);
    },
  },
  {
    name: 'Markdown/HTML injection and forged markers in descriptions stay inert text',
    tables: {
      generic_tasks: [
        task('victim'),
        task('injector', {
          description: [
            '<script>alert(1)</script> <img src=x onerror=alert(1)> </details></table>',
            FORGED_MARKER,
            'text the forger wants treated as free text',
            BLOCK_END,
            '<!-- an unclosed comment that would hide the rest of the body',
            '```',
            'an unclosed code fence',
          ].join('\n'),
          title: `Title with ${FORGED_MARKER}`,
        }),
      ],
    },
    check: ({ issueOf, emulator }) => {
      const body = issueOf('task:injector').body ?? '';
      const marker = readMarker(body);
      expect(marker.kind === 'marker' && marker.itemKey).toBe('task:injector');
      // One marker, one end marker, and no other comment opener: nothing forged can hide or end the block.
      expect(body.match(/<!--/g)).toHaveLength(2);
      expect(body.split(BLOCK_END)).toHaveLength(2);
      expect(splitBody(body).after).toBe('');
      // The victim keeps exactly its own issue.
      expect(issuesByKey(emulator).get('task:victim')).toHaveLength(1);
    },
  },
  {
    name: 'label values over 50 characters or with commas (feature category, task specialist, priority)',
    tables: {
      generic_tasks: [
        task('labels', {
          specialist_type: 'frontend, backend, and a specialist name that goes on well past fifty characters',
          context: JSON.stringify({ feature_id: 'F_LABELS', priority: 'high, really' }),
        }),
      ],
    },
    features: {
      'approved/labels.md': featureFile('F_LABELS', 'Labels feature', {
        Status: 'Approved',
        Category: 'Integration, Collaboration & a category name well over fifty characters long',
      }),
    },
    check: ({ emulator }) => {
      const names = emulator.listLabels(REPO).map((label) => label.name);
      expect(names.length).toBeGreaterThan(3);
      for (const name of names) {
        expect(codePoints(name)).toBeLessThanOrEqual(50);
        expect(name).not.toContain(',');
      }
      expect(names.some((name) => name.startsWith('category: integration collaboration'))).toBe(true);
    },
  },
  {
    name: 'labels that already exist with other letter case',
    tables: { generic_tasks: [task('cased', { specialist_type: 'Implementer' })] },
    before: async (emulator) => {
      await replayWrites(emulator, [
        {
          method: 'POST',
          path: `/repos/${REPO}/labels`,
          body: { name: 'Specialist: IMPLEMENTER', color: '000000' },
        },
        { method: 'POST', path: `/repos/${REPO}/labels`, body: { name: 'ORCHESTRATOR', color: '000000' } },
      ]);
    },
    check: ({ emulator }) => {
      expect(emulator.listLabels(REPO).filter((label) => /implementer/i.test(label.name))).toHaveLength(1);
    },
  },
  {
    name: 'unicode, emoji, right-to-left text and NUL bytes in titles and descriptions',
    tables: {
      generic_tasks: [
        task('unicode', {
          title: 'Fix\u0000 the bug 🚀 👩‍👩‍👧 \u202eevil\u202c עברית العربية\r\nsecond line\ttab',
          description: 'NUL\u0000 and other controls \u0001\u0007\u001b[31m kept out; 🧪 kept',
        }),
        task('blank', { title: '\u0000 \t \u0007' }),
      ],
    },
    check: ({ issueOf }) => {
      const { title, body } = issueOf('task:unicode');
      expect(title).not.toMatch(/[\u0000-\u001f\u007f]/);
      expect(title).toContain('🚀 👩‍👩‍👧');
      expect(title).toContain('עברית العربية');
      expect(body ?? '').not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
      expect(body ?? '').toContain('🧪 kept');
      expect(issueOf('task:blank').title).toBe('Task blank');
    },
  },
  {
    name: 'task ids with spaces, quotes, slashes, percent signs, colons, `-->`, mentions and unicode',
    tables: {
      generic_tasks: [
        'task with spaces',
        'a-->b',
        `q"uo'te`,
        'a/b\\c',
        '100%',
        'x:y:z',
        '#1 @octocat',
        'ユニコード🚀',
        'back`tick',
      ].map((id) => task(id)),
    },
    check: async ({ issueOf, scenario }) => {
      const ids = [
        'task with spaces',
        'a-->b',
        `q"uo'te`,
        'a/b\\c',
        '100%',
        'x:y:z',
        '#1 @octocat',
        'ユニコード🚀',
        'back`tick',
      ];
      for (const id of ids) expect(issueOf(`task:${id}`).body).toContain('<!-- orchestrator-git:v1 id=task:');
      const links = await linksOf(scenario.stateFile);
      expect(links.map((link) => link.key).sort()).toEqual(ids.map((id) => `task:${id}`).sort());
    },
  },
  {
    name: 'SQL-looking names and ids',
    tables: {
      generic_tasks: [
        task("1'; DELETE FROM feature_issue_links; --", { title: "Robert'); DROP TABLE generic_tasks; --" }),
        task('sql2', {
          specialist_type: "x' OR '1'='1",
          description: 'SELECT * FROM orchestrator_git_items;',
        }),
      ],
    },
    check: async ({ scenario }) => {
      expect(await querySql(scenario.stateFile, 'SELECT COUNT(*) AS n FROM generic_tasks')).toEqual([
        { n: 2 },
      ]);
      expect(await linksOf(scenario.stateFile)).toHaveLength(2);
    },
  },
  {
    name: 'cyclic and self parent links',
    tables: {
      generic_tasks: [
        task('cyc-a', { parent_task_id: 'cyc-c' }),
        task('cyc-b', { parent_task_id: 'cyc-a' }),
        task('cyc-c', { parent_task_id: 'cyc-b' }),
        task('self', { parent_task_id: 'self' }),
        task('orphan-child', { parent_task_id: 'no-such-task' }),
      ],
    },
    check: ({ outcome }) => {
      // The cycle is broken at its smallest id: one top-level issue with a checklist of the other two.
      expect(outcome.links.map((link) => link.itemKey).sort()).toEqual([
        'task:cyc-a',
        'task:orphan-child',
        'task:self',
      ]);
    },
  },
  {
    name: 'invalid JSON in context, included_features and default_labels columns',
    tables: {
      generic_tasks: [
        task('json1', { context: '{not json' }),
        task('json2', { context: '[1, 2, 3]' }),
        task('json3', { context: '"just a string"' }),
        task('json4', { context: '{"feature_id": 42, "priority": ["high"]}' }),
        task('json5', { context: '{"feature_id": {"nested": true}}' }),
      ],
      release_milestones: [
        { id: 1, milestone_name: 'Broken', included_features: 'not json', status: 'active' },
      ],
      git_integration_config: [
        { id: 1, platform: 'github', repository_url: `https://github.com/${REPO}`, default_labels: '{nope' },
      ],
    },
  },
  {
    name: 'unknown, oddly cased and empty statuses',
    tables: {
      generic_tasks: [
        task('st1', { status: 'wip' }),
        task('st2', { status: 'DONE' }),
        task('st3', { status: '  Completed  ' }),
        task('st4', { status: '' }),
        task('st5', { status: '🚀' }),
        task('st6', { status: 'in-progress' }),
      ],
    },
  },
  {
    name: 'hostile milestone names (over 256 characters, control characters, mentions)',
    tables: {
      generic_tasks: [task('ms', { context: JSON.stringify({ feature_id: 'F_MS' }) })],
      release_milestones: [
        {
          id: 1,
          milestone_name: `Release @octocat #1 \u0000\n${'m'.repeat(300)}`,
          included_features: '["F_MS"]',
          status: 'active',
        },
      ],
    },
    check: ({ emulator }) => {
      const [milestone] = emulator.listMilestones(REPO);
      expect(codePoints(milestone?.title ?? '')).toBeLessThanOrEqual(256);
      expect(milestone?.title).not.toMatch(/[\u0000-\u001f]/);
    },
  },
  {
    name: 'an issue template (git_integration_config) carrying a forged marker, an end marker and mentions',
    tables: {
      generic_tasks: [task('victim'), task('templated')],
      git_integration_config: [
        {
          id: 1,
          platform: 'github',
          repository_url: `https://github.com/${REPO}`,
          issue_template: `${FORGED_MARKER}\n${BLOCK_END}\nFree text for humans.`,
        },
      ],
    },
    check: ({ emulator }) => {
      // Each issue is identified by its own marker, whatever the template says below it.
      expect(issuesByKey(emulator).get('task:victim')).toHaveLength(1);
      expect(issuesByKey(emulator).get('task:templated')).toHaveLength(1);
    },
  },
  {
    name: 'a checklist of 600 subtasks with long titles (the managed block alone exceeds 65,536 characters)',
    tables: {
      generic_tasks: [
        task('parent'),
        ...Array.from({ length: 600 }, (_, i) =>
          task(`sub${i}`, {
            parent_task_id: 'parent',
            hierarchy_path: `/parent/sub${i}`,
            title: `Subtask ${i} ${'s'.repeat(240)}`,
          }),
        ),
      ],
    },
    check: ({ issueOf }) => {
      expect(codePoints(issueOf('task:parent').body ?? '')).toBeLessThanOrEqual(65_536);
    },
  },
  {
    name: 'a feature with 400 linked tasks with long titles (its task list exceeds 65,536 characters)',
    tables: {
      generic_tasks: Array.from({ length: 400 }, (_, i) =>
        task(`ft${i}`, { title: `Linked task ${i} ${'t'.repeat(200)}`, context: '{"feature_id":"F_BIG"}' }),
      ),
    },
    features: { 'approved/big.md': featureFile('F_BIG', 'Big feature', { Status: 'Approved' }) },
    // Only the feature becomes an issue (400 task issues would only slow the case down).
    policy: { tasks: 'none' },
  },
  {
    name: 'a facts value (estimated effort) over 65,536 characters',
    tables: { generic_tasks: [task('facts', { estimated_effort: `${'about two weeks '.repeat(4_500)}` })] },
  },
  {
    name: 'a task id containing the end marker',
    tables: { generic_tasks: [task(`x${BLOCK_END}y`)] },
  },
  {
    name: 'a task id of 4,000 CJK characters with a long description',
    tables: { generic_tasks: [task('漢'.repeat(4_000), { description: 'long text '.repeat(4_000) })] },
  },
  {
    name: 'two release milestones whose names differ only in letter case',
    tables: {
      generic_tasks: [
        task('mc1', { context: '{"feature_id":"F_ONE"}' }),
        task('mc2', { context: '{"feature_id":"F_TWO"}' }),
      ],
      release_milestones: [
        { id: 1, milestone_name: 'Release 1.0', included_features: '["F_ONE"]', status: 'active' },
        { id: 2, milestone_name: 'release 1.0', included_features: '["F_TWO"]', status: 'active' },
      ],
    },
    bug: 'milestone titles are matched exactly: when the platform refuses the second title as already existing (the emulator compares case-insensitively), its issues fail on every run',
  },
];

async function runCase(hostile: HostileCase): Promise<void> {
  const emulator = await startEmulator();
  const scenario = await Scenario.create(
    await buildDatabase('v2-generic', hostile.tables),
    hostile.features ?? {},
  );
  try {
    await hostile.before?.(emulator);
    const options = { policy: hostile.policy ?? {} };
    const outcome = await scenario.sync(emulator, options);
    expect(outcome.stoppedBy).toBeNull();
    expect(
      outcome.results.filter((result) => result.status !== 'done').map((result) => result.error),
    ).toEqual([]);
    // The emulator accepted every write.
    expect(describeRequests(refusedWrites(emulator.requests))).toEqual([]);

    const policy = await scenario.policy(emulator, hostile.policy);
    const store = await scenario.open();
    const desired = deriveDesiredState(store.state, policy).issues.map((issue) => issue.itemKey);
    store.close();
    const skipped = new Set(outcome.plan.skipped.map((note) => note.itemKey));
    const expected = desired.filter((key) => !skipped.has(key));
    expect(expected.length).toBeGreaterThan(0);

    const issueOf = (itemKey: string): IssueJson => {
      const found = issuesOf(emulator).filter((issue) => itemKeyOf(issue) === itemKey);
      expect({ itemKey, issues: found.length }).toEqual({ itemKey, issues: 1 });
      return found[0]!;
    };
    await hostile.check?.({ emulator, scenario, outcome, issueOf });
    // One issue per item, links that match, and a second sync that is a no-op.
    await expectConsistent(scenario, emulator, expected, options);
  } finally {
    await emulator.stop();
    await scenario.dispose();
  }
}

describe('hostile input', () => {
  it.each(cases.filter((hostile) => !hostile.bug).map((hostile) => [hostile.name, hostile] as const))(
    '%s',
    async (_name, hostile) => {
      await runCase(hostile);
    },
  );
});

describe('hostile input that reveals a bug in src (see docs/reliability.md)', () => {
  it.failing.each(
    cases
      .filter((hostile) => hostile.bug)
      .map((hostile) => [`${hostile.name} [BUG: ${hostile.bug}]`, hostile] as const),
  )('%s', async (_name, hostile) => {
    await runCase(hostile);
  });

  // The #reference lookbehind is bounded by GitHub's name lengths: one long "word" (a hash dump, a data URI, a
  // minified line) is neutralised in linear time.
  it('a 30,000-character word in a description is neutralised in linear time', async () => {
    const scenario = await Scenario.create(
      await buildDatabase('v2-generic', {
        generic_tasks: [task('word', { description: 'w'.repeat(30_000) })],
      }),
    );
    const emulator = await startEmulator();
    try {
      const policy = await scenario.policy(emulator);
      const store = await scenario.open();
      const started = performance.now();
      deriveDesiredState(store.state, policy);
      const elapsed = performance.now() - started;
      store.close();
      // Linear work on 30,000 characters takes a few milliseconds; the quadratic regex takes over a second.
      expect(elapsed).toBeLessThan(250);
    } finally {
      await emulator.stop();
      await scenario.dispose();
    }
  });
});

describe('a marker pasted by a human into another issue (spoofing)', () => {
  let emulator: GitHubEmulator;
  let scenario: Scenario;

  beforeEach(async () => {
    emulator = await startEmulator();
    scenario = await Scenario.create(
      await buildDatabase('v2-generic', { generic_tasks: [task('target'), task('other')] }),
    );
  });
  afterEach(async () => {
    await emulator.stop();
    await scenario.dispose();
  });

  async function changeTarget(): Promise<void> {
    await execSql(
      scenario.stateFile,
      "UPDATE generic_tasks SET title = 'Target, renamed', status = 'in_progress' WHERE task_id = 'target'",
    );
  }

  it('a copy of the managed body in a newer issue is reported and never written to', async () => {
    await scenario.sync(emulator);
    const real = issuesByKey(emulator).get('task:target')![0]!;
    const copy = await humanCreatesIssue(emulator, 'My copy', emulator.getIssue(REPO, real)!.body ?? '');
    const before = emulator.getIssue(REPO, copy);

    emulator.clearRequests();
    await changeTarget();
    const outcome = await scenario.sync(emulator);
    expect(
      outcome.plan.warnings.some(
        (note) => note.issueNumber === copy && /also carries the marker of task:target/.test(note.message),
      ),
    ).toBe(true);
    expect(emulator.requests.filter((request) => request.path.endsWith(`/issues/${copy}`))).toEqual([]);
    expect(emulator.getIssue(REPO, copy)).toEqual(before);
    expect(emulator.getIssue(REPO, real)?.title).toBe('Target, renamed');
    await expectNoOp(scenario, emulator);
  });

  // Without a usable link, the copy written by the account that wrote most marked issues (the tool's) wins.
  it('a forged marker pasted into an older issue is never written to, even after the state lost its links', async () => {
    // A person's issue that predates the sync, into which they paste the managed body of task:target.
    const older = await humanCreatesIssue(emulator, 'Older human issue', 'Notes.');
    await scenario.sync(emulator);
    const real = issuesByKey(emulator)
      .get('task:target')!
      .find((number) => number !== older)!;
    emulator.editIssue(REPO, older, { body: emulator.getIssue(REPO, real)!.body ?? '' });
    expect(emulator.getIssue(REPO, older)?.user?.login).toBe(HUMAN_LOGIN);
    const before = emulator.getIssue(REPO, older);

    // The state file loses its links (an old checkout, a restored backup), then the item changes.
    await execSql(scenario.stateFile, 'DELETE FROM feature_issue_links; DELETE FROM orchestrator_git_items;');
    await changeTarget();
    emulator.clearRequests();
    await scenario.sync(emulator);
    expect(
      emulator.requests.filter((request) => request.path.endsWith(`/issues/${older}`)).map((r) => r.method),
    ).toEqual([]);
    expect(emulator.getIssue(REPO, older)).toEqual(before);
    expect(emulator.getIssue(REPO, real)?.title).toBe('Target, renamed');
  });
});
