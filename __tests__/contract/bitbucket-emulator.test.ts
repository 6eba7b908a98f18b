/**
 * Contract tests of the Bitbucket Cloud emulator: plain `fetch` over HTTP (as the product's Bitbucket adapter will
 * talk), and at the end every recorded exchange is checked against the JSON schemas of
 * test-support/emulators/bitbucket/schemas.ts.
 *
 * Why hand-written schemas: Atlassian publishes the OpenAPI description of Bitbucket Cloud at
 * https://dac-static.atlassian.com/cloud/bitbucket/swagger.v3.json, but no npm package ships it as JSON. The closest is
 * @coderabbitai/bitbucket, which carries only TypeScript types generated from it by openapi-typescript, so it cannot
 * drive a runtime validator without a converter. The schemas were derived from that description (read from the copy
 * stored in github.com/coderabbitai/bitbucket) and each names its component.
 *
 * Each test names the documentation it follows; REF is the REST reference for the issue tracker,
 * https://developer.atlassian.com/cloud/bitbucket/rest/api-group-issue-tracker/, INTRO the introduction with
 * pagination, filtering and authentication, https://developer.atlassian.com/cloud/bitbucket/rest/intro/.
 */

import {
  BitbucketEmulator,
  type AccountJson,
  type IssueChangeJson,
  type IssueJson,
  type NamedJson,
  type PageJson,
  type RecordedRequest,
} from '../../test-support/emulators/bitbucket/index.js';
import { templateFor, validateExchange } from '../../test-support/openapi-bitbucket/index.js';

const START = Date.parse('2024-05-01T10:00:00Z');
/** Every exchange of every emulator in this file, for the schema pass at the end. */
const exchanges: RecordedRequest[] = [];

type Auth = { bearer: string } | { basic: [string, string] } | undefined;

interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

function authHeader(auth: Auth): Record<string, string> {
  if (auth === undefined) return {};
  if ('bearer' in auth) return { authorization: `Bearer ${auth.bearer}` };
  return { authorization: `Basic ${Buffer.from(`${auth.basic[0]}:${auth.basic[1]}`).toString('base64')}` };
}

/** One request with fetch; `target` is a path below the API base or an absolute URL (a `next` link). */
async function call<T = Record<string, unknown>>(
  base: string,
  method: string,
  target: string,
  options: { auth?: Auth; body?: unknown; rawBody?: string; query?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const url = new URL(/^https?:/.test(target) ? target : `${base}${target}`);
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  const headers: Record<string, string> = { accept: 'application/json', ...authHeader(options.auth) };
  let payload: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    payload = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  if (payload !== undefined && headers['content-type'] === undefined)
    headers['content-type'] = 'application/json';
  const response = await fetch(url, { method, headers, body: payload });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    // plain text stays text
  }
  return { status: response.status, headers: response.headers, body: body as T, text };
}

interface ErrorJson {
  type: string;
  error: { message: string; detail?: unknown; fields?: Record<string, string[]> };
}

