/**
 * End to end through the bundled issue-sync action (dist/issue-sync/index.js), run as a runner runs it: INPUT_*
 * variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY. Checks the outputs, the job summary, the failure reporting, the
 * disabled fast path, and that orchestrator text can never inject a workflow command into the log.
 */
import type { GitHubEmulator } from '../../test-support/emulators/github/index.js';
import {
  READ_TOKEN,
  REPO,
  STATE_DB,
  TOKEN,
  Workspace,
  actionInputs,
  execSql,
  issuesOf,
  itemKeyOf,
  querySql,
  runAction,
  startEmulator,
  writesOf,
} from '../../test-support/e2e/harness.js';
import { buildDatabase } from '../../test-support/fixtures/build-db.js';
import { SEED_TABLES_SQL } from '../../src/state/migrations.js';

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

const OUTPUT_NAMES = [
  'created',
  'updated',
  'closed',
  'reopened',
  'unchanged',
  'failed',
  'plan',
  'links',
  'state-changed',
  'state-file',
];

describe('outputs and job summary', () => {
  it('a first run sets every output, and the summary has the counts, a mermaid pie and a link to each created issue', async () => {
    const run = await runAction(workspace, emulator, actionInputs());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    expect(Object.keys(run.outputs)).toEqual(expect.arrayContaining(OUTPUT_NAMES));
    expect(run.outputs).toMatchObject({
      created: '3',
      updated: '0',
      closed: '0',
      reopened: '0',
      unchanged: '0',
      failed: '0',
      'state-changed': 'true',
      'state-file': STATE_DB,
    });
    const issues = issuesOf(emulator);
    expect(issues).toHaveLength(3);
    const links = JSON.parse(run.outputs.links ?? '') as { itemKey: string; number: number; url: string }[];
    expect(
      links.map(({ itemKey, number, url }) => ({ itemKey, number, url })).sort((a, b) => a.number - b.number),
    ).toEqual(
      issues.map((issue) => ({ itemKey: itemKeyOf(issue), number: issue.number, url: issue.html_url })),
    );
    const plan = JSON.parse(run.outputs.plan ?? '') as { operations: { kind: string; item: string }[] };
    expect(
      plan.operations
        .filter((operation) => operation.kind === 'createIssue')
        .map((operation) => operation.item)
        .sort(),
    ).toEqual(issues.map(itemKeyOf).sort());

    expect(run.summary).toContain('| created | updated | closed | reopened | unchanged | failed |');
    expect(run.summary).toMatch(/^\| 3 \| 0 \| 0 \| 0 \| 0 \| 0 \|/m);
    expect(run.summary).toMatch(/```mermaid\npie showData\n(\s+"[^"]+" : \d+\n)+```/);
    const rows = run.summary.split('\n').filter((line) => line.startsWith('| '));
    for (const issue of issues) {
      const key = (itemKeyOf(issue) ?? '').replace(/_/g, '\\_');
      const row = rows.find((line) => line.includes(`<sub>${key}</sub>`));
      expect(row).toContain(`](${issue.html_url}) | create | done |`);
    }
    expect(run.stdout).toContain('Created 3, updated 0, closed 0, reopened 0, unchanged 0, failed 0.');

    // The links are in the committed state file too.
    const linkRows = await querySql(
      workspace.path(STATE_DB),
      'SELECT issue_number FROM feature_issue_links ORDER BY issue_number',
    );
    expect(linkRows.map((row) => row.issue_number)).toEqual(issues.map((issue) => issue.number));
  });

  // BUG (src/report/summary.ts, renderSummary): a created issue's link reads "issue" instead of its number, because
  // the label comes from the operation (no number before the create) rather than from the result.
  it('the summary names each created issue by its number', async () => {
    const run = await runAction(workspace, emulator, actionInputs());
    expect(run.code).toBe(0);
    for (const issue of issuesOf(emulator))
      expect(run.summary).toContain(`[#${issue.number}](${issue.html_url})`);
  });

  it('a second run reports everything unchanged, state-changed false, and leaves the state file byte-identical', async () => {
    expect((await runAction(workspace, emulator, actionInputs())).code).toBe(0);
    const before = await workspace.read(STATE_DB);
    emulator.clearRequests();

    const run = await runAction(workspace, emulator, actionInputs());

    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({
      created: '0',
      updated: '0',
      unchanged: '3',
      failed: '0',
      'state-changed': 'false',
    });
    expect(emulator.requests).toHaveLength(1);
    expect(writesOf(emulator)).toEqual([]);
    expect((await workspace.read(STATE_DB)).equals(before)).toBe(true);
    expect(run.summary).toContain('Everything already matches the orchestrator: no changes.');
  });
});

