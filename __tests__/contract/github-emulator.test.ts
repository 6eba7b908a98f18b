/**
 * Contract tests of the GitHub emulator: the real Octokit (from @actions/github) talks to it over HTTP, and at the end
 * every recorded exchange is checked against GitHub's official OpenAPI description.
 */

import { request as httpRequest } from 'node:http';
import { getOctokit } from '@actions/github';
import {
  GitHubEmulator,
  type IssueJson,
  type LabelJson,
  type RecordedRequest,
} from '../../test-support/emulators/github/index.js';
import { templateFor, validateExchange } from '../../test-support/openapi/index.js';

type Octokit = ReturnType<typeof getOctokit>;

interface Failure {
  status: number;
  message: string;
  data: Record<string, unknown>;
  headers: Record<string, string | number | undefined>;
}

async function failure(promise: Promise<unknown>): Promise<Failure> {
  try {
    await promise;
  } catch (error) {
    const e = error as {
      status?: number;
      message?: string;
      response?: { data?: unknown; headers?: Record<string, string | number | undefined> };
    };
    const data =
      typeof e.response?.data === 'object' && e.response.data !== null
        ? (e.response.data as Record<string, unknown>)
        : {};
    return { status: e.status ?? 0, message: e.message ?? '', data, headers: e.response?.headers ?? {} };
  }
  throw new Error('expected the request to fail');
}

/** A raw HTTP exchange, for what Octokit will not send (bad JSON, no User-Agent). */
function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string },
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

const START = Date.parse('2024-05-01T10:00:00Z');
/** Every exchange of every emulator in this file, for the OpenAPI pass at the end. */
const exchanges: RecordedRequest[] = [];

