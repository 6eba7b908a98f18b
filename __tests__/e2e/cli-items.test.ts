/**
 * The CLI's item commands through the bundle (dist/cli/index.js) against the GitHub emulator: create-issue,
 * update-issue, sync-status, link-task and create-milestone (the actions of the seed's orchestrator_git_integration
 * tool), with their JSON output, exit codes and bad-input messages.
 */
import type { GitHubEmulator } from '../../test-support/emulators/github/index.js';
import { PLATFORM_FIXTURES, REPOSITORY, type PlatformFixture } from '../../test-support/e2e/platforms.js';
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
  runCli,
  setTaskStatus,
  startEmulator,
  writesOf,
} from '../../test-support/e2e/harness.js';

let emulator: GitHubEmulator;
let workspace: Workspace;

beforeEach(async () => {
  emulator = await startEmulator();
  workspace = await Workspace.create();
  await workspace.copySample('v2-generic');
  await workspace.copyFeatures();
});
afterEach(async () => {
  await emulator.stop();
  await workspace.dispose();
});

const TASK = 'task:gt_root_0001';
const FEATURE = 'feature:GIT_INTEGRATION_V1';

function cli(command: string[], extra: string[] = []) {
  return runCli(
    workspace,
    [
      ...command,
      '--state-file',
      STATE_DB,
      '--features-dir',
      FEATURES,
      '--repository',
      REPO,
      '--api-url',
      emulator.url,
      '--write-delay-ms',
      '0',
      ...extra,
    ],
    { GITHUB_TOKEN: TOKEN },
  );
}

interface ItemJson {
  itemKey: string;
  result: string;
  issue: { number: number; url: string } | null;
  detail: string | null;
}

function itemsOf(stdout: string): ItemJson[] {
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return (JSON.parse(lines[0] ?? '') as { items: ItemJson[] }).items;
}

function issueFor(itemKey: string) {
  const issue = issuesOf(emulator).find((candidate) => itemKeyOf(candidate) === itemKey);
  if (!issue) throw new Error(`no issue for ${itemKey}`);
  return issue;
}

