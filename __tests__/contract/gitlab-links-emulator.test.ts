/**
 * The GitLab emulator's issue links (handlers/links.ts) answer like GitLab's API (docs.gitlab.com/api/issue_links/,
 * lib/api/issue_links.rb, issuable_links/create_service.rb): link types seen from each side, 409 on a linked pair,
 * 404s, Grape's 400s, the licence's 403, and deletes by link id.
 */
import { GitLabEmulator } from '../../test-support/emulators/gitlab/index.js';

const PROJECT = 'acme/app';
const TOKEN = 'glpat-linksContract00000000';
const GUEST = 'glpat-linksGuest0000000000';

let gl: GitLabEmulator;

async function call(
  method: string,
  path: string,
  body?: unknown,
  token = TOKEN,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${gl.url}/api/v4/projects/${encodeURIComponent(PROJECT)}${path}`, {
    method,
    headers: { 'private-token': token, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
}

async function start(blockingLinks?: 'premium' | 'free' | 'foss'): Promise<void> {
  gl = await GitLabEmulator.start({ rateLimit: false, ...(blockingLinks ? { blockingLinks } : {}) });
  gl.addGroup('acme');
  gl.addProject(PROJECT);
  gl.addUser('rita');
  gl.addUser('gus');
  gl.addMember('acme', 'rita', 20, { target: 'group' });
  gl.addMember('acme', 'gus', 10, { target: 'group' });
  gl.addToken(TOKEN, { user: 'rita', scopes: ['api'] });
  gl.addToken(GUEST, { user: 'gus', scopes: ['api'] });
  for (const title of ['One', 'Two', 'Three']) gl.createIssue(PROJECT, { title });
}

afterEach(async () => {
  await gl.stop();
});

describe('issue links (Premium)', () => {
  beforeEach(() => start());

  it('creates is_blocked_by as "blocks" from the blocker, and each side lists it its own way', async () => {
    const created = await call('POST', '/issues/2/links', {
      target_project_id: PROJECT,
      target_issue_iid: 1,
      link_type: 'is_blocked_by',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      source_issue: { iid: 1 },
      target_issue: { iid: 2 },
      link_type: 'blocks',
    });
    const fromTwo = (await call('GET', '/issues/2/links')).body as Record<string, unknown>[];
    expect(fromTwo).toEqual([
      expect.objectContaining({ iid: 1, link_type: 'is_blocked_by', issue_link_id: expect.any(Number) }),
    ]);
    expect(Object.keys(fromTwo[0] ?? {})).toEqual(
      expect.arrayContaining([
        'id',
        'iid',
        'project_id',
        'title',
        'state',
        'link_created_at',
        'link_updated_at',
      ]),
    );
    const fromOne = (await call('GET', '/issues/1/links')).body as Record<string, unknown>[];
    expect(fromOne.map((link) => [link['iid'], link['link_type']])).toEqual([[2, 'blocks']]);
  });

  it('refuses a pair already linked (409, either way, any type), a missing issue (404) and missing params (400)', async () => {
    await call('POST', '/issues/1/links', { target_project_id: PROJECT, target_issue_iid: 2 });
    for (const [from, to] of [
      [1, 2],
      [2, 1],
    ]) {
      expect(
        await call('POST', `/issues/${from}/links`, {
          target_project_id: PROJECT,
          target_issue_iid: to,
          link_type: 'blocks',
        }),
      ).toEqual({ status: 409, body: { message: 'Issue(s) already assigned' } });
    }
    expect(
      await call('POST', '/issues/1/links', { target_project_id: PROJECT, target_issue_iid: 99 }),
    ).toEqual({
      status: 404,
      body: { message: '404 Not found' },
    });
    expect(await call('POST', '/issues/1/links', { target_issue_iid: 2 })).toEqual({
      status: 400,
      body: { error: 'target_project_id is missing' },
    });
    expect(
      await call('POST', '/issues/1/links', {
        target_project_id: PROJECT,
        target_issue_iid: 3,
        link_type: 'x',
      }),
    ).toEqual({ status: 400, body: { error: 'link_type does not have a valid value' } });
    expect(
      (await call('POST', '/issues/1/links', { target_project_id: PROJECT, target_issue_iid: 3 }, GUEST))
        .status,
    ).toBe(403);
  });

  it('deletes by link id, only through an issue the link touches', async () => {
    const created = await call('POST', '/issues/1/links', {
      target_project_id: PROJECT,
      target_issue_iid: 2,
    });
    expect(created.status).toBe(201);
    const [link] = (await call('GET', '/issues/1/links')).body as { issue_link_id: number }[];
    const id = link?.issue_link_id ?? 0;
    expect((await call('DELETE', `/issues/3/links/${id}`)).status).toBe(404);
    const deleted = await call('DELETE', `/issues/2/links/${id}`);
    expect(deleted).toMatchObject({ status: 200, body: { link_type: 'relates_to' } });
    expect((await call('GET', '/issues/1/links')).body).toEqual([]);
    expect((await call('DELETE', `/issues/2/links/${id}`)).status).toBe(404);
  });
});

describe.each([
  ['free', 403, { message: 'Blocked issues not available for current license' }],
  ['foss', 400, { error: 'link_type does not have a valid value' }],
] as const)('issue links on %s', (tier, status, body) => {
  beforeEach(() => start(tier));

  it('refuses blocking types and accepts relates_to', async () => {
    for (const linkType of ['blocks', 'is_blocked_by']) {
      expect(
        await call('POST', '/issues/1/links', {
          target_project_id: PROJECT,
          target_issue_iid: 2,
          link_type: linkType,
        }),
      ).toEqual({ status, body });
    }
    expect(
      (await call('POST', '/issues/1/links', { target_project_id: PROJECT, target_issue_iid: 2 })).status,
    ).toBe(201);
  });
});
