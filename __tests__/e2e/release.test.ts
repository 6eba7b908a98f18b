/**
 * The release-coordinator end to end on the GitHub emulator, over a real git repository: plan → milestone → changelog
 * → tag → release, then every step again with zero writes; each idempotency case (tag already there, tag elsewhere,
 * release already there, a run killed between tag and release); and bad input with the message a user acts on.
 */
import { cp, copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { executeIssueSync } from '../../src/engine/execute-issue-sync.js';
import { silentLogger } from '../../src/engine/logger.js';
import { OrchestratorGitError } from '../../src/errors.js';
import type { ReleaseAction } from '../../src/release/config.js';
import { executeRelease, type ReleaseRunResult } from '../../src/release/engine.js';
import { execSql, querySql, recordingLogger } from '../../test-support/e2e/harness.js';
import { GitHubEmulator } from '../../test-support/emulators/github/index.js';
import { SAMPLES_DIR, SAMPLE_FEATURES_DIR } from '../../test-support/fixtures/build-db.js';
import { GitRepo } from '../../test-support/release/git-repo.js';

const REPO = 'acme/widgets';
const TOKEN = 'ghs_releaseWriteToken000000000000000';
const ISSUES_ONLY = 'ghs_releaseIssuesOnly00000000000000';
const NOW = () => new Date('2024-04-02T09:00:00Z');

let gh: GitHubEmulator;
let repo: GitRepo;

async function pushAll(): Promise<void> {
  const shas = (await repo.git(['rev-list', '--all'])).split('\n').filter(Boolean);
  gh.addCommits(REPO, ...shas);
}

beforeEach(async () => {
  gh = await GitHubEmulator.start({ secondaryLimits: false });
  gh.addRepository(REPO);
  gh.addToken(TOKEN, {
    repositories: [REPO],
    permissions: { issues: 'write', contents: 'write', metadata: 'read' },
  });
  gh.addToken(ISSUES_ONLY, { repositories: [REPO], permissions: { issues: 'write', metadata: 'read' } });
  repo = await GitRepo.create('og-release-e2e-');
  await copyFile(path.join(SAMPLES_DIR, 'v2-generic.db'), path.join(repo.dir, 'task_orchestrator.db'));
  await cp(SAMPLE_FEATURES_DIR, path.join(repo.dir, 'features'), { recursive: true });
  // A top-level task finished after v1.0.0 was tagged (14:00 by the repository's clock); its feature (approved) is not.
  await execSql(
    path.join(repo.dir, 'task_orchestrator.db'),
    "UPDATE generic_tasks SET status = 'completed', completed_at = '2024-03-01 16:30:00' WHERE task_id = 'gt_root_0001'",
  );
  await repo.commit('chore: initial import', { files: {} });
  await repo.tag('v1.0.0');
  await repo.commit('feat(sync): issues follow the orchestrator');
  await repo.commit('fix: keep labels people add\n\nCloses #4');
  await repo.commit('Tidy the README');
  await pushAll();
});

afterEach(async () => {
  await gh.stop();
  await repo.dispose();
});

function inputs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    'state-file': 'task_orchestrator.db',
    'features-dir': 'features',
    repository: REPO,
    'api-url': gh.url,
    token: TOKEN,
    'write-delay-ms': '0',
    ...overrides,
  };
}

async function release(
  action: ReleaseAction,
  overrides: Record<string, unknown> = {},
  cwd = repo.dir,
): Promise<Extract<ReleaseRunResult, { kind: 'done' }>> {
  const result = await executeRelease({
    action,
    inputs: inputs(overrides),
    configPath: null,
    env: {},
    cwd,
    log: silentLogger,
    runId: `release-${action}`,
    now: NOW,
  });
  if (result.kind !== 'done') throw new Error(`release ${action} was disabled: ${result.reason}`);
  return result;
}

async function failure(action: ReleaseAction, overrides: Record<string, unknown> = {}, cwd = repo.dir) {
  try {
    await release(action, overrides, cwd);
  } catch (error) {
    if (error instanceof OrchestratorGitError) return error;
    throw error;
  }
  throw new Error(`expected release ${action} to fail`);
}