describe('GitHub emulator (contract)', () => {
  let now = START;
  const clock = (): number => now;
  let gh: GitHubEmulator;
  let octokit: Octokit;
  let reader: Octokit;

  beforeAll(async () => {
    gh = await GitHubEmulator.start({ now: clock });
    gh.addRepository('acme/app');
    gh.addRepository('acme/bulk');
    gh.addRepository('acme/other');
    gh.addRepository('acme/quiet', { hasIssues: false });
    gh.addAssignable('acme/app', 'alice', 'bob');
    gh.addToken('ghs_write', { permissions: { issues: 'write', contents: 'read', metadata: 'read' } });
    gh.addToken('ghs_read', { permissions: { issues: 'read', metadata: 'read' } });
    gh.addToken('ghs_app_only', { repositories: ['acme/app'], permissions: { issues: 'write' } });
    octokit = getOctokit('ghs_write', { baseUrl: gh.url });
    reader = getOctokit('ghs_read', { baseUrl: gh.url });
  });

  afterAll(async () => {
    exchanges.push(...gh.requests);
    await gh.stop();
  });

  const repo = { owner: 'acme', repo: 'app' };
  /** Octokit without its parameter types, to send what a buggy client might. */
  const loose = (route: string, params: Record<string, unknown>): Promise<unknown> =>
    octokit.request(route, params);

  it('serves the repository with the caller’s permissions', async () => {
    const { data, headers } = await octokit.rest.repos.get(repo);
    expect(data).toMatchObject({
      full_name: 'acme/app',
      has_issues: true,
      private: true,
      html_url: `${gh.url}/acme/app`,
    });
    expect(data.permissions).toEqual({
      admin: false,
      maintain: false,
      push: false,
      triage: true,
      pull: true,
    });
    expect(headers['x-github-api-version-selected']).toBe('2022-11-28');
    expect(headers['content-type']).toBe('application/json; charset=utf-8');
    expect(headers['x-github-request-id']).toMatch(/^[0-9A-F]{4}:/);
    expect(headers['x-ratelimit-resource']).toBe('core');
    expect(headers.etag).toMatch(/^W\/"[0-9a-f]{64}"$/);
  });

  let first: IssueJson;

  it('creates an issue as the token’s bot, creating unknown labels with colour ededed', async () => {
    const { data: milestone } = await octokit.rest.issues.createMilestone({ ...repo, title: 'v1' });
    const { status, data, headers } = await octokit.rest.issues.create({
      ...repo,
      title: 'First',
      body: 'Hello',
      labels: ['bug', { name: 'Needs Triage' }],
      assignees: ['alice'],
      milestone: milestone.number,
    });
    expect(status).toBe(201);
    expect(headers.location).toBe(data.url);
    expect(data).toMatchObject({
      number: 1,
      state: 'open',
      state_reason: null,
      closed_at: null,
      closed_by: null,
      locked: false,
      comments: 0,
    });
    expect(data.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot', id: 41898282 });
    expect(data.assignee?.login).toBe('alice');
    expect(data.labels.map((l) => (typeof l === 'string' ? l : [l.name, l.color]))).toEqual([
      ['bug', 'ededed'],
      ['Needs Triage', 'ededed'],
    ]);
    expect(data.milestone).toMatchObject({ number: milestone.number, open_issues: 1, closed_issues: 0 });
    expect(data.url).toBe(`${gh.url}/repos/acme/app/issues/1`);
    expect(gh.listLabels('acme/app').map((l) => l.name)).toEqual(['bug', 'Needs Triage']);
    first = data as unknown as IssueJson;
  });

  it('gets, updates, closes and reopens an issue, moving updated_at on every change', async () => {
    now += 60_000;
    const { data: got } = await octokit.rest.issues.get({ ...repo, issue_number: 1 });
    expect(got.title).toBe('First');

    const { data: edited } = await octokit.rest.issues.update({
      ...repo,
      issue_number: 1,
      title: 'First (edited)',
      labels: ['bug'],
      assignees: [],
    });
    expect(edited.title).toBe('First (edited)');
    expect(edited.labels).toHaveLength(1);
    expect(edited.assignees).toEqual([]);
    expect(edited.updated_at).toBe('2024-05-01T10:01:00Z');
    expect(edited.created_at).toBe(first.created_at);

    now += 60_000;
    const { data: closed } = await octokit.rest.issues.update({
      ...repo,
      issue_number: 1,
      state: 'closed',
      state_reason: 'not_planned',
    });
    expect(closed).toMatchObject({
      state: 'closed',
      state_reason: 'not_planned',
      closed_at: '2024-05-01T10:02:00Z',
      updated_at: '2024-05-01T10:02:00Z',
    });
    expect(closed.closed_by?.login).toBe('github-actions[bot]');
    expect(closed.milestone).toMatchObject({ open_issues: 0, closed_issues: 1 });

    now += 60_000;
    const { data: reopened } = await octokit.rest.issues.update({ ...repo, issue_number: 1, state: 'open' });
    expect(reopened).toMatchObject({
      state: 'open',
      state_reason: 'reopened',
      closed_at: null,
      closed_by: null,
      updated_at: '2024-05-01T10:03:00Z',
    });

    const { data: cleared } = await octokit.rest.issues.update({ ...repo, issue_number: 1, milestone: null });
    expect(cleared.milestone).toBeNull();
    expect(gh.getIssue('acme/app', 1)?.title).toBe('First (edited)');
  });

  it('lists issues and pull requests together, with state, labels, since, sort and direction', async () => {
    now += 60_000;
    const pr = gh.addPullRequest('acme/app', 'A pull request');
    expect(pr).toBe(2);
    now += 60_000;
    const { data: third } = await octokit.rest.issues.create({
      ...repo,
      title: 'Third',
      labels: ['bug', 'docs'],
    });
    expect(third.number).toBe(3);
    await octokit.rest.issues.update({ ...repo, issue_number: 3, state: 'closed' });

    const open = await octokit.rest.issues.listForRepo(repo);
    expect(open.data.map((i) => i.number)).toEqual([2, 1]);
    expect(open.data[0]?.pull_request).toMatchObject({ url: `${gh.url}/repos/acme/app/pulls/2` });
    expect(open.data[1]?.pull_request).toBeUndefined();
    expect('closed_by' in (open.data[1] ?? {})).toBe(false);

    const all = await octokit.rest.issues.listForRepo({ ...repo, state: 'all', direction: 'asc' });
    expect(all.data.map((i) => i.number)).toEqual([1, 2, 3]);
    const closed = await octokit.rest.issues.listForRepo({ ...repo, state: 'closed' });
    expect(closed.data.map((i) => [i.number, i.state_reason])).toEqual([[3, 'completed']]);
    const labelled = await octokit.rest.issues.listForRepo({ ...repo, state: 'all', labels: 'BUG,docs' });
    expect(labelled.data.map((i) => i.number)).toEqual([3]);
    const since = await octokit.rest.issues.listForRepo({
      ...repo,
      state: 'all',
      since: '2024-05-01T10:04:00Z',
    });
    expect(since.data.map((i) => i.number).sort()).toEqual([2, 3]);

    now += 60_000;
    gh.editIssue('acme/app', 1, { body: 'edited on the web' });
    const updatedSince = await octokit.rest.issues.listForRepo({ ...repo, since: '2024-05-01T10:06:00Z' });
    expect(updatedSince.data.map((i) => [i.number, i.body])).toEqual([[1, 'edited on the web']]);
    const byUpdate = await octokit.rest.issues.listForRepo({ ...repo, state: 'all', sort: 'updated' });
    expect(byUpdate.data.map((i) => i.number)).toEqual([1, 3, 2]);
  });

  it('pages 250 issues with GitHub’s Link headers; paginate() gets them all, 100 a page', async () => {
    for (let n = 1; n <= 250; n += 1) {
      now += 1000; // keep under the content-creation limits, as a careful client would
      await octokit.rest.issues.create({ owner: 'acme', repo: 'bulk', title: `Bulk ${n}` });
    }
    const mark = gh.requests.length;
    const all = await octokit.paginate(octokit.rest.issues.listForRepo, {
      owner: 'acme',
      repo: 'bulk',
      per_page: 100,
    });
    expect(all).toHaveLength(250);
    expect(new Set(all.map((i) => i.number)).size).toBe(250);
    const pages = gh.requests.slice(mark);
    expect(pages.map((r) => [r.path.replace(/\d+/, 'ID'), r.query['page'] ?? '1'])).toEqual([
      ['/repos/acme/bulk/issues', '1'],
      ['/repositories/ID/issues', '2'],
      ['/repositories/ID/issues', '3'],
    ]);
    const repoId = /\/repositories\/(\d+)\//.exec(pages[1]?.path ?? '')?.[1];
    const base = `${gh.url}/repositories/${repoId}/issues?per_page=100`;
    expect(pages[0]?.responseHeaders['link']).toBe(
      `<${base}&page=2>; rel="next", <${base}&page=3>; rel="last"`,
    );
    expect(pages[1]?.responseHeaders['link']).toBe(
      `<${base}&page=1>; rel="prev", <${base}&page=3>; rel="next", <${base}&page=3>; rel="last", <${base}&page=1>; rel="first"`,
    );
    expect(pages[2]?.responseHeaders['link']).toBe(
      `<${base}&page=2>; rel="prev", <${base}&page=1>; rel="first"`,
    );

    const clamped = await octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'bulk', per_page: 500 });
    expect(clamped.data).toHaveLength(100);
    const defaulted = await octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'bulk' });
    expect(defaulted.data).toHaveLength(30);
    expect(defaulted.headers.link).toContain('page=9>; rel="last"');
  });

  it('answers a repeated list with If-None-Match by 304, which Octokit throws and which costs no rate limit', async () => {
    const firstList = await octokit.rest.issues.listForRepo(repo);
    const etag = String(firstList.headers.etag);
    const used = Number(firstList.headers['x-ratelimit-used']);
    const notModified = await failure(
      octokit.rest.issues.listForRepo({ ...repo, headers: { 'if-none-match': etag } }),
    );
    expect(notModified.status).toBe(304);
    expect(Number(notModified.headers['x-ratelimit-used'])).toBe(used);
    const recorded = gh.requests[gh.requests.length - 1];
    expect(recorded).toMatchObject({ status: 304, responseBody: undefined });

    // Another token sees another ETag (GitHub varies on Authorization).
    const other = await reader.rest.issues.listForRepo(repo);
    expect(other.headers.etag).not.toBe(etag);

    now += 60_000;
    gh.editIssue('acme/app', 1, { title: 'Changed by a human' });
    const changed = await octokit.rest.issues.listForRepo({ ...repo, headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('creates, renames and recolours labels, rejecting duplicates and bad values like GitHub', async () => {
    const { status, data } = await octokit.rest.issues.createLabel({
      ...repo,
      name: 'enhancement',
      color: 'a2eeef',
      description: 'New feature',
    });
    expect(status).toBe(201);
    expect(data).toMatchObject({
      name: 'enhancement',
      color: 'a2eeef',
      description: 'New feature',
      default: false,
    });

    const duplicate = await failure(
      octokit.rest.issues.createLabel({ ...repo, name: 'BUG', color: 'ffffff' }),
    );
    expect(duplicate.status).toBe(422);
    expect(duplicate.data).toEqual({
      message: 'Validation Failed',
      errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }],
      documentation_url: 'https://docs.github.com/rest/issues/labels#create-a-label',
      status: '422',
    });
    for (const color of ['#ff0000', 'red', 'fffff']) {
      const bad = await failure(octokit.rest.issues.createLabel({ ...repo, name: `c-${color}`, color }));
      expect(bad.data['errors']).toEqual([{ resource: 'Label', code: 'invalid', field: 'color' }]);
    }
    const long = await failure(octokit.rest.issues.createLabel({ ...repo, name: 'x'.repeat(51) }));
    expect(long.data['errors']).toEqual([
      {
        resource: 'Label',
        code: 'custom',
        field: 'name',
        message: 'name is too long (maximum is 50 characters)',
      },
    ]);

    const { data: renamed } = await octokit.rest.issues.updateLabel({
      ...repo,
      name: 'bug',
      new_name: 'defect',
      color: 'd73a4a',
    });
    expect(renamed).toMatchObject({ name: 'defect', color: 'd73a4a' });
    expect(gh.getIssue('acme/app', 3)?.labels.map((l: LabelJson) => l.name)).toEqual(['defect', 'docs']);
    const clash = await failure(
      octokit.rest.issues.updateLabel({ ...repo, name: 'defect', new_name: 'docs' }),
    );
    expect(clash.data['errors']).toEqual([{ resource: 'Label', code: 'already_exists', field: 'name' }]);
    expect(
      (await failure(octokit.rest.issues.updateLabel({ ...repo, name: 'nope', color: '000000' }))).status,
    ).toBe(404);

    const page = await octokit.rest.issues.listLabelsForRepo({ ...repo, per_page: 2 });
    expect(page.data.map((l) => l.name)).toEqual(['defect', 'Needs Triage']);
    expect(page.headers.link).toContain('rel="next"');
  });

  it('creates, lists and closes milestones, rejecting duplicates and a missing title', async () => {
    const { data: v2 } = await octokit.rest.issues.createMilestone({
      ...repo,
      title: 'v2',
      due_on: '2024-06-01T00:00:00Z',
      description: 'Next',
    });
    expect(v2).toMatchObject({ number: 2, state: 'open', due_on: '2024-06-01T00:00:00Z', closed_at: null });
    expect(v2.creator?.login).toBe('github-actions[bot]');

    const duplicate = await failure(octokit.rest.issues.createMilestone({ ...repo, title: 'v2' }));
    expect(duplicate.data['errors']).toEqual([
      { resource: 'Milestone', code: 'already_exists', field: 'title' },
    ]);
    const missing = await failure(
      loose('POST /repos/{owner}/{repo}/milestones', { ...repo, description: 'no title' }),
    );
    expect(missing.data['errors']).toEqual([
      { resource: 'Milestone', code: 'missing_field', field: 'title' },
    ]);

    now += 60_000;
    const { data: closed } = await octokit.rest.issues.updateMilestone({
      ...repo,
      milestone_number: 2,
      state: 'closed',
    });
    expect(closed).toMatchObject({
      state: 'closed',
      closed_at: new Date(now).toISOString().replace('.000Z', 'Z'),
    });
    expect((await octokit.rest.issues.listMilestones(repo)).data.map((m) => m.title)).toEqual(['v1']);
    expect(
      (await octokit.rest.issues.listMilestones({ ...repo, state: 'all' })).data.map((m) => m.title),
    ).toEqual(['v2', 'v1']);
    expect(gh.listMilestones('acme/app')).toHaveLength(2);
    expect(
      (await failure(octokit.rest.issues.updateMilestone({ ...repo, milestone_number: 99, state: 'open' })))
        .status,
    ).toBe(404);
  });

  it('lists and checks assignees', async () => {
    const { data } = await octokit.rest.issues.listAssignees(repo);
    expect(data.map((u) => u.login)).toEqual(['alice', 'bob']);
    expect((await octokit.rest.issues.checkUserCanBeAssigned({ ...repo, assignee: 'alice' })).status).toBe(
      204,
    );
    expect(
      (await failure(octokit.rest.issues.checkUserCanBeAssigned({ ...repo, assignee: 'mallory' }))).status,
    ).toBe(404);
  });

  describe('422 Validation Failed, in GitHub’s shape', () => {
    const errorsOf = async (promise: Promise<unknown>): Promise<unknown> => {
      const result = await failure(promise);
      expect(result.status).toBe(422);
      expect(result.data['message']).toBe('Validation Failed');
      expect(result.data['status']).toBe('422');
      expect(typeof result.data['documentation_url']).toBe('string');
      return result.data['errors'];
    };

    it('missing, blank and over-long titles, over-long bodies', async () => {
      expect(
        await errorsOf(loose('POST /repos/{owner}/{repo}/issues', { ...repo, body: 'no title' })),
      ).toEqual([{ resource: 'Issue', code: 'missing_field', field: 'title' }]);
      expect(await errorsOf(octokit.rest.issues.create({ ...repo, title: '   ' }))).toEqual([
        { resource: 'Issue', code: 'missing_field', field: 'title' },
      ]);
      expect(await errorsOf(octokit.rest.issues.create({ ...repo, title: 'x'.repeat(257) }))).toEqual([
        {
          resource: 'Issue',
          code: 'custom',
          field: 'title',
          message: 'title is too long (maximum is 256 characters)',
        },
      ]);
      await octokit.rest.issues.create({ ...repo, title: 'é'.repeat(256), body: '🙂'.repeat(65_536) }); // limits count characters
      expect(
        await errorsOf(octokit.rest.issues.create({ ...repo, title: 'ok', body: 'x'.repeat(65_537) })),
      ).toEqual([
        {
          resource: 'Issue',
          code: 'custom',
          field: 'body',
          message: 'body is too long (maximum is 65536 characters)',
        },
      ]);
    });

    it('invalid state and state_reason', async () => {
      const state = await errorsOf(
        loose('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
          ...repo,
          issue_number: 1,
          state: 'done',
        }),
      );
      expect(state).toEqual([{ value: 'done', resource: 'Issue', field: 'state', code: 'invalid' }]);
      const reason = await errorsOf(
        loose('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
          ...repo,
          issue_number: 1,
          state: 'closed',
          state_reason: 'wontfix',
        }),
      );
      expect(reason).toEqual([
        { value: 'wontfix', resource: 'Issue', field: 'state_reason', code: 'invalid' },
      ]);
    });

    it('an unknown milestone, an unassignable user, an over-long label name', async () => {
      expect(await errorsOf(octokit.rest.issues.create({ ...repo, title: 'm', milestone: 42 }))).toEqual([
        { value: 42, resource: 'Issue', field: 'milestone', code: 'invalid' },
      ]);
      expect(
        await errorsOf(octokit.rest.issues.create({ ...repo, title: 'a', assignees: ['alice', 'mallory'] })),
      ).toEqual([
        {
          value: ['mallory'],
          resource: 'Issue',
          field: 'assignees',
          code: 'invalid',
          message: 'assignees mallory cannot be assigned to this issue',
        },
      ]);
      expect(
        await errorsOf(octokit.rest.issues.update({ ...repo, issue_number: 1, assignees: ['eve'] })),
      ).toEqual([
        {
          value: ['eve'],
          resource: 'Issue',
          field: 'assignees',
          code: 'invalid',
          message: 'assignees eve cannot be assigned to this issue',
        },
      ]);
      const longLabel = 'l'.repeat(51);
      expect(
        await errorsOf(octokit.rest.issues.create({ ...repo, title: 'l', labels: [longLabel] })),
      ).toEqual([{ value: longLabel, resource: 'Label', field: 'name', code: 'invalid' }]);
      expect(gh.listLabels('acme/app').some((l) => l.name === longLabel)).toBe(false);
    });

    it('wrong JSON types get GitHub’s schema message', async () => {
      const result = await failure(
        loose('POST /repos/{owner}/{repo}/issues', { ...repo, title: 't', body: false }),
      );
      expect(result.status).toBe(422);
      expect(result.data['message']).toBe(
        "Invalid request.\n\nFor 'properties/body', false is not a string or null.",
      );
    });
  });

  describe('authentication and authorisation', () => {
    it('401 for an unknown token, with the anonymous rate-limit bucket', async () => {
      const bad = getOctokit('ghs_nope', { baseUrl: gh.url });
      const result = await failure(bad.rest.issues.listForRepo(repo));
      expect(result.status).toBe(401);
      expect(result.data).toEqual({
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401',
      });
      expect(result.headers['x-ratelimit-limit']).toBe('60');
    });

    it('accepts Bearer as well as token', async () => {
      const response = await raw(`${gh.url}/repos/acme/app`, {
        headers: { authorization: 'Bearer ghs_write', 'user-agent': 'test' },
      });
      expect(response.status).toBe(200);
    });

    it('404 for a missing repository and for one the token is not installed on', async () => {
      const missing = await failure(octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'ghost' }));
      expect(missing.status).toBe(404);
      expect(missing.data['message']).toBe('Not Found');
      const scoped = getOctokit('ghs_app_only', { baseUrl: gh.url });
      expect((await scoped.rest.issues.listForRepo(repo)).status).toBe(200);
      const hidden = await failure(scoped.rest.issues.create({ owner: 'acme', repo: 'other', title: 'x' }));
      expect(hidden.status).toBe(404);
      expect((await failure(scoped.rest.repos.get({ owner: 'acme', repo: 'other' }))).status).toBe(404);
    });

    it('403 for a write without issues:write, naming the permission it needs', async () => {
      const create = await failure(reader.rest.issues.create({ ...repo, title: 'nope' }));
      expect(create.status).toBe(403);
      expect(create.data).toEqual({
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
        status: '403',
      });
      expect(create.headers['x-accepted-github-permissions']).toBe('issues=write');
      const update = await failure(reader.rest.issues.update({ ...repo, issue_number: 1, title: 'nope' }));
      expect(update.status).toBe(403);
      expect(update.headers['x-accepted-github-permissions']).toContain('issues=write');
      const label = await failure(reader.rest.issues.createLabel({ ...repo, name: 'nope' }));
      expect(label.headers['x-accepted-github-permissions']).toBe('issues=write; pull_requests=write');
    });

    it('410 when the repository has issues turned off; labels still work there', async () => {
      const quiet = { owner: 'acme', repo: 'quiet' };
      for (const attempt of [
        octokit.rest.issues.create({ ...quiet, title: 'x' }),
        octokit.rest.issues.listForRepo(quiet),
        octokit.rest.issues.get({ ...quiet, issue_number: 1 }),
      ]) {
        const gone = await failure(attempt);
        expect(gone.status).toBe(410);
        expect(gone.data['message']).toBe('Issues are disabled for this repo');
      }
      expect((await octokit.rest.issues.createLabel({ ...quiet, name: 'still-fine' })).status).toBe(201);
      expect((await octokit.rest.repos.get(quiet)).data.has_issues).toBe(false);
    });

    it('410 for a deleted issue, which leaves the lists', async () => {
      const { data } = await octokit.rest.issues.create({ ...repo, title: 'Doomed' });
      gh.deleteIssue('acme/app', data.number);
      const gone = await failure(octokit.rest.issues.get({ ...repo, issue_number: data.number }));
      expect(gone.status).toBe(410);
      expect(gone.data['message']).toBe('This issue was deleted');
      const list = await octokit.paginate(octokit.rest.issues.listForRepo, {
        ...repo,
        state: 'all',
        per_page: 100,
      });
      expect(list.some((i) => i.number === data.number)).toBe(false);
      expect(gh.getIssue('acme/app', data.number)).toBeUndefined();
    });
  });

  describe('plumbing', () => {
    it('serves the same API under the GHES prefix /api/v3, with URLs and Link headers under it', async () => {
      const ghes = getOctokit('ghs_write', { baseUrl: `${gh.url}/api/v3` });
      const { data } = await ghes.rest.issues.create({ owner: 'acme', repo: 'bulk', title: 'Via GHES' });
      expect(data.url).toBe(`${gh.url}/api/v3/repos/acme/bulk/issues/${data.number}`);
      expect(data.html_url).toBe(`${gh.url}/acme/bulk/issues/${data.number}`);
      const page = await ghes.rest.issues.listForRepo({ owner: 'acme', repo: 'bulk', per_page: 100 });
      expect(page.headers.link).toMatch(
        new RegExp(`^<${gh.url}/api/v3/repositories/\\d+/issues\\?per_page=100&page=2>; rel="next"`),
      );
      const all = await ghes.paginate(ghes.rest.issues.listForRepo, {
        owner: 'acme',
        repo: 'bulk',
        per_page: 100,
      });
      expect(all).toHaveLength(251);
      expect(gh.requests.at(-1)?.path).toMatch(/^\/repositories\/\d+\/issues$/);
    });

    it('404 for an unknown route, 400 for malformed JSON or a non-object body, 403 without a User-Agent', async () => {
      const headers = {
        authorization: 'token ghs_write',
        'user-agent': 'contract-test',
        'content-type': 'application/json',
      };
      const unknown = await raw(`${gh.url}/repos/acme/app/nope`, { headers });
      expect(unknown.status).toBe(404);
      expect(JSON.parse(unknown.body)).toMatchObject({ message: 'Not Found' });
      expect(unknown.headers['content-type']).toBe('application/json; charset=utf-8');
      const slash = await raw(`${gh.url}/repos/acme/app/issues/`, { headers });
      expect(slash.status).toBe(404);
      const malformed = await raw(`${gh.url}/repos/acme/app/issues`, {
        method: 'POST',
        headers,
        body: '{"title": ',
      });
      expect(malformed.status).toBe(400);
      expect(JSON.parse(malformed.body)).toMatchObject({ message: 'Problems parsing JSON' });
      const array = await raw(`${gh.url}/repos/acme/app/issues`, { method: 'POST', headers, body: '["x"]' });
      expect(array.status).toBe(400);
      expect(JSON.parse(array.body)).toMatchObject({ message: 'Body should be a JSON object' });
      const anonymous = await raw(`${gh.url}/repos/acme/app`, { headers: {} });
      expect(anonymous.status).toBe(403);
    });

    it('records every request, 304s and errors included', () => {
      const statuses = new Set(gh.requests.map((r) => r.status));
      for (const status of [200, 201, 204, 304, 400, 401, 403, 404, 410, 422])
        expect(statuses.has(status)).toBe(true);
      const sample = gh.requests.find(
        (r) => r.method === 'POST' && r.status === 201 && r.path.endsWith('/issues'),
      );
      expect(sample).toMatchObject({
        path: expect.stringMatching(/^\/repos\//),
        operation: 'POST /repos/{owner}/{repo}/issues',
      });
      expect(typeof sample?.durationMs).toBe('number');
    });
  });

  describe('faults', () => {
    it('status: answers with the injected status, without touching state, `after` and `times` honoured', async () => {
      gh.injectFault({
        method: 'GET',
        path: /\/issues$/,
        after: 1,
        times: 2,
        kind: 'status',
        status: 502,
        body: { message: 'Server Error' },
      });
      expect((await octokit.rest.issues.listForRepo(repo)).status).toBe(200);
      expect((await failure(octokit.rest.issues.listForRepo(repo))).status).toBe(502);
      expect((await failure(octokit.rest.issues.listForRepo(repo))).status).toBe(502);
      expect((await octokit.rest.issues.listForRepo(repo)).status).toBe(200);
      const before = gh.listIssues('acme/app').length;
      gh.injectFault({ method: 'POST', kind: 'status', status: 500 });
      expect((await failure(octokit.rest.issues.create({ ...repo, title: 'never' }))).status).toBe(500);
      expect(gh.listIssues('acme/app')).toHaveLength(before);
    });

    it('reset: drops the connection before handling', async () => {
      const before = gh.listIssues('acme/app').length;
      gh.injectFault({ method: 'POST', path: /\/issues$/, kind: 'reset' });
      await expect(octokit.rest.issues.create({ ...repo, title: 'lost' })).rejects.toThrow();
      expect(gh.listIssues('acme/app')).toHaveLength(before);
      expect(gh.requests.at(-1)).toMatchObject({ fault: 'reset', status: 0 });
    });

    it('truncate: the write lands, the response is cut', async () => {
      const before = gh.listIssues('acme/app').length;
      gh.injectFault({ method: 'POST', path: /\/issues$/, kind: 'truncate' });
      // Octokit does not throw here: it swallows the body error and hands back the unparsable text as `data`.
      const cut = await octokit.rest.issues.create({ ...repo, title: 'landed' });
      expect(cut.status).toBe(201);
      expect(typeof cut.data).toBe('string');
      const after = gh.listIssues('acme/app');
      expect(after).toHaveLength(before + 1);
      expect(after.at(-1)?.title).toBe('landed');
    });

    it('delay: the answer comes late', async () => {
      gh.injectFault({ path: /^\/repos\/acme\/app$/, kind: 'delay', ms: 120 });
      const started = Date.now();
      await octokit.rest.repos.get(repo);
      expect(Date.now() - started).toBeGreaterThanOrEqual(110);
      expect(gh.requests.at(-1)).toMatchObject({ fault: 'delay', status: 200 });
      expect(gh.requests.at(-1)?.durationMs).toBeGreaterThanOrEqual(110);
      gh.clearFaults();
    });
  });
});

