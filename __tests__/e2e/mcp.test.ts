/**
 * The MCP server in-process, spoken to by the SDK's own Client over a linked in-memory transport, against the GitHub
 * and GitLab emulators over real HTTP: the three tools as listed, each action of orchestrator_git_integration on the
 * same engine as the CLI, tool errors with the catalogue's code and fix, serialised calls, and no token in any answer.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { RawSettings } from '../../src/config/issue-sync.js';
import { createOrchestratorMcpServer } from '../../src/mcp/server.js';
import type { GitHubEmulator } from '../../test-support/emulators/github/index.js';
import {
  FEATURES,
  REPO,
  STATE_DB,
  TOKEN,
  Workspace,
  describeRequests,
  issuesOf,
  itemKeyOf,
  markerCounts,
  querySql,
  recordingLogger,
  setTaskStatus,
  startEmulator,
  writesOf,
  type LoggedLine,
} from '../../test-support/e2e/harness.js';
import { PLATFORM_FIXTURES, REPOSITORY, type PlatformFixture } from '../../test-support/e2e/platforms.js';

const TASK = 'task:gt_root_0001';
const FEATURE = 'feature:GIT_INTEGRATION_V1';

interface ItemJson {
  itemKey: string;
  result: string;
  issue: { number: number; url: string } | null;
  detail: string | null;
}

interface CallResult {
  isError?: boolean;
  text: string;
  data: Record<string, unknown>;
}

/** Every answer and log line of the suite, checked for tokens at the end. */
const seen: string[] = [];

let workspace: Workspace;

beforeEach(async () => {
  workspace = await Workspace.create();
  await workspace.copySample('v2-generic');
  await workspace.copyFeatures();
});
afterEach(async () => {
  await workspace.dispose();
});

afterAll(() => {
  const everything = seen.join('\n');
  expect(everything.length).toBeGreaterThan(1000);
  for (const secret of [TOKEN, GITLAB_TOKEN, BAD_TOKEN]) expect(everything).not.toContain(secret);
});

const GITLAB_TOKEN = 'glpat-e2eMcpGitLabToken00000';
const BAD_TOKEN = 'ghs_e2eRevokedToken000000000000000000';

interface Session {
  client: Client;
  lines: LoggedLine[];
  call(tool: string, args: Record<string, unknown>): Promise<CallResult>;
  close(): Promise<void>;
}

async function connect(settings: RawSettings, env: NodeJS.ProcessEnv): Promise<Session> {
  const { log, lines } = recordingLogger();
  const server = createOrchestratorMcpServer({
    settings,
    configPath: null,
    env,
    cwd: workspace.dir,
    log,
  });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await server.connect(serverTransport);
  const client = new Client({ name: 'orchestrator-git-e2e', version: '1.0.0' });
  await client.connect(clientTransport);
  return {
    client,
    lines,
    async call(tool, args) {
      const result = await client.callTool({ name: tool, arguments: args });
      seen.push(JSON.stringify(result));
      const content = result.content as { type: string; text: string }[];
      expect(content).toHaveLength(1);
      return {
        ...(result.isError ? { isError: true } : {}),
        text: content[0]?.text ?? '',
        data: (result.structuredContent ?? {}) as Record<string, unknown>,
      };
    },
    async close() {
      seen.push(...lines.map((line) => line.message));
      await client.close();
      await server.close();
    },
  };
}

const itemsOf = (result: CallResult) => result.data.items as ItemJson[];

