/**
 * The release-coordinator end to end on the GitLab emulator, over a real git repository: plan → milestone → changelog
 * → annotated tag → release (with its milestone) → milestone closed, then every step again with zero writes; each
 * idempotency case (tag already at the commit, tag elsewhere, release already there, a run killed between tag and
 * release); and every exchange checked against GitLab's official OpenAPI description where it has one.
 */
import { cp, copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { executeIssueSync } from '../../src/engine/execute-issue-sync.js';
import { silentLogger } from '../../src/engine/logger.js';
import { OrchestratorGitError } from '../../src/errors.js';
import type { ReleaseAction } from '../../src/release/config.js';
import { executeRelease, type ReleaseRunResult } from '../../src/release/engine.js';
import { execSql, querySql } from '../../test-support/e2e/harness.js';
import { GitLabEmulator } from '../../test-support/emulators/gitlab/index.js';
import { validateAgainstOfficialSchema } from '../../test-support/emulators/gitlab/openapi.js';
import { validateReleaseExchange } from '../../test-support/emulators/gitlab/openapi-releases.js';
import { SAMPLES_DIR, SAMPLE_FEATURES_DIR } from '../../test-support/fixtures/build-db.js';
import { GitRepo } from '../../test-support/release/git-repo.js';

const PROJECT = 'acme/widgets';
const TOKEN = 'glpat-releaseDeveloper0000';
const REPORTER = 'glpat-releaseReporter00000';
const NOW = () => new Date('2024-04-02T09:00:00Z');

let gl: GitLabEmulator;
let repo: GitRepo;
/** Every exchange of the test, for the schema check. */
let exchanges: GitLabEmulator['requests'];
let projectId: number;

async function pushAll(): Promise<void> {
  const shas = (await repo.git(['rev-list', '--reverse', '--all'])).split('\n').filter(Boolean);
  gl.addCommits(PROJECT, ...shas);
}

beforeEach(async () => {
  gl = await GitLabEmulator.start({ rateLimit: false });
  exchanges = [];
  gl.addGroup('acme');
  projectId = gl.addProject(PROJECT).id;
  gl.addUser('release-bot');
  gl.addUser('watcher');
  gl.addMember(PROJECT, 'release-bot', 30);
  gl.addMember(PROJECT, 'watcher', 20);
  gl.addToken(TOKEN, { user: 'release-bot', scopes: ['api'] });
  gl.addToken(REPORTER, { user: 'watcher', scopes: ['api'] });
  repo = await GitRepo.create('og-release-gitlab-');
  await copyFile(path.join(SAMPLES_DIR, 'v2-generic.db'), path.join(repo.dir, 'task_orchestrator.db'));
  await cp(SAMPLE_FEATURES_DIR, path.join(repo.dir, 'features'), { recursive: true });
  await execSql(
    path.join(repo.dir, 'task_orchestrator.db'),
    "UPDATE generic_tasks SET status = 'completed', completed_at = '2024-03-01 16:30:00' WHERE task_id = 'gt_root_0001'",
  );
  await repo.commit('chore: initial import', { files: {} });
  await repo.tag('v1.0.0');
  await repo.commit('feat(sync): issues follow the orchestrator');
  await repo.commit('fix: keep labels people add');
  await pushAll();
  gl.pushTag(PROJECT, 'v1.0.0', (await repo.git(['rev-list', '-n1', 'v1.0.0'])).trim(), 'Release v1.0.0');
});

afterEach(async () => {
  exchanges.push(...gl.requests);
  const problems = exchanges.flatMap((exchange) => [
    ...(validateAgainstOfficialSchema(exchange) ?? []),
    ...(validateReleaseExchange(exchange) ?? []),
  ]);
  await gl.stop();
  await repo.dispose();
  expect(problems).toEqual([]);
});

function inputs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    platform: 'gitlab',
    'state-file': 'task_orchestrator.db',
    'features-dir': 'features',
    repository: PROJECT,
    'api-url': gl.url,
    token: TOKEN,
    'write-delay-ms': '0',
    ...overrides,
  };
}

async function release(
  action: ReleaseAction,
  overrides: Record<string, unknown> = {},
): Promise<Extract<ReleaseRunResult, { kind: 'done' }>> {
  const result = await executeRelease({
    action,
    inputs: inputs(overrides),
    configPath: null,
    env: {},
    cwd: repo.dir,
    log: silentLogger,
    runId: `release-${action}`,
    now: NOW,
  });
  if (result.kind !== 'done') throw new Error(`release ${action} was disabled: ${result.reason}`);
  return result;
}

async function failure(action: ReleaseAction, overrides: Record<string, unknown> = {}) {
  try {
    await release(action, overrides);
  } catch (error) {
    if (error instanceof OrchestratorGitError) return error;
    throw error;
  }
  throw new Error(`expected release ${action} to fail`);
}