/** An issue a person opened through the API. */
async function humanIssue(title: string, body: string): Promise<number> {
  const response = await fetch(`${emulator.url}/repos/${REPO}/issues`, {
    method: 'POST',
    headers: {
      authorization: `token ${TOKEN}`,
      accept: 'application/vnd.github+json',
      'content-type': 'application/json',
    },
    body: JSON.stringify({ title, body }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { number: number }).number;
}

describe('orchestrator-git --help', () => {
  it('lists every command of the seed tool and the sync commands', async () => {
    const result = await runCli(workspace, ['--help']);
    expect(result.code).toBe(0);
    for (const command of [
      'sync',
      'plan',
      'create-issue',
      'update-issue',
      'sync-status',
      'link-task',
      'create-milestone',
      'export',
    ])
      expect(result.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });

  it('documents the platform flags on each command', async () => {
    const result = await runCli(workspace, ['create-issue', '--help']);
    expect(result.code).toBe(0);
    for (const flag of ['--platform', '--repository', '--state', '--dry-run', '--json', '--gitlab-url'])
      expect(result.stdout).toContain(flag);
  });
});

describe('create-issue', () => {
  it('creates only the named item, with extra labels and text that later syncs keep', async () => {
    const result = await cli(
      ['create-issue', TASK, '--add-labels', 'triage', '--body', 'Customer: ACME'],
      ['--json'],
    );
    expect(result.code).toBe(0);
    const [item] = itemsOf(result.stdout);
    const issue = issueFor(TASK);
    expect(item).toEqual({
      itemKey: TASK,
      result: 'created',
      issue: { number: issue.number, url: issue.html_url },
      detail: null,
    });
    expect(issuesOf(emulator)).toHaveLength(1);
    expect(issue.labels.map((label) => label.name)).toContain('triage');
    expect(issue.body).toMatch(/<!-- \/orchestrator-git -->\n\nCustomer: ACME$/);
    expect(result.stderr).toContain(`${TASK}: created #${issue.number}`);

    // A full sync creates the other items, and leaves the extra label and text alone.
    const sync = await cli(['sync'], ['--json']);
    expect(sync.code).toBe(0);
    expect([...markerCounts(emulator).values()]).toEqual([1, 1, 1]);
    const after = issueFor(TASK);
    expect(after.labels.map((label) => label.name)).toContain('triage');
    expect(after.body).toContain('Customer: ACME');
  });

  it('brings an item that already has an issue in step instead of creating another', async () => {
    await cli(['create-issue', TASK]);
    emulator.clearRequests();
    const again = await cli(['create-issue', TASK], ['--json']);
    expect(again.code).toBe(0);
    expect(itemsOf(again.stdout)).toMatchObject([{ itemKey: TASK, result: 'unchanged' }]);
    expect(writesOf(emulator)).toEqual([]);
    // The linked issue alone is read, not the whole list.
    expect(describeRequests(emulator.requests)).toEqual([
      `GET /repos/${REPO}/issues/${issueFor(TASK).number} → 200`,
    ]);
  });

  it('takes a bare id, and a dry run creates nothing', async () => {
    const result = await cli(['create-issue', 'GIT_INTEGRATION_V1', '--dry-run'], ['--json']);
    expect(result.code).toBe(0);
    expect(itemsOf(result.stdout)).toMatchObject([{ itemKey: FEATURE, result: 'would create' }]);
    expect(writesOf(emulator)).toEqual([]);
  });

  it.each([
    ['task:nope', 'There is no synced item "task:nope" in the orchestrator state.'],
    [
      'feature:SMART_TASK_ROUTING',
      '"feature:SMART_TASK_ROUTING" is not synced: feature status proposed is not synced.',
    ],
  ])('exits 2 for %s, saying why', async (item, message) => {
    const result = await cli(['create-issue', item]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toMatch(/How to fix: \S/);
    expect(writesOf(emulator)).toEqual([]);
  });
});

describe('update-issue and sync-status', () => {
  it('update-issue writes only the named issue after its item changed, reading just that issue', async () => {
    await cli(['sync']);
    await setTaskStatus(workspace.path(STATE_DB), 'v2-generic', 'gt_root_0001', 'completed');
    emulator.clearRequests();
    const result = await cli(['update-issue', TASK], ['--json']);
    expect(result.code).toBe(0);
    const issue = issueFor(TASK);
    expect(itemsOf(result.stdout)).toEqual([
      {
        itemKey: TASK,
        result: 'closed',
        issue: { number: issue.number, url: issue.html_url },
        detail: expect.stringContaining('state'),
      },
    ]);
    expect(issue.state).toBe('closed');
    expect(describeRequests(emulator.requests)).toEqual([
      `GET /repos/${REPO}/issues/${issue.number} → 200`,
      // The status label is new to the repository: created once, with its colour.
      `GET /repos/${REPO}/labels → 200`,
      `POST /repos/${REPO}/labels → 201`,
      `PATCH /repos/${REPO}/issues/${issue.number} → 200`,
    ]);
  });

  it('update-issue creates nothing for an item without an issue, and says how to create it', async () => {
    const result = await cli(['update-issue', TASK], ['--json']);
    expect(result.code).toBe(0);
    expect(itemsOf(result.stdout)).toEqual([
      {
        itemKey: TASK,
        result: 'skipped',
        issue: null,
        detail: 'has no issue yet; `orchestrator-git create-issue` or `sync` creates it',
      },
    ]);
    expect(issuesOf(emulator)).toEqual([]);
  });

  it('sync-status updates every existing issue, creates none, and reports each item', async () => {
    await cli(['create-issue', TASK]);
    await setTaskStatus(workspace.path(STATE_DB), 'v2-generic', 'gt_root_0001', 'completed');
    const result = await cli(['sync-status'], ['--json']);
    expect(result.code).toBe(0);
    const items = itemsOf(result.stdout);
    expect(items.map((item) => [item.itemKey, item.result]).sort()).toEqual([
      ['feature:AUTOMATION_MAINTENANCE_V1', 'skipped'],
      ['feature:GIT_INTEGRATION_V1', 'skipped'],
      ['feature:SESSION_MANAGEMENT_V2', 'skipped'],
      [TASK, 'closed'],
    ]);
    expect(issuesOf(emulator)).toHaveLength(1);
    expect(issueFor(TASK).state).toBe('closed');
  });
});

describe('link-task', () => {
  it('adopts an existing issue: the block is added above the human text, and sync creates no second issue', async () => {
    const number = await humanIssue('Release checklist', 'Steps we follow by hand.');
    const result = await cli(['link-task', TASK, `#${number}`], ['--json']);
    expect(result.code).toBe(0);
    expect(itemsOf(result.stdout)).toMatchObject([{ itemKey: TASK, result: 'updated', issue: { number } }]);
    const issue = issueFor(TASK);
    expect(issue.number).toBe(number);
    expect(issue.body).toMatch(
      /^<!-- orchestrator-git:v1 id=task:gt_root_0001 [\s\S]*Steps we follow by hand\.$/,
    );
    const links = await querySql(
      workspace.path(STATE_DB),
      "SELECT issue_number, sync_status FROM feature_issue_links WHERE task_id = 'gt_root_0001'",
    );
    expect(links).toEqual([{ issue_number: number, sync_status: 'synced' }]);

    await cli(['sync']);
    expect(markerCounts(emulator).get(TASK)).toBe(1);
    expect(issuesOf(emulator)).toHaveLength(3);
  });

  it.each([
    ['an issue that does not exist', async () => '99', 'Issue #99 does not exist in acme/widgets.'],
    [
      "another item's issue",
      async () => {
        await cli(['create-issue', FEATURE]);
        return String(issueFor(FEATURE).number);
      },
      'is already the issue of "feature:GIT_INTEGRATION_V1"',
    ],
    ['not a number', async () => 'seven', 'Issue "seven" is not an issue number.'],
  ])('exits 2 for %s', async (_name, target, message) => {
    const issue = await target();
    const before = writesOf(emulator).length;
    const result = await cli(['link-task', TASK, issue]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(writesOf(emulator)).toHaveLength(before);
  });

  it('refuses to link an item whose issue already exists elsewhere', async () => {
    await cli(['create-issue', TASK]);
    const other = await humanIssue('Something else', 'text');
    const result = await cli(['link-task', TASK, String(other)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`"${TASK}" already has issue #${issueFor(TASK).number}.`);
  });
});

describe('create-milestone', () => {
  it('records the release, creates the platform milestone, and assigns its feature issue', async () => {
    await cli(['sync']);
    const result = await cli(
      ['create-milestone', 'v2.1.0', '--due-on', '2026-12-31', '--features', 'GIT_INTEGRATION_V1'],
      ['--json'],
    );
    expect(result.code).toBe(0);
    const [milestone] = emulator.listMilestones(REPO).filter((item) => item.title === 'v2.1.0');
    expect(milestone).toMatchObject({ title: 'v2.1.0', state: 'open', due_on: '2026-12-31T00:00:00Z' });
    expect(issueFor(FEATURE).milestone?.title).toBe('v2.1.0');
    const rows = await querySql(
      workspace.path(STATE_DB),
      "SELECT milestone_name, target_date, platform_milestone_id, included_features, status FROM release_milestones WHERE milestone_name = 'v2.1.0'",
    );
    expect(rows).toEqual([
      {
        milestone_name: 'v2.1.0',
        target_date: '2026-12-31',
        platform_milestone_id: String(milestone?.number),
        included_features: '["GIT_INTEGRATION_V1"]',
        status: 'active',
      },
    ]);

    // Again: nothing new on the platform, the state unchanged.
    const before = await workspace.read(STATE_DB);
    emulator.clearRequests();
    const again = await cli([
      'create-milestone',
      'v2.1.0',
      '--due-on',
      '2026-12-31',
      '--features',
      'GIT_INTEGRATION_V1',
    ]);
    expect(again.code).toBe(0);
    expect(writesOf(emulator)).toEqual([]);
    expect((await workspace.read(STATE_DB)).equals(before)).toBe(true);
  });

  it('--dry-run creates nothing on the platform and leaves the state file as it was', async () => {
    await cli(['sync']);
    const before = await workspace.read(STATE_DB);
    emulator.clearRequests();
    const result = await cli(['create-milestone', 'v2.2.0', '--features', 'GIT_INTEGRATION_V1', '--dry-run']);
    expect([result.code, result.stderr]).toEqual([
      0,
      expect.stringContaining('Would create milestone "v2.2.0" (dry run).'),
    ]);
    expect(emulator.listMilestones(REPO)).toEqual([]);
    expect(writesOf(emulator)).toEqual([]);
    expect((await workspace.read(STATE_DB)).equals(before)).toBe(true);
  });

  it.each([
    [['--due-on', '2026-02-30'], '--due-on "2026-02-30" is not a date.'],
    [['--features', 'NOPE'], 'Unknown feature "NOPE": the state has no such feature.'],
    [['--milestone-status', 'done'], '--milestone-status "done" is not a release status.'],
  ])('exits 2 for %j', async (flags, message) => {
    const result = await cli(['create-milestone', 'v9', ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(emulator.listMilestones(REPO)).toEqual([]);
  });
});

describe.each([
  {
    platform: 'gitlab' as const,
    flags: (url: string) => ['--platform', 'gitlab', '--gitlab-url', url],
    env: (token: string): Record<string, string> => ({ GITLAB_TOKEN: token }),
  },
  {
    platform: 'bitbucket' as const,
    flags: (url: string) => ['--platform', 'bitbucket', '--api-url', url],
    env: (token: string): Record<string, string> => ({ BITBUCKET_TOKEN: token }),
  },
])('item commands on $platform', ({ platform, flags, env }) => {
  let fixture: PlatformFixture;

  beforeEach(async () => {
    fixture = await PLATFORM_FIXTURES[platform]();
  });
  afterEach(async () => {
    await fixture.stop();
  });

  function platformCli(command: string[], extra: string[] = []) {
    const inputs = fixture.inputs();
    return runCli(
      workspace,
      [
        ...command,
        '--state',
        STATE_DB,
        '--features-dir',
        FEATURES,
        '--repository',
        REPOSITORY,
        ...flags(String(inputs['api-url'])),
        ...extra,
      ],
      env(String(inputs.token)),
    );
  }

  it('create-issue, then update-issue after a status change, each touching only that issue', async () => {
    const created = await platformCli(['create-issue', TASK], ['--json']);
    expect(created.code).toBe(0);
    const [item] = itemsOf(created.stdout);
    expect(item).toMatchObject({ itemKey: TASK, result: 'created' });
    expect(fixture.issues().map((issue) => itemKeyOf(issue))).toEqual([TASK]);

    await setTaskStatus(workspace.path(STATE_DB), 'v2-generic', 'gt_root_0001', 'completed');
    fixture.clearRequests();
    const updated = await platformCli(['update-issue', TASK], ['--json']);
    expect(updated.code).toBe(0);
    expect(itemsOf(updated.stdout)).toMatchObject([{ itemKey: TASK, result: 'closed' }]);
    expect(fixture.issues()[0]?.state).toBe('closed');
    // Only this issue was read (no list of every issue).
    expect(fixture.requests().some((request) => fixture.isIssueList(request))).toBe(false);
  });

  it(
    platform === 'bitbucket'
      ? 'create-milestone explains that the API cannot create milestones (exit 2)'
      : 'create-milestone creates the milestone and records it',
    async () => {
      const result = await platformCli(['create-milestone', 'v3.0.0', '--due-on', '2027-01-15']);
      if (platform === 'bitbucket') {
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(
          'NOT_SUPPORTED: Milestone "v3.0.0" does not exist, and bitbucket\'s API cannot create milestones.',
        );
        expect(result.stderr).toContain('Repository settings → Issues → Milestones');
        expect(fixture.requests().filter((request) => request.method !== 'GET')).toEqual([]);
      } else {
        expect([result.code, result.stderr]).toEqual([
          0,
          expect.stringContaining('Created milestone "v3.0.0".'),
        ]);
        const rows = await querySql(
          workspace.path(STATE_DB),
          "SELECT target_date, platform_milestone_id FROM release_milestones WHERE milestone_name = 'v3.0.0'",
        );
        expect(rows).toEqual([
          { target_date: '2027-01-15', platform_milestone_id: expect.stringMatching(/^\d+$/) },
        ]);
      }
    },
  );
});