describe('GitHub emulator rate limits (contract)', () => {
  let now = START;
  const clock = (): number => now;

  it('exhausts the primary limit with a 403 and x-ratelimit-remaining 0, then resets after the hour', async () => {
    const gh = await GitHubEmulator.start({ now: clock, rateLimit: { limit: 5 }, secondaryLimits: false });
    try {
      gh.addRepository('acme/app');
      gh.addToken('ghs_small', { permissions: { issues: 'write' } });
      const octokit = getOctokit('ghs_small', { baseUrl: gh.url });
      const statusBefore = await octokit.rest.rateLimit.get();
      expect(statusBefore.data.resources.core).toMatchObject({ limit: 5, used: 0, remaining: 5 });
      for (let i = 1; i <= 5; i += 1) {
        const { headers } = await octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'app' });
        expect(headers['x-ratelimit-remaining']).toBe(String(5 - i));
        expect(headers['x-ratelimit-used']).toBe(String(i));
        expect(headers['x-ratelimit-reset']).toBe(String(Math.ceil((START + 3_600_000) / 1000)));
      }
      const limited = await failure(octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'app' }));
      expect(limited.status).toBe(403);
      expect(limited.headers['x-ratelimit-remaining']).toBe('0');
      expect(String(limited.data['message'])).toMatch(/^API rate limit exceeded for installation ID \d+\.$/);
      expect((await octokit.rest.rateLimit.get()).data.rate).toMatchObject({ remaining: 0, used: 5 });
      now += 3_600_000;
      const after = await octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'app' });
      expect(after.headers['x-ratelimit-remaining']).toBe('4');
    } finally {
      exchanges.push(...gh.requests);
      await gh.stop();
    }
  });

  it('applies the secondary (content-creation) limits per minute and per hour, with retry-after', async () => {
    now = START;
    const gh = await GitHubEmulator.start({ now: clock, secondaryLimits: { perMinute: 3, perHour: 5 } });
    try {
      gh.addRepository('acme/app');
      gh.addToken('ghs_fast', { permissions: { issues: 'write' } });
      const octokit = getOctokit('ghs_fast', { baseUrl: gh.url });
      const repo = { owner: 'acme', repo: 'app' };
      for (let i = 0; i < 3; i += 1) await octokit.rest.issues.create({ ...repo, title: `n${i}` });
      await failure(octokit.rest.issues.create({ ...repo, title: '' })); // a 422 creates nothing and does not count
      now += 10_000;
      const blocked = await failure(octokit.rest.issues.create({ ...repo, title: 'too fast' }));
      expect(blocked.status).toBe(403);
      expect(String(blocked.data['message'])).toMatch(/^You have exceeded a secondary rate limit/);
      expect(blocked.headers['retry-after']).toBe('50');
      expect((await octokit.rest.issues.listForRepo(repo)).status).toBe(200); // reads are not content creation
      now += 50_000;
      await octokit.rest.issues.createLabel({ ...repo, name: 'fine-again' });
      await octokit.rest.issues.createMilestone({ ...repo, title: 'also fine' });
      now += 60_000;
      const hourly = await failure(octokit.rest.issues.create({ ...repo, title: 'sixth this hour' }));
      expect(hourly.status).toBe(403);
      expect(Number(hourly.headers['retry-after'])).toBe(3600 - 120);
      expect(gh.listIssues('acme/app')).toHaveLength(3);
    } finally {
      exchanges.push(...gh.requests);
      await gh.stop();
    }
  });
});

