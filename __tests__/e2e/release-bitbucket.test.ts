/**
 * The release-coordinator end to end on the Bitbucket emulator, over a real git repository: plan → CHANGELOG.md →
 * annotated tag through REST, "no releases" and "milestones are read-only" as notes in the outcome (not errors), a
 * re-run with zero writes, the tag idempotency cases, and every tag exchange checked against the hand-written schemas.
 */
import { cp, copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { silentLogger } from '../../src/engine/logger.js';
import { OrchestratorGitError } from '../../src/errors.js';
import type { ReleaseAction } from '../../src/release/config.js';
import { executeRelease, type ReleaseRunResult } from '../../src/release/engine.js';
import { querySql } from '../../test-support/e2e/harness.js';
import { BitbucketEmulator } from '../../test-support/emulators/bitbucket/index.js';
import * as schemas from '../../test-support/emulators/bitbucket/schemas.js';
import { SAMPLES_DIR, SAMPLE_FEATURES_DIR } from '../../test-support/fixtures/build-db.js';
import { GitRepo } from '../../test-support/release/git-repo.js';

const REPO = 'acme/widgets';
const TOKEN = 'bb-release-repository-token';
const READ_ONLY = 'bb-release-read-only-token';
const NOW = () => new Date('2024-04-02T09:00:00Z');

let bb: BitbucketEmulator;
let repo: GitRepo;

const ajv = new Ajv({ strict: false, allErrors: true });
addFormatsModule.default(ajv);
const validTag = ajv.compile(schemas.tag);
const validTagRequest = ajv.compile(schemas.tagCreateRequest);
const validError = ajv.compile(schemas.error);

async function pushAll(): Promise<void> {
  bb.addCommits(REPO, ...(await repo.git(['rev-list', '--reverse', '--all'])).split('\n').filter(Boolean));
}

beforeEach(async () => {
  bb = await BitbucketEmulator.start({ rateLimit: false });
  bb.addRepository(REPO);
  bb.addToken(TOKEN, { kind: 'repository', repository: REPO, scopes: ['repository:write', 'issue:write'] });
  bb.addToken(READ_ONLY, { kind: 'repository', repository: REPO, scopes: ['repository', 'issue'] });
  repo = await GitRepo.create('og-release-bitbucket-');
  await copyFile(path.join(SAMPLES_DIR, 'v2-generic.db'), path.join(repo.dir, 'task_orchestrator.db'));
  await cp(SAMPLE_FEATURES_DIR, path.join(repo.dir, 'features'), { recursive: true });
  await repo.commit('chore: initial import', { files: {} });
  await repo.tag('v1.0.0');
  await repo.commit('feat(sync): issues follow the orchestrator');
  await repo.commit('fix: keep labels people add');
  await pushAll();
});

afterEach(async () => {
  // Every tag exchange against the schemas (and every error in Bitbucket's envelope).
  const problems: string[] = [];
  for (const r of bb.requests.filter((r) => r.path.includes('/refs/tags'))) {
    if (r.status >= 400) {
      if (!validError(r.responseBody)) problems.push(`${r.method} ${r.path} ${r.status}: error envelope`);
    } else if (!validTag(r.responseBody)) {
      problems.push(`${r.method} ${r.path}: ${ajv.errorsText(validTag.errors)}`);
    }
    if (r.method === 'POST' && r.status === 201 && !validTagRequest(r.requestBody))
      problems.push(`POST request: ${ajv.errorsText(validTagRequest.errors)}`);
  }
  await bb.stop();
  await repo.dispose();
  expect(problems).toEqual([]);
});

async function release(
  action: ReleaseAction,
  overrides: Record<string, unknown> = {},
): Promise<Extract<ReleaseRunResult, { kind: 'done' }>> {
  const result = await executeRelease({
    action,
    inputs: {
      platform: 'bitbucket',
      'state-file': 'task_orchestrator.db',
      'features-dir': 'features',
      repository: REPO,
      'api-url': bb.url,
      token: TOKEN,
      'write-delay-ms': '0',
      ...overrides,
    },
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

function writes(): string[] {
  return bb.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path} → ${r.status}`);
}

describe('release on Bitbucket', () => {
  it('writes CHANGELOG.md, tags through REST, and notes what Bitbucket cannot do; a re-run writes nothing', async () => {
    bb.addMilestone(REPO, 'v1.1.0');
    const planned = await release('plan');
    expect(planned.plan).toMatchObject({ version: '1.1.0', previousTag: 'v1.0.0' });

    const changelog = await release('changelog', { 'release-version': '1.1.0' });
    expect(changelog.outputs.changelogChanged).toBe(true);
    const text = await readFile(path.join(repo.dir, 'CHANGELOG.md'), 'utf8');
    expect(text).toContain(
      `## [1.1.0](${bb.webUrl}/acme/widgets/branches/compare/v1.1.0%0Dv1.0.0) (2024-04-02)`,
    );
    expect(text).toContain(`(${bb.webUrl}/acme/widgets/commits/`);
    await repo.commit('docs: changelog for 1.1.0', { files: {} });
    await pushAll();

    bb.clearRequests();
    const tagged = await release('tag', { 'release-version': '1.1.0' });
    const head = await repo.head();
    expect(writes()).toEqual(['POST /repositories/acme/widgets/refs/tags → 201']);
    expect(bb.listTags(REPO)).toEqual([
      expect.objectContaining({
        name: 'v1.1.0',
        message: 'Release v1.1.0',
        target: expect.objectContaining({ hash: head }),
      }),
    ]);
    expect(tagged.publish).toMatchObject({
      tag: 'created',
      release: 'not-supported',
      milestone: 'not-supported',
    });
    expect(tagged.report).toEqual([
      'bitbucket has no releases: the notes are in the CHANGELOG file, and the tag marks the release.',
      `bitbucket's API cannot close milestone "v1.1.0": close it by hand.`,
    ]);
    expect(tagged.outputs.releaseUrl).toBeNull();
    expect(
      await querySql(path.join(repo.dir, 'task_orchestrator.db'), 'SELECT status FROM release_milestones'),
    ).toEqual([{ status: 'completed' }]);

    const state = await readFile(path.join(repo.dir, 'task_orchestrator.db'));
    bb.clearRequests();
    for (const action of ['plan', 'changelog', 'tag'] as const) {
      const again = await release(action, { 'release-version': '1.1.0' });
      expect(again.plan.version).toBe('1.1.0');
    }
    expect(writes()).toEqual([]);
    expect(await readFile(path.join(repo.dir, 'CHANGELOG.md'), 'utf8')).toBe(text);
    expect((await readFile(path.join(repo.dir, 'task_orchestrator.db'))).equals(state)).toBe(true);
  });

  it('treats a tag pushed by hand at the release commit as done', async () => {
    bb.pushTag(REPO, 'v1.1.0', await repo.head());
    bb.clearRequests();
    const result = await release('tag', { 'release-version': '1.1.0' });
    expect(result.publish).toMatchObject({ tag: 'exists', release: 'not-supported', milestone: 'missing' });
    expect(writes()).toEqual([]);
  });

  it('refuses a tag that already exists at another commit, and explains', async () => {
    const first = (await repo.git(['rev-list', '--max-parents=0', 'HEAD'])).trim();
    bb.pushTag(REPO, 'v1.1.0', first, 'elsewhere');
    bb.clearRequests();
    const error = await failure('tag', { 'release-version': '1.1.0' });
    expect(error.code).toBe('RELEASE_TAG_CONFLICT');
    expect(error.message).toContain(
      `Tag "v1.1.0" already exists on bitbucket at commit ${first.slice(0, 12)}`,
    );
    expect(error.fix).toMatch(/never moved/);
    expect(writes()).toEqual([]);
  });

  it('says to push a commit Bitbucket does not have', async () => {
    await repo.commit('feat: not pushed');
    const error = await failure('tag', { 'release-version': '1.1.0' });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('The target hash does not exist');
    expect(error.fix).toMatch(/Push the commit first/);
  });

  it('explains a token without repository:write', async () => {
    const error = await failure('tag', { 'release-version': '1.1.0', token: READ_ONLY });
    expect(error.code).toBe('PERMISSION_DENIED');
    expect(error.fix).toMatch(/repository:write/);
  });

  it('answers the documented tag errors', async () => {
    const head = await repo.head();
    const post = (body: unknown) =>
      fetch(`${bb.url}/repositories/acme/widgets/refs/tags`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post({ name: 'v2', target: { hash: head.slice(0, 12) } })).status).toBe(201);
    const again = await post({ name: 'v2', target: { hash: head } });
    expect([again.status, ((await again.json()) as { error: { message: string } }).error.message]).toEqual([
      400,
      'tag "v2" already exists',
    ]);
    const missing = await post({ name: 'v3' });
    expect(((await missing.json()) as { error: { fields: unknown } }).error.fields).toEqual({
      target: ['This field is required.'],
    });
    const get = await fetch(`${bb.url}/repositories/acme/widgets/refs/tags/v9`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(get.status).toBe(404);
  });
});
