/**
 * Contract tests of the GitLab emulator: the real @gitbeaker/rest client (the one the product's GitLab adapter will
 * use) talks to it over HTTP, each test names the documented behaviour it follows, and every recorded 2xx exchange is
 * checked at the end against GitLab's official OpenAPI v2 definitions where they exist
 * (test-support/emulators/gitlab/openapi.ts says which, and where the generated file is patched).
 *
 * How gitbeaker 43 reports things — the adapter will rely on this:
 * - A non-2xx answer other than 429/502 throws `GitbeakerRequestError` (name "GitbeakerRequestError") whose
 *   `message` and `cause.description` are the body's `error` field if present, else its `message` field
 *   (JSON-stringified when it is an object, e.g. `{"title":["can't be blank"]}`), else the raw text; `cause.response`
 *   is the fetch Response (status, headers) with its body already consumed, `cause.request` the Request.
 * - 429 and 502 are retried up to 10 times with tiny back-offs (0.25 ms · 2^i) that ignore Retry-After; if all fail it
 *   throws `GitbeakerRetryError` ("Could not successfully complete this request after 10 retries, last status code:
 *   429. …") with no cause, so the status and headers are lost.
 * - Transport failures are not wrapped: a connection reset surfaces as undici's `TypeError: fetch failed`, a body cut
 *   short after a 2xx status as `TypeError: terminated` (both with cause "other side closed"), a request slower than
 *   `queryTimeout` as `GitbeakerTimeoutError` ("Query timeout was reached").
 * - Lists: `all()` follows `rel="next"` from the Link header (re-sending that URL's query, `id=` included) until there
 *   is none or `maxPages` × `perPage` items are in hand (maxPages only works together with perPage); passing `page`
 *   fetches that page only. `showExpanded: true` returns `{ data, paginationInfo }` with `total`, `next`, `current`,
 *   `previous`, `perPage`, `totalPages` parsed from the x-* headers of the last page fetched (NaN when GitLab leaves
 *   x-total out above 10,000 records).
 */

import { request as httpRequest } from 'node:http';
import { Gitlab, GitbeakerRequestError, GitbeakerRetryError, GitbeakerTimeoutError } from '@gitbeaker/rest';
import {
  GitLabEmulator,
  validateAgainstOfficialSchema,
  type IssueJson,
  type RecordedRequest,
} from '../../test-support/emulators/gitlab/index.js';

type Api = InstanceType<typeof Gitlab>;
type Loose = Record<string, unknown>;

interface Failure {
  name: string;
  message: string;
  status?: number;
  description?: string;
  headers?: Headers;
}

/** Awaits a promise that must reject and returns what gitbeaker put on the error. */
async function failure(promise: Promise<unknown>): Promise<Failure> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error & { cause?: { description?: string; response?: Response } };
    if (e instanceof GitbeakerRequestError) {
      return {
        name: e.name,
        message: e.message,
        status: e.cause?.response.status,
        description: e.cause?.description,
        headers: e.cause?.response.headers,
      };
    }
    return { name: e.name, message: e.message };
  }
  throw new Error('expected the request to fail');
}

/** A raw HTTP exchange, for what gitbeaker will not send (bad JSON, unencoded paths, conditional requests). */
function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: options.method ?? 'GET', headers: options.headers ?? {} },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const START = Date.parse('2024-05-01T10:00:00.000Z');
/** Every exchange of every emulator in this file, for the schema pass at the end. */
const exchanges: RecordedRequest[] = [];

const APP = 'acme/platform/app';

