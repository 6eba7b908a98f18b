/**
 * Contract tests of the Bitbucket Cloud adapter (src/platforms/bitbucket) against the local Bitbucket emulator over
 * real HTTP: no mocked functions. Every exchange is read back from `emulator.requests`, and at the end every successful
 * one is checked against the swagger-derived schemas (test-support/openapi-bitbucket).
 */

import type { ActualIssue } from '../../src/core/actual.js';
import { OrchestratorGitError } from '../../src/errors.js';
import {
  BITBUCKET_CAPABILITIES,
  BitbucketIssueTracker,
  type BitbucketAuth,
  type BitbucketClientOptions,
} from '../../src/platforms/bitbucket/issues.js';
import type { ResolvedIssueWrite } from '../../src/platforms/types.js';
import {
  BitbucketEmulator,
  type AccountJson,
  type IssueJson,
  type NamedJson,
  type RecordedRequest,
} from '../../test-support/emulators/bitbucket/index.js';
import { validateExchange } from '../../test-support/openapi-bitbucket/index.js';

const START = Date.parse('2024-05-01T10:00:00Z');
/** Bitbucket's timestamp format for an epoch-milliseconds time. */
const bbTime = (ms: number): string => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00');

const WAT: BitbucketAuth = { kind: 'bearer', token: 'wat-secret-token' }; // workspace access token of acme
const RAT_READ: BitbucketAuth = { kind: 'bearer', token: 'rat-read-secret' }; // repository token, `issue` only
const RAT_NO_ACCOUNT: BitbucketAuth = { kind: 'bearer', token: 'rat-noacct-secret' }; // issue:write, no `account`
const ALICE_APP: BitbucketAuth = { kind: 'basic', username: 'alice', password: 'app-pw-secret' };
const ALICE_API: BitbucketAuth = { kind: 'basic', username: 'alice@example.com', password: 'api-tok-secret' };
const ALICE_API_READ: BitbucketAuth = {
  kind: 'basic',
  username: 'alice@example.com',
  password: 'api-read-secret',
};
const SECRETS = ['wat-secret-token', 'rat-read-secret', 'app-pw-secret', 'api-read-secret', 'bad-secret'];

function write(title: string, fields: Partial<ResolvedIssueWrite> = {}): ResolvedIssueWrite {
  return { title, body: '', labels: [], assignees: [], milestone: null, ...fields };
}

async function failure(promise: Promise<unknown>): Promise<OrchestratorGitError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OrchestratorGitError) {
      // No credential ever appears in what a user is shown.
      for (const secret of SECRETS) expect(`${error.message}\n${error.fix}`).not.toContain(secret);
      return error;
    }
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** The `status` the engine's ambiguity check reads from a PLATFORM_ERROR's cause. */
function causeStatus(error: OrchestratorGitError): unknown {
  return (error.cause as { status?: unknown } | undefined)?.status;
}

