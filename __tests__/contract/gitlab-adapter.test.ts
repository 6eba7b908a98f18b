/**
 * Contract tests of the GitLab adapter (src/platforms/gitlab/) against the GitLab emulator over real HTTP: every
 * request the adapter makes is read back from `emulator.requests`, and every state change from the emulator's store.
 */
import { OrchestratorGitError } from '../../src/errors.js';
import type { GitLabClientOptions } from '../../src/platforms/gitlab/client.js';
import { GitLabIssueTracker, gitlabCapabilities } from '../../src/platforms/gitlab/issues.js';
import type { RequestStats } from '../../src/platforms/types.js';
import { GitLabEmulator, type RecordedRequest } from '../../test-support/emulators/gitlab/index.js';

const START = Date.parse('2024-05-01T10:00:00.000Z');
const APP = 'acme/platform/app';
const TOKEN = 'glpat-alice';

/** Every token the tests use: none may ever appear in an error message. */
const TOKENS = [
  TOKEN,
  'glpat-reader',
  'glpat-gina',
  'glpat-paula',
  'glpat-old',
  'glpat-nope',
  'ci-job-token',
  't-limited',
];

async function failure(promise: Promise<unknown>): Promise<OrchestratorGitError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OrchestratorGitError) {
      for (const token of TOKENS) {
        expect(error.describe()).not.toContain(token);
        expect(String((error.cause as Error | undefined)?.message)).not.toContain(token);
      }
      return error;
    }
    throw error;
  }
  throw new Error('expected the call to fail');
}

function stats(partial: Partial<RequestStats>): RequestStats {
  return { reads: 0, writes: 0, graphql: 0, notModified: 0, retries: 0, failures: 0, ...partial };
}