describe('disabled', () => {
  it.each<{ name: string; inputs: Record<string, string>; setup: () => Promise<void> }>([
    { name: 'INPUT_ENABLED=false', inputs: { enabled: 'false' }, setup: async () => undefined },
    { name: 'INPUT_ENABLED=no', inputs: { enabled: 'no' }, setup: async () => undefined },
    {
      name: "auto_sync_enabled = 0 in the state's git_integration_config",
      inputs: {},
      setup: async () =>
        execSql(
          workspace.path(STATE_DB),
          `${SEED_TABLES_SQL.git_integration_config};
           INSERT INTO git_integration_config (platform, repository_url, auto_sync_enabled) VALUES ('github', 'acme/widgets', 0);`,
        ),
    },
    {
      name: 'enabled: false in .github/orchestrator-git.yml',
      inputs: {},
      setup: async () => {
        await workspace.write('.github/orchestrator-git.yml', 'enabled: false\n');
      },
    },
  ])(
    '$name: the step succeeds without a single HTTP request and sets no output',
    async ({ inputs, setup }) => {
      await setup();
      const before = await workspace.read(STATE_DB);
      const run = await runAction(workspace, emulator, actionInputs(inputs));
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/issue-sync is disabled \(.+\): nothing to do\./);
      expect(emulator.requests).toHaveLength(0);
      expect(run.outputs).toEqual({});
      expect((await workspace.read(STATE_DB)).equals(before)).toBe(true);
    },
  );
});

describe('assignees', () => {
  it('an unassignable login is reported in the job summary; the issue is created without it, and a known login is assigned', async () => {
    emulator.addAssignable(REPO, 'alice');
    await workspace.write(
      STATE_DB,
      await buildDatabase('v2-generic', {
        generic_tasks: [
          { task_id: 'gt_a', title: 'Haunted task', status: 'pending', assigned_to: 'ghost' },
          { task_id: 'gt_b', title: "Alice's task", status: 'in_progress', assigned_to: 'alice' },
        ],
      }),
    );
    const run = await runAction(workspace, emulator, actionInputs({ 'features-dir': '' }));

    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ created: '2', failed: '0' });
    expect(run.summary).toMatch(
      /^- \*\*warning\*\* `task:gt\\_a`: ghost cannot be assigned in this repository/m,
    );
    const issues = issuesOf(emulator);
    expect(issues.find((issue) => issue.title === 'Haunted task')?.assignees).toEqual([]);
    expect(
      issues.find((issue) => issue.title === "Alice's task")?.assignees.map((user) => user.login),
    ).toEqual(['alice']);
  });
});

describe('GitHub Enterprise Server', () => {
  it('GITHUB_API_URL of the form HOST/api/v3 (as a GHES runner sets it) is used for every request', async () => {
    const run = await runAction(workspace, emulator, actionInputs(), {
      GITHUB_API_URL: `${emulator.url}/api/v3`,
    });
    expect(run.code).toBe(0);
    expect(run.outputs.created).toBe('3');
    const answers = emulator.requests.filter((request) => request.path === `/repos/${REPO}/issues`);
    for (const request of answers) {
      const bodies = (
        Array.isArray(request.responseBody) ? request.responseBody : [request.responseBody]
      ) as { url: string }[];
      for (const body of bodies) expect(body.url.startsWith(`${emulator.url}/api/v3/repos/`)).toBe(true);
    }
    expect(answers.length).toBeGreaterThanOrEqual(4);
  });
});