describe('OpenAPI conformance of every recorded exchange', () => {
  it('maps concrete paths to GitHub’s templates', () => {
    expect(templateFor('GET', '/repos/acme/app/issues/12')).toBe(
      '/repos/{owner}/{repo}/issues/{issue_number}',
    );
    expect(templateFor('GET', '/repos/acme/app/issues/comments')).toBe(
      '/repos/{owner}/{repo}/issues/comments',
    );
    expect(templateFor('PATCH', '/api/v3/repos/acme/app/labels/help%20wanted')).toBe(
      '/repos/{owner}/{repo}/labels/{name}',
    );
    expect(templateFor('GET', 'http://127.0.0.1:1/rate_limit?x=1')).toBe('/rate_limit');
    expect(templateFor('GET', '/no/such/thing')).toBeUndefined();
  });

  it('reports what does not conform (so a clean pass means something)', () => {
    expect(validateExchange({ method: 'GET', path: '/nope', status: 200 })).toHaveLength(1);
    const issue = exchanges.find(
      (r) => r.operation === 'GET /repos/{owner}/{repo}/issues/{issue_number}' && r.status === 200,
    );
    const broken = { ...(issue?.responseBody as Record<string, unknown>), number: 'one', invented: true };
    const problems = validateExchange(
      {
        method: 'GET',
        pathTemplate: '/repos/{owner}/{repo}/issues/{issue_number}',
        status: 200,
        responseBody: broken,
      },
      { strict: true },
    );
    expect(problems.join('\n')).toMatch(/\/number must be integer/);
    expect(problems.join('\n')).toMatch(/invented/);
    expect(
      validateExchange(
        {
          method: 'POST',
          pathTemplate: '/repos/{owner}/{repo}/issues',
          status: 201,
          requestBody: { title: 't', labelz: [] },
          responseBody: issue?.responseBody,
        },
        { strict: true },
      ),
    ).toEqual([expect.stringMatching(/request: \(root\) must NOT have additional properties 'labelz'/)]);
  });

  it('finds every 2xx and 4xx request and response body valid against api.github.com’s description', () => {
    // Exchanges on routes the emulator does not serve (deliberate 404s) have no operation to check against.
    const checked = exchanges.filter(
      (r) =>
        r.operation !== undefined &&
        ((r.status >= 200 && r.status < 300) || (r.status >= 400 && r.status < 500)) &&
        (r.fault === undefined || r.fault === 'delay'),
    );
    expect(checked.length).toBeGreaterThan(300);
    const operations = new Set(checked.map((r) => r.operation));
    expect(operations.size).toBeGreaterThanOrEqual(13);
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