/** Writes since the last clear, ids normalised. */
function writes(): string[] {
  return gl.requests
    .filter((r) => r.method !== 'GET')
    .map((r) => `${r.method} ${r.path.replace(/\/\d+$/, '/N')} → ${r.status}`);
}

function clear(): void {
  exchanges.push(...gl.requests);
  gl.clearRequests();
}

const P = '/projects/acme%2Fwidgets';

describe('release on GitLab', () => {
  it('plans, makes the milestone, writes the changelog, tags and releases; a re-run writes nothing', async () => {
    const synced = await executeIssueSync({
      inputs: { ...inputs(), 'create-completed': 'true' },
      configPath: null,
      env: {},
      cwd: repo.dir,
      log: silentLogger,
      runId: 'issue-sync',
    });
    expect(synced.kind === 'synced' && synced.outcome.counts.failed).toBe(0);
    const featureIssue = gl.listIssues(PROJECT).find((issue) => issue.title.includes('Automation'));
    expect(featureIssue).toBeDefined();

    clear();
    const planned = await release('plan');
    expect(planned.plan).toMatchObject({ version: '1.1.0', previousTag: 'v1.0.0', suggestedBump: 'minor' });
    expect(planned.plan.features.map((f) => f.id)).toEqual(['AUTOMATION_MAINTENANCE_V1']);
    expect(writes()).toEqual([]);

    await release('milestone', { 'release-version': '1.1.0', 'due-on': '2024-04-30' });
    const [milestone] = gl.listMilestones(PROJECT);
    expect(milestone).toMatchObject({ title: 'v1.1.0', state: 'active', due_date: '2024-04-30' });
    expect(gl.getIssue(PROJECT, featureIssue!.iid)?.milestone?.title).toBe('v1.1.0');

    const changelog = await release('changelog', { 'release-version': '1.1.0' });
    expect(changelog.outputs.changelogChanged).toBe(true);
    const text = await readFile(path.join(repo.dir, 'CHANGELOG.md'), 'utf8');
    expect(text).toContain(`## [1.1.0](${gl.url}/acme/widgets/-/compare/v1.0.0...v1.1.0) (2024-04-02)`);
    expect(text).toContain(`/-/commit/`);
    expect(text).toContain(`([#${featureIssue!.iid}](${gl.url}/acme/widgets/-/issues/${featureIssue!.iid}))`);
    await repo.commit('docs: changelog for 1.1.0', { files: {} });
    await pushAll();

    clear();
    const tagged = await release('tag', { 'release-version': '1.1.0' });
    const head = await repo.head();
    expect(writes()).toEqual([
      `POST ${P}/repository/tags → 201`,
      `POST ${P}/releases → 201`,
      `PUT ${P}/milestones/N → 200`,
    ]);
    const tag = gl.listTags(PROJECT).find((t) => t['name'] === 'v1.1.0');
    expect(tag).toMatchObject({ message: 'Release v1.1.0', commit: { id: head } });
    expect(tag?.['target']).not.toBe(head); // annotated: the tag object, not the commit
    const [published] = gl.listReleases(PROJECT);
    expect(published).toMatchObject({
      tag_name: 'v1.1.0',
      name: 'v1.1.0',
      description: tagged.outputs.notes,
      milestones: [expect.objectContaining({ title: 'v1.1.0' })],
    });
    expect(tagged.outputs.releaseUrl).toBe(`${gl.url}/acme/widgets/-/releases/v1.1.0`);
    expect(gl.listMilestones(PROJECT)[0]?.state).toBe('closed');
    expect(
      await querySql(
        path.join(repo.dir, 'task_orchestrator.db'),
        'SELECT status, included_features FROM release_milestones',
      ),
    ).toEqual([{ status: 'completed', included_features: '["AUTOMATION_MAINTENANCE_V1"]' }]);
    // The exact release record: the tag, the commit, and every item it shipped.
    const db = path.join(repo.dir, 'task_orchestrator.db');
    expect(
      await querySql(
        db,
        'SELECT platform, repository, tag, version, commit_sha FROM orchestrator_git_releases',
      ),
    ).toEqual([
      { platform: 'gitlab', repository: PROJECT, tag: 'v1.1.0', version: '1.1.0', commit_sha: head },
    ]);
    expect(
      await querySql(db, 'SELECT item_key FROM orchestrator_git_released_items ORDER BY item_key'),
    ).toEqual([{ item_key: 'feature:AUTOMATION_MAINTENANCE_V1' }, { item_key: 'task:gt_root_0001' }]);

    // Every step again, before and after the checkout has the tag: nothing written anywhere.
    const state = await readFile(path.join(repo.dir, 'task_orchestrator.db'));
    clear();
    for (const fetched of [false, true]) {
      if (fetched) await repo.tag('v1.1.0');
      for (const action of ['plan', 'milestone', 'changelog', 'tag'] as const) {
        const again = await release(action, { 'release-version': '1.1.0' });
        expect(again.plan).toMatchObject({ version: '1.1.0', alreadyTagged: fetched });
        expect(again.outputs.notes ?? tagged.outputs.notes).toBe(tagged.outputs.notes);
      }
    }
    expect(writes()).toEqual([]);
    expect(await readFile(path.join(repo.dir, 'CHANGELOG.md'), 'utf8')).toBe(text);
    expect((await readFile(path.join(repo.dir, 'task_orchestrator.db'))).equals(state)).toBe(true);
  });

  it('completes a run killed between the tag and the release, without a second tag', async () => {
    gl.injectFault({ method: 'POST', path: /\/releases$/, kind: 'reset' });
    const error = await failure('tag', { 'release-version': '1.1.0' });
    expect(error.code).toBe('PLATFORM_ERROR');
    expect(gl.listTags(PROJECT).map((t) => t['name'])).toContain('v1.1.0');
    expect(gl.listReleases(PROJECT)).toHaveLength(0);
    clear();
    const again = await release('tag', { 'release-version': '1.1.0' });
    expect(again.publish).toMatchObject({ tag: 'exists', release: 'created' });
    expect(writes()).toEqual([`POST ${P}/releases → 201`]);
    expect(gl.listReleases(PROJECT)).toHaveLength(1);
  });

  it('treats a tag pushed by hand at the release commit as done, and creates the release', async () => {
    gl.pushTag(PROJECT, 'v1.1.0', await repo.head());
    clear();
    const result = await release('tag', { 'release-version': '1.1.0' });
    expect(result.publish).toMatchObject({ tag: 'exists', release: 'created' });
    expect(writes()).toEqual([`POST ${P}/releases → 201`]);
  });

  it('refuses a tag that already exists at another commit, and explains', async () => {
    const first = (await repo.git(['rev-list', '--max-parents=0', 'HEAD'])).trim();
    gl.pushTag(PROJECT, 'v1.1.0', first, 'made elsewhere');
    clear();
    const error = await failure('tag', { 'release-version': '1.1.0' });
    expect(error.code).toBe('RELEASE_TAG_CONFLICT');
    expect(error.message).toContain(`Tag "v1.1.0" already exists on gitlab at commit ${first.slice(0, 12)}`);
    expect(error.fix).toMatch(/never moved/);
    expect(writes()).toEqual([]);
  });

  it('updates the notes of a release that exists instead of creating a second one', async () => {
    await release('tag', { 'release-version': '1.1.0' });
    const response = await fetch(`${gl.url}/api/v4${P}/releases/v1.1.0`, {
      method: 'PUT',
      headers: { 'private-token': TOKEN, 'content-type': 'application/json' },
      body: JSON.stringify({ description: 'edited by hand' }),
    });
    expect(response.status).toBe(200);
    clear();
    const again = await release('tag', { 'release-version': '1.1.0' });
    expect(again.publish).toMatchObject({ tag: 'exists', release: 'updated' });
    expect(writes()).toEqual([`PUT ${P}/releases/v1.1.0 → 200`]);
    expect(gl.listReleases(PROJECT)).toHaveLength(1);
    expect(gl.listReleases(PROJECT)[0]?.['description']).toBe(again.outputs.notes);
  });

  it('says to push a commit GitLab does not have', async () => {
    await repo.commit('feat: not pushed');
    const error = await failure('tag', { 'release-version': '1.1.0' });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('Target');
    expect(error.fix).toMatch(/Push the commit first/);
    expect(gl.listTags(PROJECT).map((t) => t['name'])).toEqual(['v1.0.0']);
  });

  it('uses, associates and closes a group milestone with gitlab-group', async () => {
    gl.addMember('acme', 'release-bot', 30, { target: 'group' });
    await release('milestone', { 'release-version': '1.1.0', 'gitlab-group': 'acme' });
    expect(gl.listMilestones('acme', { target: 'group' })).toEqual([
      expect.objectContaining({ title: 'v1.1.0', state: 'active' }),
    ]);
    clear();
    await release('tag', { 'release-version': '1.1.0', 'gitlab-group': 'acme' });
    expect(writes()).toEqual([
      `POST ${P}/repository/tags → 201`,
      `POST ${P}/releases → 201`,
      'PUT /groups/acme/milestones/N → 200',
    ]);
    expect(gl.listReleases(PROJECT)[0]?.['milestones']).toEqual([
      expect.objectContaining({ title: 'v1.1.0', group_id: expect.any(Number) }),
    ]);
    expect(gl.listMilestones('acme', { target: 'group' })[0]?.state).toBe('closed');
  });

  it('explains a role too low to push tags', async () => {
    const error = await failure('tag', { 'release-version': '1.1.0', token: REPORTER });
    expect(error.code).toBe('PERMISSION_DENIED');
    expect(error.fix).toMatch(/Developer role/);
  });
});

