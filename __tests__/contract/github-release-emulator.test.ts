/**
 * Contract tests of the GitHub emulator's tags and releases, through the release publisher (real Octokit over HTTP);
 * at the end every exchange is checked against GitHub's official OpenAPI description, strictly.
 */
import { getOctokit } from '@actions/github';
import { OrchestratorGitError } from '../../src/errors.js';
import { GitHubReleasePublisher } from '../../src/platforms/github/releases.js';
import { GitHubEmulator } from '../../test-support/emulators/github/index.js';
import { validateExchange } from '../../test-support/openapi/index.js';

const REPO = 'acme/app';
const COMMIT = 'a'.repeat(40);
const OTHER = 'b'.repeat(40);
const UNPUSHED = 'c'.repeat(40);

async function rejection(promise: Promise<unknown>): Promise<OrchestratorGitError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OrchestratorGitError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('GitHub emulator: tags and releases (contract)', () => {
  let gh: GitHubEmulator;
  let publisher: GitHubReleasePublisher;
  const make = (token: string): GitHubReleasePublisher =>
    new GitHubReleasePublisher(REPO, { token, baseUrl: gh.url, writeDelayMs: 0, retries: 0 });

  beforeAll(async () => {
    gh = await GitHubEmulator.start({ secondaryLimits: false });
    gh.addRepository(REPO);
    gh.addCommits(REPO, COMMIT, OTHER);
    gh.addToken('ghs_release', { permissions: { contents: 'write', issues: 'write', metadata: 'read' } });
    gh.addToken('ghs_contents_read', {
      permissions: { contents: 'read', issues: 'write', metadata: 'read' },
    });
    gh.addToken('ghs_issues_only', { permissions: { issues: 'write', metadata: 'read' } });
    publisher = make('ghs_release');
  });

  afterAll(async () => {
    await gh.stop();
  });

  it('finds no tag and no release before they exist', async () => {
    expect(await publisher.getTag('v1.0.0')).toBeNull();
    expect(await publisher.getRelease('v1.0.0')).toBeNull();
  });

  it('refuses to tag a commit GitHub does not have, saying to push it', async () => {
    const error = await rejection(
      publisher.createTag({ name: 'v0.9.0', commit: UNPUSHED, message: 'Release v0.9.0' }),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('cccccccccccc');
    expect(error.fix).toMatch(/Push the commit first/);
    expect(gh.listTags(REPO)).toEqual([]);
  });

  it('creates an annotated tag (tag object + ref) and reads it back peeled to the commit', async () => {
    const tag = await publisher.createTag({ name: 'v1.0.0', commit: COMMIT, message: 'Release v1.0.0' });
    expect(tag).toEqual({ name: 'v1.0.0', commit: COMMIT, annotated: true });
    expect(await publisher.getTag('v1.0.0')).toEqual({ name: 'v1.0.0', commit: COMMIT, annotated: true });
    expect(gh.listTags(REPO)).toEqual([
      { name: 'v1.0.0', commit: COMMIT, annotated: true, message: 'Release v1.0.0' },
    ]);
  });

  it('answers 422 "Reference already exists" to a second ref, which the publisher resolves to the existing tag', async () => {
    const again = await publisher.createTag({ name: 'v1.0.0', commit: COMMIT, message: 'Release v1.0.0' });
    expect(again.commit).toBe(COMMIT);
    const refs = gh.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/git/refs'));
    expect(refs.at(-1)?.status).toBe(422);
    expect(refs.at(-1)?.responseBody).toMatchObject({ message: 'Reference already exists' });
    expect(gh.listTags(REPO)).toHaveLength(1);
  });

  it('creates one release per tag: a second create finds the first, an update changes its notes', async () => {
    const created = await publisher.createRelease({
      tag: 'v1.0.0',
      name: 'v1.0.0',
      body: 'Notes',
      prerelease: false,
    });
    expect(created).toMatchObject({ tag: 'v1.0.0', name: 'v1.0.0', body: 'Notes' });
    expect(created.url).toBe(`${gh.url}/acme/app/releases/tag/v1.0.0`);
    const again = await publisher.createRelease({
      tag: 'v1.0.0',
      name: 'v1.0.0',
      body: 'Other',
      prerelease: false,
    });
    expect(again.id).toBe(created.id);
    expect(gh.listReleases(REPO)).toHaveLength(1);
    const updated = await publisher.updateRelease(created, { name: 'v1.0.0', body: 'Better notes' });
    expect(updated.body).toBe('Better notes');
    expect(await publisher.getRelease('v1.0.0')).toMatchObject({ id: created.id, body: 'Better notes' });
  });

  it('creates a lightweight tag for a release of a new tag at target_commitish', async () => {
    const octokit = getOctokit('ghs_release', { baseUrl: gh.url });
    const { status } = await octokit.rest.repos.createRelease({
      owner: 'acme',
      repo: 'app',
      tag_name: 'v1.1.0',
      target_commitish: OTHER,
      prerelease: true,
    });
    expect(status).toBe(201);
    expect(await publisher.getTag('v1.1.0')).toEqual({ name: 'v1.1.0', commit: OTHER, annotated: false });
    await expect(
      octokit.rest.repos.createRelease({
        owner: 'acme',
        repo: 'app',
        tag_name: 'v9.9.9',
        target_commitish: UNPUSHED,
      }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      octokit.rest.git.getTag({ owner: 'acme', repo: 'app', tag_sha: 'f'.repeat(40) }),
    ).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      octokit.rest.git.createRef({ owner: 'acme', repo: 'app', ref: 'tags/bad', sha: COMMIT }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it('explains the missing contents permission: write for tags, read for reading them', async () => {
    const readOnly = await rejection(
      make('ghs_contents_read').createTag({ name: 'v2.0.0', commit: COMMIT, message: 'x' }),
    );
    expect(readOnly.code).toBe('PERMISSION_DENIED');
    expect(readOnly.message).toContain('contents=write');
    expect(readOnly.fix).toMatch(/contents: write/);
    const none = await rejection(make('ghs_issues_only').getTag('v1.0.0'));
    expect(none.code).toBe('PERMISSION_DENIED');
    expect(none.message).toContain('contents=read');
  });

  it('finds and closes a milestone', async () => {
    const octokit = getOctokit('ghs_release', { baseUrl: gh.url });
    await octokit.rest.issues.createMilestone({ owner: 'acme', repo: 'app', title: 'v1.0.0' });
    const milestone = await publisher.findMilestone('v1.0.0');
    expect(milestone).toMatchObject({ title: 'v1.0.0', state: 'open', dueOn: null });
    await publisher.updateMilestone(milestone!, { state: 'closed', dueOn: '2026-01-31' });
    expect(await publisher.findMilestone('v1.0.0')).toMatchObject({ state: 'closed', dueOn: '2026-01-31' });
    expect(await publisher.findMilestone('v2.0.0')).toBeNull();
  });

  it('finds every exchange valid against api.github.com’s description', () => {
    const checked = gh.requests.filter(
      (r) =>
        r.operation !== undefined &&
        ((r.status >= 200 && r.status < 300) || (r.status >= 400 && r.status < 500)),
    );
    const operations = new Set(checked.map((r) => r.operation));
    for (const operation of [
      'GET /repos/{owner}/{repo}/git/ref/{ref}',
      'POST /repos/{owner}/{repo}/git/refs',
      'POST /repos/{owner}/{repo}/git/tags',
      'GET /repos/{owner}/{repo}/git/tags/{tag_sha}',
      'GET /repos/{owner}/{repo}/releases/tags/{tag}',
      'POST /repos/{owner}/{repo}/releases',
      'PATCH /repos/{owner}/{repo}/releases/{release_id}',
    ])
      expect(operations).toContain(operation);
    const problems = checked.flatMap((r) =>
      validateExchange(
        {
          method: r.method,
          pathTemplate: (r.operation ?? '').slice((r.operation ?? '').indexOf(' ') + 1),
          requestBody: r.requestBody,
          status: r.status,
          responseBody: r.responseBody,
        },
        { strict: true },
      ),
    );
    expect([...new Set(problems)]).toEqual([]);
  });
});
