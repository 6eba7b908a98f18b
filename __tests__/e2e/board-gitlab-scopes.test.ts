/**
 * GitLab group boards and milestone boards, end to end over HTTP against the GitLab emulator: a board of the
 * gitlab-group group whose lists are group labels, a board scoped to a release milestone, and the answers of GitLab
 * Free (and the Community Edition) when either is asked for.
 */
import {
  executeBoardSync,
  type BoardOutcome,
  type ExecuteBoardOptions,
} from '../../src/engine/board-sync.js';
import { silentLogger } from '../../src/engine/logger.js';
import { Command } from 'commander';
import { addBoardCommands } from '../../src/cli/board-commands.js';
import type { RawSettings } from '../../src/config/issue-sync.js';
import { GitLabEmulator } from '../../test-support/emulators/gitlab/index.js';
import {
  FEATURES,
  STATE_DB,
  Workspace,
  execSql,
  outcomeOf,
  rejection,
  syncInProcess,
} from '../../test-support/e2e/harness.js';

const PROJECT = 'acme/widgets';
const TOKEN = 'glpat-boardScopes000000000000';
const COLUMNS = [
  'status::backlog',
  'status::to do',
  'status::in progress',
  'status::blocked',
  'status::done',
];

interface BoardView {
  id: number;
  name: string;
  milestone?: { title: string } | null;
  lists: { label: { name: string } | null }[];
}

