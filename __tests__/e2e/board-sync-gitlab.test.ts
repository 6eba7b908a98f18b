/**
 * End to end, in-process, over HTTP against the GitLab emulator: issue-sync creates the issues, board-sync keeps an
 * issue board whose lists are scoped `status::…` labels in step with them.
 */
import {
  executeBoardSync,
  type BoardOutcome,
  type ExecuteBoardOptions,
} from '../../src/engine/board-sync.js';
import { silentLogger } from '../../src/engine/logger.js';
import type { RawSettings } from '../../src/config/issue-sync.js';
import { GitLabEmulator } from '../../test-support/emulators/gitlab/index.js';
import {
  FEATURES,
  STATE_DB,
  Workspace,
  execSql,
  outcomeOf,
  rejection,
  setTaskStatus,
  syncInProcess,
} from '../../test-support/e2e/harness.js';

const PROJECT = 'acme/widgets';
const TOKEN = 'glpat-boardSync0000000000000';

interface ListView {
  label: { name: string } | null;
}

describe('board-sync on GitLab issue boards', () => {
  let emulator: GitLabEmulator;
  let workspace: Workspace;

  const inputs = (overrides: RawSettings = {}): RawSettings => ({
    platform: 'gitlab',
    'state-file': STATE_DB,
    'features-dir': FEATURES,
    repository: PROJECT,
    'api-url': emulator.url,
    token: TOKEN,
    'write-delay-ms': '0',
    ...overrides,
  });

  async function board(overrides: ExecuteBoardOptions['inputs'] = {}): Promise<BoardOutcome> {
    const result = await executeBoardSync({
      inputs: inputs(overrides),
      configPath: null,
      env: {},
      cwd: workspace.dir,
      log: silentLogger,
    });
    if (result.kind !== 'synced') throw new Error(`board-sync was disabled: ${result.reason}`);
    return result.outcome;
  }

  const writes = () => emulator.requests.filter((request) => request.method !== 'GET');
  const statusLabels = (iid: number) =>
    (emulator.getIssue(PROJECT, iid)?.labels ?? []).filter((label) => label.startsWith('status::'));

  beforeEach(async () => {
    emulator = await GitLabEmulator.start({ rateLimit: false });
    emulator.addGroup('acme', { name: 'ACME' });
    emulator.addProject(PROJECT);
    emulator.addUser('sync-bot');
    emulator.addMember('acme', 'sync-bot', 20, { target: 'group' });
    emulator.addToken(TOKEN, { user: 'sync-bot', scopes: ['api'] });
    workspace = await Workspace.create();
    await workspace.copySample('v2-generic');
    await workspace.copyFeatures();
    outcomeOf(await syncInProcess(workspace, inputs()));
    emulator.clearRequests();
  });

  afterEach(async () => {
    await emulator.stop();
    await workspace.dispose();
  });

  it('creates the board once with a list per column, labels every card, and a re-sync writes nothing', async () => {
    const first = await board();
    expect(first.created).toBe(true);
    expect(first.counts.failed).toBe(0);
    expect(first.counts.added).toBeGreaterThan(0);
    const boards = emulator.listBoards(PROJECT);
    expect(boards).toHaveLength(1);
    expect(boards[0]?.['name']).toBe('widgets · feature development');
    const lists = (boards[0]?.['lists'] as ListView[]).map((list) => list.label?.name);
    expect(lists).toEqual([
      'status::backlog',
      'status::to do',
      'status::in progress',
      'status::blocked',
      'status::done',
    ]);
    const colours = new Map(emulator.listLabels(PROJECT).map((label) => [label.name, label.color]));
    expect(colours.get('status::done')).toBe('#0e8a16');
    expect(colours.get('status::in progress')).toBe('#fbca04');
    // Each card (issue) carries exactly the status label of its item's column.
    for (const operation of first.plan.cards) {
      if (operation.kind !== 'addCard') continue;
      const status = operation.writes.find((write) => write.role === 'status');
      if (!status || !('option' in status.value)) throw new Error('no status write');
      expect(statusLabels(operation.issue.number)).toEqual([`status::${status.value.option.toLowerCase()}`]);
    }
    // GitLab boards have no Progress field: nothing but Status is planned.
    expect(
      first.plan.cards.flatMap((operation) => operation.writes.map((write) => write.role)),
    ).not.toContain('progress');

    emulator.clearRequests();
    const again = await board();
    expect(again.created).toBe(false);
    expect(again.counts).toMatchObject({ added: 0, moved: 0, updated: 0, failed: 0 });
    expect(writes()).toEqual([]);
    expect(emulator.listBoards(PROJECT)).toHaveLength(1);
  });

  it('moves a completed task to the done list (one status label left), and leaves human labels alone', async () => {
    await board();
    const { links } = outcomeOf(await syncInProcess(workspace, inputs()));
    const task = links.find((link) => link.itemKey.startsWith('task:'));
    if (!task) throw new Error('no task issue');
    emulator.editIssue(PROJECT, task.number, {
      labels: [...(emulator.getIssue(PROJECT, task.number)?.labels ?? []), 'customer'],
    });
    await setTaskStatus(workspace.path(STATE_DB), 'v2-generic', task.itemKey.slice(5), 'completed');
    outcomeOf(await syncInProcess(workspace, inputs()));
    emulator.clearRequests();
    const outcome = await board();
    expect(outcome.counts.moved).toBeGreaterThanOrEqual(1);
    const issue = emulator.getIssue(PROJECT, task.number);
    expect(statusLabels(task.number)).toEqual(['status::done']);
    expect(issue?.labels).toContain('customer');
    expect(issue?.state).toBe('closed');
  });

  it('finds an item’s issue by its marker when the state lost the link', async () => {
    const linked = await board({ 'dry-run': 'true' });
    await execSql(workspace.path(STATE_DB), 'DELETE FROM feature_issue_links');
    await execSql(workspace.path(STATE_DB), 'DELETE FROM orchestrator_git_items');
    const outcome = await board();
    // The same cards as with the links: only items issue-sync never created an issue for stay without one.
    expect(outcome.counts.added).toBe(linked.plan.cards.length);
    expect(outcome.counts.added).toBeGreaterThan(0);
    expect(outcome.counts.skipped).toBe(linked.counts.skipped);
    expect(outcome.plan.cards.map((operation) => operation.itemKey)).toEqual(
      linked.plan.cards.map((operation) => operation.itemKey),
    );
  });

  it('an unknown board number, a Guest token and a read_api token are clear errors', async () => {
    const unknown = await rejection(board({ 'board-number': '42' }));
    expect(unknown.code).toBe('CONFIG_INVALID');
    expect(unknown.message).toContain('has no issue board 42');

    emulator.addUser('guest');
    emulator.addMember(PROJECT, 'guest', 10);
    emulator.addToken('glpat-guest00000000000000000', { user: 'guest', scopes: ['api'] });
    const guest = await rejection(board({ token: 'glpat-guest00000000000000000' }));
    expect(guest.code).toBe('PERMISSION_DENIED');
    expect(guest.message).toContain('creating issue board');
    expect(guest.fix).toContain('Reporter');

    emulator.addToken('glpat-readonly0000000000000', { user: 'sync-bot', scopes: ['read_api'] });
    const readOnly = await rejection(board({ token: 'glpat-readonly0000000000000' }));
    expect(readOnly.code).toBe('PERMISSION_DENIED');
    expect(readOnly.message).toContain('`api` scope');
  });
});
