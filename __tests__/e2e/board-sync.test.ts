/**
 * End to end, in-process, over HTTP against the GitHub emulator's Projects v2 GraphQL API: issue-sync creates the
 * issues, board-sync keeps a project in step with them.
 */
import {
  executeBoardSync,
  type BoardOutcome,
  type ExecuteBoardOptions,
} from '../../src/engine/board-sync.js';
import { silentLogger } from '../../src/engine/logger.js';
import type { GitHubEmulator, RecordedRequest } from '../../test-support/emulators/github/index.js';
import { validateAgainstGitHub } from '../../test-support/emulators/github/graphql/schema.js';
import {
  REPO,
  STATE_DB,
  TOKEN,
  Workspace,
  outcomeOf,
  rejection,
  setTaskStatus,
  startEmulator,
  syncInProcess,
  syncInputs,
} from '../../test-support/e2e/harness.js';
import { buildLargeV2GenericDatabase } from '../../test-support/fixtures/build-db.js';

/** A classic PAT of the repository owner with the `project` scope. */
const PAT = 'ghp_boardWriter000000000000000000000000';

function boardInputs(
  emulator: GitHubEmulator,
  overrides: ExecuteBoardOptions['inputs'] = {},
): ExecuteBoardOptions['inputs'] {
  return { ...syncInputs(emulator), token: PAT, ...overrides };
}

async function board(
  workspace: Workspace,
  emulator: GitHubEmulator,
  overrides: ExecuteBoardOptions['inputs'] = {},
): Promise<BoardOutcome> {
  const result = await executeBoardSync({
    inputs: boardInputs(emulator, overrides),
    configPath: null,
    env: {},
    cwd: workspace.dir,
    log: silentLogger,
  });
  if (result.kind !== 'synced') throw new Error(`board-sync was disabled: ${result.reason}`);
  return result.outcome;
}

function graphqlRequests(emulator: GitHubEmulator): RecordedRequest[] {
  return emulator.requests.filter((request) => request.path === '/graphql');
}

function mutations(emulator: GitHubEmulator): RecordedRequest[] {
  return graphqlRequests(emulator).filter((request) =>
    /^\s*mutation/.test(String((request.requestBody as { query?: string }).query)),
  );
}

/** Every document the adapter sent is valid against GitHub's official schema. */
function expectValidDocuments(emulator: GitHubEmulator): void {
  for (const request of graphqlRequests(emulator)) {
    const query = String((request.requestBody as { query?: string }).query);
    expect(validateAgainstGitHub(query).map((error) => error.message)).toEqual([]);
  }
}

function projectOf(emulator: GitHubEmulator, title: string) {
  const project = emulator.projects.projectByTitle('acme', title);
  if (!project) throw new Error(`no project ${title}`);
  return project;
}