describe('GitLab emulator (contract, @gitbeaker/rest over HTTP)', () => {
  let now = START;
  const clock = (): number => now;
  let gl: GitLabEmulator;
  let api: Api;
  let alice: number;
  let bob: number;
  let groupMilestoneId: number;

  const last = (): RecordedRequest => {
    const found = gl.requests[gl.requests.length - 1];
    if (!found) throw new Error('no request recorded');
    return found;
  };
  const client = (token: string): Api => new Gitlab({ host: gl.url, token });

  beforeAll(async () => {
    gl = await GitLabEmulator.start({ now: clock });
    gl.addGroup('acme', { name: 'ACME' });
    gl.addProject(APP);
    gl.addProject('acme/bulk');
    gl.addProject('acme/quiet', { issuesEnabled: false });
    gl.addProject('acme/site', { visibility: 'public' });
    gl.addProject('other/secret');
    alice = gl.addUser('alice', { name: 'Alice Admin' }).id;
    bob = gl.addUser('bob').id;
    gl.addUser('gina');
    gl.addMember('acme', 'alice', 40, { target: 'group' });
    gl.addMember(APP, 'bob', 30);
    gl.addMember(APP, 'gina', 10);
    gl.addMember(APP, 'paula', 15);
    gl.addToken('glpat-alice', { user: 'alice', scopes: ['api'] });
    gl.addToken('glpat-reader', { user: 'alice', scopes: ['read_api'] });
    gl.addToken('glpat-bob', { user: 'bob' });
    gl.addToken('glpat-gina', { user: 'gina' });
    gl.addToken('glpat-paula', { user: 'paula' });
    gl.addToken('glpat-old', { user: 'alice', state: 'expired' });
    gl.addToken('ci-job-token', { user: 'bob', kind: 'job' });
    groupMilestoneId = gl.addMilestone('acme', 'Q3', { target: 'group', dueDate: '2024-09-30' }).id;
    api = client('glpat-alice');
  });

  afterAll(async () => {
    exchanges.push(...gl.requests);
    await gl.stop();
  });

  it('serves a project by URL-encoded path and by id, with the caller’s permissions and the issues feature', async () => {
    // https://docs.gitlab.com/api/projects/#get-a-single-project ("permissions" example)
    const byPath = (await api.Projects.show(APP)) as unknown as Loose;
    expect(byPath).toMatchObject({
      path_with_namespace: APP,
      name_with_namespace: 'ACME / platform / app',
      issues_enabled: true,
      issues_access_level: 'enabled',
      visibility: 'private',
      web_url: `${gl.url}/${APP}`,
      permissions: { project_access: null, group_access: { access_level: 40, notification_level: 3 } },
    });
    expect(last().path).toBe('/projects/acme%2Fplatform%2Fapp');
    const byId = (await client('glpat-bob').Projects.show(Number(byPath['id']))) as unknown as Loose;
    expect(byId['permissions']).toEqual({
      project_access: { access_level: 30, notification_level: 3 },
      group_access: null,
    });
    const quiet = (await api.Projects.show('acme/quiet')) as unknown as Loose;
    expect(quiet).toMatchObject({ issues_enabled: false, issues_access_level: 'disabled' });
    expect(last().responseHeaders).toMatchObject({
      'content-type': 'application/json',
      'ratelimit-name': 'throttle_authenticated_api',
      'ratelimit-limit': '2000',
      'x-content-type-options': 'nosniff',
    });
    expect(last().responseHeaders['etag']).toMatch(/^W\/"[0-9a-f]{32}"$/);
  });

  let first: IssueJson;

  it('creates an issue with comma-separated labels, assignees, a group milestone, a due date, a type and a weight', async () => {
    // https://docs.gitlab.com/api/issues/#new-issue (response example; labels sorted; unknown labels created)
    const created = (await api.Issues.create(APP, 'First issue', {
      description: '- [x] done\n- [ ] todo',
      labels: 'type::bug,Backend',
      assigneeIds: [bob],
      milestoneId: groupMilestoneId,
      dueDate: '2024-06-01',
      issueType: 'incident',
      weight: 3,
    })) as unknown as IssueJson;
    expect(last().status).toBe(201);
    expect(created).toMatchObject({
      iid: 1,
      state: 'opened',
      title: 'First issue',
      labels: ['Backend', 'type::bug'],
      due_date: '2024-06-01',
      issue_type: 'incident',
      type: 'INCIDENT',
      weight: 3,
      closed_at: null,
      closed_by: null,
      created_at: '2024-05-01T10:00:00.000Z',
      updated_at: '2024-05-01T10:00:00.000Z',
      has_tasks: true,
      task_status: '1 of 2 checklist items completed',
      task_completion_status: { count: 2, completed_count: 1 },
      references: { short: '#1', relative: '#1', full: `${APP}#1` },
      web_url: `${gl.url}/${APP}/-/issues/1`,
      time_stats: {
        time_estimate: 0,
        total_time_spent: 0,
        human_time_estimate: null,
        human_total_time_spent: null,
      },
      subscribed: true,
    });
    expect(created.id).not.toBe(created.iid);
    expect(created.author).toMatchObject({
      id: alice,
      username: 'alice',
      name: 'Alice Admin',
      state: 'active',
    });
    expect(created.assignees.map((u) => u.username)).toEqual(['bob']);
    expect(created.assignee?.username).toBe('bob');
    expect(created.milestone).toMatchObject({
      id: groupMilestoneId,
      title: 'Q3',
      state: 'active',
      expired: false,
    });
    expect(created.milestone?.group_id).toBeDefined();
    expect(gl.listLabels(APP).map((l) => [l.name, l.color])).toEqual([
      ['type::bug', '#6699cc'],
      ['Backend', '#6699cc'],
    ]);
    first = created;
  });

  it('gets, edits, closes and reopens an issue by iid; edits move updated_at; 0 unsets a milestone', async () => {
    // https://docs.gitlab.com/api/issues/#edit-an-issue ("Set to 0 or provide an empty value to unassign")
    now += 60_000;
    const got = (await api.Issues.show(1, { projectId: APP })) as unknown as IssueJson;
    expect(got.id).toBe(first.id);
    const edited = (await api.Issues.edit(APP, 1, {
      title: 'First issue (edited)',
      addLabels: 'frontend',
      removeLabels: 'Backend',
      milestoneId: 0,
      assigneeIds: [],
    })) as unknown as IssueJson;
    expect(edited).toMatchObject({
      title: 'First issue (edited)',
      labels: ['frontend', 'type::bug'],
      milestone: null,
      assignees: [],
      assignee: null,
      updated_at: '2024-05-01T10:01:00.000Z',
      created_at: '2024-05-01T10:00:00.000Z',
    });
    now += 60_000;
    const closed = (await api.Issues.edit(APP, 1, { stateEvent: 'close' })) as unknown as IssueJson;
    expect(closed).toMatchObject({ state: 'closed', closed_at: '2024-05-01T10:02:00.000Z' });
    expect(closed.closed_by?.username).toBe('alice');
    now += 60_000;
    const reopened = (await api.Issues.edit(APP, 1, { stateEvent: 'reopen' })) as unknown as IssueJson;
    expect(reopened).toMatchObject({ state: 'opened', closed_at: null, closed_by: null });
    const replaced = (await api.Issues.edit(APP, 1, { labels: '' })) as unknown as IssueJson;
    expect(replaced.labels).toEqual([]);
  });

  it('lists issues with state (default all), labels, updated_after, order_by/sort and iids; lists omit `subscribed`', async () => {
    // https://docs.gitlab.com/api/issues/#list-project-issues
    now += 60_000;
    await api.Issues.create(APP, 'Second', { labels: 'docs' });
    now += 60_000;
    await api.Issues.create(APP, 'Third', { labels: 'docs,frontend' });
    await api.Issues.edit(APP, 3, { stateEvent: 'close' });
    const all = (await api.Issues.all({ projectId: APP })) as unknown as IssueJson[];
    expect(all.map((i) => i.iid)).toEqual([3, 2, 1]);
    expect('subscribed' in (all[0] ?? {})).toBe(false);
    const opened = (await api.Issues.all({ projectId: APP, state: 'opened' })) as unknown as IssueJson[];
    expect(opened.map((i) => i.iid)).toEqual([2, 1]);
    const labelled = (await api.Issues.all({
      projectId: APP,
      labels: 'docs,frontend',
    })) as unknown as IssueJson[];
    expect(labelled.map((i) => i.iid)).toEqual([3]);
    const since = (await api.Issues.all({
      projectId: APP,
      updatedAfter: '2024-05-01T10:05:00Z',
    })) as unknown as IssueJson[];
    expect(since.map((i) => i.iid)).toEqual([3]);
    now += 60_000;
    gl.editIssue(APP, 1, { description: 'edited on the web' });
    const byUpdate = (await api.Issues.all({
      projectId: APP,
      orderBy: 'updated_at',
      sort: 'asc',
    })) as unknown as IssueJson[];
    expect(byUpdate.map((i) => i.iid)).toEqual([2, 3, 1]);
    const someIids = (await api.Issues.all({ projectId: APP, iids: [1, 3] })) as unknown as IssueJson[];
    expect(someIids.map((i) => i.iid).sort()).toEqual([1, 3]);
    expect(last().query).toMatchObject({ 'iids[]': '3' });
    const bad = await failure(api.Issues.all({ projectId: APP, state: 'open' as 'opened' }));
    expect(bad).toMatchObject({ status: 400, description: 'state does not have a valid value' });
  });

  describe('pagination', () => {
    beforeAll(async () => {
      const bulk = client('glpat-alice');
      for (let n = 1; n <= 250; n += 1) {
        now += 1000;
        await bulk.Issues.create('acme/bulk', `Bulk ${n}`);
      }
    });

    it('follows rel="next" through 250 issues 100 a page; gitbeaker re-sends the Link query, `id=` included', async () => {
      // https://docs.gitlab.com/api/rest/#pagination-link-header
      const mark = gl.requests.length;
      const all = (await api.Issues.all({ projectId: 'acme/bulk', perPage: 100 })) as unknown as IssueJson[];
      expect(all).toHaveLength(250);
      expect(new Set(all.map((i) => i.iid)).size).toBe(250);
      const pages = gl.requests.slice(mark);
      expect(pages.map((r) => [r.path, r.query['page'] ?? '1', r.query['id'] ?? '-'])).toEqual([
        ['/projects/acme%2Fbulk/issues', '1', '-'],
        ['/projects/acme%2Fbulk/issues', '2', 'acme/bulk'],
        ['/projects/acme%2Fbulk/issues', '3', 'acme/bulk'],
      ]);
      const base = `${gl.url}/api/v4/projects/acme%2Fbulk/issues?id=acme%2Fbulk&order_by=created_at`;
      const href = (page: number): string =>
        `<${base}&page=${page}&per_page=100&sort=desc&state=all&with_labels_details=false>`;
      expect(pages[0]?.responseHeaders).toMatchObject({
        'x-page': '1',
        'x-per-page': '100',
        'x-total': '250',
        'x-total-pages': '3',
        'x-next-page': '2',
        'x-prev-page': '',
        link: `${href(2)}; rel="next", ${href(1)}; rel="first", ${href(3)}; rel="last"`,
      });
      expect(pages[1]?.responseHeaders['link']).toBe(
        `${href(1)}; rel="prev", ${href(3)}; rel="next", ${href(1)}; rel="first", ${href(3)}; rel="last"`,
      );
      expect(pages[2]?.responseHeaders).toMatchObject({ 'x-next-page': '', 'x-prev-page': '2' });
    });

    it('showExpanded gives paginationInfo from the last page; maxPages needs perPage; page fetches one page', async () => {
      const expanded = await api.Issues.all({ projectId: 'acme/bulk', perPage: 100, showExpanded: true });
      expect(expanded.data).toHaveLength(250);
      expect(expanded.paginationInfo).toEqual({
        total: 250,
        next: null,
        current: 3,
        previous: 2,
        perPage: 100,
        totalPages: 3,
      });
      const two = (await api.Issues.all({ projectId: 'acme/bulk', perPage: 100, maxPages: 2 })) as unknown[];
      expect(two).toHaveLength(200);
      const one = await api.Issues.all({ projectId: 'acme/bulk', perPage: 50, page: 2, showExpanded: true });
      expect(one.data).toHaveLength(50);
      expect(one.paginationInfo).toMatchObject({
        current: 2,
        next: 3,
        previous: 1,
        total: 250,
        totalPages: 5,
      });
    });

    it('caps per_page at 100 (the Link keeps the requested value) and defaults to 20', async () => {
      const capped = await raw(`${gl.url}/api/v4/projects/acme%2Fbulk/issues?per_page=500`, {
        headers: { 'private-token': 'glpat-alice' },
      });
      expect(JSON.parse(capped.body)).toHaveLength(100);
      expect(capped.headers['x-per-page']).toBe('100');
      expect(String(capped.headers['link'])).toContain('per_page=500');
      const defaulted = await raw(`${gl.url}/api/v4/projects/acme%2Fbulk/issues`, {
        headers: { 'private-token': 'glpat-alice' },
      });
      expect(JSON.parse(defaulted.body)).toHaveLength(20);
      expect(defaulted.headers).toMatchObject({ 'x-per-page': '20', 'x-total-pages': '13' });
      const beyond = await raw(`${gl.url}/api/v4/projects/acme%2Fbulk/issues?page=99`, {
        headers: { 'private-token': 'glpat-alice' },
      });
      expect(JSON.parse(beyond.body)).toEqual([]);
      expect(beyond.headers).toMatchObject({ 'x-page': '99', 'x-next-page': '', 'x-prev-page': '' });
    });

    it('omits x-total, x-total-pages and rel="last" above 10,000 records, and gitbeaker reports NaN totals', async () => {
      // https://docs.gitlab.com/user/gitlab_com/#pagination-response-headers
      const big = await GitLabEmulator.start({ now: clock });
      try {
        big.addProject('acme/huge');
        big.addToken('t', { user: 'alice', access: { 'acme/huge': 40 } });
        big.seedIssues('acme/huge', 10_001);
        const bigApi = new Gitlab({ host: big.url, token: 't' });
        const page = await bigApi.Issues.all({
          projectId: 'acme/huge',
          perPage: 100,
          page: 1,
          showExpanded: true,
        });
        expect(page.data).toHaveLength(100);
        expect(page.paginationInfo).toMatchObject({ current: 1, next: 2, previous: null, perPage: 100 });
        expect(Number.isNaN(page.paginationInfo.total)).toBe(true);
        expect(Number.isNaN(page.paginationInfo.totalPages)).toBe(true);
        const headers = big.requests[big.requests.length - 1]?.responseHeaders ?? {};
        expect(headers['x-total']).toBeUndefined();
        expect(headers['x-total-pages']).toBeUndefined();
        expect(headers['x-next-page']).toBe('2');
        expect(headers['link']).not.toContain('rel="last"');
        expect(headers['link']).toContain('rel="first"');
        exchanges.push(...big.requests.filter((r) => r.status !== 200));
      } finally {
        await big.stop();
      }
    });
  });

  describe('labels', () => {
    it('creates labels (201), answers 409 "Label already exists" for a taken title, titles are case-sensitive', async () => {
      // https://docs.gitlab.com/api/labels/#create-a-new-label ; 409 from label_helpers.rb `conflict!`
      const label = (await api.ProjectLabels.create(APP, 'enhancement', '#5843AD', {
        description: 'New feature',
      })) as unknown as Loose;
      expect(last().status).toBe(201);
      expect(label).toMatchObject({
        name: 'enhancement',
        color: '#5843AD',
        text_color: '#FFFFFF',
        description: 'New feature',
        is_project_label: true,
        subscribed: false,
        priority: null,
      });
      const duplicate = await failure(api.ProjectLabels.create(APP, 'enhancement', '#000000'));
      expect(duplicate).toMatchObject({
        name: 'GitbeakerRequestError',
        status: 409,
        description: 'Label already exists',
        message: 'Label already exists',
      });
      expect(last().responseBody).toEqual({ message: 'Label already exists' });
      const cased = (await api.ProjectLabels.create(APP, 'Enhancement', 'red')) as unknown as Loose;
      expect(cased).toMatchObject({ name: 'Enhancement', color: '#FF0000' });
    });

    it('rejects bad colours and missing params in GitLab’s two error shapes', async () => {
      const color = await failure(api.ProjectLabels.create(APP, 'bad-colour', 'not-a-colour'));
      expect(color).toMatchObject({ status: 400, description: '{"color":["must be a valid color code"]}' });
      expect(last().responseBody).toEqual({ message: { color: ['must be a valid color code'] } });
      const missing = await failure(
        api.ProjectLabels.create(APP, 'no-colour', undefined as unknown as string),
      );
      expect(missing).toMatchObject({ status: 400, description: 'color is missing' });
      expect(last().responseBody).toEqual({ error: 'color is missing' });
    });

    it('lists labels sorted by title, with counts on request', async () => {
      const labels = (await api.ProjectLabels.all(APP)) as unknown as Loose[];
      expect(labels.map((l) => l['name'])).toEqual([
        'Backend',
        'docs',
        'enhancement',
        'Enhancement',
        'frontend',
        'type::bug',
      ]);
      expect('open_issues_count' in (labels[0] ?? {})).toBe(false);
      const counted = (await api.ProjectLabels.all(APP, { withCounts: true })) as unknown as Loose[];
      expect(counted.find((l) => l['name'] === 'docs')).toMatchObject({
        open_issues_count: 1,
        closed_issues_count: 1,
      });
    });

    it('keeps one label per scope on an issue: a new scoped label replaces its sibling, the last of several wins', async () => {
      // https://docs.gitlab.com/user/project/labels/#scoped-labels
      const issue = (await api.Issues.create(APP, 'Scoped', {
        labels: 'priority::1,workflow::doing',
      })) as unknown as IssueJson;
      const bumped = (await api.Issues.edit(APP, issue.iid, {
        addLabels: 'priority::2',
      })) as unknown as IssueJson;
      expect(bumped.labels).toEqual(['priority::2', 'workflow::doing']);
      const both = (await api.Issues.create(APP, 'Both', {
        labels: 'priority::1,priority::3',
      })) as unknown as IssueJson;
      expect(both.labels).toEqual(['priority::3']);
      const nested = (await api.Issues.edit(APP, both.iid, {
        addLabels: 'a::b::c,a::b::d,a::x',
      })) as unknown as IssueJson;
      expect(nested.labels).toEqual(['a::b::d', 'a::x', 'priority::3']);

      const free = await GitLabEmulator.start({ now: clock, scopedLabels: false });
      try {
        free.addProject('acme/app');
        free.addToken('t', { user: 'alice', access: { 'acme/app': 40 } });
        const freeApi = new Gitlab({ host: free.url, token: 't' });
        const kept = (await freeApi.Issues.create('acme/app', 'Free tier', {
          labels: 'priority::1,priority::2',
        })) as unknown as IssueJson;
        expect(kept.labels).toEqual(['priority::1', 'priority::2']);
        exchanges.push(...free.requests);
      } finally {
        await free.stop();
      }
    });
  });

  describe('milestones', () => {
    it('creates, lists, closes and reactivates project milestones; :milestone_id is the global id', async () => {
      // https://docs.gitlab.com/api/milestones/
      const m = (await api.ProjectMilestones.create(APP, 'v1.0', {
        description: 'First release',
        dueDate: '2024-06-30',
        startDate: '2024-05-01',
      })) as unknown as Loose;
      expect(last().status).toBe(201);
      expect(m).toMatchObject({
        iid: 1,
        title: 'v1.0',
        state: 'active',
        due_date: '2024-06-30',
        start_date: '2024-05-01',
        expired: false,
        web_url: `${gl.url}/${APP}/-/milestones/1`,
      });
      expect(m['id']).not.toBe(1);
      const closed = (await api.ProjectMilestones.edit(APP, Number(m['id']), {
        stateEvent: 'close',
      })) as unknown as Loose;
      expect(closed['state']).toBe('closed');
      const active = (await api.ProjectMilestones.all(APP, { state: 'active' })) as unknown as Loose[];
      expect(active).toEqual([]);
      const reopened = (await api.ProjectMilestones.edit(APP, Number(m['id']), {
        stateEvent: 'activate',
      })) as unknown as Loose;
      expect(reopened['state']).toBe('active');
      const withGroup = (await api.ProjectMilestones.all(APP, {
        includeParentMilestones: true,
      })) as unknown as Loose[];
      expect(withGroup.map((x) => x['title'])).toEqual(['v1.0', 'Q3']);
      const badEvent = await failure(
        api.ProjectMilestones.edit(APP, Number(m['id']), { stateEvent: 'reopen' as 'close' }),
      );
      expect(badEvent).toMatchObject({ status: 400, description: 'state_event does not have a valid value' });
      const missing = await failure(api.ProjectMilestones.edit(APP, 99_999, { title: 'x' }));
      expect(missing).toMatchObject({ status: 404, description: '404 Not found' });
    });

    it('400s a title already used by a project or group milestone in the hierarchy', async () => {
      const taken = await failure(api.ProjectMilestones.create(APP, 'Q3'));
      expect(taken).toMatchObject({
        status: 400,
        description: '{"title":["already being used for another group or project milestone."]}',
      });
    });

    it('lists group milestones, and an issue can use one', async () => {
      // https://docs.gitlab.com/api/group_milestones/
      const list = (await api.GroupMilestones.all('acme')) as unknown as Loose[];
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({
        id: groupMilestoneId,
        iid: 1,
        title: 'Q3',
        web_url: `${gl.url}/groups/acme/-/milestones/1`,
      });
      const created = (await api.GroupMilestones.create('acme', 'Q4')) as unknown as Loose;
      expect(created).toMatchObject({ iid: 2, state: 'active' });
      expect(gl.listMilestones('acme', { target: 'group' }).map((x) => x.title)).toEqual(['Q3', 'Q4']);
      const hidden = await failure(client('glpat-gina').GroupMilestones.all('other'));
      expect(hidden).toMatchObject({ status: 404, description: '404 Group Not Found' });
    });
  });

  describe('users and members', () => {
    it('looks users up by username (case-insensitive), [] when unknown', async () => {
      // https://docs.gitlab.com/api/users/#list-users ("username" filter)
      const found = (await api.Users.all({ username: 'ALICE' })) as unknown as Loose[];
      expect(found).toEqual([
        {
          id: alice,
          username: 'alice',
          name: 'Alice Admin',
          state: 'active',
          locked: false,
          avatar_url: expect.stringMatching(/^https:\/\/www\.gravatar\.com\/avatar\//),
          web_url: `${gl.url}/alice`,
        },
      ]);
      expect(await api.Users.all({ username: 'nobody' })).toEqual([]);
    });

    it('lists all members, inherited ones included, paged', async () => {
      // https://docs.gitlab.com/api/members/#list-all-members-of-a-group-or-project-including-inherited-and-invited-members
      const members = (await api.ProjectMembers.all(APP, { includeInherited: true })) as unknown as Loose[];
      expect(last().path).toBe('/projects/acme%2Fplatform%2Fapp/members/all');
      expect(members.map((m) => [m['username'], m['access_level']])).toEqual([
        ['alice', 40],
        ['bob', 30],
        ['gina', 10],
        ['paula', 15],
      ]);
      expect(members[0]).toMatchObject({ membership_state: 'active', expires_at: null, created_by: null });
      const direct = (await api.ProjectMembers.all(APP)) as unknown as Loose[];
      expect(direct.map((m) => m['username'])).toEqual(['bob', 'gina', 'paula']);
      const paged = await api.ProjectMembers.all(APP, {
        includeInherited: true,
        perPage: 2,
        page: 2,
        showExpanded: true,
      });
      expect(paged.paginationInfo).toMatchObject({
        total: 4,
        current: 2,
        totalPages: 2,
        previous: 1,
        next: null,
      });
    });
  });

  it('tracks time: estimate 3h30m, add spent 1h (201), stats, reset', async () => {
    // https://docs.gitlab.com/api/issues/#time-tracking (response examples)
    const estimate = await api.Issues.addTimeEstimate(APP, 2, '3h30m');
    expect(last().status).toBe(200);
    expect(estimate).toEqual({
      time_estimate: 12600,
      total_time_spent: 0,
      human_time_estimate: '3h 30m',
      human_total_time_spent: null,
    });
    const spent = await api.Issues.addSpentTime(APP, 2, '1h');
    expect(last().status).toBe(201);
    expect(spent).toMatchObject({ total_time_spent: 3600, human_total_time_spent: '1h' });
    await api.Issues.addSpentTime(APP, 2, '1d 2h');
    expect(await api.Issues.showTimeStats(APP, 2)).toEqual({
      time_estimate: 12600,
      total_time_spent: 3600 + 10 * 3600,
      human_time_estimate: '3h 30m',
      human_total_time_spent: '1d 3h',
    });
    expect(gl.getIssue(APP, 2)?.time_stats.time_estimate).toBe(12600);
    const reset = await api.Issues.resetTimeEstimate(APP, 2);
    expect(reset).toMatchObject({ time_estimate: 0, human_time_estimate: null });
    const bad = await failure(api.Issues.addTimeEstimate(APP, 2, 'soon'));
    expect(bad.status).toBe(400);
    const noDuration = await failure(api.Issues.addSpentTime(APP, 2, undefined as unknown as string));
    expect(noDuration).toMatchObject({ status: 400, description: 'duration is missing' });
  });

  describe('errors, and what gitbeaker throws for each', () => {
    it('401 for an unknown token: GitbeakerRequestError, cause.response.status 401, description "401 Unauthorized"', async () => {
      // https://docs.gitlab.com/api/rest/troubleshooting/#status-codes ; body {"message":"401 Unauthorized"}
      const bad = await failure(client('glpat-nope').Projects.show(APP));
      expect(bad).toMatchObject({
        name: 'GitbeakerRequestError',
        status: 401,
        description: '401 Unauthorized',
        message: '401 Unauthorized',
      });
      expect(last().responseBody).toEqual({ message: '401 Unauthorized' });
      expect(last().responseHeaders['ratelimit-name']).toBe('throttle_unauthenticated_api');
    });

    it('401 invalid_token for an expired token (rack-oauth2 body; description is the `error` field)', async () => {
      const expired = await failure(client('glpat-old').Issues.all({ projectId: APP }));
      expect(expired).toMatchObject({ status: 401, description: 'invalid_token' });
      expect(last().responseBody).toEqual({
        error: 'invalid_token',
        error_description: 'Token is expired. You can either do re-authorization or token refresh.',
      });
      expect(expired.headers?.get('www-authenticate')).toMatch(/^Bearer realm=""/);
    });

    it('404 "404 Project Not Found" for a missing project and for one the caller cannot see', async () => {
      // https://docs.gitlab.com/api/issues/ ("a GET request on that project results in a 404 status code")
      for (const path of ['acme/ghost', 'other/secret']) {
        const missing = await failure(api.Issues.all({ projectId: path }));
        expect(missing).toMatchObject({ status: 404, description: '404 Project Not Found' });
      }
      expect(last().responseBody).toEqual({ message: '404 Project Not Found' });
      const issue = await failure(api.Issues.show(999, { projectId: APP }));
      expect(issue).toMatchObject({ status: 404, description: '404 Not found' });
    });

    it('403 insufficient_scope for a read_api token that writes (description "insufficient_scope"); reads work', async () => {
      // https://docs.gitlab.com/user/profile/personal_access_tokens/#personal-access-token-scopes
      const reader = client('glpat-reader');
      expect(await reader.Issues.all({ projectId: APP })).toHaveLength(5);
      const denied = await failure(reader.Issues.create(APP, 'nope'));
      expect(denied).toMatchObject({ status: 403, description: 'insufficient_scope' });
      expect(last().responseBody).toEqual({
        error: 'insufficient_scope',
        error_description: 'The request requires higher privileges than provided by the access token.',
        scope: 'api',
      });
    });

    it('403 "403 Forbidden" for a role too low; guests create issues but their labels are dropped', async () => {
      // https://docs.gitlab.com/user/permissions/ (labels and metadata need Planner/Reporter)
      const guest = client('glpat-gina');
      const label = await failure(guest.ProjectLabels.create(APP, 'guest-label', '#000000'));
      expect(label).toMatchObject({ status: 403, description: '403 Forbidden' });
      expect(last().responseBody).toEqual({ message: '403 Forbidden' });
      const own = (await guest.Issues.create(APP, 'From a guest', {
        labels: 'docs',
        assigneeIds: [bob],
      })) as unknown as IssueJson;
      expect(own).toMatchObject({ labels: [], assignees: [] });
      const ownEdit = (await guest.Issues.edit(APP, own.iid, {
        title: 'Guest edits own issue',
      })) as unknown as IssueJson;
      expect(ownEdit.title).toBe('Guest edits own issue');
      const other = await failure(guest.Issues.edit(APP, 2, { title: 'not mine' }));
      expect(other).toMatchObject({ status: 403, description: '403 Forbidden' });
      const planner = client('glpat-paula');
      expect(
        ((await planner.Issues.edit(APP, 2, { addLabels: 'docs' })) as unknown as IssueJson).labels,
      ).toContain('docs');
    });

    it('CI job token: reads issues, but a write is 401 "401 Unauthorized" (the JOB-TOKEN header is ignored there)', async () => {
      // lib/api/issues.rb: only the issue GETs have `job_token_allowed: true`; ocx-sh/ocx#432 reports the 401
      const job = new Gitlab({ host: gl.url, jobToken: 'ci-job-token' });
      const issues = (await job.Issues.all({ projectId: APP })) as unknown as IssueJson[];
      expect(issues.length).toBeGreaterThan(0);
      expect(last().requestHeaders['job-token']).toBe('ci-job-token');
      expect(((await job.Issues.show(1, { projectId: APP })) as unknown as IssueJson).iid).toBe(1);
      const write = await failure(job.Issues.create(APP, 'from CI'));
      expect(write).toMatchObject({
        name: 'GitbeakerRequestError',
        status: 401,
        description: '401 Unauthorized',
      });
      const edit = await failure(job.Issues.edit(APP, 1, { stateEvent: 'close' }));
      expect(edit.status).toBe(401);
      const project = await failure(job.Projects.show(APP));
      expect(project).toMatchObject({ status: 404, description: '404 Project Not Found' });
      const unknown = await failure(
        new Gitlab({ host: gl.url, jobToken: 'nope' }).Issues.all({ projectId: APP }),
      );
      expect(unknown.status).toBe(401);
    });

    it('400 in both shapes: {"error":"title is missing"} from Grape, {"message":{"title":[…]}} from the model', async () => {
      // Grape params: "title is missing"; model: https://docs.gitlab.com/api/rest/troubleshooting/ (400 Bad Request)
      const missing = await failure(api.Issues.create(APP, undefined as unknown as string));
      expect(missing).toMatchObject({ status: 400, description: 'title is missing' });
      expect(last().responseBody).toEqual({ error: 'title is missing' });
      const blank = await failure(api.Issues.create(APP, '   '));
      expect(blank).toMatchObject({ status: 400, description: '{"title":["can\'t be blank"]}' });
      expect(last().responseBody).toEqual({ message: { title: ["can't be blank"] } });
      const long = await failure(api.Issues.create(APP, 'x'.repeat(256)));
      expect(long.description).toBe('{"title":["is too long (maximum is 255 characters)"]}');
      await api.Issues.create(APP, 'é'.repeat(255), { description: '🙂'.repeat(1000) }); // limits count characters
      const body = await failure(api.Issues.create(APP, 'ok', { description: 'x'.repeat(1_048_577) }));
      expect(body.description).toBe('{"description":["is too long (maximum is 1048576 characters)"]}');
      const nothing = await failure(api.Issues.edit(APP, 1, {}));
      expect(nothing).toMatchObject({
        status: 400,
        description:
          'assignee_id, assignee_ids, confidential, created_at, description, discussion_locked, due_date, labels, add_labels, remove_labels, milestone_id, state_event, title, issue_type, weight, epic_id, epic_iid are missing, at least one parameter must be provided',
      });
      const event = await failure(api.Issues.edit(APP, 1, { stateEvent: 'done' as 'close' }));
      expect(event.description).toBe('state_event does not have a valid value');
      const type = await failure(api.Issues.edit(APP, 1, { milestoneId: 'soon' as unknown as number }));
      expect(type.description).toBe('milestone_id is invalid');
      // Parameter validation runs before the project lookup: a missing title on an invisible project is still 400.
      const order = await failure(api.Issues.create('other/secret', undefined as unknown as string));
      expect(order.status).toBe(400);
    });

    it('403 on issue endpoints when issues are disabled; labels still work there', async () => {
      for (const attempt of [
        api.Issues.all({ projectId: 'acme/quiet' }),
        api.Issues.create('acme/quiet', 'x'),
      ]) {
        expect(await failure(attempt)).toMatchObject({ status: 403, description: '403 Forbidden' });
      }
      await api.ProjectLabels.create('acme/quiet', 'still-fine', '#00ff00');
      expect(last().status).toBe(201);
    });

    it('public projects: anonymous reads work, anonymous writes are 401', async () => {
      gl.createIssue('acme/site', { title: 'Public issue' });
      const anonymous = new Gitlab({ host: gl.url });
      expect(await anonymous.Issues.all({ projectId: 'acme/site' })).toHaveLength(1);
      const write = await failure(anonymous.Issues.create('acme/site', 'x'));
      expect(write).toMatchObject({ status: 401, description: '401 Unauthorized' });
      const outsider = (await client('glpat-bob').Issues.create(
        'acme/site',
        'From outside',
      )) as unknown as IssueJson;
      expect(outsider.author.username).toBe('bob');
    });

    it('a deleted issue leaves lists and answers 404', async () => {
      const doomed = (await api.Issues.create(APP, 'Doomed')) as unknown as IssueJson;
      gl.deleteIssue(APP, doomed.iid);
      expect((await failure(api.Issues.show(doomed.iid, { projectId: APP }))).status).toBe(404);
      expect(gl.getIssue(APP, doomed.iid)).toBeUndefined();
    });
  });

  describe('plumbing', () => {
    it('accepts PRIVATE-TOKEN, Authorization: Bearer (oauthToken) and ?private_token=', async () => {
      const bearer = new Gitlab({ host: gl.url, oauthToken: 'glpat-alice' });
      expect(((await bearer.Projects.show(APP)) as unknown as Loose)['id']).toBeDefined();
      expect(last().requestHeaders['authorization']).toBe('Bearer glpat-alice');
      const query = await raw(
        `${gl.url}/api/v4/projects/${encodeURIComponent(APP)}?private_token=glpat-alice`,
      );
      expect(query.status).toBe(200);
    });

    it('404 {"error":"404 Not Found"} for unknown routes and unencoded paths; 400 for malformed JSON; 304 on a matching ETag', async () => {
      const headers = { 'private-token': 'glpat-alice', 'content-type': 'application/json' };
      const unknown = await raw(`${gl.url}/api/v4/projects/1/nope`, { headers });
      expect([unknown.status, JSON.parse(unknown.body)]).toEqual([404, { error: '404 Not Found' }]);
      const slash = await raw(`${gl.url}/api/v4/projects/acme/platform/app/issues`, { headers });
      expect(slash.status).toBe(404);
      const malformed = await raw(`${gl.url}/api/v4/projects/1/issues`, {
        method: 'POST',
        headers,
        body: '{"title": ',
      });
      expect(malformed.status).toBe(400);
      const form = await raw(`${gl.url}/api/v4/projects/${encodeURIComponent(APP)}/issues`, {
        method: 'POST',
        headers: { 'private-token': 'glpat-alice', 'content-type': 'application/x-www-form-urlencoded' },
        body: 'title=From+a+form&labels=docs',
      });
      expect(form.status).toBe(201);
      expect(JSON.parse(form.body)).toMatchObject({ title: 'From a form', labels: ['docs'] });
      const firstGet = await raw(`${gl.url}/api/v4/projects/${encodeURIComponent(APP)}`, { headers });
      const etag = String(firstGet.headers['etag']);
      const again = await raw(`${gl.url}/api/v4/projects/${encodeURIComponent(APP)}`, {
        headers: { ...headers, 'if-none-match': etag },
      });
      expect([again.status, again.body]).toEqual([304, '']);
    });

    it('web edits by a human show up through the API with a new updated_at', async () => {
      now += 120_000;
      const edited = gl.editIssue(
        APP,
        2,
        { title: 'Renamed in the UI', labels: ['priority::1', 'priority::2'], state: 'closed' },
        { by: 'bob' },
      );
      expect(edited).toMatchObject({ state: 'closed', labels: ['priority::2'] });
      expect(edited.closed_by?.username).toBe('bob');
      const seen = (await api.Issues.all({
        projectId: APP,
        updatedAfter: new Date(now).toISOString(),
      })) as unknown as IssueJson[];
      expect(seen.map((i) => [i.iid, i.title])).toEqual([[2, 'Renamed in the UI']]);
    });

    it('records every exchange under its route', () => {
      const statuses = new Set(gl.requests.map((r) => r.status));
      for (const status of [200, 201, 304, 400, 401, 403, 404, 409]) expect(statuses.has(status)).toBe(true);
      const sample = gl.requests.find(
        (r) => r.method === 'POST' && r.status === 201 && r.path.endsWith('/issues'),
      );
      expect(sample).toMatchObject({
        operation: 'POST /projects/:id/issues',
        path: '/projects/acme%2Fplatform%2Fapp/issues',
      });
      expect(typeof sample?.durationMs).toBe('number');
    });
  });

  describe('faults', () => {
    it('status 502 twice: gitbeaker retries 502 by itself, so the caller sees a success', async () => {
      gl.injectFault({
        method: 'GET',
        path: /\/issues$/,
        times: 2,
        kind: 'status',
        status: 502,
        body: 'Bad Gateway',
      });
      const mark = gl.requests.length;
      expect(await api.Issues.all({ projectId: APP, perPage: 1, page: 1 })).toHaveLength(1);
      expect(gl.requests.slice(mark).map((r) => r.status)).toEqual([502, 502, 200]);
    });

    it('status 500: GitbeakerRequestError with the injected body’s message; no state change', async () => {
      const before = gl.listIssues(APP).length;
      gl.injectFault({
        method: 'POST',
        kind: 'status',
        status: 500,
        body: { message: '500 Internal Server Error' },
      });
      const failed = await failure(api.Issues.create(APP, 'never'));
      expect(failed).toMatchObject({ status: 500, description: '500 Internal Server Error' });
      expect(gl.listIssues(APP)).toHaveLength(before);
    });

    it('reset: the connection drops before handling; fetch rejects with TypeError "fetch failed"', async () => {
      const before = gl.listIssues(APP).length;
      gl.injectFault({ method: 'POST', path: /\/issues$/, kind: 'reset' });
      const dropped = await failure(api.Issues.create(APP, 'lost'));
      expect(dropped).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
      expect(gl.listIssues(APP)).toHaveLength(before);
      expect(gl.requests.at(-1)).toMatchObject({ fault: 'reset', status: 0 });
    });

    it('truncate: the write lands but the body is cut, so gitbeaker rejects and the caller cannot tell', async () => {
      const before = gl.listIssues(APP).length;
      gl.injectFault({ method: 'POST', path: /\/issues$/, kind: 'truncate' });
      const cut = await failure(api.Issues.create(APP, 'landed'));
      expect(cut).toMatchObject({ name: 'TypeError', message: 'terminated' }); // undici; cause "other side closed"
      const after = gl.listIssues(APP);
      expect(after).toHaveLength(before + 1);
      expect(after.at(-1)?.title).toBe('landed');
    });

    it('delay past queryTimeout: GitbeakerTimeoutError "Query timeout was reached"', async () => {
      gl.injectFault({ path: /^\/projects\/[^/]+$/, kind: 'delay', ms: 300 });
      const slow = new Gitlab({ host: gl.url, token: 'glpat-alice', queryTimeout: 100 });
      const timedOut = await failure(slow.Projects.show(APP));
      expect(timedOut).toMatchObject({ name: 'GitbeakerTimeoutError', message: 'Query timeout was reached' });
      expect(new GitbeakerTimeoutError('x')).toBeInstanceOf(Error);
      gl.clearFaults();
    });
  });
});

describe('GitLab emulator rate limits (contract)', () => {
  it('429 "Retry later" with Retry-After and RateLimit-*; gitbeaker retries 10 times, then GitbeakerRetryError', async () => {
    // https://docs.gitlab.com/administration/settings/user_and_ip_rate_limits/#response-headers
    let now = Date.parse('2024-05-01T10:00:10.000Z');
    const gl = await GitLabEmulator.start({
      now: () => now,
      rateLimit: { authenticated: { limit: 5, periodSeconds: 60 } },
    });
    try {
      gl.addProject('acme/app');
      gl.addToken('t', { user: 'alice', access: { 'acme/app': 40 } });
      const api = new Gitlab({ host: gl.url, token: 't' });
      for (let i = 1; i <= 5; i += 1) await api.Issues.all({ projectId: 'acme/app' });
      expect(gl.requests.at(-1)?.responseHeaders).toMatchObject({
        'ratelimit-limit': '5',
        'ratelimit-observed': '5',
        'ratelimit-remaining': '0',
        'ratelimit-reset': String(Date.parse('2024-05-01T10:01:00.000Z') / 1000),
      });
      const mark = gl.requests.length;
      const limited = await failure(api.Issues.all({ projectId: 'acme/app' }));
      expect(limited.name).toBe('GitbeakerRetryError');
      expect(limited.message).toBe(
        'Could not successfully complete this request after 10 retries, last status code: 429. Check the applicable rate limits for this endpoint.',
      );
      const throttled = gl.requests.slice(mark);
      expect(throttled).toHaveLength(10);
      expect(throttled[0]).toMatchObject({ status: 429, responseBody: 'Retry later\n' });
      expect(throttled[0]?.responseHeaders).toMatchObject({
        'content-type': 'text/plain',
        'retry-after': '50',
        'ratelimit-name': 'throttle_authenticated_api',
        'ratelimit-observed': '6',
        'ratelimit-remaining': '0',
        'ratelimit-resettime': 'Wed, 01 May 2024 10:01:00 GMT',
      });
      expect(new GitbeakerRetryError('x')).toBeInstanceOf(Error);
      now += 50_000;
      expect(await api.Issues.all({ projectId: 'acme/app' })).toEqual([]);
      expect(gl.requests.at(-1)?.responseHeaders['ratelimit-observed']).toBe('1');
      exchanges.push(...gl.requests);
    } finally {
      await gl.stop();
    }
  });
});

describe('official OpenAPI v2 conformance of every recorded 2xx exchange', () => {
  it('reports what does not conform (so a clean pass means something)', () => {
    const issue = exchanges.find(
      (r) => r.operation === 'GET /projects/:id/issues/:issue_iid' && r.status === 200,
    );
    const broken = { ...(issue?.responseBody as Loose), iid: 'one', invented: true, assignees: {} };
    const problems = validateAgainstOfficialSchema({
      operation: 'GET /projects/:id/issues/:issue_iid',
      status: 200,
      responseBody: broken,
    });
    expect(problems?.join('\n')).toMatch(/\/iid must be integer/);
    expect(problems?.join('\n')).toMatch(/invented/);
    expect(problems?.join('\n')).toMatch(/\/assignees/);
    expect(
      validateAgainstOfficialSchema({ operation: 'GET /nope', status: 200, responseBody: {} }),
    ).toBeUndefined();
  });

  it('finds every 2xx body valid against GitLab’s openapi_v2.yaml definitions (with the documented patches)', () => {
    const checked = exchanges.filter(
      (r) => r.operation !== undefined && r.status >= 200 && r.status < 300 && r.fault !== 'truncate',
    );
    expect(checked.length).toBeGreaterThan(300);
    const operations = new Set(checked.map((r) => r.operation));
    expect(operations.size).toBeGreaterThanOrEqual(18);
    const problems = checked.flatMap(
      (r) => validateAgainstOfficialSchema(r) ?? [`no schema for ${r.operation}`],
    );
    expect([...new Set(problems)]).toEqual([]);
  });
});