describe('GitLab adapter (contract, against the GitLab emulator over HTTP)', () => {
  let now = START;
  let gl: GitLabEmulator;
  let ids: Record<'alice' | 'bob' | 'gina' | 'paula' | 'carol' | 'dave', number>;
  let projectMilestone: number;
  let groupMilestone: number;
  let mark = 0;

  const tracker = (repository = APP, options: Partial<GitLabClientOptions> = {}): GitLabIssueTracker =>
    new GitLabIssueTracker(repository, { token: TOKEN, baseUrl: gl.url, retryBaseMs: 1, ...options });
  /** The exchanges since the last call, as `METHOD route status`. */
  const exchanges = (): string[] => recorded().map((r) => `${r.method} ${r.operation ?? r.path} ${r.status}`);
  const recorded = (): RecordedRequest[] => {
    const list = gl.requests.slice(mark);
    mark = gl.requests.length;
    return list;
  };

  beforeAll(async () => {
    gl = await GitLabEmulator.start({ now: () => now, rateLimit: false });
    gl.addGroup('acme', { name: 'ACME' });
    gl.addProject(APP);
    gl.addProject('acme/bulk');
    gl.addProject('acme/timeline');
    gl.addProject('acme/tags');
    gl.addProject('acme/quiet', { issuesEnabled: false });
    gl.addProject('acme/members-only', { visibility: 'public', issuesAccessLevel: 'private' });
    gl.addProject('acme/site', { visibility: 'public' });
    gl.addProject('other/secret');
    ids = {
      alice: gl.addUser('alice', { name: 'Alice Admin' }).id,
      bob: gl.addUser('bob').id,
      gina: gl.addUser('gina').id,
      paula: gl.addUser('paula').id,
      carol: gl.addUser('carol').id,
      dave: gl.addUser('dave', { state: 'blocked' }).id,
    };
    gl.addMember('acme', 'alice', 40, { target: 'group' });
    gl.addMember(APP, 'bob', 30);
    gl.addMember(APP, 'dave', 30);
    gl.addMember(APP, 'gina', 10);
    gl.addMember(APP, 'paula', 15);
    gl.addToken(TOKEN, { user: 'alice', scopes: ['api'] });
    gl.addToken('glpat-reader', { user: 'alice', scopes: ['read_api'] });
    gl.addToken('glpat-gina', { user: 'gina' });
    gl.addToken('glpat-paula', { user: 'paula' });
    gl.addToken('glpat-old', { user: 'alice', state: 'expired' });
    gl.addToken('ci-job-token', { user: 'bob', kind: 'job' });
    projectMilestone = gl.addMilestone(APP, 'v1.0', { dueDate: '2024-06-30' }).id;
    groupMilestone = gl.addMilestone('acme', 'Q3', { target: 'group', dueDate: '2024-09-30' }).id;
    gl.seedIssues('acme/bulk', 250);
  });

  afterAll(async () => {
    await gl.stop();
  });

  beforeEach(() => {
    gl.clearFaults();
    mark = gl.requests.length;
  });

  describe('construction', () => {
    it('accepts a project full path or a numeric id and refuses anything else with REPOSITORY_MALFORMED', async () => {
      expect(tracker(' acme/platform/app ').repository).toBe(APP);
      expect(tracker('42').repository).toBe('42');
      for (const bad of [
        'acme',
        '',
        'acme/',
        '/acme/app',
        'acme//app',
        'https://gitlab.com/acme/app',
        'acme/app.git',
        'acme/app.',
        '-acme/app',
        'acme/my app',
        '0',
      ]) {
        const error = await failure(Promise.resolve().then(() => tracker(bad)));
        expect(error.code).toBe('REPOSITORY_MALFORMED');
        expect(error.fix).toContain('my-group/my-subgroup/my-project');
      }
    });

    it('refuses a base URL that is not http(s) with CONFIG_INVALID', async () => {
      for (const baseUrl of ['gitlab.example.com', 'ftp://gitlab.example.com']) {
        const error = await failure(Promise.resolve().then(() => tracker(APP, { baseUrl })));
        expect(error.code).toBe('CONFIG_INVALID');
      }
    });

    it('declares GitLab’s capabilities: one assignee unless multipleAssignees (Premium)', () => {
      const base = {
        stateReason: false,
        labels: true,
        createMilestones: true,
        maxAssignees: 1,
        titleLimit: 255,
        timestampPrecisionMs: 1,
        attributes: ['time-estimate', 'time-spent'],
        timeTracking: 'issue',
      };
      expect(gitlabCapabilities({})).toEqual(base);
      expect(gitlabCapabilities({ multipleAssignees: true })).toEqual({ ...base, maxAssignees: 100 });
      expect(tracker().capabilities).toEqual(base);
      expect(tracker(APP, { multipleAssignees: true }).capabilities.maxAssignees).toBe(100);
      expect(tracker().platform).toBe('gitlab');
    });
  });

  describe('reading issues', () => {
    it('lists every issue over several pages, oldest first, 100 a page', async () => {
      const t = tracker('acme/bulk');
      const issues = await t.listIssues();
      expect(issues.map((issue) => issue.number)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
      const pages = recorded();
      expect(pages.map((r) => [r.method, r.path, r.status, r.query['page'] ?? '1'])).toEqual([
        ['GET', '/projects/acme%2Fbulk/issues', 200, '1'],
        ['GET', '/projects/acme%2Fbulk/issues', 200, '2'],
        ['GET', '/projects/acme%2Fbulk/issues', 200, '3'],
      ]);
      expect(pages[0]?.query).toEqual({
        scope: 'all',
        state: 'all',
        per_page: '100',
        order_by: 'created_at',
        sort: 'asc',
      });
      expect(pages[0]?.requestHeaders['private-token']).toBe(TOKEN);
      expect(issues[0]).toEqual({
        number: 1,
        id: String(gl.getIssue('acme/bulk', 1)?.id),
        url: `${gl.url}/acme/bulk/-/issues/1`,
        title: 'Seeded 1',
        body: '',
        state: 'open',
        stateReason: null,
        labels: [],
        assignees: [],
        milestone: null,
        author: 'alice',
        updatedAt: '2024-05-01T10:00:00.000Z',
      });
      expect(t.stats()).toEqual(stats({ reads: 3 }));
    });

    it('maps labels, assignees, milestone (global id), author, state and description', async () => {
      now = START + 1000;
      const seeded = gl.createIssue('acme/timeline', {
        title: 'Mapped',
        description: 'The body',
        author: 'bob',
        labels: ['status: approved', 'Backend'],
        assignees: ['alice'],
        milestone: 'Q3',
        state: 'closed',
      });
      const [issue] = await tracker('acme/timeline').listIssues();
      expect(issue).toEqual({
        number: seeded.iid,
        id: String(seeded.id),
        url: `${gl.url}/acme/timeline/-/issues/${seeded.iid}`,
        title: 'Mapped',
        body: 'The body',
        state: 'closed',
        stateReason: null,
        labels: ['Backend', 'status: approved'],
        assignees: ['alice'],
        milestone: { number: groupMilestone, title: 'Q3' },
        author: 'bob',
        updatedAt: '2024-05-01T10:00:01.000Z',
      });
      expect(seeded.id).not.toBe(seeded.iid);
    });

    it('lists only issues updated at or after updatedSince, by updated_at ascending', async () => {
      const t = tracker('acme/timeline');
      now = START + 60_000;
      const a = gl.createIssue('acme/timeline', { title: 'A' }).iid;
      now = START + 120_000;
      const b = gl.createIssue('acme/timeline', { title: 'B' }).iid;
      now = START + 180_000;
      const c = gl.createIssue('acme/timeline', { title: 'C' }).iid;
      now = START + 240_000;
      gl.editIssue('acme/timeline', a, { description: 'edited' });
      mark = gl.requests.length;
      const since = new Date(START + 120_000).toISOString();
      const changed = await t.listIssues({ updatedSince: since });
      expect(changed.map((issue) => [issue.number, issue.updatedAt])).toEqual([
        [b, '2024-05-01T10:02:00.000Z'],
        [c, '2024-05-01T10:03:00.000Z'],
        [a, '2024-05-01T10:04:00.000Z'],
      ]);
      expect(recorded().map((r) => r.query)).toEqual([
        {
          scope: 'all',
          state: 'all',
          per_page: '100',
          updated_after: since,
          order_by: 'updated_at',
          sort: 'asc',
        },
      ]);
    });

    it('gets one issue by number; a missing or deleted one is null, a missing project is not', async () => {
      const t = tracker();
      const created = gl.createIssue(APP, { title: 'Single', description: 'd' });
      expect(await t.getIssue(created.iid)).toMatchObject({
        number: created.iid,
        id: String(created.id),
        title: 'Single',
        body: 'd',
      });
      expect(await t.getIssue(9999)).toBeNull();
      const doomed = gl.createIssue(APP, { title: 'Doomed' });
      gl.deleteIssue(APP, doomed.iid);
      expect(await t.getIssue(doomed.iid)).toBeNull();
      expect(exchanges()).toEqual([
        'GET GET /projects/:id/issues/:issue_iid 200',
        'GET GET /projects/:id/issues/:issue_iid 404',
        'GET GET /projects/:id/issues/:issue_iid 404',
      ]);
      const missing = await failure(tracker('acme/ghost').getIssue(1));
      expect(missing.code).toBe('REPOSITORY_NOT_FOUND');
    });
  });

  describe('labels', () => {
    it('lists every label (all pages) as lower-case names', async () => {
      for (let n = 1; n <= 120; n += 1) gl.addLabel('acme/tags', `Tag ${String(n).padStart(3, '0')}`);
      gl.addLabel('acme/tags', 'Status: Approved');
      const labels = await tracker('acme/tags').listLabels();
      expect(labels.size).toBe(121);
      expect(labels.has('status: approved')).toBe(true);
      expect(labels.has('tag 001')).toBe(true);
      expect(labels.has('Tag 001')).toBe(false);
      expect(exchanges()).toEqual(['GET GET /projects/:id/labels 200', 'GET GET /projects/:id/labels 200']);
    });

    it('creates a label with a #colour and a description; "already exists" (409) is fine and not retried', async () => {
      const t = tracker();
      await t.createLabel({ name: 'priority: high', color: 'd73a4a', description: 'Orchestrator priority' });
      const [post] = recorded();
      expect(post?.requestBody).toEqual({
        name: 'priority: high',
        color: '#d73a4a',
        description: 'Orchestrator priority',
      });
      expect(gl.listLabels(APP).find((label) => label.name === 'priority: high')).toMatchObject({
        color: '#d73a4a',
        description: 'Orchestrator priority',
      });
      await t.createLabel({ name: 'priority: high', color: '000000', description: '' });
      expect(exchanges()).toEqual(['POST POST /projects/:id/labels 409']);
      expect(t.stats()).toEqual(stats({ writes: 2, failures: 1 }));
    });
  });

  describe('milestones', () => {
    it('lists the project’s milestones, and the group’s too when groupMilestones is set (number = global id)', async () => {
      expect(await tracker().listMilestones()).toEqual([
        { number: projectMilestone, title: 'v1.0', state: 'open', dueOn: '2024-06-30' },
      ]);
      expect(await tracker(APP, { groupMilestones: 'acme' }).listMilestones()).toEqual([
        { number: projectMilestone, title: 'v1.0', state: 'open', dueOn: '2024-06-30' },
        { number: groupMilestone, title: 'Q3', state: 'open', dueOn: '2024-09-30' },
      ]);
      expect(exchanges()).toEqual([
        'GET GET /projects/:id/milestones 200',
        'GET GET /projects/:id/milestones 200',
        'GET GET /groups/:id/milestones 200',
      ]);
      const ghost = await failure(tracker(APP, { groupMilestones: 'ghost-group' }).listMilestones());
      expect(ghost.code).toBe('CONFIG_INVALID');
      expect(ghost.message).toContain('"ghost-group"');
    });

    it('creates an open project milestone with a due date, and a closed one with a second `close` edit', async () => {
      const t = tracker();
      const open = await t.createMilestone({ title: 'v2.0', dueOn: '2024-07-31', state: 'open' });
      const stored = gl.listMilestones(APP).find((m) => m.title === 'v2.0');
      expect(open).toEqual({ number: stored?.id, title: 'v2.0', state: 'open', dueOn: '2024-07-31' });
      expect(recorded().map((r) => [r.operation, r.requestBody])).toEqual([
        ['POST /projects/:id/milestones', { title: 'v2.0', due_date: '2024-07-31' }],
      ]);
      const closed = await t.createMilestone({ title: 'v0.9', dueOn: null, state: 'closed' });
      const closedId = gl.listMilestones(APP).find((m) => m.title === 'v0.9')?.id;
      expect(closed).toEqual({ number: closedId, title: 'v0.9', state: 'closed', dueOn: null });
      expect(recorded().map((r) => [r.operation, r.status, r.requestBody])).toEqual([
        ['POST /projects/:id/milestones', 201, { title: 'v0.9' }],
        ['PUT /projects/:id/milestones/:milestone_id', 200, { state_event: 'close' }],
      ]);
      expect(gl.listMilestones(APP).find((m) => m.title === 'v0.9')?.state).toBe('closed');
    });

    it('creates in the group when groupMilestones is set; a title already used is looked up, not duplicated', async () => {
      const t = tracker(APP, { groupMilestones: 'acme' });
      const q4 = await t.createMilestone({ title: 'Q4', dueOn: '2024-12-31', state: 'open' });
      const stored = gl.listMilestones('acme', { target: 'group' }).find((m) => m.title === 'Q4');
      expect(q4).toEqual({ number: stored?.id, title: 'Q4', state: 'open', dueOn: '2024-12-31' });
      expect(exchanges()).toEqual(['POST POST /groups/:id/milestones 201']);
      // v1.0 exists in the project: GitLab refuses the group milestone (400 "already being used"), the adapter finds it.
      const existing = await t.createMilestone({ title: 'v1.0', dueOn: null, state: 'open' });
      expect(existing).toEqual({
        number: projectMilestone,
        title: 'v1.0',
        state: 'open',
        dueOn: '2024-06-30',
      });
      expect(exchanges()).toEqual([
        'POST POST /groups/:id/milestones 400',
        'GET GET /projects/:id/milestones 200',
        'GET GET /groups/:id/milestones 200',
      ]);
    });

    it('creates a closed group milestone with a second `close` edit of the group milestone', async () => {
      const t = tracker(APP, { groupMilestones: 'acme' });
      const closed = await t.createMilestone({ title: 'Q1', dueOn: null, state: 'closed' });
      const stored = gl.listMilestones('acme', { target: 'group' }).find((m) => m.title === 'Q1');
      expect(stored?.state).toBe('closed');
      expect(closed).toEqual({ number: stored?.id, title: 'Q1', state: 'closed', dueOn: null });
      expect(exchanges()).toEqual([
        'POST POST /groups/:id/milestones 201',
        'PUT PUT /groups/:id/milestones/:milestone_id 200',
      ]);
    });

    it('after an ambiguous failure (body cut off after the write) looks the milestone up; a 500 with none is an error', async () => {
      const t = tracker();
      gl.injectFault({ method: 'POST', path: /\/milestones$/, kind: 'truncate' });
      const landed = await t.createMilestone({ title: 'v3.0', dueOn: null, state: 'open' });
      const stored = gl.listMilestones(APP).filter((m) => m.title === 'v3.0');
      expect(stored).toHaveLength(1);
      expect(landed).toEqual({ number: stored[0]?.id, title: 'v3.0', state: 'open', dueOn: null });
      expect(exchanges()).toEqual([
        'POST POST /projects/:id/milestones 201',
        'GET GET /projects/:id/milestones 200',
      ]);
      gl.injectFault({
        method: 'POST',
        path: /\/milestones$/,
        kind: 'status',
        status: 500,
        body: { message: 'boom' },
      });
      const error = await failure(t.createMilestone({ title: 'v4.0', dueOn: null, state: 'open' }));
      expect(error.code).toBe('PLATFORM_ERROR');
      expect((error.cause as { status?: unknown }).status).toBe(500);
      expect(exchanges()).toEqual([
        'POST /projects/acme%2Fplatform%2Fapp/milestones 500',
        'GET GET /projects/:id/milestones 200',
      ]);
    });
  });

  describe('assignees', () => {
    it('resolves a username once (users + members), caches the answer and the id for later writes', async () => {
      const t = tracker();
      expect(await t.isAssignable('bob')).toBe(true);
      const lookups = recorded();
      expect(lookups.map((r) => [r.operation, r.query])).toEqual([
        ['GET /users', { username: 'bob' }],
        ['GET /projects/:id/members/all', { 'user_ids[]': String(ids.bob), per_page: '100' }],
      ]);
      expect(await t.isAssignable('BOB')).toBe(true);
      expect(recorded()).toEqual([]);
      // Not a member of a private project; no such user; blocked.
      expect(await t.isAssignable('carol')).toBe(false);
      expect(exchanges()).toEqual([
        'GET GET /users 200',
        'GET GET /projects/:id/members/all 200',
        'GET GET /projects/:id 200',
      ]);
      expect(await t.isAssignable('nobody')).toBe(false);
      expect(await t.isAssignable('dave')).toBe(false);
      expect(exchanges()).toEqual(['GET GET /users 200', 'GET GET /users 200']);
      // A public project: anyone signed in can be assigned.
      expect(await tracker('acme/site').isAssignable('carol')).toBe(true);
      recorded();

      const issue = await t.createIssue({
        title: 'Assigned',
        body: '',
        labels: [],
        assignees: ['bob'],
        milestone: null,
      });
      expect(issue.assignees).toEqual(['bob']);
      expect(exchanges()).toEqual(['POST POST /projects/:id/issues 201']);
      await t.createIssue({ title: 'To gina', body: '', labels: [], assignees: ['gina'], milestone: null });
      await t.createIssue({
        title: 'Again gina',
        body: '',
        labels: [],
        assignees: ['gina'],
        milestone: null,
      });
      expect(exchanges()).toEqual([
        'GET GET /users 200',
        'POST POST /projects/:id/issues 201',
        'POST POST /projects/:id/issues 201',
      ]);
      const unknown = await failure(
        t.createIssue({ title: 'x', body: '', labels: [], assignees: ['nobody'], milestone: null }),
      );
      expect(unknown.code).toBe('VALIDATION_FAILED');
      expect(unknown.message).toContain('"nobody"');
      expect(recorded()).toEqual([]);
    });
  });

  describe('writing issues', () => {
    it('creates, updates (full label replacement), closes, reopens, clears milestone and assignees', async () => {
      const t = tracker();
      now = START + 600_000;
      const created = await t.createIssue({
        title: 'Round trip',
        body: 'Body <!-- marker -->',
        labels: ['status: approved', 'type: task'],
        assignees: ['bob'],
        milestone: projectMilestone,
      });
      const stored = gl.listIssues(APP).find((issue) => issue.title === 'Round trip');
      expect(created).toEqual({
        number: stored?.iid,
        id: String(stored?.id),
        url: `${gl.url}/${APP}/-/issues/${stored?.iid}`,
        title: 'Round trip',
        body: 'Body <!-- marker -->',
        state: 'open',
        stateReason: null,
        labels: ['status: approved', 'type: task'],
        assignees: ['bob'],
        milestone: { number: projectMilestone, title: 'v1.0' },
        author: 'alice',
        updatedAt: '2024-05-01T10:10:00.000Z',
      });
      const [lookup, post] = recorded();
      expect(lookup?.operation).toBe('GET /users');
      expect(post?.requestBody).toEqual({
        title: 'Round trip',
        description: 'Body <!-- marker -->',
        labels: 'status: approved,type: task',
        assignee_ids: [ids.bob],
        milestone_id: projectMilestone,
      });
      const number = created.number;

      now += 60_000;
      const updated = await t.updateIssue(number, {
        title: 'Round trip (renamed)',
        body: 'New body',
        labels: ['status: in progress'],
        milestone: groupMilestone,
        stateReason: 'completed',
      });
      expect(updated).toMatchObject({
        title: 'Round trip (renamed)',
        body: 'New body',
        labels: ['status: in progress'],
        assignees: ['bob'],
        milestone: { number: groupMilestone, title: 'Q3' },
        state: 'open',
        updatedAt: '2024-05-01T10:11:00.000Z',
      });
      expect(recorded().map((r) => r.requestBody)).toEqual([
        {
          title: 'Round trip (renamed)',
          description: 'New body',
          labels: 'status: in progress',
          milestone_id: groupMilestone,
        },
      ]);

      const closed = await t.updateIssue(number, { state: 'closed', stateReason: 'not_planned' });
      expect(closed.state).toBe('closed');
      expect(gl.getIssue(APP, number)?.state).toBe('closed');
      const reopened = await t.updateIssue(number, { state: 'open' });
      expect(reopened.state).toBe('open');
      expect(gl.getIssue(APP, number)?.state).toBe('opened');
      const cleared = await t.updateIssue(number, { milestone: null, assignees: [], labels: [] });
      expect(cleared).toMatchObject({ milestone: null, assignees: [], labels: [] });
      expect(gl.getIssue(APP, number)).toMatchObject({ milestone: null, assignees: [], labels: [] });
      expect(recorded().map((r) => r.requestBody)).toEqual([
        { state_event: 'close' },
        { state_event: 'reopen' },
        { labels: '', assignee_ids: [0], milestone_id: 0 },
      ]);
      // A patch GitLab has no field for (stateReason only) costs one read, not a 400.
      expect(await t.updateIssue(number, { stateReason: 'reopened' })).toEqual(cleared);
      expect(exchanges()).toEqual(['GET GET /projects/:id/issues/:issue_iid 200']);
      expect(t.stats()).toEqual(stats({ reads: 2, writes: 5 }));
    });

    it('a 404 on update (issue deleted meanwhile) is a non-fatal PLATFORM_ERROR with status 404', async () => {
      const doomed = gl.createIssue(APP, { title: 'Gone soon' });
      gl.deleteIssue(APP, doomed.iid);
      const error = await failure(tracker().updateIssue(doomed.iid, { title: 'x' }));
      expect(error.code).toBe('PLATFORM_ERROR');
      expect((error.cause as { status?: unknown }).status).toBe(404);
      expect(error.message).toContain('deleted or moved');
    });
  });

  describe('metadata GitLab drops silently', () => {
    it('a Guest’s create keeps no labels, assignees or milestone: PERMISSION_DENIED naming the role', async () => {
      const t = tracker(APP, { token: 'glpat-gina' });
      const before = gl.listIssues(APP).length;
      const error = await failure(
        t.createIssue({
          title: 'From a guest',
          body: 'b',
          labels: ['status: approved'],
          assignees: ['bob'],
          milestone: projectMilestone,
        }),
      );
      const created = gl.listIssues(APP).at(-1);
      expect(gl.listIssues(APP)).toHaveLength(before + 1);
      expect(created).toMatchObject({ title: 'From a guest', labels: [], assignees: [], milestone: null });
      expect(error.code).toBe('PERMISSION_DENIED');
      expect(error.message).toBe(
        `GitLab created issue #${created?.iid} in "${APP}" but silently dropped its labels, assignees and milestone (labels asked ["status: approved"], kept []; assignees asked ["bob"], kept []; milestone asked ${projectMilestone}, kept null): the token’s user has the Guest role, and setting labels, milestones and assignees needs Planner or Reporter or above (GitLab ignores them for lower roles instead of refusing).`,
      );
      expect(error.fix).toContain(`finds issue #${created?.iid} by its marker`);
      expect(exchanges()).toEqual([
        'GET GET /users 200',
        'POST POST /projects/:id/issues 201',
        'GET GET /projects/:id 200',
      ]);

      // The guest may edit its own issue, but labels are dropped again.
      const update = await failure(t.updateIssue(created?.iid ?? 0, { labels: ['docs'] }));
      expect(update.code).toBe('PERMISSION_DENIED');
      expect(update.message).toContain('GitLab updated issue');
      expect(exchanges()).toEqual(['PUT PUT /projects/:id/issues/:issue_iid 200']);
    });

    it('a Planner whose scoped labels collide is not refused: the loss is logged', async () => {
      const lines: string[] = [];
      const t = tracker(APP, { token: 'glpat-paula', log: (line) => lines.push(line) });
      const issue = await t.createIssue({
        title: 'Scoped',
        body: '',
        labels: ['priority::1', 'priority::2'],
        assignees: [],
        milestone: null,
      });
      expect(issue.labels).toEqual(['priority::2']);
      expect(lines).toEqual([
        `GitLab created issue #${issue.number} without all of its labels (labels asked ["priority::1","priority::2"], kept ["priority::2"]); likely causes: two labels of one scope (scoped labels keep one), a milestone outside the project and its groups, or several assignees without GitLab Premium.`,
      ]);
    });
  });

  describe('errors', () => {
    it('401 for an unknown or expired token → TOKEN_INVALID (api scope, GITLAB_TOKEN, not CI_JOB_TOKEN)', async () => {
      const bad = await failure(tracker(APP, { token: 'glpat-nope' }).listIssues());
      expect(bad.code).toBe('TOKEN_INVALID');
      expect(bad.message).toBe('GitLab rejected the token while listing issues (401 Unauthorized).');
      expect(bad.fix).toContain('`api` scope in GITLAB_TOKEN');
      expect(bad.fix).toContain('CI_JOB_TOKEN cannot be used');
      const expired = await failure(tracker(APP, { token: 'glpat-old' }).listIssues());
      expect(expired.message).toBe(
        'GitLab rejected the token while listing issues (401 invalid_token: Token is expired. You can either do re-authorization or token refresh.).',
      );
      expect(exchanges()).toEqual(['GET GET /projects/:id/issues 401', 'GET GET /projects/:id/issues 401']);
    });

    it('a CI job token put in GITLAB_TOKEN cannot write: TOKEN_INVALID, one request', async () => {
      const job = tracker(APP, { token: 'ci-job-token' });
      const error = await failure(
        job.createIssue({ title: 'from CI', body: '', labels: [], assignees: [], milestone: null }),
      );
      expect(error.code).toBe('TOKEN_INVALID');
      expect(exchanges()).toEqual(['POST POST /projects/:id/issues 401']);
    });

    it('a read_api token reads but cannot write: PERMISSION_DENIED naming the api scope', async () => {
      const reader = tracker(APP, { token: 'glpat-reader' });
      expect((await reader.listIssues()).length).toBeGreaterThan(0);
      const error = await failure(
        reader.createIssue({ title: 'nope', body: '', labels: [], assignees: [], milestone: null }),
      );
      expect(error.code).toBe('PERMISSION_DENIED');
      expect(error.message).toContain('(403 insufficient_scope: The request requires higher privileges');
      expect(error.fix).toContain('`read_api` is read-only');
    });

    it('a role too low (a guest creating a label, editing another’s issue) → PERMISSION_DENIED naming Reporter/Planner', async () => {
      const guest = tracker(APP, { token: 'glpat-gina' });
      const label = await failure(guest.createLabel({ name: 'g', color: '000000', description: '' }));
      expect(label.code).toBe('PERMISSION_DENIED');
      expect(label.message).toBe(
        `The token’s user may not do this while creating label "g" in "${APP}" (403 Forbidden).`,
      );
      expect(label.fix).toContain('Reporter (or Planner) role');
      const other = gl.createIssue(APP, { title: 'Not the guest’s', author: 'bob' });
      const edit = await failure(guest.updateIssue(other.iid, { title: 'mine now' }));
      expect(edit.code).toBe('PERMISSION_DENIED');
    });

    it('404 on the project (missing, or private and invisible) → REPOSITORY_NOT_FOUND', async () => {
      for (const path of ['acme/ghost', 'other/secret']) {
        const error = await failure(tracker(path).listIssues());
        expect(error.code).toBe('REPOSITORY_NOT_FOUND');
        expect(error.message).toBe(
          `Project "${path}" was not found, or the token cannot see it (404 while listing issues).`,
        );
      }
    });

    it('issues turned off (403 on issue routes) → ISSUES_DISABLED with where to turn them on', async () => {
      const error = await failure(tracker('acme/quiet').listIssues());
      expect(error.code).toBe('ISSUES_DISABLED');
      expect(error.message).toBe('Issues are turned off in "acme/quiet" (403 while listing issues).');
      expect(error.fix).toContain('Settings → General → Visibility, project features, permissions → Issues');
      expect(exchanges()).toEqual(['GET GET /projects/:id/issues 403', 'GET GET /projects/:id 200']);
      const write = await failure(
        tracker('acme/quiet').createIssue({
          title: 'x',
          body: '',
          labels: [],
          assignees: [],
          milestone: null,
        }),
      );
      expect(write.code).toBe('ISSUES_DISABLED');
      gl.addToken('glpat-bob-site', { user: 'bob' });
      const membersOnly = await failure(
        tracker('acme/members-only', { token: 'glpat-bob-site' }).listIssues(),
      );
      expect(membersOnly.code).toBe('ISSUES_DISABLED');
      expect(membersOnly.message).toContain('visible to project members only');
    });

    it('400 validation → VALIDATION_FAILED naming the field and GitLab’s message', async () => {
      const error = await failure(
        tracker().createIssue({
          title: 'x'.repeat(256),
          body: '',
          labels: [],
          assignees: [],
          milestone: null,
        }),
      );
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.message).toBe(
        `GitLab refused the request while creating issue "${'x'.repeat(120)}…": title is too long (maximum is 255 characters) (400).`,
      );
      expect(exchanges()).toEqual(['POST POST /projects/:id/issues 400']);
    });

    it('429 with Retry-After is waited out and retried (a create too: throttled requests never ran)', async () => {
      const t = tracker();
      gl.injectFault({
        method: 'GET',
        path: /\/issues$/,
        kind: 'status',
        status: 429,
        body: 'Retry later\n',
        headers: { 'content-type': 'text/plain', 'retry-after': '1' },
      });
      const started = Date.now();
      await t.listIssues();
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(exchanges()).toEqual([
        'GET /projects/acme%2Fplatform%2Fapp/issues 429',
        'GET GET /projects/:id/issues 200',
      ]);
      gl.injectFault({
        method: 'POST',
        path: /\/issues$/,
        kind: 'status',
        status: 429,
        body: 'Retry later\n',
        headers: { 'content-type': 'text/plain', 'retry-after': '1' },
      });
      const before = gl.listIssues(APP).length;
      await t.createIssue({ title: 'After a 429', body: '', labels: [], assignees: [], milestone: null });
      expect(gl.listIssues(APP)).toHaveLength(before + 1);
      expect(exchanges()).toEqual([
        'POST /projects/acme%2Fplatform%2Fapp/issues 429',
        'POST POST /projects/:id/issues 201',
      ]);
      expect(t.stats()).toEqual(stats({ reads: 2, writes: 2, retries: 2, failures: 2 }));
    });

    it('500 on create is ambiguous (cause.status 500) and not retried; 502 on create likewise; 502 on a read is retried', async () => {
      const t = tracker();
      const before = gl.listIssues(APP).length;
      gl.injectFault({
        method: 'POST',
        path: /\/issues$/,
        kind: 'status',
        status: 500,
        body: { message: '500 Internal Server Error' },
      });
      const error = await failure(
        t.createIssue({ title: 'never', body: '', labels: [], assignees: [], milestone: null }),
      );
      expect(error.code).toBe('PLATFORM_ERROR');
      expect(error.message).toBe(
        'GitLab request failed while creating issue "never": 500 Internal Server Error.',
      );
      expect((error.cause as { status?: unknown }).status).toBe(500);
      gl.injectFault({ method: 'POST', path: /\/issues$/, kind: 'status', status: 502, body: 'Bad Gateway' });
      const gateway = await failure(
        t.createIssue({ title: 'never', body: '', labels: [], assignees: [], milestone: null }),
      );
      expect((gateway.cause as { status?: unknown }).status).toBe(502);
      expect(gl.listIssues(APP)).toHaveLength(before);
      expect(exchanges()).toEqual([
        'POST /projects/acme%2Fplatform%2Fapp/issues 500',
        'POST /projects/acme%2Fplatform%2Fapp/issues 502',
      ]);
      gl.injectFault({
        method: 'GET',
        path: /\/issues$/,
        kind: 'status',
        status: 502,
        times: 2,
        body: 'Bad Gateway',
      });
      await t.listIssues();
      expect(exchanges()).toEqual([
        'GET /projects/acme%2Fplatform%2Fapp/issues 502',
        'GET /projects/acme%2Fplatform%2Fapp/issues 502',
        'GET GET /projects/:id/issues 200',
      ]);
      expect(t.stats()).toEqual(stats({ reads: 3, writes: 2, retries: 2, failures: 4 }));
    });

    it('a connection reset before any answer: no status on the cause; a create is not retried, a read is', async () => {
      const t = tracker();
      const before = gl.listIssues(APP).length;
      gl.injectFault({ method: 'POST', path: /\/issues$/, kind: 'reset' });
      const error = await failure(
        t.createIssue({ title: 'lost', body: '', labels: [], assignees: [], milestone: null }),
      );
      expect(error.code).toBe('PLATFORM_ERROR');
      expect(error.message).toMatch(
        /^The connection to GitLab failed while creating issue "lost", before a complete answer: POST \/api\/v4\/projects\/acme%2Fplatform%2Fapp\/issues failed: fetch failed \(other side closed\)\.$/,
      );
      expect(typeof (error.cause as { status?: unknown }).status).toBe('undefined');
      expect(gl.listIssues(APP)).toHaveLength(before);
      expect(recorded().map((r) => [r.method, r.fault, r.status])).toEqual([['POST', 'reset', 0]]);
      gl.injectFault({ method: 'GET', path: /\/issues$/, kind: 'reset' });
      await t.listIssues();
      expect(recorded().map((r) => [r.method, r.fault ?? null, r.status])).toEqual([
        ['GET', 'reset', 0],
        ['GET', null, 200],
      ]);
      expect(t.stats()).toEqual(stats({ reads: 2, writes: 1, retries: 1, failures: 2 }));
    });

    it('a body cut off after the create landed is ambiguous too (no status), so the engine looks for the marker', async () => {
      const before = gl.listIssues(APP).length;
      gl.injectFault({ method: 'POST', path: /\/issues$/, kind: 'truncate' });
      const error = await failure(
        tracker().createIssue({ title: 'landed', body: '', labels: [], assignees: [], milestone: null }),
      );
      expect(error.code).toBe('PLATFORM_ERROR');
      expect(typeof (error.cause as { status?: unknown }).status).toBe('undefined');
      expect(gl.listIssues(APP)).toHaveLength(before + 1);
      expect(exchanges()).toEqual(['POST POST /projects/:id/issues 201']);
    });

    it('times out each request after timeoutMs: a read is retried, a create is not', async () => {
      const t = tracker(APP, { timeoutMs: 100 });
      gl.injectFault({ method: 'GET', path: /\/issues$/, kind: 'delay', ms: 300 });
      await t.listIssues();
      expect(t.stats()).toEqual(stats({ reads: 2, retries: 1, failures: 1 }));
      gl.injectFault({ method: 'POST', path: /\/issues$/, kind: 'delay', ms: 300 });
      const error = await failure(
        t.createIssue({ title: 'slow', body: '', labels: [], assignees: [], milestone: null }),
      );
      expect(error.code).toBe('PLATFORM_ERROR');
      expect(error.message).toBe(
        'The connection to GitLab failed while creating issue "slow", before a complete answer: POST /api/v4/projects/acme%2Fplatform%2Fapp/issues timed out after 100 ms.',
      );
      expect(typeof (error.cause as { status?: unknown }).status).toBe('undefined');
      // The server went on with the create after the client gave up: exactly why a timeout is ambiguous.
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(gl.listIssues(APP).filter((issue) => issue.title === 'slow')).toHaveLength(1);
    });

    it('a plain 403 whose project settings cannot be read either stays PERMISSION_DENIED (no ISSUES_DISABLED guess)', async () => {
      gl.injectFault({
        method: 'GET',
        path: /\/issues$/,
        kind: 'status',
        status: 403,
        body: { message: '403 Forbidden' },
      });
      gl.injectFault({
        method: 'GET',
        path: /^\/projects\/[^/]+$/,
        kind: 'status',
        status: 403,
        body: { message: '403 Forbidden' },
      });
      const error = await failure(tracker().listIssues());
      expect(error.code).toBe('PERMISSION_DENIED');
      expect(exchanges()).toEqual([
        'GET /projects/acme%2Fplatform%2Fapp/issues 403',
        'GET /projects/acme%2Fplatform%2Fapp 403',
      ]);
    });
  });

  describe('plumbing', () => {
    it('works with a self-managed base URL with or without /api/v4, and with a numeric project id', async () => {
      const expected = (await tracker().listIssues()).map((issue) => issue.number);
      recorded();
      for (const baseUrl of [`${gl.url}/`, `${gl.url}/api/v4`, `${gl.url}/api/v4/`]) {
        const issues = await tracker(APP, { baseUrl }).listIssues();
        expect(issues.map((issue) => issue.number)).toEqual(expected);
      }
      expect(recorded().map((r) => [r.path, r.operation, r.status])).toEqual([
        ['/projects/acme%2Fplatform%2Fapp/issues', 'GET /projects/:id/issues', 200],
        ['/projects/acme%2Fplatform%2Fapp/issues', 'GET /projects/:id/issues', 200],
        ['/projects/acme%2Fplatform%2Fapp/issues', 'GET /projects/:id/issues', 200],
      ]);
      const id = gl.addProject('acme/by-id').id;
      gl.createIssue('acme/by-id', { title: 'By id' });
      const byId = tracker(String(id));
      expect((await byId.listIssues()).map((issue) => issue.title)).toEqual(['By id']);
      expect(recorded().map((r) => r.path)).toEqual([`/projects/${id}/issues`]);
    });

    it('sends an OAuth token as Authorization: Bearer', async () => {
      await tracker(APP, { tokenKind: 'oauth' }).getIssue(1);
      const [request] = recorded();
      expect(request?.requestHeaders['authorization']).toBe(`Bearer ${TOKEN}`);
      expect(request?.requestHeaders['private-token']).toBeUndefined();
      expect(request?.status).toBe(200);
    });

    it('counts requests by kind and reports the Date header of the latest response as serverTime', async () => {
      const t = tracker();
      expect(t.serverTime()).toBeNull();
      expect(t.stats()).toEqual(stats({}));
      const issue = await t.createIssue({
        title: 'Counted',
        body: '',
        labels: [],
        assignees: [],
        milestone: null,
      });
      await t.updateIssue(issue.number, { title: 'Counted again' });
      await t.getIssue(99_999);
      await t.listLabels();
      const time = t.serverTime();
      // The emulator's Date header follows its injected clock, as updated_at does (to the second).
      expect(time).toBe(new Date(Math.floor(now / 1000) * 1000).toISOString());
      expect(t.stats()).toEqual(stats({ reads: 2, writes: 2, failures: 1 }));
      // stats() is a snapshot, not the live counters.
      const snapshot = t.stats();
      snapshot.reads = 100;
      expect(t.stats().reads).toBe(2);
    });

    it('paces writes writeDelayMs apart', async () => {
      const t = tracker(APP, { writeDelayMs: 300 });
      const started = Date.now();
      await t.createIssue({ title: 'Paced 1', body: '', labels: [], assignees: [], milestone: null });
      const first = Date.now() - started;
      await t.createIssue({ title: 'Paced 2', body: '', labels: [], assignees: [], milestone: null });
      await t.listIssues(); // reads are not paced
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      expect(first).toBeLessThan(300);
      expect(t.stats()).toEqual(stats({ reads: 1, writes: 2 }));
    });
  });
});

