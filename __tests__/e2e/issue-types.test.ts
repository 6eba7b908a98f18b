/**
 * issue-types: auto on the GitHub emulator (real HTTP): an organisation's repository gets its Feature / Task / Bug
 * types instead of the type labels, a type a person changes follows the conflict policy, a personal repository keeps
 * the labels, a converged run writes nothing; every issue-type exchange is checked against GitHub's OpenAPI
 * description.
 */
import { GitHubIssueTracker } from '../../src/platforms/github/issues.js';
import { GitHubEmulator, type IssueJson } from '../../test-support/emulators/github/index.js';
import { buildDatabase, type Tables } from '../../test-support/fixtures/build-db.js';
import { validateExchange } from '../../test-support/openapi/index.js';
import {
  itemKeyOf,
  outcomeOf,
  recordingLogger,
  STATE_DB,
  syncInProcess,
  Workspace,
} from '../../test-support/e2e/harness.js';

const ORG_REPO = 'octo-org/widgets';
const USER_REPO = 'alice/widgets';
const TOKEN = 'ghs_issueTypesWriteToken000000000000';
const NO_PUSH = 'ghs_issueTypesNoPushToken00000000000';

let emulator: GitHubEmulator;
let workspace: Workspace;

beforeEach(async () => {
  emulator = await GitHubEmulator.start({ secondaryLimits: false });
  emulator.addRepository(ORG_REPO);
  emulator.addRepository(USER_REPO);
  emulator.addIssueTypes('octo-org', [
    { name: 'Task', description: 'A specific piece of work', color: 'yellow' },
    { name: 'Bug', description: 'An unexpected problem or behavior', color: 'red' },
    { name: 'Feature', description: 'A request, idea, or new functionality', color: 'blue' },
  ]);
  // Setting a type takes push access (contents: write), as on GitHub.
  emulator.addToken(TOKEN, { permissions: { issues: 'write', contents: 'write', metadata: 'read' } });
  emulator.addToken(NO_PUSH, { permissions: { issues: 'write', metadata: 'read' } });
  workspace = await Workspace.create();
  await workspace.write(STATE_DB, await buildDatabase('v2-generic', PLAN));
});
afterEach(async () => {
  await emulator.stop();
  await workspace.dispose();
});

const PLAN: Tables = {
  generic_tasks: [
    { task_id: 'gt_build', title: 'Build the parser', specialist_type: 'implementer' },
    { task_id: 'gt_fix', title: 'Fix the crash on empty input', specialist_type: 'debugger' },
  ],
};

const inputs = (repository: string, overrides: Record<string, string> = {}) => ({
  'state-file': STATE_DB,
  repository,
  'api-url': emulator.url,
  token: TOKEN,
  'write-delay-ms': '0',
  'issue-types': 'auto',
  ...overrides,
});

function issues(repository: string): Map<string, IssueJson> {
  return new Map(
    emulator.listIssues(repository).map((issue) => [itemKeyOf(issue) ?? `#${issue.number}`, issue]),
  );
}

function shape(issue: IssueJson | undefined): { type: string | null; typeLabels: string[] } {
  return {
    type: issue?.type?.name ?? null,
    typeLabels: (issue?.labels ?? []).map((label) => label.name).filter((name) => name.startsWith('type')),
  };
}

const requests = () =>
  emulator.requests.map((request) => `${request.method} ${request.path} ${request.status}`);
const writes = () => emulator.requests.filter((request) => request.method !== 'GET');