describe('board-sync on GitHub Projects v2', () => {
  let emulator: GitHubEmulator;
  let workspace: Workspace;

  beforeEach(async () => {
    emulator = await startEmulator();
    emulator.addToken(PAT, {
      login: 'acme',
      repositories: [REPO],
      permissions: { issues: 'write', metadata: 'read' },
    });
    emulator.projects.grantProjects(PAT, 'write');
    workspace = await Workspace.create();
    await workspace.copySample('v2-generic');
    await workspace.copyFeatures();
    outcomeOf(await syncInProcess(workspace, syncInputs(emulator)));
    emulator.clearRequests();
  });

  afterEach(async () => {
    await emulator.stop();
    await workspace.dispose();
  });

  it('creates the board once, puts every card in its column, and a re-sync sends no mutation', async () => {
    const first = await board(workspace, emulator);
    expect(first.created).toBe(true);
    expect(first.counts.failed).toBe(0);
    expect(first.counts.added).toBeGreaterThan(0);
    expectValidDocuments(emulator);
    const title = 'widgets · feature development';
    const project = projectOf(emulator, title);
    expect(emulator.projects.field(project, 'Status').options.map((option) => option.name)).toEqual([
      'Todo',
      'In Progress',
      'Done',
      'Backlog',
      'Blocked',
    ]);
    expect(project.items).toHaveLength(first.counts.added);
    for (const result of first.results) expect(result.status).toBe('done');

    // Every card's column is its item's status through the default mapping.
    const columnOf = {
      approved: 'Todo',
      pending: 'Todo',
      in_progress: 'In Progress',
      completed: 'Done',
    } as Record<string, string>;
    for (const operation of first.plan.cards) {
      if (operation.kind !== 'addCard') continue;
      const item = emulator.projects.itemOfIssue(project, REPO, operation.issue.number);
      expect(item).toBeDefined();
      const status = operation.writes.find((write) => write.role === 'status');
      expect(status).toBeDefined();
      if (!item || !status || !('option' in status.value)) continue;
      expect(emulator.projects.valueOf(project, item, 'Status')).toBe(
        status.value.option === 'To Do' ? 'Todo' : status.value.option,
      );
      expect(Object.values(columnOf)).toContain(emulator.projects.valueOf(project, item, 'Status'));
    }

    emulator.clearRequests();
    const again = await board(workspace, emulator);
    expect(again.created).toBe(false);
    expect(mutations(emulator)).toEqual([]);
    expect(again.counts).toMatchObject({ added: 0, moved: 0, updated: 0, failed: 0 });
    expect(graphqlRequests(emulator)).toHaveLength(2);
    expect(emulator.projects.projects).toHaveLength(1);
  });

  it('moves a completed task to Done with progress 100, and leaves human items and fields alone', async () => {
    await board(workspace, emulator);
    const project = projectOf(emulator, 'widgets · feature development');
    // A person adds a draft, an unmanaged issue, and a field of their own on a managed card.
    emulator.projects.addItem(project, null, 'Idea from the retro');
    const other = emulator.addPullRequest(REPO, 'Someone else’s pull request');
    emulator.projects.addItem(project, { repo: REPO, number: other });
    const estimate = emulator.projects.addField(project, 'Estimate', 'NUMBER');
    const managed = project.items[0];
    if (!managed?.issue) throw new Error('no managed card');
    managed.values.set(estimate.id, { number: 8 });
    const before = JSON.stringify(project.items.slice(-2).map((item) => [...item.values]));

    const { links } = outcomeOf(await syncInProcess(workspace, syncInputs(emulator)));
    const taskLink = links.find((link) => link.itemKey.startsWith('task:'));
    if (!taskLink) throw new Error('no task issue');
    await setTaskStatus(workspace.path(STATE_DB), 'v2-generic', taskLink.itemKey.slice(5), 'completed');
    emulator.clearRequests();
    const outcome = await board(workspace, emulator);
    expect(outcome.counts.moved).toBeGreaterThanOrEqual(1);
    const item = emulator.projects.itemOfIssue(project, REPO, taskLink.number);
    if (!item) throw new Error('card missing');
    expect(emulator.projects.valueOf(project, item, 'Status')).toBe('Done');
    expect(emulator.projects.valueOf(project, item, 'Progress')).toBe(100);
    expect(managed.values.get(estimate.id)).toEqual({ number: 8 });
    expect(JSON.stringify(project.items.slice(-2).map((entry) => [...entry.values]))).toBe(before);
    expect(project.items.filter((entry) => entry.issue === null)).toHaveLength(1);
    expectValidDocuments(emulator);
  });

  it('adds missing Status options without losing any card’s value', async () => {
    const project = emulator.projects.createProject('acme', 'Team board');
    const other = emulator.addPullRequest(REPO, 'Unmanaged');
    const human = emulator.projects.addItem(project, { repo: REPO, number: other });
    emulator.projects.setValueInUi(project, human, 'Status', 'In Progress');
    const outcome = await board(workspace, emulator, { 'board-title': 'Team board' });
    expect(outcome.created).toBe(false);
    expect(emulator.projects.valueOf(project, human, 'Status')).toBe('In Progress');
    expect(emulator.projects.field(project, 'Status').options.map((option) => option.name)).toContain(
      'Blocked',
    );
  });

  it('keeps a custom status mapping and reports an unmapped status', async () => {
    const error = await rejection(
      board(workspace, emulator, {
        'board-type': 'sprint_board',
        'status-mapping': 'pending=Ready\nin_progress=Doing',
      }),
    );
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('unmapped: completed, failed, blocked, cancelled');
  });

  it('says why GITHUB_TOKEN cannot reach a project and how to get a token that can', async () => {
    const error = await rejection(board(workspace, emulator, { token: TOKEN }));
    expect(error.code).toBe('PERMISSION_DENIED');
    expect(error.message).toContain('Resource not accessible by integration');
    expect(error.fix).toContain('GitHub App installation token');
    expect(error.fix).toContain('`project`');
  });

  it('says which scope a classic token lacks', async () => {
    const readOnly = 'ghp_boardReader000000000000000000000000';
    emulator.addToken(readOnly, { login: 'acme', repositories: [REPO], permissions: { issues: 'write' } });
    const error = await rejection(board(workspace, emulator, { token: readOnly }));
    expect(error.code).toBe('PERMISSION_DENIED');
    expect(error.message).toContain("['read:project']");
  });

  it('an unknown board number is a clear error, and move_card needs an existing board', async () => {
    const byNumber = await rejection(board(workspace, emulator, { 'board-number': '42' }));
    expect(byNumber.code).toBe('CONFIG_INVALID');
    expect(byNumber.message).toContain('Board "42"');
    const move = await rejection(board(workspace, emulator, { 'board-action': 'move_card' }));
    expect(move.message).toContain('No board titled');
  });

  it('an organisation project is reachable with an app token granted Projects', async () => {
    emulator.projects.addOrganization('acme');
    const app = 'ghs_appInstallation00000000000000000000';
    emulator.addToken(app, {
      login: 'orchestrator-app[bot]',
      repositories: [REPO],
      permissions: { issues: 'write' },
    });
    emulator.projects.grantProjects(app, 'write');
    const outcome = await board(workspace, emulator, { token: app });
    expect(outcome.created).toBe(true);
    expect(outcome.board?.url).toContain('/orgs/acme/projects/1');
  });
});

describe('board-sync request economy', () => {
  it('a no-op sync of a 500-card board costs at most 6 GraphQL requests', async () => {
    const emulator = await startEmulator();
    emulator.addToken(PAT, {
      login: 'acme',
      repositories: [REPO],
      permissions: { issues: 'write', metadata: 'read' },
    });
    emulator.projects.grantProjects(PAT, 'write');
    const workspace = await Workspace.create();
    try {
      await workspace.write(STATE_DB, await buildLargeV2GenericDatabase(500));
      const inputs = {
        ...syncInputs(emulator),
        'features-dir': undefined,
        tasks: 'all',
        'create-completed': 'true',
      };
      outcomeOf(await syncInProcess(workspace, inputs));
      const settings = { ...inputs, token: PAT, 'board-type': 'sprint_board' };
      const first = await board(workspace, emulator, settings);
      expect(first.counts.added).toBe(500);
      emulator.clearRequests();
      const again = await board(workspace, emulator, settings);
      expect(again.counts.unchanged).toBe(500);
      expect(mutations(emulator)).toEqual([]);
      expect(graphqlRequests(emulator).length).toBeLessThanOrEqual(6);
      expect(emulator.requests.filter((request) => request.path !== '/graphql')).toEqual([]);
    } finally {
      await emulator.stop();
      await workspace.dispose();
    }
  }, 120_000);
});
