/**
 * Issue 9's acceptance: an MCP client (the SDK's Client, in memory, and over stdio to the bundled command) runs the
 * three tools against the GitHub emulator
 * over real HTTP, in a real git repository: create_issue (onto a board through issue_config.project_board), move_card on
 * Projects v2, plan_release and generate_changelog on the release engine; bad input to each tool comes back as a tool
 * error with the catalogue's code and fix; no answer or log line shows a token.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { cp, copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createOrchestratorMcpServer } from '../../src/mcp/server.js';
import type { GitHubEmulator } from '../../test-support/emulators/github/index.js';
import {
  CLI_BUNDLE,
  FEATURES,
  REPO,
  execSql,
  STATE_DB,
  TOKEN,
  issuesOf,
  itemKeyOf,
  recordingLogger,
  setTaskStatus,
  startEmulator,
  writesOf,
  type LoggedLine,
} from '../../test-support/e2e/harness.js';
import { SAMPLES_DIR, SAMPLE_FEATURES_DIR } from '../../test-support/fixtures/build-db.js';
import { GitRepo } from '../../test-support/release/git-repo.js';

/** A classic PAT of the repository owner: issues, contents (tags, releases) and the `project` scope. */
const PAT = 'ghp_mcpAcceptance0000000000000000000000';
const TASK = 'task:gt_root_0001';
const BOARD = 'widgets · feature development';

interface CallResult {
  isError?: boolean;
  text: string;
  data: Record<string, unknown>;
}

interface CardJson {
  itemKey: string;
  result: string;
  column: string | null;
  values: Record<string, string>;
  detail: string | null;
}

/** Every answer and log line of the suite, checked for tokens at the end. */
const seen: string[] = [];

let gh: GitHubEmulator;
let repo: GitRepo;
let client: Client;
let lines: LoggedLine[];
let closeServer: () => Promise<void>;

beforeEach(async () => {
  gh = await startEmulator();
  gh.addToken(PAT, {
    login: 'acme',
    repositories: [REPO],
    permissions: { issues: 'write', contents: 'write', metadata: 'read' },
  });
  gh.projects.grantProjects(PAT, 'write');
  repo = await GitRepo.create('og-mcp-e2e-');
  await copyFile(path.join(SAMPLES_DIR, 'v2-generic.db'), path.join(repo.dir, STATE_DB));
  await cp(SAMPLE_FEATURES_DIR, path.join(repo.dir, FEATURES), { recursive: true });
  await repo.commit('chore: initial import', { files: {} });
  await repo.tag('v1.0.0');
  await repo.commit('feat(sync): issues follow the orchestrator');
  await repo.commit('fix: keep labels people add');
  gh.addCommits(REPO, ...(await repo.git(['rev-list', '--all'])).split('\n').filter(Boolean));

  // As `orchestrator-git mcp --state-file … --features-dir … --repository … --api-url …` in the checkout.
  const recorded = recordingLogger();
  lines = recorded.lines;
  const server = createOrchestratorMcpServer({
    settings: {
      'state-file': STATE_DB,
      'features-dir': FEATURES,
      repository: REPO,
      'api-url': gh.url,
      'write-delay-ms': '0',
    },
    configPath: null,
    env: { GITHUB_TOKEN: PAT },
    cwd: repo.dir,
    log: recorded.log,
  });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await server.connect(serverTransport);
  client = new Client({ name: 'orchestrator-git-acceptance', version: '1.0.0' });
  await client.connect(clientTransport);
  closeServer = () => server.close();
});

afterEach(async () => {
  seen.push(...lines.map((line) => line.message));
  await client.close();
  await closeServer();
  await gh.stop();
  await repo.dispose();
});

afterAll(() => {
  const everything = seen.join('\n');
  expect(everything.length).toBeGreaterThan(2000);
  for (const secret of [PAT, TOKEN]) expect(everything).not.toContain(secret);
});

async function call(tool: string, args: Record<string, unknown>): Promise<CallResult> {
  const result = await client.callTool({ name: tool, arguments: args });
  seen.push(JSON.stringify(result));
  const content = result.content as { type: string; text: string }[];
  expect(content).toHaveLength(1);
  return {
    ...(result.isError ? { isError: true } : {}),
    text: content[0]?.text ?? '',
    data: (result.structuredContent ?? {}) as Record<string, unknown>,
  };
}