describe('issue-types: auto', () => {
  it("sets the organisation's types instead of the type labels; a second sync reads twice and writes nothing", async () => {
    const outcome = outcomeOf(await syncInProcess(workspace, inputs(ORG_REPO)));
    expect(outcome.counts).toMatchObject({ created: 2, failed: 0 });
    const made = issues(ORG_REPO);
    expect(shape(made.get('task:gt_build'))).toEqual({ type: 'Task', typeLabels: [] });
    expect(shape(made.get('task:gt_fix'))).toEqual({ type: 'Bug', typeLabels: [] });
    expect(requests().filter((line) => line.includes('issue-types'))).toEqual([
      `GET /repos/${ORG_REPO}/issue-types 200`,
    ]);

    emulator.clearRequests();
    const again = outcomeOf(await syncInProcess(workspace, inputs(ORG_REPO)));
    expect(again.counts).toMatchObject({ created: 0, updated: 0, failed: 0 });
    expect(requests()).toEqual([
      `GET /repos/${ORG_REPO}/issue-types 200`,
      `GET /repos/${ORG_REPO}/issues 200`,
    ]);
  });

  it('restores a type a person changed (orchestrator-wins), and only reports it under conflict-policy: report', async () => {
    outcomeOf(await syncInProcess(workspace, inputs(ORG_REPO)));
    const build = issues(ORG_REPO).get('task:gt_build');
    if (!build) throw new Error('no issue');
    emulator.editIssue(ORG_REPO, build.number, { type: 'Feature' });

    const reported = outcomeOf(
      await syncInProcess(workspace, inputs(ORG_REPO, { 'conflict-policy': 'report' })),
    );
    expect(reported.plan.conflicts).toEqual([
      expect.objectContaining({ itemKey: 'task:gt_build', message: expect.stringContaining(': type') }),
    ]);
    expect(shape(issues(ORG_REPO).get('task:gt_build')).type).toBe('Feature');

    emulator.clearRequests();
    const restored = outcomeOf(await syncInProcess(workspace, inputs(ORG_REPO)));
    expect(restored.counts).toMatchObject({ updated: 1, failed: 0 });
    expect(writes().map((request) => request.requestBody)).toEqual([{ type: 'Task' }]);
    expect(shape(issues(ORG_REPO).get('task:gt_build')).type).toBe('Task');
  });

  it('keeps the type labels on a personal repository (404 on its issue types), then converges', async () => {
    const outcome = outcomeOf(await syncInProcess(workspace, inputs(USER_REPO)));
    expect(outcome.counts).toMatchObject({ created: 2, failed: 0 });
    const made = issues(USER_REPO);
    expect(shape(made.get('task:gt_build'))).toEqual({ type: null, typeLabels: ['type: task'] });
    expect(shape(made.get('task:gt_fix'))).toEqual({ type: null, typeLabels: ['type: bug'] });
    expect(requests()).toContain(`GET /repos/${USER_REPO}/issue-types 404`);

    emulator.clearRequests();
    outcomeOf(await syncInProcess(workspace, inputs(USER_REPO)));
    expect(writes()).toEqual([]);
  });

  it('off (the default) reads no types and keeps the labels, even where the organisation has types', async () => {
    outcomeOf(await syncInProcess(workspace, inputs(ORG_REPO, { 'issue-types': 'off' })));
    expect(shape(issues(ORG_REPO).get('task:gt_build'))).toEqual({ type: null, typeLabels: ['type: task'] });
    expect(requests().some((line) => line.includes('issue-types'))).toBe(false);
  });

  it('says once that the token could not set a type (no push access)', async () => {
    const { log, lines } = recordingLogger();
    outcomeOf(await syncInProcess(workspace, inputs(ORG_REPO, { token: NO_PUSH }), { log }));
    expect(shape(issues(ORG_REPO).get('task:gt_build')).type).toBeNull();
    const said = lines.filter((line) => /did not set issue type/.test(line.message));
    expect(said).toHaveLength(1);
    expect(said[0]?.message).toMatch(/contents: write.*issue-types: off/);
  });
});

describe('issue types on the emulator, against the OpenAPI description', () => {
  it('serves the repository and organisation lists, and issues with and without a type, as GitHub describes them', async () => {
    const tracker = new GitHubIssueTracker(ORG_REPO, { token: TOKEN, baseUrl: emulator.url, retries: 0 });
    expect(await tracker.issueTypes()).toEqual(['Task', 'Bug', 'Feature']);
    // One read per run at most.
    expect(await tracker.issueTypes()).toEqual(['Task', 'Bug', 'Feature']);
    expect(
      await new GitHubIssueTracker(USER_REPO, { token: TOKEN, baseUrl: emulator.url }).issueTypes(),
    ).toBeNull();
    const created = await tracker.createIssue({
      title: 'Typed',
      body: '',
      labels: [],
      assignees: [],
      milestone: null,
      attributes: { type: 'bug' },
    });
    expect(created.attributes).toEqual({ type: 'Bug' });
    const cleared = await tracker.updateIssue(created.number, { attributes: { type: 'Feature' } });
    expect(cleared.attributes).toEqual({ type: 'Feature' });
    await fetch(`${emulator.url}/orgs/octo-org/issue-types`, {
      headers: { authorization: `token ${TOKEN}`, 'user-agent': 'test' },
    });
    const unknown = await fetch(`${emulator.url}/repos/${ORG_REPO}/issues`, {
      method: 'POST',
      headers: { authorization: `token ${TOKEN}`, 'user-agent': 'test', 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x', type: 'Epic' }),
    });
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { errors: unknown[] }).errors).toEqual([
      { value: 'Epic', resource: 'Issue', field: 'type', code: 'invalid' },
    ]);

    const checked = emulator.requests.filter((request) => request.operation !== undefined);
    expect(checked.map((request) => request.operation)).toEqual(
      expect.arrayContaining([
        'GET /repos/{owner}/{repo}/issue-types',
        'GET /orgs/{org}/issue-types',
        'POST /repos/{owner}/{repo}/issues',
        'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
      ]),
    );
    const problems = checked.flatMap((request) =>
      validateExchange(
        {
          method: request.method,
          pathTemplate: (request.operation ?? '').slice((request.operation ?? '').indexOf(' ') + 1),
          requestBody: request.requestBody,
          status: request.status,
          responseBody: request.responseBody,
        },
        { strict: true },
      ),
    );
    expect([...new Set(problems)]).toEqual([]);
  });
});