describe('GitLab emulator: tags, commits and releases', () => {
  const api = (pathname: string, init: RequestInit = {}) =>
    fetch(`${gl.url}/api/v4${pathname}`, {
      ...init,
      headers: { 'private-token': TOKEN, 'content-type': 'application/json', ...(init.headers ?? {}) },
    });

  it('serves the documented answers and errors', async () => {
    const head = await repo.head();
    const commit = await api(`${P}/repository/commits/${head}`);
    expect(commit.status).toBe(200);
    expect(await commit.json()).toMatchObject({
      id: head,
      short_id: head.slice(0, 8),
      project_id: projectId,
    });
    expect(await (await api(`${P}/repository/commits/${'0'.repeat(40)}`)).json()).toEqual({
      message: '404 Commit Not Found',
    });

    const created = await api(`${P}/repository/tags`, {
      method: 'POST',
      body: JSON.stringify({ tag_name: 'v2.0.0', ref: head, message: 'two' }),
    });
    expect(created.status).toBe(201);
    const again = await api(`${P}/repository/tags`, {
      method: 'POST',
      body: JSON.stringify({ tag_name: 'v2.0.0', ref: head }),
    });
    expect([again.status, await again.json()]).toEqual([400, { message: 'Tag v2.0.0 already exists' }]);
    const bad = await api(`${P}/repository/tags`, {
      method: 'POST',
      body: JSON.stringify({ tag_name: 'v 2', ref: head }),
    });
    expect(await bad.json()).toEqual({ message: 'Tag name invalid' });
    const missing = await api(`${P}/repository/tags`, {
      method: 'POST',
      body: JSON.stringify({ ref: head }),
    });
    expect([missing.status, await missing.json()]).toEqual([400, { error: 'tag_name is missing' }]);
    expect(await (await api(`${P}/repository/tags/nope`)).json()).toEqual({ message: '404 Tag Not Found' });
    const list = (await (await api(`${P}/repository/tags`)).json()) as { name: string }[];
    expect(list.map((t) => t.name)).toEqual(['v2.0.0', 'v1.0.0']);

    const noRef = await api(`${P}/releases`, {
      method: 'POST',
      body: JSON.stringify({ tag_name: 'v3.0.0' }),
    });
    expect([noRef.status, await noRef.json()]).toEqual([422, { message: 'Ref is not specified' }]);
    const unknownMilestone = await api(`${P}/releases`, {
      method: 'POST',
      body: JSON.stringify({ tag_name: 'v2.0.0', milestones: ['nope'] }),
    });
    expect(await unknownMilestone.json()).toEqual({ message: 'Milestone(s) not found: nope' });
    const release = await api(`${P}/releases`, {
      method: 'POST',
      body: JSON.stringify({ tag_name: 'v2.0.0', description: 'notes' }),
    });
    expect(release.status).toBe(201);
    const twice = await api(`${P}/releases`, {
      method: 'POST',
      body: JSON.stringify({ tag_name: 'v2.0.0' }),
    });
    expect([twice.status, await twice.json()]).toEqual([409, { message: 'Release already exists' }]);
    expect(await (await api(`${P}/releases/v9`)).json()).toEqual({ message: '404 Not Found' });
    const tagWithRelease = (await (await api(`${P}/repository/tags/v2.0.0`)).json()) as Record<
      string,
      unknown
    >;
    expect(tagWithRelease['release']).toEqual({ tag_name: 'v2.0.0', description: 'notes' });
    const reporter = await api(`${P}/releases/v2.0.0`, {
      method: 'PUT',
      headers: { 'private-token': REPORTER },
      body: JSON.stringify({ name: 'x' }),
    });
    expect(reporter.status).toBe(403);
  });

  it('checks the release routes against the official schema (and the check catches an invented field)', async () => {
    await release('tag', { 'release-version': '1.1.0' });
    const checked = gl.requests.filter((r) => validateReleaseExchange(r) !== undefined);
    expect(checked.map((r) => r.operation)).toEqual(
      expect.arrayContaining(['POST /projects/:id/repository/tags', 'POST /projects/:id/releases']),
    );
    const [body] = gl.listReleases(PROJECT);
    expect(
      validateReleaseExchange({
        operation: 'GET /projects/:id/releases/:tag_name',
        status: 200,
        responseBody: { ...body, invented: true },
      }),
    ).toEqual([expect.stringContaining("'invented'")]);
  });
});