describe('Bitbucket emulator (contract)', () => {
  let now = START;
  const clock = (): number => now;
  let bb: BitbucketEmulator;
  let alice: AccountJson;
  let bob: AccountJson;
  let mallory: AccountJson;
  let v1: NamedJson;

  const WRITE: Auth = { bearer: 'wat_write' }; // workspace access token of acme
  const READ: Auth = { bearer: 'rat_read' }; // repository access token of acme/app, `issue` only
  const ALICE: Auth = { basic: ['alice', 'app-password'] }; // app password
  const ALICE_API: Auth = { basic: ['alice@example.com', 'api-token'] }; // Atlassian API token
  const api = <T = Record<string, unknown>>(
    method: string,
    target: string,
    options: Parameters<typeof call>[3] = {},
  ): Promise<Reply<T>> => call<T>(bb.url, method, target, options);
  const APP = '/repositories/acme/app';

  beforeAll(async () => {
    bb = await BitbucketEmulator.start({ now: clock });
    bb.addRepository('acme/app');
    bb.addRepository('acme/bulk');
    bb.addRepository('acme/quiet', { hasIssues: false });
    bb.addRepository('acme/open', { private: false });
    bb.addRepository('other/hidden');
    alice = bb.addUser('alice', {
      displayName: 'Alice Liddell',
      email: 'alice@example.com',
      workspaces: ['acme'],
    });
    bob = bb.addUser('bob', { workspaces: ['acme'] });
    mallory = bb.addUser('mallory', { workspaces: ['other'] });
    v1 = bb.addMilestone('acme/app', 'v1');
    bb.addMilestone('acme/app', 'v2');
    bb.addVersion('acme/app', '1.0');
    bb.addComponent('acme/app', 'backend');
    bb.addToken('wat_write', {
      kind: 'workspace',
      workspace: 'acme',
      scopes: ['issue:write', 'repository', 'account'],
    });
    bb.addToken('rat_read', { kind: 'repository', repository: 'acme/app', scopes: ['issue'] });
    bb.addAppPassword('alice', 'app-password', { scopes: ['issue:write', 'repository', 'account'] });
    bb.addApiToken('alice@example.com', 'api-token', {
      scopes: [
        'read:issue:bitbucket',
        'write:issue:bitbucket',
        'read:repository:bitbucket',
        'read:workspace:bitbucket',
        'read:user:bitbucket',
      ],
    });
    bb.addApiToken('alice@example.com', 'api-token-read', { scopes: ['read:issue:bitbucket'] });
  });

  afterAll(async () => {
    exchanges.push(...bb.requests);
    await bb.stop();
  });

  // REF "Get a repository" (api-group-repositories/#api-repositories-workspace-repo-slug-get): the repository object
  // with has_issues; access tokens get X-RateLimit-Limit / -Resource / -NearLimit (bitbucket.org/blog, "Introducing
  // Scaled Rate Limits for Bitbucket Cloud API").
  it('serves the repository with has_issues, and rate-limit headers to access tokens', async () => {
    const repo = await api('GET', APP, { auth: WRITE });
    expect(repo.status).toBe(200);
    expect(repo.body).toMatchObject({
      type: 'repository',
      full_name: 'acme/app',
      is_private: true,
      has_issues: true,
      links: { self: { href: `${bb.url}/repositories/acme/app` }, html: { href: `${bb.webUrl}/acme/app` } },
    });
    expect(repo.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(repo.headers.get('x-ratelimit-limit')).toBe('1000');
    expect(repo.headers.get('x-ratelimit-resource')).toBe('api');
    expect(repo.headers.get('x-ratelimit-nearlimit')).toBe('false');
    const quiet = await api('GET', '/repositories/acme/quiet', { auth: WRITE });
    expect(quiet.body['has_issues']).toBe(false);
    // An app password is measured per user and gets none of those headers.
    const byUser = await api('GET', APP, { auth: ALICE });
    expect(byUser.status).toBe(200);
    expect(byUser.headers.get('x-ratelimit-limit')).toBeNull();
  });

  let first: IssueJson;

  // REF "Create an issue" (#api-repositories-workspace-repo-slug-issues-post): "The only required element is title";
  // "The authenticated user is used for the issue's reporter field"; swagger `issue` enums.
  it('creates an issue with every writable field, the caller as reporter', async () => {
    const created = await api<IssueJson>('POST', `${APP}/issues`, {
      auth: ALICE,
      body: {
        title: 'First',
        content: { raw: 'Hello **world**' },
        kind: 'task',
        priority: 'minor',
        assignee: { account_id: bob.account_id },
        milestone: { name: 'v1' },
        version: { name: '1.0' },
        component: { name: 'backend' },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      type: 'issue',
      id: 1,
      title: 'First',
      state: 'new',
      kind: 'task',
      priority: 'minor',
      content: { type: 'rendered', raw: 'Hello **world**', markup: 'markdown' },
      milestone: { type: 'milestone', name: 'v1', id: v1.id },
      version: { name: '1.0' },
      component: { name: 'backend' },
      created_on: '2024-05-01T10:00:00.000000+00:00',
      updated_on: '2024-05-01T10:00:00.000000+00:00',
      edited_on: null,
      votes: 0,
      repository: { type: 'repository', full_name: 'acme/app' },
      links: {
        self: { href: `${bb.url}/repositories/acme/app/issues/1` },
        html: { href: `${bb.webUrl}/acme/app/issues/1` },
      },
    });
    expect(created.body.reporter?.account_id).toBe(alice.account_id);
    expect(created.body.assignee?.uuid).toBe(bob.uuid);
    first = created.body;

    // Defaults: kind bug, priority major, state new, empty content, nulls for the rest.
    const bare = await api<IssueJson>('POST', `${APP}/issues`, { auth: WRITE, body: { title: 'Bare' } });
    expect(bare.status).toBe(201);
    expect(bare.body).toMatchObject({
      id: 2,
      kind: 'bug',
      priority: 'major',
      state: 'new',
      content: { raw: '', html: '' },
      assignee: null,
      milestone: null,
      version: null,
      component: null,
    });
    // A workspace access token acts as its own bot account.
    expect(bare.body.reporter?.display_name).toBe('acme access token');
    // The API token (email + token) works too, with granular scopes.
    const viaApiToken = await api<IssueJson>('POST', `${APP}/issues`, {
      auth: ALICE_API,
      body: { title: 'Via API token', state: 'open' },
    });
    expect(viaApiToken.status).toBe(201);
    expect(viaApiToken.body.state).toBe('open');
  });

  // REF "Update an issue" (#api-repositories-workspace-repo-slug-issues-issue-id-put): "Any field not present keeps
  // its existing value"; null removes a value; "Each time an issue is edited … an immutable change record is created".
  it('gets and partially updates an issue, moving updated_on and recording a change', async () => {
    now += 60_000;
    const got = await api<IssueJson>('GET', `${APP}/issues/1`, { auth: READ });
    expect(got.status).toBe(200);
    expect(got.body).toEqual(first);

    const updated = await api<IssueJson>('PUT', `${APP}/issues/1`, {
      auth: WRITE,
      body: { title: 'First (edited)', assignee: null, priority: 'critical', component: null },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      title: 'First (edited)',
      assignee: null,
      priority: 'critical',
      component: null,
      kind: 'task',
      milestone: { name: 'v1' },
      content: { raw: 'Hello **world**' },
      created_on: first.created_on,
      updated_on: '2024-05-01T10:01:00.000000+00:00',
      edited_on: '2024-05-01T10:01:00.000000+00:00',
    });
    const changes = bb.listChanges('acme/app', 1);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.changes).toEqual({
      title: { old: 'First', new: 'First (edited)' },
      priority: { old: 'minor', new: 'critical' },
      assignee: { old: 'bob', new: '' },
      assignee_account_id: { old: bob.account_id, new: '' },
      component: { old: 'backend', new: '' },
    });
  });

  // REF "Modify the state of an issue" (#api-repositories-workspace-repo-slug-issues-issue-id-changes-post): the
  // documented way to change state — `{"changes": {"state": {"new": "resolved"}}, "message": {"raw": …}}` — and
  // "List changes on an issue": "Changes are returned in chronological order with the oldest change first".
  it('changes state through POST …/changes and through PUT, listing the change log oldest first', async () => {
    now += 60_000;
    const change = await api<IssueChangeJson>('POST', `${APP}/issues/1/changes`, {
      auth: ALICE,
      body: {
        changes: { state: { new: 'resolved' }, assignee_account_id: { new: alice.account_id } },
        message: { raw: 'This is now resolved.' },
      },
    });
    expect(change.status).toBe(201);
    expect(change.body).toMatchObject({
      type: 'issue_change',
      changes: {
        state: { old: 'new', new: 'resolved' },
        assignee_account_id: { old: '', new: alice.account_id },
      },
      message: { type: 'rendered', raw: 'This is now resolved.', html: '<p>This is now resolved.</p>' },
      issue: { type: 'issue', id: 1 },
      created_on: '2024-05-01T10:02:00.000000+00:00',
    });
    expect(change.body.user?.account_id).toBe(alice.account_id);
    const resolved = await api<IssueJson>('GET', `${APP}/issues/1`, { auth: READ });
    expect(resolved.body).toMatchObject({
      state: 'resolved',
      updated_on: '2024-05-01T10:02:00.000000+00:00',
    });
    expect(resolved.body.assignee?.nickname).toBe('alice');

    now += 60_000;
    const closed = await api<IssueJson>('PUT', `${APP}/issues/1`, { auth: WRITE, body: { state: 'closed' } });
    expect(closed.body.state).toBe('closed');

    const log = await api<PageJson<IssueChangeJson>>('GET', `${APP}/issues/1/changes`, { auth: READ });
    expect(log.status).toBe(200);
    expect(log.body.values.map((c) => c.changes['state'] ?? null)).toEqual([
      null,
      { old: 'new', new: 'resolved' },
      { old: 'resolved', new: 'closed' },
    ]);
    const one = await api<IssueChangeJson>('GET', `${APP}/issues/1/changes/${change.body.id}`, {
      auth: READ,
    });
    expect(one.body.id).toBe(change.body.id);

    const badState = await api<ErrorJson>('POST', `${APP}/issues/1/changes`, {
      auth: WRITE,
      body: { changes: { state: { new: 'done' } } },
    });
    expect(badState.status).toBe(400);
    expect(badState.body.error.fields).toEqual({ state: ['"done" is not a valid choice.'] });
  });

  // INTRO "Pagination": `{size, page, pagelen, next, previous, values}`; "Use this link to navigate the result set and
  // refrain from constructing your own URLs"; pagelen default 10, at most 100 ("Invalid pagelen" beyond).
  it('pages 120 issues by following absolute next links', async () => {
    for (let n = 1; n <= 120; n += 1) {
      now += 1000;
      const made = await api('POST', '/repositories/acme/bulk/issues', {
        auth: WRITE,
        body: { title: `Bulk ${n}` },
      });
      expect(made.status).toBe(201);
    }
    const seen: number[] = [];
    const pages: Array<PageJson<IssueJson>> = [];
    let next: string | undefined = `${bb.url}/repositories/acme/bulk/issues?pagelen=50`;
    while (next !== undefined) {
      const reply: Reply<PageJson<IssueJson>> = await api<PageJson<IssueJson>>('GET', next, { auth: WRITE });
      expect(reply.status).toBe(200);
      pages.push(reply.body);
      seen.push(...reply.body.values.map((issue) => issue.id));
      next = reply.body.next;
    }
    expect(seen).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(pages.map((p) => [p.page, p.pagelen, p.values.length, p.size])).toEqual([
      [1, 50, 50, 120],
      [2, 50, 50, 120],
      [3, 50, 20, 120],
    ]);
    expect(pages[0]?.next).toBe(`${bb.url}/repositories/acme/bulk/issues?pagelen=50&page=2`);
    expect(pages[0]?.previous).toBeUndefined();
    expect(pages[1]?.previous).toBe(`${bb.url}/repositories/acme/bulk/issues?pagelen=50&page=1`);
    expect(pages[2]?.next).toBeUndefined();

    const defaulted = await api<PageJson<IssueJson>>('GET', '/repositories/acme/bulk/issues', {
      auth: WRITE,
    });
    expect(defaulted.body.pagelen).toBe(10);
    expect(defaulted.body.values).toHaveLength(10);
    const tooLong = await api<ErrorJson>('GET', '/repositories/acme/bulk/issues', {
      auth: WRITE,
      query: { pagelen: '101' },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toEqual({ type: 'error', error: { message: 'Invalid pagelen' } });
    const pastEnd = await api('GET', '/repositories/acme/bulk/issues', {
      auth: WRITE,
      query: { page: '99' },
    });
    expect(pastEnd.status).toBe(404);
  });

  // INTRO "Filtering and sorting": BBQL `q` with =, !=, ~, >, AND, OR, parentheses, bare datetimes; `sort=-field`.
  it('filters with BBQL and sorts', async () => {
    const ids = async (query: Record<string, string>): Promise<number[]> => {
      const reply = await api<PageJson<IssueJson>>('GET', `${APP}/issues`, { auth: READ, query });
      expect(reply.status).toBe(200);
      return reply.body.values.map((issue) => issue.id);
    };
    expect(await ids({ q: 'state = "closed"' })).toEqual([1]);
    expect(await ids({ q: 'state != "closed"' })).toEqual([2, 3]);
    expect(await ids({ q: 'kind = "bug" AND priority = "major"' })).toEqual([2, 3]);
    expect(await ids({ q: '(state = "open" OR state = "closed") AND kind != "bug"' })).toEqual([1]);
    expect(await ids({ q: 'title ~ "api"' })).toEqual([3]);
    expect(await ids({ q: 'milestone.name = "v1"' })).toEqual([1]);
    expect(await ids({ q: 'assignee = null' })).toEqual([2, 3]);
    expect(await ids({ q: `assignee.account_id = "${alice.account_id}"` })).toEqual([1]);
    expect(await ids({ q: 'state IN ("new", "open")' })).toEqual([2, 3]);
    expect(await ids({ q: 'priority >= "critical"' })).toEqual([1]);

    now += 60_000;
    const mark = new Date(now).toISOString().replace('.000Z', '+00:00');
    now += 1000;
    bb.editIssue('acme/app', 2, { content: 'Edited on bitbucket.org', state: 'on hold' }, 'bob');
    expect(await ids({ q: `updated_on > ${mark}` })).toEqual([2]);
    expect(await ids({ q: `updated_on > "${mark}"` })).toEqual([2]);
    expect(await ids({ q: 'state = "on hold"' })).toEqual([2]);
    expect(await ids({ sort: '-updated_on' })).toEqual([2, 1, 3]);
    expect(await ids({ sort: 'priority' })).toEqual([2, 3, 1]);
    expect(bb.listChanges('acme/app', 2).at(-1)?.user?.nickname).toBe('bob');

    for (const q of [
      'state = ',
      'nope = "x"',
      'state = "new" AND',
      '(state = "new"',
      'created_on > yesterday',
    ]) {
      const bad = await api<ErrorJson>('GET', `${APP}/issues`, { auth: READ, query: { q } });
      expect(bad.status).toBe(400);
      expect(bad.body.type).toBe('error');
    }
    const badSort = await api('GET', `${APP}/issues`, { auth: READ, query: { sort: 'nope' } });
    expect(badSort.status).toBe(400);
  });

  // REF "List milestones" / "Get a milestone" (#api-repositories-workspace-repo-slug-milestones-get): read-only — the
  // API has no operation to create one; "only available on repositories that have the issue tracker enabled".
  it('lists milestones, versions and components, which the API cannot create', async () => {
    const milestones = await api<PageJson<NamedJson>>('GET', `${APP}/milestones`, { auth: READ });
    expect(milestones.body.values.map((m) => m.name)).toEqual(['v1', 'v2']);
    expect(milestones.body.values[0]).toEqual({
      type: 'milestone',
      id: v1.id,
      name: 'v1',
      links: { self: { href: `${bb.url}/repositories/acme/app/milestones/${v1.id}` } },
    });
    const one = await api('GET', `${APP}/milestones/${v1.id}`, { auth: READ });
    expect(one.body['name']).toBe('v1');
    expect((await api('GET', `${APP}/milestones/999999`, { auth: READ })).status).toBe(404);
    const post = await api<ErrorJson>('POST', `${APP}/milestones`, { auth: WRITE, body: { name: 'v3' } });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
    expect(post.body.type).toBe('error');
    expect(
      (await api<PageJson<NamedJson>>('GET', `${APP}/versions`, { auth: READ })).body.values[0]?.name,
    ).toBe('1.0');
    expect(
      (await api<PageJson<NamedJson>>('GET', `${APP}/components`, { auth: READ })).body.values[0]?.name,
    ).toBe('backend');
  });

  // REF "List users in a workspace" (api-group-workspaces/#api-workspaces-workspace-members-get), "Get a user" and
  // "Get current user" (api-group-users).
  it('lists workspace members and serves users', async () => {
    const members = await api<PageJson<{ type: string; user: AccountJson; workspace: { slug: string } }>>(
      'GET',
      '/workspaces/acme/members',
      { auth: ALICE },
    );
    expect(members.status).toBe(200);
    expect(members.body.values.map((m) => [m.type, m.user.nickname, m.workspace.slug])).toEqual([
      ['workspace_membership', 'alice', 'acme'],
      ['workspace_membership', 'bob', 'acme'],
    ]);
    const paged = await api<PageJson<unknown>>('GET', '/workspaces/acme/members', {
      auth: ALICE,
      query: { pagelen: '1' },
    });
    expect(paged.body.next).toBe(`${bb.url}/workspaces/acme/members?pagelen=1&page=2`);
    const byEmail = await api<PageJson<{ user: AccountJson }>>('GET', '/workspaces/acme/members', {
      auth: WRITE,
      query: { q: 'user.email IN ("alice@example.com")' },
    });
    expect(byEmail.body.values.map((m) => m.user.nickname)).toEqual(['alice']);
    expect((await api('GET', '/workspaces/other/members', { auth: ALICE })).status).toBe(404);

    const byUuid = await api<AccountJson>('GET', `/users/${encodeURIComponent(bob.uuid)}`, { auth: ALICE });
    expect(byUuid.body).toMatchObject({ type: 'user', account_id: bob.account_id, account_status: 'active' });
    const byId = await api<AccountJson>('GET', `/users/${bob.account_id}`, { auth: ALICE_API });
    expect(byId.body.uuid).toBe(bob.uuid);
    expect((await api('GET', '/users/nobody', { auth: ALICE })).status).toBe(404);

    const me = await api<AccountJson>('GET', '/user', { auth: ALICE });
    expect(me.body).toMatchObject({
      nickname: 'alice',
      display_name: 'Alice Liddell',
      account_id: alice.account_id,
    });
    expect((await api<AccountJson>('GET', '/user', { auth: ALICE_API })).body.account_id).toBe(
      alice.account_id,
    );
    expect((await api('GET', '/user')).status).toBe(401);
    void mallory;
  });

  describe('errors in Bitbucket’s shape', () => {
    // INTRO "Authentication methods"; 401 texts seen in the wild (see auth.ts).
    it('401 for unknown credentials: JSON for a Bearer token, plain text for a Basic login', async () => {
      const bearer = await api<ErrorJson>('GET', `${APP}/issues`, { auth: { bearer: 'nope' } });
      expect(bearer.status).toBe(401);
      expect(bearer.body).toEqual({
        type: 'error',
        error: { message: 'Token is invalid, expired, or not supported for this endpoint.' },
      });
      const basic = await api('GET', `${APP}/issues`, { auth: { basic: ['alice', 'wrong'] } });
      expect(basic.status).toBe(401);
      expect(basic.text).toMatch(/^Login failed due to incorrect login credentials or method\./);
      expect(basic.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(basic.headers.get('www-authenticate')).toBe('Basic realm="Bitbucket.org HTTP"');
    });

    // Scope errors: backstage/backstage#22383 (classic scopes), gildas/bitbucket-cli#56 (API-token scopes).
    it('403 naming the required and granted scopes', async () => {
      const write = await api<ErrorJson>('POST', `${APP}/issues`, { auth: READ, body: { title: 'nope' } });
      expect(write.status).toBe(403);
      expect(write.body).toEqual({
        type: 'error',
        error: {
          message: 'Your credentials lack one or more required privilege scopes.',
          detail: { required: ['issue:write'], granted: ['issue'] },
        },
      });
      const me = await api<ErrorJson>('GET', '/user', { auth: READ });
      expect(me.status).toBe(403);
      expect(me.body.error.detail).toEqual({ required: ['account'], granted: ['issue'] });
      const granular = await api<ErrorJson>('PUT', `${APP}/issues/2`, {
        auth: { basic: ['alice@example.com', 'api-token-read'] },
        body: { title: 'nope' },
      });
      expect(granular.status).toBe(403);
      expect(granular.body.error.detail).toEqual({
        required: ['read:issue:bitbucket', 'write:issue:bitbucket'],
        granted: ['read:issue:bitbucket'],
      });
      expect(bb.getIssue('acme/app', 2)?.title).toBe('Bare');
    });

    // composer/composer#10657: the 404 of a repository that is missing or not visible to the caller.
    it('404 for a repository that does not exist or that the caller cannot see', async () => {
      const message =
        "The requested repository either does not exist or you do not have access. If you believe this repository exists and you have access, make sure you're authenticated.";
      for (const [auth, path] of [
        [ALICE, '/repositories/other/hidden/issues'],
        [WRITE, '/repositories/other/hidden'],
        [READ, '/repositories/acme/bulk/issues'],
        [ALICE, '/repositories/acme/ghost/issues'],
      ] as const) {
        const reply = await api<ErrorJson>('GET', path, { auth });
        expect(reply.status).toBe(404);
        expect(reply.body).toEqual({ type: 'error', error: { message } });
      }
      const missingIssue = await api<ErrorJson>('GET', `${APP}/issues/999`, { auth: READ });
      expect(missingIssue.status).toBe(404);
    });

    // getsentry/sentry#84251: `{"type": "error", "error": {"message": "Repository has no issue tracker."}}`.
    it('404 "Repository has no issue tracker." on every issue-tracker endpoint when it is off', async () => {
      for (const [method, path, body] of [
        ['GET', '/repositories/acme/quiet/issues', undefined],
        ['POST', '/repositories/acme/quiet/issues', { title: 'x' }],
        ['GET', '/repositories/acme/quiet/issues/1', undefined],
        ['GET', '/repositories/acme/quiet/milestones', undefined],
      ] as const) {
        const reply = await api<ErrorJson>(method, path, { auth: WRITE, body });
        expect(reply.status).toBe(404);
        expect(reply.body).toEqual({ type: 'error', error: { message: 'Repository has no issue tracker.' } });
      }
    });

    // REF "Create an issue": title is required; swagger enums for kind / priority / state. 400 body with `fields`.
    it('400 with per-field messages for invalid issue writes', async () => {
      const missing = await api<ErrorJson>('POST', `${APP}/issues`, {
        auth: WRITE,
        body: { content: { raw: 'x' } },
      });
      expect(missing.status).toBe(400);
      expect(missing.body).toEqual({
        type: 'error',
        error: { message: 'Bad request', fields: { title: ['This field is required.'] } },
      });
      const blank = await api<ErrorJson>('POST', `${APP}/issues`, { auth: WRITE, body: { title: '   ' } });
      expect(blank.body.error.fields).toEqual({ title: ['This field is required.'] });
      const enums = await api<ErrorJson>('POST', `${APP}/issues`, {
        auth: WRITE,
        body: { title: 't', kind: 'feature', priority: 'urgent', state: 'done' },
      });
      expect(enums.body.error.fields).toEqual({
        kind: ['"feature" is not a valid choice.'],
        priority: ['"urgent" is not a valid choice.'],
        state: ['"done" is not a valid choice.'],
      });
      const milestone = await api<ErrorJson>('PUT', `${APP}/issues/2`, {
        auth: WRITE,
        body: { milestone: { name: 'v9' } },
      });
      expect(milestone.status).toBe(400);
      expect(milestone.body.error.fields).toEqual({ milestone: ['"v9" is not a valid milestone.'] });
      const assignee = await api<ErrorJson>('POST', `${APP}/issues`, {
        auth: WRITE,
        body: { title: 't', assignee: { account_id: mallory.account_id } },
      });
      expect(assignee.body.error.fields).toEqual({
        assignee: [`"${mallory.account_id}" is not a valid user.`],
      });
      const malformed = await api<ErrorJson>('POST', `${APP}/issues`, { auth: WRITE, rawBody: '{"title": ' });
      expect(malformed.status).toBe(400);
      const array = await api<ErrorJson>('POST', `${APP}/issues`, { auth: WRITE, body: ['x'] });
      expect(array.status).toBe(400);
      expect(bb.listIssues('acme/app')).toHaveLength(3);
    });

    // sourcebot-dev/sourcebot#295: the body of an unknown URL.
    it('404 "Resource not found" for an unknown URL, and public repositories for anonymous callers', async () => {
      const unknown = await api<ErrorJson>('GET', `${APP}/nope`, { auth: WRITE });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error).toMatchObject({ message: 'Resource not found' });
      expect(String(unknown.body.error.detail)).toMatch(/^There is no API hosted at this URL\./);
      const outside = await call(bb.webUrl, 'GET', '/repositories/acme/app');
      expect(outside.status).toBe(404);

      const anonymous = await api<PageJson<IssueJson>>('GET', '/repositories/acme/open/issues');
      expect(anonymous.status).toBe(200);
      expect(anonymous.headers.get('x-ratelimit-limit')).toBe('60, 60;w=3600');
      expect(anonymous.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
      expect((await api('POST', '/repositories/acme/open/issues', { body: { title: 'x' } })).status).toBe(
        401,
      );
      expect((await api('GET', APP)).status).toBe(404);
      // A member of the workspace writes to its public repository like to any other.
      expect(
        (await api('POST', '/repositories/acme/open/issues', { auth: ALICE, body: { title: 'ok' } })).status,
      ).toBe(201);
    });
  });

  describe('faults', () => {
    it('status: answers with the injected status without touching state, honouring after and times', async () => {
      bb.injectFault({
        method: 'GET',
        path: /\/issues$/,
        after: 1,
        times: 2,
        kind: 'status',
        status: 502,
        body: 'Bad Gateway',
      });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1)
        statuses.push((await api('GET', `${APP}/issues`, { auth: READ })).status);
      expect(statuses).toEqual([200, 502, 502, 200]);
      const before = bb.listIssues('acme/app').length;
      bb.injectFault({
        method: 'POST',
        kind: 'status',
        status: 500,
        body: { type: 'error', error: { message: 'Something went wrong' } },
      });
      expect((await api('POST', `${APP}/issues`, { auth: WRITE, body: { title: 'never' } })).status).toBe(
        500,
      );
      expect(bb.listIssues('acme/app')).toHaveLength(before);
    });

    it('reset: drops the connection before handling', async () => {
      const before = bb.listIssues('acme/app').length;
      bb.injectFault({ method: 'POST', path: /\/issues$/, kind: 'reset' });
      await expect(api('POST', `${APP}/issues`, { auth: WRITE, body: { title: 'lost' } })).rejects.toThrow();
      expect(bb.listIssues('acme/app')).toHaveLength(before);
      expect(bb.requests.at(-1)).toMatchObject({ fault: 'reset', status: 0 });
    });

    it('truncate: the write lands, the response is cut', async () => {
      const before = bb.listIssues('acme/app').length;
      bb.injectFault({ method: 'POST', path: /\/issues$/, kind: 'truncate' });
      await expect(
        api('POST', `${APP}/issues`, { auth: WRITE, body: { title: 'landed' } }),
      ).rejects.toThrow();
      const after = bb.listIssues('acme/app');
      expect(after).toHaveLength(before + 1);
      expect(after.at(-1)?.title).toBe('landed');
    });

    it('delay: the answer comes late', async () => {
      bb.injectFault({ path: /^\/repositories\/acme\/app$/, kind: 'delay', ms: 120 });
      const started = Date.now();
      expect((await api('GET', APP, { auth: WRITE })).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(110);
      expect(bb.requests.at(-1)).toMatchObject({ fault: 'delay', status: 200 });
      bb.clearFaults();
    });
  });

  it('records every exchange under its documented operation', () => {
    const statuses = new Set(bb.requests.map((r) => r.status));
    for (const status of [200, 201, 400, 401, 403, 404, 405, 500, 502])
      expect(statuses.has(status)).toBe(true);
    const sample = bb.requests.find(
      (r) => r.method === 'POST' && r.status === 201 && r.path.endsWith('/issues'),
    );
    expect(sample).toMatchObject({
      path: expect.stringMatching(/^\/repositories\//),
      operation: 'POST /repositories/{workspace}/{repo_slug}/issues',
    });
    expect(typeof sample?.durationMs).toBe('number');
  });
});

describe('Bitbucket emulator rate limits (contract)', () => {
  // support.atlassian.com/bitbucket-cloud/docs/api-request-limits: a one-hour rolling window; 429 and "Rate limit for
  // this resource has been exceeded" (Rate Limit Troubleshooting KB); scaled-rate-limit headers for access tokens.
  it('answers 429 with Retry-After past the limit on /repositories/*, and recovers as the window rolls', async () => {
    let now = START;
    const bb = await BitbucketEmulator.start({ now: () => now, rateLimit: { limit: 5 } });
    try {
      bb.addRepository('acme/app');
      bb.addUser('alice', { workspaces: ['acme'] });
      bb.addToken('rat', { kind: 'repository', repository: 'acme/app', scopes: ['issue:write', 'account'] });
      const auth: Auth = { bearer: 'rat' };
      const near: string[] = [];
      for (let i = 0; i < 5; i += 1) {
        const reply = await call(bb.url, 'GET', '/repositories/acme/app/issues', { auth });
        expect(reply.status).toBe(200);
        near.push(reply.headers.get('x-ratelimit-nearlimit') ?? '');
        now += 60_000;
      }
      expect(near).toEqual(['false', 'false', 'false', 'false', 'true']);
      const limited = await call<ErrorJson>(bb.url, 'POST', '/repositories/acme/app/issues', {
        auth,
        body: { title: 'x' },
      });
      expect(limited.status).toBe(429);
      expect(limited.body).toEqual({
        type: 'error',
        error: { message: 'Rate limit for this resource has been exceeded' },
      });
      // The first request leaves the window an hour after it was made: 3600 s - 5 minutes.
      expect(limited.headers.get('retry-after')).toBe(String(3600 - 300));
      expect(limited.headers.get('x-ratelimit-limit')).toBe('5');
      expect(bb.listIssues('acme/app')).toHaveLength(0);
      // Endpoints outside /repositories/* are not in the "api" resource.
      expect((await call(bb.url, 'GET', '/user', { auth })).status).toBe(200);
      now = START + 3_600_000;
      const again = await call(bb.url, 'POST', '/repositories/acme/app/issues', {
        auth,
        body: { title: 'x' },
      });
      expect(again.status).toBe(201);
      const stillFull = await call(bb.url, 'GET', '/repositories/acme/app/issues', { auth });
      expect(stillFull.status).toBe(429);
      expect(stillFull.headers.get('retry-after')).toBe('60');
      exchanges.push(...bb.requests);
    } finally {
      await bb.stop();
    }
  });

  // "Anonymous requests are subject to a strict rate limit of 60 requests per hour across all API resources."
  it('limits anonymous callers per IP across all resources', async () => {
    const bb = await BitbucketEmulator.start({ now: () => START, rateLimit: { anonymousLimit: 2 } });
    try {
      bb.addRepository('acme/open', { private: false });
      expect(
        (await call(bb.url, 'GET', '/repositories/acme/open')).headers.get('x-ratelimit-remaining'),
      ).toBe('1');
      expect((await call(bb.url, 'GET', '/users/%7Bnobody%7D')).status).toBe(404);
      const limited = await call(bb.url, 'GET', '/repositories/acme/open/issues');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('3600');
      exchanges.push(...bb.requests);
    } finally {
      await bb.stop();
    }
  });
});

describe('schema conformance of every recorded exchange', () => {
  it('maps concrete paths to the swagger templates', () => {
    expect(templateFor('GET', '/repositories/acme/app/issues/12')).toBe(
      '/repositories/{workspace}/{repo_slug}/issues/{issue_id}',
    );
    expect(templateFor('POST', 'http://127.0.0.1:1/2.0/repositories/acme/app/issues/3/changes?x=1')).toBe(
      '/repositories/{workspace}/{repo_slug}/issues/{issue_id}/changes',
    );
    expect(templateFor('GET', '/2.0/workspaces/acme/members')).toBe('/workspaces/{workspace}/members');
    expect(templateFor('GET', '/no/such/thing')).toBeUndefined();
  });

  it('reports what does not conform (so a clean pass means something)', () => {
    const issue = exchanges.find(
      (r) =>
        r.operation === 'GET /repositories/{workspace}/{repo_slug}/issues/{issue_id}' && r.status === 200,
    );
    const broken = {
      ...(issue?.responseBody as Record<string, unknown>),
      id: 'one',
      invented: true,
      state: 'done',
    };
    const problems = validateExchange({
      method: 'GET',
      pathTemplate: '/repositories/{workspace}/{repo_slug}/issues/{issue_id}',
      status: 200,
      responseBody: broken,
    }).join('\n');
    expect(problems).toMatch(/\/id must be integer/);
    expect(problems).toMatch(/invented/);
    expect(problems).toMatch(/\/state must be equal to one of the allowed values/);
    expect(
      validateExchange({
        method: 'POST',
        path: '/repositories/acme/app/issues',
        status: 201,
        requestBody: { title: 't', labels: [] },
        responseBody: issue?.responseBody,
      }),
    ).toEqual([expect.stringMatching(/request: \(root\) must NOT have additional properties 'labels'/)]);
    expect(validateExchange({ method: 'GET', path: '/nope', status: 200 })).toHaveLength(1);
    expect(
      validateExchange({ method: 'GET', path: '/user', status: 404, responseBody: { message: 'Not Found' } })
        .length,
    ).toBeGreaterThan(0);
  });

  it('finds every request and response body valid against the schemas', () => {
    const checked = exchanges.filter(
      (r) =>
        r.operation !== undefined &&
        r.status >= 200 &&
        r.status < 500 &&
        (r.fault === undefined || r.fault === 'delay'),
    );
    expect(checked.length).toBeGreaterThan(200);
    expect(new Set(checked.map((r) => r.operation)).size).toBeGreaterThanOrEqual(14);
    const problems = checked.flatMap((r) =>
      validateExchange({
        method: r.method,
        pathTemplate: (r.operation ?? '').slice((r.operation ?? '').indexOf(' ') + 1),
        requestBody: r.requestBody,
        status: r.status,
        responseBody: r.responseBody,
      }),
    );
    expect([...new Set(problems)]).toEqual([]);
    // Errors outside any operation (unknown URLs, 405s, 429s) are still in the error envelope.
    const others = exchanges.filter(
      (r) => r.operation === undefined && r.status >= 400 && r.fault === undefined,
    );
    expect(others.length).toBeGreaterThan(0);
    for (const r of others)
      expect(r.responseBody).toMatchObject({ type: 'error', error: { message: expect.any(String) } });
  });
});