function writes(): string[] {
  return gh.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path} → ${r.status}`);
}

async function syncIssues(): Promise<void> {
  const result = await executeIssueSync({
    inputs: { ...inputs(), 'create-completed': 'true' },
    configPath: null,
    env: {},
    cwd: repo.dir,
    log: silentLogger,
    runId: 'issue-sync',
  });
  if (result.kind !== 'synced' || result.outcome.counts.failed > 0) throw new Error('issue sync failed');
}

describe('release on GitHub', () => {
  it('plans, makes the milestone, writes the changelog, tags and releases; a re-run writes nothing', async () => {
    await syncIssues();
    const featureIssue = gh.listIssues(REPO).find((issue) => issue.title.includes('Automation'));
    expect(featureIssue).toBeDefined();

    // plan_release: suggested from the feature commit and the completed feature; nothing written.
    gh.clearRequests();
    const planned = await release('plan');
    expect(planned.plan).toMatchObject({
      version: '1.1.0',
      tag: 'v1.1.0',
      previousTag: 'v1.0.0',
      suggestedBump: 'minor',
      alreadyTagged: false,
    });
    expect(planned.plan.features.map((f) => f.id)).toEqual(['AUTOMATION_MAINTENANCE_V1']);
    expect(planned.plan.tasks.map((t) => t.id)).toEqual(['gt_root_0001']);
    expect(planned.plan.groups.map((g) => g.category)).toEqual([
      'Core Infrastructure',
      'Integration & Collaboration',
    ]);
    expect(planned.plan.commits).toMatchObject({ total: 3, features: 1, fixes: 1, other: 1 });
    expect(writes()).toEqual([]);

    // create_milestone: row + platform milestone, the included feature's issue assigned.
    const milestone = await release('milestone', { 'release-version': '1.1.0', 'due-on': '2024-04-30' });
    expect(milestone.sync?.counts.failed).toBe(0);
    const [created] = gh.listMilestones(REPO);
    expect(created).toMatchObject({ title: 'v1.1.0', state: 'open', due_on: '2024-04-30T00:00:00Z' });
    expect(gh.getIssue(REPO, featureIssue!.number)?.milestone?.title).toBe('v1.1.0');
    expect(
      await querySql(
        path.join(repo.dir, 'task_orchestrator.db'),
        'SELECT milestone_name, target_date, included_features, status FROM release_milestones',
      ),
    ).toEqual([
      {
        milestone_name: 'v1.1.0',
        target_date: '2024-04-30',
        included_features: '["AUTOMATION_MAINTENANCE_V1"]',
        status: 'active',
      },
    ]);

    // generate_changelog: CHANGELOG.md with the conventional sections and the features, committed by the workflow.
    const changelog = await release('changelog', { 'release-version': '1.1.0' });
    expect(changelog.outputs.changelogChanged).toBe(true);
    const text = await readFile(path.join(repo.dir, 'CHANGELOG.md'), 'utf8');
    expect(text).toContain(`## [1.1.0](${gh.url}/acme/widgets/compare/v1.0.0...v1.1.0) (2024-04-02)`);
    expect(text).toContain('### Orchestrator features');
    expect(text).toContain(
      `* **✅ Automation & Maintenance Enhancement** (\`AUTOMATION_MAINTENANCE_V1\`) ([#${featureIssue!.number}](`,
    );
    expect(text).toContain('#### Integration & Collaboration');
    await repo.commit('docs: changelog for 1.1.0', { files: {} });
    await pushAll();

    // tag_release: annotated tag at HEAD, the release with the notes, milestone closed, features released.
    gh.clearRequests();
    const tagged = await release('tag', { 'release-version': 'v1.1.0' });
    const head = await repo.head();
    expect(gh.listTags(REPO)).toEqual([
      { name: 'v1.1.0', commit: head, annotated: true, message: 'Release v1.1.0' },
    ]);
    const [published] = gh.listReleases(REPO);
    expect(published).toMatchObject({ tag_name: 'v1.1.0', name: 'v1.1.0', prerelease: false, draft: false });
    expect(tagged.outputs.releaseUrl).toBe(published?.['html_url']);
    expect(tagged.outputs.notes).toBe(published?.['body']);
    expect(String(published?.['body'])).toContain('### Orchestrator features');
    expect(gh.listMilestones(REPO)[0]?.state).toBe('closed');
    expect(tagged.outputs).toMatchObject({
      version: '1.1.0',
      tag: 'v1.1.0',
      previousTag: 'v1.0.0',
      stateChanged: true,
    });
    expect(writes().map((w) => w.replace(/\/\d+ /, '/N '))).toEqual([
      'POST /repos/acme/widgets/git/tags → 201',
      'POST /repos/acme/widgets/git/refs → 201',
      'POST /repos/acme/widgets/releases → 201',
      'PATCH /repos/acme/widgets/milestones/N → 200',
    ]);
    const rows = await querySql(
      path.join(repo.dir, 'task_orchestrator.db'),
      'SELECT status, included_features FROM release_milestones',
    );
    expect(rows).toEqual([{ status: 'completed', included_features: '["AUTOMATION_MAINTENANCE_V1"]' }]);

    // Every step again, before and after the checkout fetched the new tag: nothing written on the platform, nor in
    // the files.
    const state = await readFile(path.join(repo.dir, 'task_orchestrator.db'));
    gh.clearRequests();
    for (const fetched of [false, true]) {
      if (fetched) await repo.tag('v1.1.0');
      for (const action of ['plan', 'milestone', 'changelog', 'tag'] as const) {
        const again = await release(action, { 'release-version': '1.1.0' });
        expect(again.plan).toMatchObject({ version: '1.1.0', alreadyTagged: fetched, previousTag: 'v1.0.0' });
        expect(again.plan.features.map((f) => f.id)).toEqual(['AUTOMATION_MAINTENANCE_V1']);
        expect(again.outputs.notes ?? tagged.outputs.notes).toBe(tagged.outputs.notes);
      }
    }
    expect(writes()).toEqual([]);
    expect(await readFile(path.join(repo.dir, 'CHANGELOG.md'), 'utf8')).toBe(text);
    expect((await readFile(path.join(repo.dir, 'task_orchestrator.db'))).equals(state)).toBe(true);

    // The next plan no longer lists what was released.
    await repo.commit('fix: a later fix');
    const next = await release('plan');
    expect(next.plan).toMatchObject({
      version: '1.1.1',
      previousTag: 'v1.1.0',
      suggestedBump: 'patch',
      features: [],
      tasks: [],
    });
  });

  it('completes a run killed between the tag and the release, without a second tag', async () => {
    gh.injectFault({ method: 'POST', path: /\/releases$/, kind: 'reset' });
    const error = await failure('tag', { 'release-version': '1.1.0' });
    expect(error.code).toBe('PLATFORM_ERROR');
    expect(gh.listTags(REPO)).toHaveLength(1);
    expect(gh.listReleases(REPO)).toHaveLength(0);
    gh.clearRequests();
    await release('tag', { 'release-version': '1.1.0' });
    expect(writes().map((w) => w.replace(/\/\d+ /, '/N '))).toEqual([
      'POST /repos/acme/widgets/releases → 201',
    ]);
    expect(gh.listTags(REPO)).toHaveLength(1);
    expect(gh.listReleases(REPO)).toHaveLength(1);
  });

  it('treats a tag already at the release commit as done (a tag pushed by hand) and creates the release', async () => {
    await repo.tag('v1.1.0', { annotated: false });
    const octokit = (await import('@actions/github')).getOctokit(TOKEN, { baseUrl: gh.url });
    await octokit.rest.git.createRef({
      owner: 'acme',
      repo: 'widgets',
      ref: 'refs/tags/v1.1.0',
      sha: await repo.head(),
    });
    gh.clearRequests();
    const result = await release('tag', { 'release-version': '1.1.0' });
    expect(result.plan.alreadyTagged).toBe(true);
    expect(result.publish).toMatchObject({ tag: 'exists', release: 'created' });
    expect(writes()).toEqual(['POST /repos/acme/widgets/releases → 201']);
  });

  it('refuses a tag that already exists at another commit, and explains', async () => {
    const octokit = (await import('@actions/github')).getOctokit(TOKEN, { baseUrl: gh.url });
    const first = (await repo.git(['rev-list', '--max-parents=0', 'HEAD'])).trim();
    await octokit.rest.git.createRef({ owner: 'acme', repo: 'widgets', ref: 'refs/tags/v1.1.0', sha: first });
    gh.clearRequests();
    const error = await failure('tag', { 'release-version': '1.1.0' });
    expect(error.code).toBe('RELEASE_TAG_CONFLICT');
    expect(error.message).toContain(`Tag "v1.1.0" already exists on github at commit ${first.slice(0, 12)}`);
    expect(error.fix).toMatch(/never moved/);
    expect(writes()).toEqual([]);
  });

  it('updates the notes of a release that exists instead of creating a second one', async () => {
    await release('tag', { 'release-version': '1.1.0' });
    const [existing] = gh.listReleases(REPO);
    const octokit = (await import('@actions/github')).getOctokit(TOKEN, { baseUrl: gh.url });
    await octokit.rest.repos.updateRelease({
      owner: 'acme',
      repo: 'widgets',
      release_id: Number(existing?.['id']),
      body: 'edited by hand',
    });
    gh.clearRequests();
    const again = await release('tag', { 'release-version': '1.1.0' });
    expect(again.publish).toMatchObject({ tag: 'exists', release: 'updated' });
    expect(writes()).toEqual([`PATCH /repos/acme/widgets/releases/${String(existing?.['id'])} → 200`]);
    expect(gh.listReleases(REPO)).toHaveLength(1);
    expect(gh.listReleases(REPO)[0]?.['body']).toBe(again.outputs.notes);
  });

  it('keeps hand-written sections of hybrid notes, in CHANGELOG.md and the release', async () => {
    await release('changelog', { 'release-version': '1.1.0', 'release-notes-template': 'hybrid' });
    const file = path.join(repo.dir, 'CHANGELOG.md');
    const edited = (await readFile(file, 'utf8')).replace(
      '<!-- orchestrator-git:manual highlights -->\n',
      '<!-- orchestrator-git:manual highlights -->\nThe sync is here.\n',
    );
    await writeFile(file, `${edited}`);
    await repo.commit('docs: highlights', { files: {} });
    await repo.commit('fix: one more fix');
    await pushAll();
    const again = await release('changelog', {
      'release-version': '1.1.0',
      'release-notes-template': 'hybrid',
    });
    const text = await readFile(file, 'utf8');
    expect(text).toContain('The sync is here.');
    expect(text).toContain('one more fix');
    expect(text.match(/## \[1\.1\.0\]/g)).toHaveLength(1);
    expect(again.outputs.changelogChanged).toBe(true);
    await repo.commit('docs: changelog', { files: {} });
    await pushAll();
    const tagged = await release('tag', { 'release-version': '1.1.0', 'release-notes-template': 'hybrid' });
    expect(tagged.outputs.notes).toContain('The sync is here.');
  });

  it('prepends a new release and leaves earlier entries untouched', async () => {
    const earlier =
      '# Changelog\n\nHand-written preamble.\n\n## [1.0.0](x) (2024-01-01)\n\n* first *release*  \n';
    await writeFile(path.join(repo.dir, 'CHANGELOG.md'), earlier);
    await release('changelog', { 'release-version': '1.1.0' });
    const text = await readFile(path.join(repo.dir, 'CHANGELOG.md'), 'utf8');
    expect(text.startsWith('# Changelog\n\nHand-written preamble.\n\n## [1.1.0]')).toBe(true);
    expect(text.endsWith('## [1.0.0](x) (2024-01-01)\n\n* first *release*  \n')).toBe(true);
  });

  describe('bad input', () => {
    it.each([
      ['1.2', /is not a semantic version/, /MAJOR\.MINOR\.PATCH/],
      ['0.9.0', /not greater than the last release, 1\.0\.0/, /greater than 1\.0\.0/],
      ['1.0.0', /already released: tag "v1\.0\.0" points at commit/, /never moved/],
    ])('refuses release-version %s', async (version, message, fix) => {
      const error = await failure('plan', { 'release-version': version });
      expect(error.code).toBe('RELEASE_VERSION_INVALID');
      expect(error.message).toMatch(message);
      expect(error.fix).toMatch(fix);
    });

    it('refuses unknown feature ids, naming them and the known ones', async () => {
      const error = await failure('plan', { features: 'AUTOMATION_MAINTENANCE_V1, NOPE_1' });
      expect(error.code).toBe('FEATURE_UNKNOWN');
      expect(error.message).toBe('Unknown feature "NOPE_1": the state has no such feature.');
      expect(error.fix).toContain('AUTOMATION_MAINTENANCE_V1');
    });

    it('refuses a shallow clone and explains fetch-depth: 0', async () => {
      const shallow = await repo.shallowClone();
      try {
        const error = await failure('plan', {}, shallow.dir);
        expect(error.code).toBe('GIT_CHECKOUT_INVALID');
        expect(error.message).toMatch(/is shallow/);
        expect(error.fix).toMatch(/fetch-depth: 0/);
      } finally {
        await shallow.dispose();
      }
    });

    it('refuses to tag with uncommitted changes (the state file excepted)', async () => {
      const tracked = (await repo.git(['ls-files', 'changes'])).split('\n')[0] ?? '';
      await writeFile(path.join(repo.dir, tracked), 'edited\n');
      const error = await failure('tag', { 'release-version': '1.1.0' });
      expect(error.code).toBe('GIT_CHECKOUT_INVALID');
      expect(error.message).toContain(`uncommitted changes to "${tracked}"`);
      expect(error.fix).toMatch(/Commit \(and push\)/);
      await repo.git(['checkout', '--', tracked]);
      await execSql(
        path.join(repo.dir, 'task_orchestrator.db'),
        "UPDATE generic_tasks SET title = 'x' WHERE task_id = 'gt_0005'",
      );
      await expect(release('tag', { 'release-version': '1.1.0', 'dry-run': 'true' })).resolves.toBeDefined();
    });

    it('explains a missing contents: write permission', async () => {
      const error = await failure('tag', { 'release-version': '1.1.0', token: ISSUES_ONLY });
      expect(error.code).toBe('PERMISSION_DENIED');
      expect(error.message).toContain('contents=');
      expect(error.fix).toMatch(/permissions: \{ contents: write/);
    });

    it('says to push a commit GitHub does not have', async () => {
      await repo.commit('feat: not pushed');
      const error = await failure('tag', { 'release-version': '1.1.0' });
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fix).toMatch(/Push the commit first/);
    });

    it('refuses an unknown placeholder in a manual template', async () => {
      await writeFile(path.join(repo.dir, 'notes.md'), '{{changes}}\n{{feature}}\n');
      const error = await failure('changelog', {
        'release-version': '1.1.0',
        'release-notes-template': 'manual',
        'notes-template-file': 'notes.md',
      });
      expect(error.message).toMatch(/unknown placeholder "\{\{feature\}\}"/);
    });
  });

  it('logs what it does without the token', async () => {
    const { log, lines } = recordingLogger();
    await executeRelease({
      action: 'tag',
      inputs: inputs({ 'release-version': '1.1.0' }),
      configPath: null,
      env: {},
      cwd: repo.dir,
      log,
      runId: 'x',
      now: NOW,
    });
    expect(lines.map((l) => l.message).join('\n')).not.toContain(TOKEN);
    expect(lines.some((l) => l.message.startsWith('Created release v1.1.0'))).toBe(true);
  });
});