describe.each(['premium', 'free', 'foss'] as const)('GitLab board scopes (%s)', (tier) => {
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
  const groupBoards = () => emulator.listGroupBoards('acme') as unknown as BoardView[];
  const statusLabels = (iid: number) =>
    (emulator.getIssue(PROJECT, iid)?.labels ?? []).filter((label) => label.startsWith('status::'));
  const group = { 'gitlab-group': 'acme', 'board-scope': 'group' };

  beforeEach(async () => {
    emulator = await GitLabEmulator.start({ rateLimit: false, issueBoards: tier });
    emulator.addGroup('acme', { name: 'ACME' });
    emulator.addProject(PROJECT);
    emulator.addUser('sync-bot');
    emulator.addMember('acme', 'sync-bot', 20, { target: 'group' });
    emulator.addToken(TOKEN, { user: 'sync-bot', scopes: ['api'] });
    workspace = await Workspace.create();
    await workspace.copySample('v2-generic');
    await workspace.copyFeatures();
    const { links } = outcomeOf(await syncInProcess(workspace, inputs()));
    const feature = links.find((link) => link.itemKey.startsWith('feature:'));
    if (!feature) throw new Error('no feature issue');
    await execSql(
      workspace.path(STATE_DB),
      `INSERT INTO release_milestones (id, milestone_name, target_date, included_features, status) VALUES (?, ?, ?, ?, ?)`,
      [1, 'v1.0', '2025-10-01', JSON.stringify([feature.itemKey.slice(8)]), 'active'],
    );
    // issue-sync creates the project milestone v1.0 and assigns the feature's issue to it.
    outcomeOf(await syncInProcess(workspace, inputs()));
    emulator.clearRequests();
  });

  afterEach(async () => {
    await emulator.stop();
    await workspace.dispose();
  });

  if (tier === 'premium') {
    it('creates the group board once, its lists backed by group labels, relabels the project’s issues, and a re-sync writes nothing', async () => {
      const first = await board(group);
      expect(first.created).toBe(true);
      expect(first.counts.failed).toBe(0);
      expect(first.counts.added).toBeGreaterThan(0);
      expect(first.board?.url).toBe(`${emulator.url}/groups/acme/-/boards/${groupBoards()[0]?.id}`);
      expect(emulator.listBoards(PROJECT)).toEqual([]);
      const [made, ...others] = groupBoards();
      expect(others).toEqual([]);
      expect(made?.name).toBe('widgets · feature development');
      expect(made?.lists.map((list) => list.label?.name)).toEqual(COLUMNS);
      // The labels are the group's: the project has none of its own.
      expect(emulator.listLabels(PROJECT).filter((label) => label.name.startsWith('status::'))).toEqual([]);
      for (const operation of first.plan.cards) {
        if (operation.kind !== 'addCard') continue;
        expect(statusLabels(operation.issue.number)).toHaveLength(1);
      }
      emulator.clearRequests();
      const again = await board(group);
      expect(again.created).toBe(false);
      expect(again.counts.unchanged).toBe(first.counts.added);
      expect(writes()).toEqual([]);
    });

    it('the CLI makes the group board with --gitlab-group and --board-scope group (exit 0), and exits 2 without the group', async () => {
      const cwd = process.cwd();
      process.chdir(workspace.dir);
      const run = async (extra: string[]): Promise<number> => {
        let code = -1;
        const program = new Command('orchestrator-git').exitOverride();
        addBoardCommands(program, (value) => (code = value));
        const write = { out: process.stdout.write, err: process.stderr.write };
        process.stdout.write = (() => true) as typeof process.stdout.write;
        process.stderr.write = (() => true) as typeof process.stderr.write;
        try {
          await program.parseAsync(
            ['board', 'sync', '--platform', 'gitlab', '--repository', PROJECT, '--state', STATE_DB]
              .concat(['--features-dir', FEATURES, '--api-url', emulator.url, '--token', TOKEN])
              .concat(['--write-delay-ms', '0', '--board-scope', 'group', '--quiet', ...extra]),
            { from: 'user' },
          );
        } finally {
          process.stdout.write = write.out;
          process.stderr.write = write.err;
        }
        return code;
      };
      try {
        expect(await run([])).toBe(2);
        expect(groupBoards()).toEqual([]);
        expect(await run(['--gitlab-group', 'acme'])).toBe(0);
        expect(groupBoards().map((made) => made.name)).toEqual(['widgets · feature development']);
      } finally {
        process.chdir(cwd);
      }
    });

    it('scopes a release_planning board to the release milestone, keeps only that release’s cards, and a re-sync writes nothing', async () => {
      const first = await board({ 'board-type': 'release_planning', 'board-milestone': 'v1.0' });
      expect(first.counts.failed).toBe(0);
      expect(first.counts.added).toBe(1);
      const [made] = emulator.listBoards(PROJECT) as unknown as BoardView[];
      expect(made?.name).toBe('widgets · release planning · v1.0');
      expect(made?.milestone?.title).toBe('v1.0');
      emulator.clearRequests();
      const again = await board({ 'board-type': 'release_planning', 'board-milestone': 'v1.0' });
      expect(again.counts.unchanged).toBe(1);
      expect(writes()).toEqual([]);
    });

    it('scopes a group board to a group milestone', async () => {
      emulator.addMilestone('acme', 'v1.0-group', { target: 'group' });
      await execSql(workspace.path(STATE_DB), `UPDATE release_milestones SET milestone_name = 'v1.0-group'`);
      const outcome = await board({
        ...group,
        'board-type': 'release_planning',
        'board-milestone': 'v1.0-group',
      });
      expect(outcome.counts.failed).toBe(0);
      expect(groupBoards()[0]?.milestone?.title).toBe('v1.0-group');
    });

    it('a milestone that does not exist is a clear error', async () => {
      const error = await rejection(board({ 'board-milestone': 'v9.9' }));
      expect(error.code).toBe('CONFIG_INVALID');
      expect(error.message).toContain('board-milestone "v9.9": project "acme/widgets" has no milestone');
      expect(error.fix).toContain('sync_milestones');
    });
  } else {
    it('explains that creating a group board needs Premium, names the group’s board, and syncs onto it', async () => {
      const none = await rejection(board(group));
      expect(none.code).toBe('NOT_SUPPORTED');
      expect(none.message).toContain(tier === 'free' ? '403 Forbidden' : 'no such API on this instance');
      expect(none.message).toContain('needs GitLab Premium or Ultimate');
      expect(none.fix).toContain('Development');
      expect(groupBoards()).toEqual([]);

      // The one board GitLab Free makes when someone opens the group's boards page.
      const { id } = emulator.addGroupBoard('acme', 'Development');
      const named = await rejection(board(group));
      expect(named.message).toContain(`The group has "Development" (board-number ${id}).`);
      const outcome = await board({ ...group, 'board-title': 'Development' });
      expect(outcome.created).toBe(false);
      expect(outcome.counts.failed).toBe(0);
      expect(groupBoards()[0]?.lists.map((list) => list.label?.name)).toEqual(COLUMNS);
    });

    it('explains that a milestone board needs Premium', async () => {
      const error = await rejection(board({ 'board-type': 'release_planning', 'board-milestone': 'v1.0' }));
      expect(error.code).toBe('NOT_SUPPORTED');
      expect(error.message).toContain('need GitLab Premium or Ultimate');
      expect(error.fix).toContain('Leave board-milestone empty');
    });
  }

  it('a group board without gitlab-group, an unknown group and an unknown scope are clear errors', async () => {
    const missing = await rejection(board({ 'board-scope': 'group' }));
    expect(missing.code).toBe('CONFIG_INVALID');
    expect(missing.message).toBe('board-scope is group, but no gitlab-group is configured.');
    const unknown = await rejection(board({ ...group, 'gitlab-group': 'nowhere' }));
    expect(unknown.code).toBe('CONFIG_INVALID');
    expect(unknown.message).toContain('Group "nowhere" (gitlab-group, for the group board) was not found');
    const scope = await rejection(board({ 'board-scope': 'team' }));
    expect(scope.code).toBe('CONFIG_INVALID');
    expect(scope.message).toContain('board-scope "team" is not a board scope');
  });
});