describe('against the GitHub emulator', () => {
  let emulator: GitHubEmulator;
  let session: Session;

  beforeEach(async () => {
    emulator = await startEmulator();
    // As `orchestrator-git mcp --state-file … --features-dir … --repository … --api-url …`, token in the environment.
    session = await connect(
      {
        'state-file': STATE_DB,
        'features-dir': FEATURES,
        repository: REPO,
        'api-url': emulator.url,
        'write-delay-ms': '0',
      },
      { GITHUB_TOKEN: TOKEN },
    );
  });
  afterEach(async () => {
    await session.close();
    await emulator.stop();
  });

  const git = (args: Record<string, unknown>) => session.call('orchestrator_git_integration', args);
  const issueFor = (itemKey: string) => {
    const issue = issuesOf(emulator).find((candidate) => itemKeyOf(candidate) === itemKey);
    if (!issue) throw new Error(`no issue for ${itemKey}`);
    return issue;
  };

  it('lists the three tools with the seed parameters, their enums and required fields', async () => {
    const { tools } = await session.client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual([
      'orchestrator_git_integration',
      'orchestrator_project_board_manager',
      'orchestrator_release_coordinator',
    ]);
    const schema = (name: string) => {
      const tool = tools.find((candidate) => candidate.name === name);
      if (!tool) throw new Error(`no tool ${name}`);
      return tool.inputSchema as {
        type: string;
        required?: string[];
        additionalProperties?: boolean;
        properties: Record<string, { enum?: string[]; type?: string; properties?: Record<string, unknown> }>;
      };
    };
    const enumOf = (name: string, property: string) => schema(name).properties[property]?.enum;

    const git = schema('orchestrator_git_integration');
    expect(git).toMatchObject({ type: 'object', required: ['action'], additionalProperties: false });
    expect(Object.keys(git.properties).sort()).toEqual(
      [
        'action',
        'platform',
        'repository',
        'task_id',
        'feature_id',
        'issue_number',
        'issue_config',
        'dry_run',
        'state_file',
        'due_on',
      ].sort(),
    );
    expect(enumOf('orchestrator_git_integration', 'action')).toEqual([
      'create_issue',
      'update_issue',
      'sync_status',
      'link_task',
      'create_milestone',
    ]);
    expect(enumOf('orchestrator_git_integration', 'platform')).toEqual(['github', 'gitlab', 'bitbucket']);
    expect(git.properties.issue_number?.type).toBe('integer');
    expect(Object.keys(git.properties.issue_config?.properties ?? {})).toEqual([
      'title',
      'body',
      'labels',
      'assignees',
      'milestone',
      'project_board',
    ]);

    const board = schema('orchestrator_project_board_manager');
    expect(board.required).toEqual(['action']);
    expect(enumOf('orchestrator_project_board_manager', 'action')).toEqual([
      'create_board',
      'add_to_board',
      'move_card',
      'update_progress',
      'sync_milestones',
    ]);
    expect(enumOf('orchestrator_project_board_manager', 'board_type')).toEqual([
      'feature_development',
      'release_planning',
      'sprint_board',
    ]);
    expect(board.properties.status_mapping?.type).toBe('object');
    expect(board.properties).toHaveProperty('feature_id');
    expect(board.properties).toHaveProperty('task_id');

    const release = schema('orchestrator_release_coordinator');
    expect(release.required).toEqual(['action']);
    expect(enumOf('orchestrator_release_coordinator', 'action')).toEqual([
      'plan_release',
      'create_milestone',
      'generate_changelog',
      'tag_release',
    ]);
    expect(enumOf('orchestrator_release_coordinator', 'release_notes_template')).toEqual([
      'automated',
      'manual',
      'hybrid',
    ]);
    expect(release.properties.included_features?.type).toBe('array');
    expect(release.properties.release_version?.type).toBe('string');
  });

  it('create_issue creates the issue with its marker and the extras; a second call reports it unchanged', async () => {
    const created = await git({
      action: 'create_issue',
      task_id: 'gt_root_0001',
      issue_config: { body: 'Customer: ACME', labels: ['triage'] },
    });
    expect(created.isError).toBeUndefined();
    const issue = issueFor(TASK);
    expect(itemsOf(created)).toEqual([
      {
        itemKey: TASK,
        result: 'created',
        issue: { number: issue.number, url: issue.html_url },
        detail: null,
      },
    ]);
    expect(created.data).toMatchObject({
      action: 'create_issue',
      platform: 'github',
      repository: REPO,
      dryRun: false,
      counts: { created: 1, failed: 0 },
    });
    expect(created.text).toContain(`${TASK}: created #${issue.number} ${issue.html_url}`);
    expect(issuesOf(emulator)).toHaveLength(1);
    expect(issue.labels.map((label) => label.name)).toContain('triage');
    expect(issue.body).toMatch(/<!-- \/orchestrator-git -->\n\nCustomer: ACME$/);

    emulator.clearRequests();
    const again = await git({ action: 'create_issue', task_id: 'gt_root_0001' });
    expect(itemsOf(again)).toMatchObject([
      { itemKey: TASK, result: 'unchanged', issue: { number: issue.number } },
    ]);
    expect(again.data.counts).toMatchObject({ created: 0, unchanged: 1 });
    expect(writesOf(emulator)).toEqual([]);
  });

  it('update_issue closes the issue after the task is completed, touching only that issue', async () => {
    await git({ action: 'create_issue', task_id: 'gt_root_0001' });
    await setTaskStatus(workspace.path(STATE_DB), 'v2-generic', 'gt_root_0001', 'completed');
    emulator.clearRequests();
    const updated = await git({ action: 'update_issue', task_id: 'gt_root_0001' });
    const issue = issueFor(TASK);
    expect(itemsOf(updated)).toEqual([
      {
        itemKey: TASK,
        result: 'closed',
        issue: { number: issue.number, url: issue.html_url },
        detail: expect.stringContaining('state'),
      },
    ]);
    expect(issue.state).toBe('closed');
    expect(writesOf(emulator).map((request) => `${request.method} ${request.path}`)).toContain(
      `PATCH /repos/${REPO}/issues/${issue.number}`,
    );
  });

  it('sync_status reports every item and creates nothing', async () => {
    await git({ action: 'create_issue', feature_id: 'GIT_INTEGRATION_V1' });
    const status = await git({ action: 'sync_status' });
    expect(
      itemsOf(status)
        .map((item) => [item.itemKey, item.result])
        .sort(),
    ).toEqual([
      ['feature:AUTOMATION_MAINTENANCE_V1', 'skipped'],
      [FEATURE, 'unchanged'],
      ['feature:SESSION_MANAGEMENT_V2', 'skipped'],
      [TASK, 'skipped'],
    ]);
    expect(status.text).toContain('- 3 items without an issue: skipped');
    expect(issuesOf(emulator)).toHaveLength(1);
  });

  it('link_task adopts an existing issue; sync_status afterwards creates no second one', async () => {
    const response = await fetch(`${emulator.url}/repos/${REPO}/issues`, {
      method: 'POST',
      headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Release checklist', body: 'Steps we follow by hand.' }),
    });
    const { number } = (await response.json()) as { number: number };
    const linked = await git({ action: 'link_task', task_id: 'gt_root_0001', issue_number: number });
    expect(linked.isError).toBeUndefined();
    expect(itemsOf(linked)).toMatchObject([{ itemKey: TASK, result: 'updated', issue: { number } }]);
    expect(issueFor(TASK).number).toBe(number);
    expect(issueFor(TASK).body).toMatch(/Steps we follow by hand\.$/);
    await git({ action: 'create_issue', task_id: 'gt_root_0001' });
    expect(markerCounts(emulator).get(TASK)).toBe(1);
  });

  it('create_milestone records the release, creates the milestone and assigns the feature issue; again: no writes', async () => {
    await git({ action: 'create_issue', feature_id: 'GIT_INTEGRATION_V1' });
    const args = {
      action: 'create_milestone',
      feature_id: 'GIT_INTEGRATION_V1',
      due_on: '2026-12-31',
      issue_config: { milestone: 'v2.1.0' },
    };
    const result = await git(args);
    expect(result.isError).toBeUndefined();
    const [milestone] = emulator.listMilestones(REPO);
    expect(milestone).toMatchObject({ title: 'v2.1.0', state: 'open', due_on: '2026-12-31T00:00:00Z' });
    expect(result.data.milestone).toEqual({
      name: 'v2.1.0',
      result: 'created',
      number: milestone?.number,
      dueOn: '2026-12-31',
      status: 'active',
      features: ['GIT_INTEGRATION_V1'],
    });
    expect(result.text).toContain(`Milestone "v2.1.0": created (#${milestone?.number}), due 2026-12-31`);
    expect(issueFor(FEATURE).milestone?.title).toBe('v2.1.0');
    expect(itemsOf(result).find((item) => item.itemKey === FEATURE)?.result).toBe('updated');
    expect(
      await querySql(
        workspace.path(STATE_DB),
        "SELECT platform_milestone_id, included_features FROM release_milestones WHERE milestone_name = 'v2.1.0'",
      ),
    ).toEqual([
      { platform_milestone_id: String(milestone?.number), included_features: '["GIT_INTEGRATION_V1"]' },
    ]);

    const before = await workspace.read(STATE_DB);
    emulator.clearRequests();
    const again = await git(args);
    expect((again.data.milestone as { result: string }).result).toBe('exists');
    expect(writesOf(emulator)).toEqual([]);
    expect((await workspace.read(STATE_DB)).equals(before)).toBe(true);

    // Another date: the platform's milestone is left as it is, and the answer says so.
    const moved = await git({ ...args, due_on: '2027-03-31' });
    const warning =
      'Milestone "v2.1.0" exists on the platform with due date 2026-12-31 and state open; it is left as it is.';
    expect(moved.data.warnings).toContain(warning);
    expect(moved.text).toContain(`Warning: ${warning}`);
    expect(moved.text).not.toContain('Warning: State:');
  });

  it("the release coordinator's create_milestone is the same run; a dry run creates nothing anywhere", async () => {
    const before = await workspace.read(STATE_DB);
    const dry = await session.call('orchestrator_release_coordinator', {
      action: 'create_milestone',
      release_version: 'v3.0.0',
      included_features: ['GIT_INTEGRATION_V1'],
      dry_run: true,
    });
    expect(dry.isError).toBeUndefined();
    expect(dry.data).toMatchObject({
      dryRun: true,
      milestone: { name: 'v3.0.0', result: 'would create', number: null },
    });
    expect(writesOf(emulator)).toEqual([]);
    expect((await workspace.read(STATE_DB)).equals(before)).toBe(true);

    const real = await session.call('orchestrator_release_coordinator', {
      action: 'create_milestone',
      release_version: 'v3.0.0',
      included_features: ['GIT_INTEGRATION_V1'],
      release_notes_template: 'hybrid',
    });
    expect(real.data.milestone).toMatchObject({
      name: 'v3.0.0',
      result: 'created',
      features: ['GIT_INTEGRATION_V1'],
    });
    expect(emulator.listMilestones(REPO).map((milestone) => milestone.title)).toEqual(['v3.0.0']);
    expect(real.data.notes).toEqual([
      'release_notes_template was not used: it shapes generate_changelog and tag_release, not the milestone.',
    ]);
  });

  it('a dry run of create_issue plans and writes nothing', async () => {
    const result = await git({ action: 'create_issue', feature_id: 'GIT_INTEGRATION_V1', dry_run: true });
    expect(result.data.dryRun).toBe(true);
    expect(itemsOf(result)).toMatchObject([{ itemKey: FEATURE, result: 'would create' }]);
    expect(result.text).toContain('(dry run: nothing was changed)');
    expect(writesOf(emulator)).toEqual([]);
  });

  it.each([
    [
      'an unknown task id',
      { action: 'create_issue', task_id: 'nope' },
      'CONFIG_INVALID',
      'There is no synced item "task:nope" in the orchestrator state.',
      '`orchestrator-git plan --json` lists every synced item',
    ],
    [
      'an action the tool does not have',
      { action: 'delete_issue', task_id: 'gt_root_0001' },
      'CONFIG_INVALID',
      'orchestrator_git_integration: action "delete_issue" is not one of create_issue, update_issue, sync_status, link_task, create_milestone',
      'Set action to one of create_issue',
    ],
    [
      'a misspelt parameter',
      { action: 'create_issue', taskid: 'gt_root_0001' },
      'CONFIG_INVALID',
      'orchestrator_git_integration: unknown parameter "taskid" (did you mean "task_id"?)',
      'The parameters are action, platform',
    ],
    [
      'a milestone set on one issue',
      { action: 'create_issue', task_id: 'gt_root_0001', issue_config: { milestone: 'v1.2.0' } },
      'CONFIG_INVALID',
      'issue_config.milestone "v1.2.0" cannot be set on one issue: an issue\'s milestone is its feature\'s release, recorded in release_milestones.',
      'with action create_milestone',
    ],
    [
      'link_task without the issue',
      { action: 'link_task', task_id: 'gt_root_0001' },
      'CONFIG_INVALID',
      'link_task needs one item (task_id or feature_id) and issue_number, which is missing.',
      'Give task_id (or feature_id) and issue_number',
    ],
    [
      'create_issue without an item',
      { action: 'create_issue' },
      'CONFIG_INVALID',
      'create_issue needs the item: task_id or feature_id.',
      'Give task_id',
    ],
    [
      'an issue_number that is not an issue',
      { action: 'link_task', task_id: 'gt_root_0001', issue_number: 99 },
      'CONFIG_INVALID',
      'Issue #99 does not exist in acme/widgets.',
      'Name an existing issue',
    ],
  ])('%s is a tool error with the code, the message and the fix', async (_name, args, code, message, fix) => {
    const result = await git(args);
    expect(result.isError).toBe(true);
    expect(result.text).toContain(`${code}: ${message}`);
    expect(result.text).toMatch(/\nHow to fix: \S/);
    expect(result.text).toContain(fix);
    expect(result.data.error).toMatchObject({ code, message: expect.stringContaining(message) });
    expect(writesOf(emulator)).toEqual([]);
  });

  it('says that the orchestrator owns the title, and creates the issue with its own', async () => {
    const result = await git({
      action: 'create_issue',
      task_id: 'gt_root_0001',
      issue_config: { title: 'A better title' },
    });
    expect(result.isError).toBeUndefined();
    const issue = issueFor(TASK);
    expect(issue.title).not.toBe('A better title');
    expect(result.data.notes).toEqual([
      `issue_config.title "A better title" was not used: the orchestrator owns the title of ${TASK} (${JSON.stringify(issue.title)}); rename it in the orchestrator to change the issue's title.`,
    ]);
    expect(result.text).toContain('Note: issue_config.title "A better title" was not used');
  });

  it('a token that cannot reach projects, and a release outside a git checkout, are tool errors with the fix', async () => {
    const board = await session.call('orchestrator_project_board_manager', {
      action: 'create_board',
      board_type: 'sprint_board',
    });
    expect(board.isError).toBe(true);
    expect(board.data.error).toMatchObject({
      code: 'PERMISSION_DENIED',
      fix: expect.stringContaining('GitHub App installation token'),
    });
    expect(board.text).toMatch(/^PERMISSION_DENIED: .*Resource not accessible by integration/);

    const badBoard = await session.call('orchestrator_project_board_manager', {
      action: 'add_to_board',
      board_type: 'kanban',
    });
    expect(badBoard.data.error).toMatchObject({ code: 'CONFIG_INVALID' });
    expect(badBoard.text).toContain(
      'board_type "kanban" is not one of feature_development, release_planning, sprint_board',
    );

    for (const action of ['plan_release', 'generate_changelog', 'tag_release']) {
      const release = await session.call('orchestrator_release_coordinator', {
        action,
        release_version: 'v1.0.0',
        release_notes_template: 'automated',
      });
      expect(release.isError).toBe(true);
      expect(release.data.error).toMatchObject({
        code: 'GIT_CHECKOUT_INVALID',
        message: `"${workspace.dir}" is not inside a git work tree: releases read the commits and tags of the checkout.`,
        fix: expect.stringContaining('Run the release step in the checked-out repository'),
      });
    }
    // GraphQL reads are POSTs too: nothing but those was sent, and nothing was made.
    expect(writesOf(emulator).filter((request) => request.path !== '/graphql')).toEqual([]);
    expect(emulator.projects.projects).toEqual([]);
    expect(issuesOf(emulator)).toEqual([]);
  });

  it('creates the issue, and says why issue_config.project_board could not add it to the board', async () => {
    const result = await git({
      action: 'create_issue',
      task_id: 'gt_root_0001',
      issue_config: { project_board: 'Feature Development' },
    });
    expect(itemsOf(result)).toMatchObject([{ itemKey: TASK, result: 'created' }]);
    expect(issueFor(TASK)).toBeDefined();
    // The server's token has no Projects access: the issue is made, the card is not, and the answer says why.
    expect(result.isError).toBe(true);
    expect(result.data.board).toMatchObject({ error: { code: 'PERMISSION_DENIED' } });
    expect(result.text).toMatch(
      /\nissue_config\.project_board "Feature Development": PERMISSION_DENIED: .*\nHow to fix: .*GitHub App installation token/,
    );
  });

  it('runs two calls on the same state file one after the other: two create_issue at once make one issue', async () => {
    const [first, second] = await Promise.all([
      git({ action: 'create_issue', task_id: 'gt_root_0001' }),
      git({ action: 'create_issue', task_id: 'gt_root_0001' }),
    ]);
    expect([itemsOf(first)[0]?.result, itemsOf(second)[0]?.result]).toEqual(['created', 'unchanged']);
    expect(markerCounts(emulator).get(TASK)).toBe(1);
    expect(issuesOf(emulator)).toHaveLength(1);
  });

  it('a rejected token is a tool error that does not show the token', async () => {
    const bad = await connect(
      {
        'state-file': STATE_DB,
        'features-dir': FEATURES,
        repository: REPO,
        'api-url': emulator.url,
        token: BAD_TOKEN,
        'write-delay-ms': '0',
      },
      {},
    );
    try {
      const result = await bad.call('orchestrator_git_integration', {
        action: 'create_issue',
        task_id: 'gt_root_0001',
      });
      expect(result.isError).toBe(true);
      expect(result.data.error).toMatchObject({ code: 'TOKEN_INVALID' });
      expect(JSON.stringify(result)).not.toContain(BAD_TOKEN);
    } finally {
      await bad.close();
    }
    expect(issuesOf(emulator)).toEqual([]);
  });

  it('logs each call on its log, never the token', async () => {
    await git({ action: 'create_issue', task_id: 'gt_root_0001' });
    const messages = session.lines.map((line) => line.message);
    expect(messages).toContainEqual(
      expect.stringMatching(/^── orchestrator_git_integration create_issue \(mcp-/),
    );
    expect(messages.join('\n')).not.toContain(TOKEN);
    expect(describeRequests(emulator.requests).length).toBeGreaterThan(0);
  });
});

describe('against the GitLab emulator', () => {
  let fixture: PlatformFixture;
  let session: Session;

  beforeEach(async () => {
    fixture = await PLATFORM_FIXTURES.gitlab();
    const inputs = fixture.inputs();
    // A server started for GitHub (its own URL and repository); the calls name GitLab, which then takes its URL
    // and token from the environment, as in GitLab CI.
    session = await connect(
      {
        platform: 'github',
        'state-file': STATE_DB,
        'features-dir': FEATURES,
        repository: 'someone/elsewhere',
        'api-url': 'http://127.0.0.1:9/never-used',
        'write-delay-ms': '0',
      },
      { GITLAB_TOKEN: String(inputs.token), CI_SERVER_URL: String(inputs['api-url']) },
    );
  });
  afterEach(async () => {
    await session.close();
    await fixture.stop();
  });

  const gitlab = (args: Record<string, unknown>) =>
    session.call('orchestrator_git_integration', { platform: 'gitlab', repository: REPOSITORY, ...args });

  it('create_issue, update_issue after a status change, and create_milestone', async () => {
    const created = await gitlab({ action: 'create_issue', task_id: 'gt_root_0001' });
    expect(created.isError).toBeUndefined();
    expect(created.data).toMatchObject({ platform: 'gitlab', repository: REPOSITORY });
    expect(itemsOf(created)).toMatchObject([{ itemKey: TASK, result: 'created' }]);
    expect(fixture.issues().map((issue) => itemKeyOf(issue))).toEqual([TASK]);

    await setTaskStatus(workspace.path(STATE_DB), 'v2-generic', 'gt_root_0001', 'completed');
    const updated = await gitlab({ action: 'update_issue', task_id: 'gt_root_0001' });
    expect(itemsOf(updated)).toMatchObject([{ itemKey: TASK, result: 'closed' }]);
    expect(fixture.issues()[0]?.state).toBe('closed');

    const milestone = await gitlab({
      action: 'create_milestone',
      issue_config: { milestone: 'v3.0.0' },
      due_on: '2027-01-15',
    });
    expect(milestone.data.milestone).toMatchObject({
      name: 'v3.0.0',
      result: 'created',
      dueOn: '2027-01-15',
    });
    expect(fixture.milestones().map((item) => item.title)).toEqual(['v3.0.0']);
  });
});