describe('Bitbucket adapter (contract, against the emulator)', () => {
  let now = START;
  let bb: BitbucketEmulator;
  let alice: AccountJson;
  let bob: AccountJson;
  let mallory: AccountJson;
  let watBot: AccountJson;
  let v1: NamedJson;
  let v2: NamedJson;

  const tracker = (
    repository = 'acme/app',
    auth: BitbucketAuth = WAT,
    extra: Partial<BitbucketClientOptions> = {},
  ): BitbucketIssueTracker =>
    new BitbucketIssueTracker(repository, { auth, baseUrl: bb.url, retryBaseMs: 1, ...extra });

  /** The exchanges from `mark` on, as [method, path, query or body]. */
  const since = (mark: number): RecordedRequest[] => bb.requests.slice(mark);
  const calls = (mark: number): string[] =>
    since(mark).map((r) => {
      const query = new URLSearchParams(r.query).toString();
      return `${r.method} ${r.path}${query ? `?${query}` : ''} → ${r.status}`;
    });

  beforeAll(async () => {
    bb = await BitbucketEmulator.start({ now: () => now, rateLimit: false });
    bb.addRepository('acme/app');
    bb.addRepository('acme/bulk');
    bb.addRepository('acme/since');
    bb.addRepository('acme/miles');
    bb.addRepository('acme/faults');
    bb.addRepository('acme/quiet', { hasIssues: false });
    bb.addRepository('other/hidden');
    alice = bb.addUser('alice', { email: 'alice@example.com', workspaces: ['acme'] });
    bob = bb.addUser('bob', { workspaces: ['acme'] });
    mallory = bb.addUser('mallory', { workspaces: ['other'] });
    v1 = bb.addMilestone('acme/app', 'v1');
    v2 = bb.addMilestone('acme/app', 'v2');
    bb.addMilestone('acme/faults', 'm1');
    for (let n = 1; n <= 105; n += 1) bb.addMilestone('acme/miles', `m${n}`);
    watBot = bb.addToken('wat-secret-token', {
      kind: 'workspace',
      workspace: 'acme',
      scopes: ['issue:write', 'account'],
    });
    bb.addToken('rat-read-secret', { kind: 'repository', repository: 'acme/app', scopes: ['issue'] });
    bb.addToken('rat-noacct-secret', {
      kind: 'repository',
      repository: 'acme/app',
      scopes: ['issue:write'],
    });
    bb.addAppPassword('alice', 'app-pw-secret', { scopes: ['issue:write', 'account'] });
    bb.addApiToken('alice@example.com', 'api-tok-secret', {
      scopes: [
        'read:issue:bitbucket',
        'write:issue:bitbucket',
        'read:workspace:bitbucket',
        'read:user:bitbucket',
      ],
    });
    bb.addApiToken('alice@example.com', 'api-read-secret', { scopes: ['read:issue:bitbucket'] });
  });

  afterEach(() => {
    bb.clearFaults();
  });

  afterAll(async () => {
    await bb.stop();
  });

  it('validates workspace/repo_slug and declares what Bitbucket can hold', async () => {
    for (const bad of ['acme', 'acme/app/extra', 'acme/..', '', 'ac me/app', '/app', 'acme/', '-acme/app']) {
      let caught: unknown;
      try {
        tracker(bad);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(OrchestratorGitError);
      expect((caught as OrchestratorGitError).code).toBe('REPOSITORY_MALFORMED');
      expect((caught as OrchestratorGitError).fix).toMatch(/workspace\/repo_slug/);
    }
    const padded = tracker(' acme/app ');
    expect(padded.repository).toBe('acme/app');
    expect(padded.platform).toBe('bitbucket');
    expect(tracker('{0a1b2c3d-0000-4000-8000-000000000001}/app').repository).toBe(
      '{0a1b2c3d-0000-4000-8000-000000000001}/app',
    );
    expect(padded.capabilities).toBe(BITBUCKET_CAPABILITIES);
    expect(BITBUCKET_CAPABILITIES).toEqual({
      stateReason: true,
      labels: false,
      createMilestones: false,
      maxAssignees: 1,
      titleLimit: 255,
      timestampPrecisionMs: 1,
      attributes: ['kind', 'priority', 'state'],
    });
    // Nothing is sent before a call, and labels never need the network.
    const mark = bb.requests.length;
    expect(await padded.listLabels()).toEqual(new Set());
    expect(bb.requests.length).toBe(mark);
  });

  describe('issues of acme/app', () => {
    let first: ActualIssue;

    it('creates an issue with attributes, the first assignee and a milestone (by name)', async () => {
      const t = tracker();
      const mark = bb.requests.length;
      first = await t.createIssue(
        write('First', {
          body: 'Body **md**',
          assignees: [bob.account_id, alice.account_id],
          milestone: v1.id,
          attributes: { kind: 'task', priority: 'critical', state: 'new' },
        }),
      );
      expect(first).toEqual({
        number: 1,
        id: '1',
        url: `${bb.webUrl}/acme/app/issues/1`,
        title: 'First',
        body: 'Body **md**',
        state: 'open',
        stateReason: null,
        labels: [],
        assignees: [bob.account_id],
        milestone: { number: v1.id, title: 'v1' },
        author: watBot.account_id,
        updatedAt: '2024-05-01T10:00:00.000000+00:00',
        attributes: { kind: 'task', priority: 'critical', state: 'new' },
      });
      // The milestone's name comes from the list (read once); the create is one POST.
      expect(calls(mark)).toEqual([
        'GET /repositories/acme/app/milestones?pagelen=100 → 200',
        'POST /repositories/acme/app/issues → 201',
      ]);
      expect(since(mark)[1]?.requestBody).toEqual({
        title: 'First',
        content: { raw: 'Body **md**' },
        assignee: { account_id: bob.account_id },
        milestone: { name: 'v1' },
        kind: 'task',
        priority: 'critical',
        state: 'new',
      });
      expect(bb.getIssue('acme/app', 1)).toMatchObject({
        title: 'First',
        kind: 'task',
        priority: 'critical',
        state: 'new',
        milestone: { id: v1.id, name: 'v1' },
        assignee: { account_id: bob.account_id },
      });

      // A `{uuid}` assignee is sent as such; a bare create sends only title and content.
      const byUuid = await t.createIssue(write('Second', { assignees: [alice.uuid] }));
      expect(since(mark)[2]?.requestBody).toEqual({
        title: 'Second',
        content: { raw: '' },
        assignee: { uuid: alice.uuid },
      });
      expect(byUuid).toMatchObject({
        number: 2,
        assignees: [alice.account_id],
        milestone: null,
        attributes: { kind: 'bug', priority: 'major', state: 'new' },
      });
      expect(t.stats()).toEqual({ reads: 1, writes: 2, graphql: 0, notModified: 0, retries: 0, failures: 0 });
    });

    it('gets an issue (found, missing, tracker off, repository missing)', async () => {
      const t = tracker('acme/app', RAT_READ);
      expect(await t.getIssue(1)).toEqual(first);
      const mark = bb.requests.length;
      expect(await t.getIssue(999)).toBeNull();
      expect(calls(mark)).toEqual(['GET /repositories/acme/app/issues/999 → 404']);

      const quiet = await failure(tracker('acme/quiet').getIssue(1));
      expect(quiet.code).toBe('ISSUES_DISABLED');
      expect(quiet.message).toBe(
        'Repository "acme/quiet" has no issue tracker (404 while reading issue #1).',
      );
      expect(quiet.fix).toMatch(/Repository settings → Features → Issue tracker/);

      const ghost = await failure(tracker('acme/ghost').getIssue(1));
      expect(ghost.code).toBe('REPOSITORY_NOT_FOUND');
      const hidden = await failure(tracker('other/hidden').getIssue(1));
      expect(hidden.code).toBe('REPOSITORY_NOT_FOUND');
      expect(hidden.message).toMatch(
        /^Repository "other\/hidden" was not found, or the credentials cannot see it/,
      );
    });

    it('maps every workflow state to open/closed and a reason, keeping the state as an attribute', async () => {
      const t = tracker();
      const seen: Array<[string, string, string | null, string | undefined]> = [];
      for (const state of [
        'submitted',
        'new',
        'open',
        'on hold',
        'resolved',
        'closed',
        'invalid',
        'duplicate',
        'wontfix',
      ] as const) {
        bb.editIssue('acme/app', 2, { state }, 'bob');
        const issue = await t.getIssue(2);
        seen.push([state, issue?.state ?? '?', issue?.stateReason ?? null, issue?.attributes?.['state']]);
      }
      expect(seen).toEqual([
        ['submitted', 'open', null, 'submitted'],
        ['new', 'open', null, 'new'],
        ['open', 'open', null, 'open'],
        ['on hold', 'open', null, 'on hold'],
        ['resolved', 'closed', 'completed', 'resolved'],
        ['closed', 'closed', 'completed', 'closed'],
        ['invalid', 'closed', 'not_planned', 'invalid'],
        ['duplicate', 'closed', 'not_planned', 'duplicate'],
        ['wontfix', 'closed', 'not_planned', 'wontfix'],
      ]);
      bb.editIssue('acme/app', 2, { state: 'new' }, 'bob');
    });

    it('updates every field, the workflow state included, with one partial PUT', async () => {
      const t = tracker();
      const step = async (
        patch: Parameters<BitbucketIssueTracker['updateIssue']>[1],
      ): Promise<{ issue: ActualIssue; sent: Array<[string, string, unknown]> }> => {
        now += 60_000;
        const mark = bb.requests.length;
        const issue = await t.updateIssue(1, patch);
        return { issue, sent: since(mark).map((r) => [r.method, r.path, r.requestBody]) };
      };
      const ISSUE = '/repositories/acme/app/issues/1';

      let { issue, sent } = await step({ title: 'First (edited)' });
      expect(sent).toEqual([['PUT', ISSUE, { title: 'First (edited)' }]]);
      expect(issue.title).toBe('First (edited)');
      expect(issue.updatedAt).toBe(bbTime(now));

      ({ issue, sent } = await step({ body: 'New body' }));
      expect(sent).toEqual([['PUT', ISSUE, { content: { raw: 'New body' } }]]);
      expect(issue.body).toBe('New body');

      ({ issue, sent } = await step({ assignees: [alice.account_id, bob.account_id] }));
      expect(sent).toEqual([['PUT', ISSUE, { assignee: { account_id: alice.account_id } }]]);
      expect(issue.assignees).toEqual([alice.account_id]);

      ({ issue, sent } = await step({ assignees: [] }));
      expect(sent).toEqual([['PUT', ISSUE, { assignee: null }]]);
      expect(issue.assignees).toEqual([]);

      // This instance has not read the milestones yet: it reads them once to name milestone v2.
      ({ issue, sent } = await step({ milestone: v2.id }));
      expect(sent).toEqual([
        ['GET', '/repositories/acme/app/milestones', undefined],
        ['PUT', ISSUE, { milestone: { name: 'v2' } }],
      ]);
      expect(issue.milestone).toEqual({ number: v2.id, title: 'v2' });

      ({ issue, sent } = await step({ milestone: v1.id }));
      expect(sent).toEqual([['PUT', ISSUE, { milestone: { name: 'v1' } }]]);

      ({ issue, sent } = await step({ milestone: null }));
      expect(sent).toEqual([['PUT', ISSUE, { milestone: null }]]);
      expect(issue.milestone).toBeNull();

      ({ issue, sent } = await step({ attributes: { kind: 'bug', priority: 'trivial' } }));
      expect(sent).toEqual([['PUT', ISSUE, { kind: 'bug', priority: 'trivial' }]]);
      expect(issue.attributes).toEqual({ kind: 'bug', priority: 'trivial', state: 'new' });

      // Close as completed: one write, whose answer is the issue.
      ({ issue, sent } = await step({ state: 'closed', stateReason: 'completed' }));
      expect(sent).toEqual([['PUT', ISSUE, { state: 'resolved' }]]);
      expect([issue.state, issue.stateReason, issue.attributes?.['state']]).toEqual([
        'closed',
        'completed',
        'resolved',
      ]);
      expect(issue.updatedAt).toBe(bbTime(now));
      expect(bb.listChanges('acme/app', 1).at(-1)?.changes).toEqual({
        state: { old: 'new', new: 'resolved' },
      });

      // Only the reason changes: completed → not planned.
      ({ issue, sent } = await step({ state: 'closed', stateReason: 'not_planned' }));
      expect(sent).toEqual([['PUT', ISSUE, { state: 'wontfix' }]]);
      expect([issue.state, issue.stateReason]).toEqual(['closed', 'not_planned']);

      // Reopen together with a title: still one write.
      ({ issue, sent } = await step({ state: 'open', stateReason: 'reopened', title: 'Again' }));
      expect(sent).toEqual([['PUT', ISSUE, { title: 'Again', state: 'open' }]]);
      expect([issue.state, issue.stateReason, issue.title, issue.attributes?.['state']]).toEqual([
        'open',
        null,
        'Again',
        'open',
      ]);

      // The workflow state attribute wins over the derived one.
      ({ issue, sent } = await step({ attributes: { state: 'on hold' } }));
      expect(sent).toEqual([['PUT', ISSUE, { state: 'on hold' }]]);
      expect([issue.state, issue.stateReason, issue.attributes?.['state']]).toEqual([
        'open',
        null,
        'on hold',
      ]);
      ({ issue, sent } = await step({
        state: 'closed',
        stateReason: 'not_planned',
        attributes: { state: 'duplicate' },
      }));
      expect(sent).toEqual([['PUT', ISSUE, { state: 'duplicate' }]]);
      expect([issue.state, issue.stateReason]).toEqual(['closed', 'not_planned']);

      ({ issue } = await step({ state: 'open', stateReason: 'reopened' }));
      expect(issue.state).toBe('open');
      expect(t.stats()).toEqual({
        reads: 1,
        writes: 14,
        graphql: 0,
        notModified: 0,
        retries: 0,
        failures: 0,
      });
    });

    it('lists milestones (every page) as open, without due dates', async () => {
      expect(await tracker().listMilestones()).toEqual([
        { number: v1.id, title: 'v1', state: 'open', dueOn: null },
        { number: v2.id, title: 'v2', state: 'open', dueOn: null },
      ]);
      const t = tracker('acme/miles');
      const mark = bb.requests.length;
      const many = await t.listMilestones();
      expect(many.map((m) => m.title)).toEqual(Array.from({ length: 105 }, (_, i) => `m${i + 1}`));
      expect(calls(mark)).toEqual([
        'GET /repositories/acme/miles/milestones?pagelen=100 → 200',
        'GET /repositories/acme/miles/milestones?pagelen=100&page=2 → 200',
      ]);
    });

    it('refuses to create milestones and labels, saying what to do instead, without a request', async () => {
      const t = tracker();
      const mark = bb.requests.length;
      const milestone = await failure(t.createMilestone({ title: 'v3', dueOn: '2024-06-01', state: 'open' }));
      expect(milestone.code).toBe('NOT_SUPPORTED');
      expect(milestone.message).toBe(
        'Milestone "v3" does not exist in "acme/app", and Bitbucket\'s API cannot create milestones.',
      );
      expect(milestone.fix).toBe(
        'Create it on bitbucket.org in Repository settings → Issues → Milestones, named exactly "v3"; the next run uses it.',
      );
      const label = await failure(
        t.createLabel({ name: 'status:approved', color: '0e8a16', description: '' }),
      );
      expect(label.code).toBe('NOT_SUPPORTED');
      expect(label.message).toBe(
        'Bitbucket Cloud has no labels, so label "status:approved" cannot be created in "acme/app".',
      );
      expect(bb.requests.length).toBe(mark);
    });

    it('checks assignees against the workspace members, once per login', async () => {
      const t = tracker();
      const mark = bb.requests.length;
      expect(await t.isAssignable(bob.account_id)).toBe(true);
      expect(await t.isAssignable(bob.account_id)).toBe(true);
      expect(await t.isAssignable(mallory.account_id)).toBe(false);
      expect(await t.isAssignable(alice.uuid)).toBe(true);
      expect(await t.isAssignable(alice.uuid.toUpperCase())).toBe(true);
      expect(await t.isAssignable('557058:nobody')).toBe(false);
      expect(await t.isAssignable('557058:nobody')).toBe(false);
      expect(since(mark).map((r) => [r.path, r.query['q'], r.status])).toEqual([
        ['/workspaces/acme/members', `user.account_id = "${bob.account_id}"`, 200],
        ['/workspaces/acme/members', `user.account_id = "${mallory.account_id}"`, 200],
        ['/workspaces/acme/members', `user.uuid = "${alice.uuid}"`, 200],
        ['/workspaces/acme/members', 'user.account_id = "557058:nobody"', 200],
      ]);
      expect(t.stats().reads).toBe(4);

      // Without the `account` scope the members cannot be listed: accounts are only checked to exist.
      const logs: string[] = [];
      const limited = tracker('acme/app', RAT_NO_ACCOUNT, { log: (m) => logs.push(m) });
      const mark2 = bb.requests.length;
      expect(await limited.isAssignable(bob.account_id)).toBe(true);
      expect(await limited.isAssignable(mallory.account_id)).toBe(true);
      expect(await limited.isAssignable('557058:nobody')).toBe(false);
      expect(await limited.isAssignable(bob.account_id)).toBe(true);
      expect(calls(mark2)).toEqual([
        `GET /workspaces/acme/members?q=${encodeURIComponent(`user.account_id = "${bob.account_id}"`).replace(/%20/g, '+')}&pagelen=100 → 403`,
        `GET /users/${bob.account_id} → 200`,
        `GET /users/${mallory.account_id} → 200`,
        'GET /users/557058%3Anobody → 404',
      ]);
      expect(logs).toEqual([
        'Bitbucket: the members of workspace acme cannot be listed (403 Your credentials lack one or more required privilege scopes.); assignees are only checked to exist.',
      ]);

      // An API token with neither read:workspace nor read:user: the write will tell.
      const blind = tracker('acme/app', ALICE_API_READ);
      const mark3 = bb.requests.length;
      expect(await blind.isAssignable(bob.account_id)).toBe(true);
      expect(since(mark3).map((r) => r.status)).toEqual([403, 403]);
    });

    it('authenticates with Bearer tokens and with Basic logins (app password, API token)', async () => {
      const mark = bb.requests.length;
      expect((await tracker('acme/app', ALICE_APP).getIssue(1))?.number).toBe(1);
      expect((await tracker('acme/app', ALICE_API).getIssue(1))?.number).toBe(1);
      expect((await tracker('acme/app', RAT_READ).getIssue(1))?.number).toBe(1);
      expect(since(mark).map((r) => r.requestHeaders['authorization'])).toEqual([
        `Basic ${Buffer.from('alice:app-pw-secret').toString('base64')}`,
        `Basic ${Buffer.from('alice@example.com:api-tok-secret').toString('base64')}`,
        'Bearer rat-read-secret',
      ]);
      const mine = await tracker('acme/app', ALICE_API).createIssue(write('By Alice'));
      expect(mine.author).toBe(alice.account_id);
    });
  });

  it('lists every issue across pages of 100, in id order', async () => {
    const creator = tracker('acme/bulk');
    for (let n = 1; n <= 250; n += 1) {
      now += 1000;
      await creator.createIssue(write(`Bulk ${n}`));
    }
    expect(creator.stats()).toEqual({
      reads: 0,
      writes: 250,
      graphql: 0,
      notModified: 0,
      retries: 0,
      failures: 0,
    });
    const reader = tracker('acme/bulk', WAT);
    const mark = bb.requests.length;
    const issues = await reader.listIssues();
    expect(issues.map((issue) => issue.number)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    expect(issues[249]).toMatchObject({ title: 'Bulk 250', url: `${bb.webUrl}/acme/bulk/issues/250` });
    expect(calls(mark)).toEqual([
      'GET /repositories/acme/bulk/issues?pagelen=100&sort=id → 200',
      'GET /repositories/acme/bulk/issues?pagelen=100&sort=id&page=2 → 200',
      'GET /repositories/acme/bulk/issues?pagelen=100&sort=id&page=3 → 200',
    ]);
    expect(reader.stats()).toEqual({
      reads: 3,
      writes: 0,
      graphql: 0,
      notModified: 0,
      retries: 0,
      failures: 0,
    });
  });

  it('lists issues updated since a time with BBQL, sorted by updated_on, the bound included', async () => {
    const t = tracker('acme/since');
    now = START + 86_400_000;
    const base = now;
    for (const title of ['One', 'Two', 'Three']) {
      now += 1000;
      await t.createIssue(write(title));
    }
    now = base + 60_000;
    bb.editIssue('acme/since', 3, { title: 'Three (edited)' }, 'bob');
    now = base + 120_000;
    bb.editIssue('acme/since', 1, { state: 'resolved' }, 'bob');
    const mark = bb.requests.length;
    const changed = await t.listIssues({ updatedSince: new Date(base + 60_000).toISOString() });
    expect(changed.map((issue) => [issue.number, issue.title, issue.state])).toEqual([
      [1, 'One', 'closed'],
      [3, 'Three (edited)', 'open'],
    ]);
    expect(since(mark).map((r) => r.query)).toEqual([
      {
        pagelen: '100',
        sort: 'updated_on',
        q: `updated_on >= "${new Date(base + 60_000).toISOString().replace('Z', '+00:00')}"`,
      },
    ]);
    expect(await t.listIssues({ updatedSince: new Date(base + 120_001).toISOString() })).toEqual([]);
    expect((await t.listIssues()).map((issue) => issue.number)).toEqual([1, 2, 3]);
  });

  describe('errors', () => {
    it('401: bad Bearer token and bad Basic login are TOKEN_INVALID, naming where to set them', async () => {
      const mark = bb.requests.length;
      const bearer = await failure(tracker('acme/app', { kind: 'bearer', token: 'bad-secret' }).listIssues());
      expect(bearer.code).toBe('TOKEN_INVALID');
      expect(bearer.message).toBe(
        'Bitbucket rejected the access token while listing issues (401 Token is invalid, expired, or not supported for this endpoint.).',
      );
      expect(bearer.fix).toMatch(/BITBUCKET_TOKEN is sent as a Bearer token/);
      expect(bearer.fix).toMatch(/BITBUCKET_USERNAME .* BITBUCKET_APP_PASSWORD/);
      expect(causeStatus(bearer)).toBe(401);

      const basic = await failure(
        tracker('acme/app', { kind: 'basic', username: 'alice', password: 'bad-secret' }).getIssue(1),
      );
      expect(basic.code).toBe('TOKEN_INVALID');
      expect(basic.message).toBe(
        'Bitbucket rejected the username and password while reading issue #1 (401 Login failed due to incorrect login credentials or method.).',
      );
      expect(basic.fix).toMatch(/Atlassian account email/);
      // Not retried.
      expect(since(mark).map((r) => r.status)).toEqual([401, 401]);
    });

    it('403: a missing scope is PERMISSION_DENIED naming the scope, classic and granular', async () => {
      const classic = await failure(tracker('acme/app', RAT_READ).createIssue(write('x')));
      expect(classic.code).toBe('PERMISSION_DENIED');
      expect(classic.message).toBe(
        'The credentials lack the scope issue:write needed while creating issue "x" in "acme/app" (403 Your credentials lack one or more required privilege scopes.; granted: issue).',
      );
      expect(classic.fix).toMatch(/scopes issue and issue:write/);
      const granular = await failure(tracker('acme/app', ALICE_API_READ).updateIssue(1, { title: 'x' }));
      expect(granular.code).toBe('PERMISSION_DENIED');
      expect(granular.message).toBe(
        'The credentials lack the scope read:issue:bitbucket, write:issue:bitbucket needed while updating issue #1 in "acme/app" (403 Your credentials lack one or more required privilege scopes.; granted: read:issue:bitbucket).',
      );
      expect(granular.fix).toMatch(/read:issue:bitbucket and write:issue:bitbucket/);
      expect(bb.getIssue('acme/app', 1)?.title).not.toBe('x');
    });

    it('404: a missing repository and a disabled tracker, on every kind of call', async () => {
      for (const repository of ['acme/ghost', 'other/hidden']) {
        const error = await failure(tracker(repository).listIssues());
        expect(error.code).toBe('REPOSITORY_NOT_FOUND');
        expect(error.message).toBe(
          `Repository "${repository}" was not found, or the credentials cannot see it (404 while listing issues: The requested repository either does not exist or you do not have access. If you believe this repository exists and you have access, make sure you're authenticated.).`,
        );
      }
      const quiet = tracker('acme/quiet');
      const codes = [
        (await failure(quiet.listIssues())).code,
        (await failure(quiet.listMilestones())).code,
        (await failure(quiet.createIssue(write('x')))).code,
        (await failure(quiet.updateIssue(1, { title: 'x' }))).code,
      ];
      expect(codes).toEqual(['ISSUES_DISABLED', 'ISSUES_DISABLED', 'ISSUES_DISABLED', 'ISSUES_DISABLED']);
      // A deleted issue is not a missing repository (which would stop the run).
      const gone = await failure(tracker().updateIssue(999, { title: 'x' }));
      expect(gone.code).toBe('PLATFORM_ERROR');
      expect(causeStatus(gone)).toBe(404);
    });

    it('400: VALIDATION_FAILED naming each field; an unknown milestone fails before any request', async () => {
      const before = bb.listIssues('acme/app').length;
      const enums = await failure(
        tracker().createIssue(write('Bad', { attributes: { kind: 'feature', priority: 'urgent' } })),
      );
      expect(enums.code).toBe('VALIDATION_FAILED');
      expect(enums.message).toBe(
        'Bitbucket refused the request while creating issue "Bad": Bad request (kind: "feature" is not a valid choice.; priority: "urgent" is not a valid choice.).',
      );
      const assignee = await failure(
        tracker().createIssue(write('Bad', { assignees: [mallory.account_id] })),
      );
      expect(assignee.message).toBe(
        `Bitbucket refused the request while creating issue "Bad": Bad request (assignee: "${mallory.account_id}" is not a valid user.).`,
      );
      const t = tracker();
      const mark = bb.requests.length;
      const milestone = await failure(t.createIssue(write('Bad', { milestone: 424242 })));
      expect(milestone.code).toBe('VALIDATION_FAILED');
      expect(milestone.message).toBe(
        'Milestone #424242 does not exist in "acme/app" (while creating issue "Bad").',
      );
      expect(calls(mark)).toEqual(['GET /repositories/acme/app/milestones?pagelen=100 → 200']);
      expect(bb.listIssues('acme/app')).toHaveLength(before);
    });

    it('429 with a short Retry-After is waited out; a long one is RATE_LIMITED at once', async () => {
      const t = tracker('acme/faults');
      bb.injectFault({
        method: 'GET',
        path: /\/issues$/,
        kind: 'status',
        status: 429,
        headers: { 'retry-after': '0' },
        body: { type: 'error', error: { message: 'Rate limit for this resource has been exceeded' } },
      });
      const mark = bb.requests.length;
      expect(await t.listIssues()).toEqual([]);
      expect(since(mark).map((r) => r.status)).toEqual([429, 200]);
      expect(t.stats()).toEqual({ reads: 2, writes: 0, graphql: 0, notModified: 0, retries: 1, failures: 1 });

      bb.injectFault({
        method: 'GET',
        path: /\/issues$/,
        kind: 'status',
        status: 429,
        headers: { 'retry-after': '3300' },
        body: { type: 'error', error: { message: 'Rate limit for this resource has been exceeded' } },
      });
      const mark2 = bb.requests.length;
      const limited = await failure(t.listIssues());
      expect(limited.code).toBe('RATE_LIMITED');
      expect(limited.message).toBe(
        "Bitbucket's rate limit stopped the run while listing issues (429 Rate limit for this resource has been exceeded). Bitbucket asked to wait 3300 s.",
      );
      expect(limited.fix).toMatch(/1,000 requests an hour/);
      expect(since(mark2)).toHaveLength(1);
    });

    it('a create refused with 429 is sent again after Retry-After (it never ran), and makes one issue', async () => {
      const t = tracker('acme/faults');
      const before = bb.listIssues('acme/faults').length;
      bb.injectFault({
        method: 'POST',
        path: /\/issues$/,
        kind: 'status',
        status: 429,
        headers: { 'retry-after': '0' },
        body: { type: 'error', error: { message: 'Rate limit for this resource has been exceeded' } },
      });
      const mark = bb.requests.length;
      const created = await t.createIssue(write('After a 429'));
      expect(created.title).toBe('After a 429');
      expect(calls(mark)).toEqual([
        'POST /repositories/acme/faults/issues → 429',
        'POST /repositories/acme/faults/issues → 201',
      ]);
      expect(bb.listIssues('acme/faults')).toHaveLength(before + 1);
    });

    it('the emulator’s own hourly limit stops the run with RATE_LIMITED', async () => {
      const limitedBb = await BitbucketEmulator.start({ now: () => START, rateLimit: { limit: 2 } });
      try {
        limitedBb.addRepository('acme/app');
        limitedBb.addToken('tok', { kind: 'repository', repository: 'acme/app', scopes: ['issue:write'] });
        const t = new BitbucketIssueTracker('acme/app', {
          auth: { kind: 'bearer', token: 'tok' },
          baseUrl: limitedBb.url,
          retryBaseMs: 1,
        });
        expect(await t.listIssues()).toEqual([]);
        expect(await t.listMilestones()).toEqual([]);
        const error = await failure(t.getIssue(1));
        expect(error.code).toBe('RATE_LIMITED');
        expect(error.message).toMatch(/Bitbucket asked to wait 3600 s\.$/);
        expect(limitedBb.requests.map((r) => r.status)).toEqual([200, 200, 429]);
      } finally {
        await limitedBb.stop();
      }
    });

    it('500 on a create is an ambiguous PLATFORM_ERROR and is not retried', async () => {
      const t = tracker('acme/faults');
      const before = bb.listIssues('acme/faults').length;
      bb.injectFault({
        method: 'POST',
        path: /\/issues$/,
        kind: 'status',
        status: 500,
        times: 5,
        body: { type: 'error', error: { message: 'Something went wrong' } },
      });
      const mark = bb.requests.length;
      const error = await failure(t.createIssue(write('Maybe')));
      expect(error.code).toBe('PLATFORM_ERROR');
      expect(error.message).toBe(
        'Bitbucket request failed while creating issue "Maybe": 500 Something went wrong.',
      );
      expect(causeStatus(error)).toBe(500);
      expect(calls(mark)).toEqual(['POST /repositories/acme/faults/issues → 500']);
      expect(bb.listIssues('acme/faults')).toHaveLength(before);
    });

    it('503 / 502 on idempotent requests are retried; past the retries the status is kept', async () => {
      const t = tracker('acme/app');
      bb.injectFault({ method: 'GET', path: /\/issues\/1$/, kind: 'status', status: 503, times: 2 });
      const mark = bb.requests.length;
      expect((await t.getIssue(1))?.number).toBe(1);
      expect(since(mark).map((r) => r.status)).toEqual([503, 503, 200]);

      bb.injectFault({
        method: 'PUT',
        path: /\/issues\/1$/,
        kind: 'status',
        status: 502,
        body: 'Bad Gateway',
      });
      const mark2 = bb.requests.length;
      expect((await t.updateIssue(1, { title: 'After 502' })).title).toBe('After 502');
      expect(since(mark2).map((r) => `${r.method} ${r.status}`)).toEqual(['PUT 502', 'PUT 200']);

      bb.injectFault({ method: 'GET', path: /\/issues\/1$/, kind: 'status', status: 503, times: 4 });
      const mark3 = bb.requests.length;
      const error = await failure(t.getIssue(1));
      expect(error.code).toBe('PLATFORM_ERROR');
      expect(error.message).toBe('Bitbucket request failed while reading issue #1: 503.');
      expect(causeStatus(error)).toBe(503);
      expect(since(mark3)).toHaveLength(4);
      expect(t.stats()).toMatchObject({ retries: 6, failures: 7 });
    });

    it('a reset connection: a GET is retried, a create fails with no status (ambiguous) and is not retried', async () => {
      const t = tracker('acme/faults');
      bb.injectFault({ method: 'GET', path: /\/issues$/, kind: 'reset' });
      const mark = bb.requests.length;
      expect(await t.listIssues()).toHaveLength(bb.listIssues('acme/faults').length);
      expect(since(mark).map((r) => r.fault ?? r.status)).toEqual(['reset', 200]);

      const before = bb.listIssues('acme/faults').length;
      bb.injectFault({ method: 'POST', path: /\/issues$/, kind: 'reset', times: 5 });
      const mark2 = bb.requests.length;
      const error = await failure(t.createIssue(write('Lost')));
      expect(error.code).toBe('PLATFORM_ERROR');
      expect(error.message).toMatch(
        /^The connection to Bitbucket failed while creating issue "Lost", before a complete answer: /,
      );
      expect(causeStatus(error)).toBeUndefined();
      expect(since(mark2)).toHaveLength(1);
      expect(bb.listIssues('acme/faults')).toHaveLength(before);
    });

    it('a truncated JSON body: the create landed but the answer is lost (ambiguous); a GET is retried', async () => {
      const t = tracker('acme/faults');
      const before = bb.listIssues('acme/faults').length;
      bb.injectFault({ method: 'POST', path: /\/issues$/, kind: 'truncate' });
      const mark = bb.requests.length;
      const error = await failure(t.createIssue(write('Landed')));
      expect(error.code).toBe('PLATFORM_ERROR');
      expect(error.message).toMatch(
        /^The connection to Bitbucket failed while creating issue "Landed", before a complete answer: the 201 answer was cut off/,
      );
      expect(causeStatus(error)).toBeUndefined();
      expect(since(mark)).toHaveLength(1);
      expect(
        bb
          .listIssues('acme/faults')
          .map((issue) => issue.title)
          .slice(before),
      ).toEqual(['Landed']);

      bb.injectFault({ method: 'GET', path: /\/issues$/, kind: 'truncate' });
      const mark2 = bb.requests.length;
      expect((await t.listIssues()).map((issue) => issue.title)).toContain('Landed');
      expect(since(mark2).map((r) => r.fault ?? 'ok')).toEqual(['truncate', 'ok']);

      // A complete 200 that is not JSON is no answer either.
      bb.injectFault({
        method: 'GET',
        path: /\/issues\/1$/,
        kind: 'status',
        status: 200,
        body: '{"id": 1, "tit',
      });
      const garbled = await failure(tracker('acme/faults', WAT, { retries: 0 }).getIssue(1));
      expect(garbled.code).toBe('PLATFORM_ERROR');
      expect(garbled.message).toMatch(/the 200 answer is not complete JSON/);
      expect(causeStatus(garbled)).toBeUndefined();
    });

    it('a request that outlives timeoutMs fails as a connection failure', async () => {
      bb.injectFault({ method: 'GET', path: /\/issues\/1$/, kind: 'delay', ms: 400 });
      const error = await failure(tracker('acme/app', WAT, { timeoutMs: 100, retries: 0 }).getIssue(1));
      expect(error.code).toBe('PLATFORM_ERROR');
      expect(error.message).toBe(
        'The connection to Bitbucket failed while reading issue #1, before a complete answer: no answer within 100 ms.',
      );
      expect(causeStatus(error)).toBeUndefined();
    });

    it('never follows a next link to another host (the credentials stay with Bitbucket)', async () => {
      bb.injectFault({
        method: 'GET',
        path: /\/issues$/,
        kind: 'status',
        status: 200,
        body: {
          size: 2,
          page: 1,
          pagelen: 1,
          values: [],
          next: 'http://127.0.0.1:9/2.0/repositories/acme/app/issues?page=2',
        },
      });
      const mark = bb.requests.length;
      const error = await failure(tracker().listIssues());
      expect(error.code).toBe('PLATFORM_ERROR');
      expect(error.message).toMatch(
        /Refused to follow a link outside http:\/\/127\.0\.0\.1:\d+\/2\.0: "http:\/\/127\.0\.0\.1:9\/2\.0\/repositories\/acme\/app\/issues"/,
      );
      expect(since(mark)).toHaveLength(1);
    });
  });

  it('resolves a milestone that comes with a name only from the milestone list', async () => {
    const issue = bb.getIssue('acme/faults', 1) as IssueJson;
    const m1 = (await tracker('acme/faults').listMilestones())[0];
    bb.injectFault({
      method: 'GET',
      path: /\/issues\/1$/,
      kind: 'status',
      status: 200,
      body: { ...issue, milestone: { type: 'milestone', name: 'm1' } },
    });
    const t = tracker('acme/faults');
    const mark = bb.requests.length;
    expect((await t.getIssue(1))?.milestone).toEqual({ number: m1?.number, title: 'm1' });
    expect(calls(mark)).toEqual([
      'GET /repositories/acme/faults/issues/1 → 200',
      'GET /repositories/acme/faults/milestones?pagelen=100 → 200',
    ]);
    expect(m1?.number).toEqual(expect.any(Number));
  });

  it('counts real requests and reports the server clock from the Date header', async () => {
    const t = tracker('acme/app');
    expect(t.serverTime()).toBeNull();
    expect(t.stats()).toEqual({ reads: 0, writes: 0, graphql: 0, notModified: 0, retries: 0, failures: 0 });
    await t.getIssue(1);
    // The emulator's Date header follows its injected clock, as updated_on does (to the second).
    expect(t.serverTime()).toBe(new Date(Math.floor(now / 1000) * 1000).toISOString());

    expect(await t.getIssue(999)).toBeNull();
    await t.updateIssue(1, { title: 'Counted' });
    bb.injectFault({ method: 'POST', path: /\/issues$/, kind: 'status', status: 500 });
    await failure(t.createIssue(write('Counted create')));
    bb.injectFault({ method: 'GET', path: /\/issues$/, kind: 'status', status: 503 });
    await t.listIssues();
    expect(t.stats()).toEqual({ reads: 4, writes: 2, graphql: 0, notModified: 0, retries: 1, failures: 3 });
  });

  it('paces writes writeDelayMs apart', async () => {
    const t = tracker('acme/app', WAT, { writeDelayMs: 200 });
    const started = Date.now();
    await t.updateIssue(1, { title: 'Paced 1' });
    const firstDone = Date.now();
    await t.updateIssue(1, { title: 'Paced 2' });
    await t.updateIssue(1, { title: 'Paced 3' });
    expect(firstDone - started).toBeLessThan(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(bb.getIssue('acme/app', 1)?.title).toBe('Paced 3');
  });

  it('sends only bodies that fit the documented operations, and gets conforming answers', () => {
    const checked = bb.requests.filter(
      (r) => r.operation !== undefined && r.status >= 200 && r.status < 300 && r.fault === undefined,
    );
    expect(checked.length).toBeGreaterThan(300);
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
  });
});