describe('dry run', () => {
  it('prints the plan in a group, writes nothing and leaves the state file byte-identical', async () => {
    const before = await workspace.read(STATE_DB);
    const run = await runAction(workspace, emulator, actionInputs({ 'dry-run': 'true' }));

    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const start = lines.findIndex((line) => /^::group::Plan: \d+ operations$/.test(line));
    const end = lines.indexOf('::endgroup::');
    expect(start).toBeGreaterThanOrEqual(0);
    const plan = lines.slice(start + 1, end);
    expect(plan).toEqual(
      expect.arrayContaining([
        'Create issue for feature:GIT_INTEGRATION_V1 "🔧 Git Integration & Issue Management" (new feature (approved))',
        'Create issue for feature:SESSION_MANAGEMENT_V2 "🏗️ Enhanced Session Management Architecture" (new feature (in_progress))',
        'Create issue for task:gt_root_0001 "Release 2.1: Git integration" (new task (in_progress))',
      ]),
    );
    expect(writesOf(emulator)).toEqual([]);
    expect(run.outputs['state-changed']).toBe('false');
    expect(run.summary).toContain('(dry run: nothing was changed)');
    expect((await workspace.read(STATE_DB)).equals(before)).toBe(true);
  });
});

describe('a failing step', () => {
  const cases: { name: string; inputs: Record<string, string>; code: string }[] = [
    { name: 'state file missing', inputs: { 'state-file': 'missing.db' }, code: 'STATE_NOT_FOUND' },
    { name: 'malformed repository', inputs: { repository: 'a/b/c' }, code: 'REPOSITORY_MALFORMED' },
    { name: 'bad token', inputs: { token: 'ghs_not_a_known_token' }, code: 'TOKEN_INVALID' },
    { name: 'token without issues: write', inputs: { token: READ_TOKEN }, code: 'PERMISSION_DENIED' },
  ];

  it.each(cases)(
    '$name: exits non-zero with an ::error:: line naming $code and how to fix it',
    async ({ inputs, code }) => {
      const run = await runAction(workspace, emulator, actionInputs(inputs));

      expect(run.code).not.toBe(0);
      const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
      expect(errors.some((line) => line.includes(code) && line.includes('How to fix'))).toBe(true);
      expect(issuesOf(emulator)).toEqual([]);
    },
  );
});

describe('hostile orchestrator text', () => {
  const TITLES = ['::add-mask::x', '<script>alert(1)</script>', 'Line one\n::stop-commands::x'];

  beforeEach(async () => {
    await workspace.write(
      STATE_DB,
      await buildDatabase('v2-generic', {
        generic_tasks: TITLES.map((title, index) => ({
          task_id: `gt_h${index}`,
          title,
          status: 'pending',
          description: `${title}\n::set-output name=x::y\n@octocat see #12`,
          specialist_type: '::warning::fake',
        })),
      }),
    );
  });

  /** Lines a runner would take as workflow commands, other than the ones the action itself issues. */
  function foreignCommands(stdout: string): string[] {
    return stdout
      .split(/\r?\n/)
      .filter((line) => line.startsWith('::'))
      .filter(
        (line) =>
          !/^::(warning|error)::/.test(line) &&
          line !== `::add-mask::${TOKEN}` &&
          !line.startsWith('::group::') &&
          line !== '::endgroup::',
      );
  }

  it.each<{ mode: string; inputs: Record<string, string> }>([
    { mode: 'sync', inputs: {} },
    { mode: 'dry run (plan printed)', inputs: { 'dry-run': 'true' } },
  ])('never become a workflow command in the log ($mode)', async ({ inputs }) => {
    const run = await runAction(workspace, emulator, actionInputs({ 'features-dir': '', ...inputs }));

    expect(run.code).toBe(0);
    expect(foreignCommands(run.stdout)).toEqual([]);
    // The titles were logged (inside our own lines), so the check above looked at them.
    expect(run.stdout).toContain('::add-mask::x');
    expect(run.stdout).toContain('::stop-commands::x');
    expect(run.summary).not.toContain('<script>');
  });

  it('are created as one-line titles with mentions neutralised in the body', async () => {
    const run = await runAction(workspace, emulator, actionInputs({ 'features-dir': '' }));
    expect(run.code).toBe(0);

    const issues = issuesOf(emulator);
    expect(issues.map((issue) => issue.title).sort()).toEqual([
      '::add-mask::x',
      '<script>alert(1)</script>',
      'Line one ::stop-commands::x',
    ]);
    for (const issue of issues) {
      expect(issue.body).not.toMatch(/(^|[^\w])@octocat/);
      expect(issue.body).not.toMatch(/(^|[^\w&])#12\b/);
      expect(issue.body).toContain('octocat');
    }
    expect(
      writesOf(emulator).filter((w) => w.method === 'POST' && w.path === `/repos/${REPO}/issues`),
    ).toHaveLength(3);
  });
});