describe('GitLab adapter rate limits (contract, Rack::Attack throttle of the emulator)', () => {
  it('stops with RATE_LIMITED naming Retry-After and RateLimit-Reset when the wait is longer than allowed', async () => {
    const now = Date.parse('2024-05-01T10:00:10.000Z');
    const gl = await GitLabEmulator.start({
      now: () => now,
      rateLimit: { authenticated: { limit: 2, periodSeconds: 60 } },
    });
    try {
      gl.addProject('acme/app');
      gl.addToken('t-limited', { user: 'alice', access: { 'acme/app': 40 } });
      const t = new GitLabIssueTracker('acme/app', {
        token: 't-limited',
        baseUrl: gl.url,
        maxRateLimitWaitSeconds: 5,
      });
      await t.listIssues();
      await t.listLabels();
      const error = await failure(t.listIssues());
      expect(error.code).toBe('RATE_LIMITED');
      expect(error.message).toBe(
        'GitLab’s rate limit (throttle_authenticated_api) stopped the run while listing issues (429 Retry later). GitLab asked to wait 50 s (Retry-After). The limit resets at 2024-05-01T10:01:00.000Z (RateLimit-Reset).',
      );
      expect(gl.requests.map((r) => r.status)).toEqual([200, 200, 429]);
      expect(t.stats()).toEqual(stats({ reads: 3, failures: 1 }));
    } finally {
      await gl.stop();
    }
  });
});