const board = (args: Record<string, unknown>) => call('orchestrator_project_board_manager', args);
const release = (args: Record<string, unknown>) => call('orchestrator_release_coordinator', args);
const cardsOf = (result: CallResult) => result.data.cards as CardJson[];

function projectCard(number: number) {
  const project = gh.projects.projectByTitle('acme', BOARD);
  if (!project) throw new Error(`no project ${BOARD}`);
  const item = gh.projects.itemOfIssue(project, REPO, number);
  return { project, item };
}

describe('the three tools over MCP', () => {
  it('create_board, create_issue onto the board, move_card to Done, plan_release and generate_changelog', async () => {
    const created = await board({ action: 'create_board', board_type: 'feature_development' });
    expect(created.isError).toBeUndefined();
    expect(created.data).toMatchObject({
      action: 'create_board',
      platform: 'github',
      repository: REPO,
      boardType: 'feature_development',
      created: true,
      board: { title: BOARD, number: 1, url: expect.stringMatching(/\/users\/acme\/projects\/1$/) },
      cards: [],
      counts: { added: 0, moved: 0, failed: 0 },
    });
    expect(created.text).toContain(`create_board on github ${REPO}, board "${BOARD}" `);
    expect(created.text).toContain(
      '(created):\nColumns: Backlog, To Do, In Progress, Blocked, Done; no card added',
    );

    // create_issue with issue_config.project_board: the issue, then its card (add_to_board on that board).
    const issue = await call('orchestrator_git_integration', {
      action: 'create_issue',
      task_id: 'gt_root_0001',
      issue_config: { project_board: BOARD },
    });
    expect(issue.isError).toBeUndefined();
    const [made] = issuesOf(gh);
    if (!made) throw new Error('no issue created');
    expect(itemKeyOf(made)).toBe(TASK);
    const firstCard = projectCard(made.number);
    expect(firstCard.item).toBeDefined();
    expect(issue.data.board).toMatchObject({
      action: 'add_to_board',
      board: { title: BOARD },
      counts: { added: 1, failed: 0 },
    });
    const [added] = (issue.data.board as { cards: CardJson[] }).cards;
    expect(added).toMatchObject({ itemKey: TASK, result: 'added' });
    expect(issue.text).toContain(`- ${TASK}: added → ${added?.column ?? ''}`);
    if (!firstCard.item) throw new Error('card missing');
    expect(gh.projects.valueOf(firstCard.project, firstCard.item, 'Status')).toBe(added?.column);

    // The task is completed in the orchestrator: move_card puts its card in Done, touching only that card.
    await setTaskStatus(path.join(repo.dir, STATE_DB), 'v2-generic', 'gt_root_0001', 'completed');
    gh.clearRequests();
    const moved = await board({ action: 'move_card', task_id: 'gt_root_0001' });
    expect(moved.isError).toBeUndefined();
    expect(cardsOf(moved)).toEqual([
      { itemKey: TASK, result: 'moved', column: 'Done', values: { Status: 'Done' }, detail: null },
    ]);
    expect(moved.data.counts).toMatchObject({ moved: 1, added: 0, updated: 0, failed: 0 });
    expect(gh.projects.valueOf(firstCard.project, firstCard.item, 'Status')).toBe('Done');
    expect(moved.text).toContain(`- ${TASK}: moved → Done (Status=Done)`);
    expect(moved.text).toContain('Added 0, moved 1, updated 0, unchanged 0, failed 0, skipped 0.');

    // Again: unchanged, no mutation.
    gh.clearRequests();
    const again = await board({ action: 'move_card', task_id: 'gt_root_0001' });
    expect(cardsOf(again)).toMatchObject([{ itemKey: TASK, result: 'unchanged' }]);
    expect(writesOf(gh).filter((request) => /mutation/.test(JSON.stringify(request.requestBody)))).toEqual(
      [],
    );

    // plan_release: the version suggested from the commits and the completed task; nothing written anywhere.
    gh.clearRequests();
    const plan = await release({ action: 'plan_release' });
    expect(plan.isError).toBeUndefined();
    expect(plan.data).toMatchObject({
      action: 'plan_release',
      version: '1.1.0',
      tag: 'v1.1.0',
      previousTag: 'v1.0.0',
      bump: 'minor',
      requested: false,
      releaseNotes: null,
      releaseUrl: null,
      otherTasks: [{ id: 'gt_root_0001' }],
      commits: { total: 2, features: 1, fixes: 1 },
    });
    expect(plan.text).toMatch(/^plan_release: v1\.1\.0 \(suggested, bump minor; previous v1\.0\.0\)\./);
    expect(writesOf(gh)).toEqual([]);

    // generate_changelog as a dry run: the whole notes in structuredContent, their beginning in the text.
    const changelog = await release({
      action: 'generate_changelog',
      release_version: 'v1.1.0',
      release_notes_template: 'automated',
      dry_run: true,
    });
    expect(changelog.isError).toBeUndefined();
    const notes = String(changelog.data.releaseNotes);
    expect(notes).toContain('issues follow the orchestrator');
    expect(notes).toContain('keep labels people add');
    expect(changelog.data).toMatchObject({
      dryRun: true,
      version: '1.1.0',
      changelog: { file: 'CHANGELOG.md', changed: true },
    });
    expect(changelog.text).toContain('CHANGELOG.md: would be updated.');
    expect(changelog.text).toContain(`Release notes:\n${notes.trimEnd().split('\n')[0] ?? ''}`);
    await expect(readFile(path.join(repo.dir, 'CHANGELOG.md'))).rejects.toThrow(/ENOENT/);
    expect(writesOf(gh)).toEqual([]);
  });

  it('the same over stdio, from the bundled command: create_issue onto the board, move_card, plan_release', async () => {
    // `orchestrator-git mcp` as an MCP client starts it: a child process speaking on stdin and stdout.
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [
        CLI_BUNDLE,
        'mcp',
        '--state-file',
        STATE_DB,
        '--features-dir',
        FEATURES,
        '--repository',
        REPO,
        '--api-url',
        gh.url,
        '--write-delay-ms',
        '0',
      ],
      cwd: repo.dir,
      env: { PATH: process.env.PATH ?? '', GITHUB_TOKEN: PAT },
      stderr: 'pipe',
    });
    const stdio = new Client({ name: 'orchestrator-git-stdio', version: '1.0.0' });
    await stdio.connect(transport);
    const over = async (tool: string, args: Record<string, unknown>) => {
      const result = await stdio.callTool({ name: tool, arguments: args });
      seen.push(JSON.stringify(result));
      return { isError: result.isError, data: (result.structuredContent ?? {}) as Record<string, unknown> };
    };
    try {
      expect(
        (await over('orchestrator_project_board_manager', { action: 'create_board' })).isError,
      ).toBeFalsy();
      const issue = await over('orchestrator_git_integration', {
        action: 'create_issue',
        task_id: 'gt_root_0001',
        issue_config: { project_board: BOARD },
      });
      expect(issue.data.board).toMatchObject({ counts: { added: 1, failed: 0 } });
      const [made] = issuesOf(gh);
      if (!made) throw new Error('no issue created');
      await setTaskStatus(path.join(repo.dir, STATE_DB), 'v2-generic', 'gt_root_0001', 'completed');
      const moved = await over('orchestrator_project_board_manager', {
        action: 'move_card',
        task_id: 'gt_root_0001',
      });
      expect(moved.data.counts).toMatchObject({ moved: 1, failed: 0 });
      const { project, item } = projectCard(made.number);
      if (!item) throw new Error('card missing');
      expect(gh.projects.valueOf(project, item, 'Status')).toBe('Done');
      const plan = await over('orchestrator_release_coordinator', { action: 'plan_release' });
      expect(plan.data).toMatchObject({ version: '1.1.0', tag: 'v1.1.0', bump: 'minor' });
    } finally {
      await stdio.close();
    }
  });

  it('create_milestone on the release coordinator, then sync_milestones brings a moved date to the platform', async () => {
    const milestone = await release({
      action: 'create_milestone',
      release_version: 'v1.1.0',
      included_features: ['AUTOMATION_MAINTENANCE_V1'],
      due_on: '2024-04-30',
    });
    expect(milestone.isError).toBeUndefined();
    expect(milestone.data.milestone).toMatchObject({
      name: 'v1.1.0',
      result: 'created',
      dueOn: '2024-04-30',
    });

    await execSql(
      path.join(repo.dir, STATE_DB),
      "UPDATE release_milestones SET target_date = '2024-05-31' WHERE milestone_name = 'v1.1.0'",
    );
    const synced = await board({ action: 'sync_milestones', task_id: 'gt_root_0001' });
    expect(synced.isError).toBeUndefined();
    expect(synced.data).toMatchObject({
      action: 'sync_milestones',
      platform: 'github',
      repository: REPO,
      milestones: [{ title: 'v1.1.0', result: 'updated' }],
      counts: { created: 0, updated: 1, failed: 0 },
    });
    expect(synced.data.notes).toEqual([
      'task_id/feature_id were not used: sync_milestones keeps every release milestone of release_milestones in step, not cards.',
    ]);
    expect(synced.text).toContain('- "v1.1.0": updated');
    expect(gh.listMilestones(REPO)).toMatchObject([{ title: 'v1.1.0', due_on: '2024-05-31T00:00:00Z' }]);

    gh.clearRequests();
    const again = await board({ action: 'sync_milestones' });
    expect(again.data).toMatchObject({ milestones: [{ title: 'v1.1.0', result: 'unchanged' }] });
    expect(writesOf(gh)).toEqual([]);
  });

  it.each([
    [
      'git integration: an unknown task',
      'orchestrator_git_integration',
      { action: 'create_issue', task_id: 'nope' },
      'CONFIG_INVALID',
      'There is no synced item "task:nope" in the orchestrator state.',
      '`orchestrator-git plan --json` lists every synced item',
    ],
    [
      'board: an unknown board type',
      'orchestrator_project_board_manager',
      { action: 'move_card', board_type: 'kanban', task_id: 'gt_root_0001' },
      'CONFIG_INVALID',
      'orchestrator_project_board_manager: board_type "kanban" is not one of feature_development, release_planning, sprint_board.',
      'Set board_type to one of feature_development, release_planning, sprint_board.',
    ],
    [
      'board: an unmapped status',
      'orchestrator_project_board_manager',
      {
        action: 'move_card',
        board_type: 'sprint_board',
        status_mapping: { pending: 'Ready', in_progress: 'Doing' },
      },
      'CONFIG_INVALID',
      'status-mapping leaves 4 statuses of sprint_board cards unmapped: completed, failed, blocked, cancelled.',
      'Map every status of the board',
    ],
    [
      'board: a task on a board of features',
      'orchestrator_project_board_manager',
      { action: 'add_to_board', board_type: 'release_planning', task_id: 'gt_root_0001' },
      'CONFIG_INVALID',
      'No card on this board type for "task:gt_root_0001".',
      'release_planning: features',
    ],
    [
      'release: an invalid version',
      'orchestrator_release_coordinator',
      { action: 'plan_release', release_version: 'one.two' },
      'RELEASE_VERSION_INVALID',
      'release-version "one.two" is not a semantic version.',
      'Give MAJOR.MINOR.PATCH',
    ],
    [
      'release: a version not above the last release',
      'orchestrator_release_coordinator',
      { action: 'tag_release', release_version: '0.9.0', dry_run: true },
      'RELEASE_VERSION_INVALID',
      'Version 0.9.0 is not greater than the last release, 1.0.0 (tag "v1.0.0").',
      'Choose a version greater than 1.0.0',
    ],
  ])('%s is a tool error with the code and the fix', async (_name, tool, args, code, message, fix) => {
    const result = await call(tool, args);
    expect(result.isError).toBe(true);
    expect(result.text).toContain(`${code}: ${message}`);
    expect(result.text).toMatch(/\nHow to fix: \S/);
    expect(result.text).toContain(fix);
    expect(result.data.error).toMatchObject({ code, message, fix: expect.stringContaining(fix) });
    expect(writesOf(gh)).toEqual([]);
    expect(gh.projects.projects).toEqual([]);
  });
});
