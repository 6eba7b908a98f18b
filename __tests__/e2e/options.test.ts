/**
 * End to end, in-process: the switches that turn the sync off before any request, dry runs, assignees, GitHub
 * Enterprise Server URLs and mention neutralisation.
 */
import { executeBoardSync } from '../../src/engine/board-sync.js';
import { silentLogger } from '../../src/engine/logger.js';
import { executeRelease } from '../../src/release/engine.js';
import { writeJsonExport } from '../../src/state/export-command.js';
import { SEED_TABLES_SQL } from '../../src/state/migrations.js';
import type { GitHubEmulator } from '../../test-support/emulators/github/index.js';
import {
  REPO,
  STATE_DB,
  Workspace,
  execSql,
  issuesOf,
  itemKeyOf,
  outcomeOf,
  recordingLogger,
  startEmulator,
  syncInProcess,
  syncInputs,
  writesOf,
} from '../../test-support/e2e/harness.js';
import { buildDatabase } from '../../test-support/fixtures/build-db.js';

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

describe('disabled: nothing is sent to the platform', () => {
  const cases: {
    name: string;
    setup: () => Promise<{ configPath?: string; enabled?: string; stateFile?: string }>;
    reason: RegExp;
  }[] = [
    {
      name: 'the enabled input is false',
      setup: async () => ({ enabled: 'false' }),
      reason: /enabled input is false/,
    },
    {
      name: "auto_sync_enabled = 0 in the state's git_integration_config row",
      setup: async () => {
        await execSql(
          workspace.path(STATE_DB),
          `${SEED_TABLES_SQL.git_integration_config};
           INSERT INTO git_integration_config (platform, repository_url, auto_sync_enabled) VALUES ('github', 'https://github.com/acme/widgets', 0);`,
        );
        return {};
      },
      reason: /auto_sync_enabled is 0/,
    },
    {
      name: 'autoSyncEnabled false in the config of a JSON export',
      setup: async () => {
        await execSql(
          workspace.path(STATE_DB),
          `${SEED_TABLES_SQL.git_integration_config};
           INSERT INTO git_integration_config (platform, repository_url, auto_sync_enabled) VALUES ('github', 'acme/widgets', 'false');`,
        );
        await writeJsonExport(
          workspace.path(STATE_DB),
          workspace.path('state.json'),
          workspace.path('features'),
        );
        return { stateFile: 'state.json' };
      },
      reason: /auto_sync_enabled is 0/,
    },
    {
      name: 'enabled: false in the default config file',
      setup: async () => {
        await workspace.write('.github/orchestrator-git.yml', 'enabled: false\nlabels: [orchestrator]\n');
        return {};
      },
      reason: /enabled is false in \.github\/orchestrator-git\.yml/,
    },
    {
      name: 'enabled: false in a config file named by the config input',
      setup: async () => {
        await workspace.write('ci/sync.yaml', 'enabled: no\n');
        return { configPath: 'ci/sync.yaml' };
      },
      reason: /enabled is false in ci\/sync\.yaml/,
    },
  ];

  it.each(cases)('$name → zero HTTP requests and the state file untouched', async ({ setup, reason }) => {
    const { configPath, enabled, stateFile = STATE_DB } = await setup();
    const before = await workspace.read(stateFile);
    const inputs = syncInputs(emulator, { enabled, 'state-file': stateFile });
    const result = await syncInProcess(workspace, inputs, { configPath: configPath ?? null });
    expect(result).toEqual({ kind: 'disabled', reason: expect.stringMatching(reason) });
    expect(emulator.requests).toHaveLength(0);
    expect((await workspace.read(stateFile)).equals(before)).toBe(true);
  });

  it.each(['board-sync', 'release'])(
    '%s reads the same switches: enabled: false in the config file → disabled, zero requests',
    async (job) => {
      await workspace.write('.github/orchestrator-git.yml', 'enabled: false\n');
      const inputs = syncInputs(emulator, {});
      const run = { configPath: null, env: {}, cwd: workspace.dir, log: silentLogger };
      const result =
        job === 'board-sync'
          ? await executeBoardSync({ ...run, inputs })
          : await executeRelease({ ...run, inputs, action: 'plan', runId: 'release-disabled' });
      expect(result).toEqual({
        kind: 'disabled',
        reason: expect.stringMatching(/enabled is false in \.github\/orchestrator-git\.yml/),
      });
      expect(emulator.requests).toHaveLength(0);
    },
  );

  it('enabled: true as an input overrides auto_sync_enabled = 0 (the control: the same state does sync)', async () => {
    await execSql(
      workspace.path(STATE_DB),
      `${SEED_TABLES_SQL.git_integration_config};
       INSERT INTO git_integration_config (platform, repository_url, auto_sync_enabled) VALUES ('github', 'https://github.com/acme/widgets', 0);`,
    );
    const outcome = outcomeOf(await syncInProcess(workspace, syncInputs(emulator, { enabled: 'true' })));
    expect(outcome.counts.created).toBe(3);
  });
});

describe('dry run', () => {
  it('plans every create, writes nothing and leaves the state file byte-identical', async () => {
    const before = await workspace.read(STATE_DB);
    const outcome = outcomeOf(await syncInProcess(workspace, syncInputs(emulator, { 'dry-run': 'true' })));

    expect(outcome.dryRun).toBe(true);
    const creates = outcome.plan.operations.filter((operation) => operation.kind === 'createIssue');
    expect(creates.map((operation) => ('itemKey' in operation ? operation.itemKey : '')).sort()).toEqual([
      'feature:GIT_INTEGRATION_V1',
      'feature:SESSION_MANAGEMENT_V2',
      'task:gt_root_0001',
    ]);
    expect(writesOf(emulator)).toEqual([]);
    expect(issuesOf(emulator)).toEqual([]);
    expect(outcome.stateSaved).toBe(false);
    expect((await workspace.read(STATE_DB)).equals(before)).toBe(true);
  });

  it('after a status change, plans exactly the update and still writes nothing', async () => {
    outcomeOf(await syncInProcess(workspace, syncInputs(emulator)));
    const before = await workspace.read(STATE_DB);
    const issuesBefore = issuesOf(emulator);
    await execSql(
      workspace.path(STATE_DB),
      "UPDATE generic_tasks SET status = 'completed' WHERE task_id = 'gt_0003'",
    );
    const changed = await workspace.read(STATE_DB);
    emulator.clearRequests();

    const outcome = outcomeOf(await syncInProcess(workspace, syncInputs(emulator, { 'dry-run': 'true' })));

    const root = issuesBefore.find((issue) => itemKeyOf(issue) === 'task:gt_root_0001');
    expect(outcome.plan.operations).toEqual([
      expect.objectContaining({ kind: 'updateIssue', number: root?.number, itemKey: 'task:gt_root_0001' }),
    ]);
    expect(writesOf(emulator)).toEqual([]);
    expect(issuesOf(emulator)).toEqual(issuesBefore);
    expect(before.equals(changed)).toBe(false);
    expect((await workspace.read(STATE_DB)).equals(changed)).toBe(true);
  });
});

describe('assignees', () => {
  it('an unassignable login is reported and the issue is still created without it; an assignable one is assigned', async () => {
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

    const outcome = outcomeOf(
      await syncInProcess(workspace, syncInputs(emulator, { 'features-dir': undefined })),
    );

    expect(outcome.counts).toMatchObject({ created: 2, failed: 0 });
    const ghost = issuesOf(emulator).find((issue) => issue.title === 'Haunted task');
    const alice = issuesOf(emulator).find((issue) => issue.title === "Alice's task");
    expect(ghost?.assignees).toEqual([]);
    expect(alice?.assignees.map((user) => user.login)).toEqual(['alice']);
    expect(outcome.plan.warnings).toEqual([
      expect.objectContaining({
        itemKey: 'task:gt_a',
        message: expect.stringMatching(/ghost cannot be assigned/),
      }),
    ]);
    // A second run asks again (the answer may have changed) but writes nothing.
    emulator.clearRequests();
    const again = outcomeOf(
      await syncInProcess(workspace, syncInputs(emulator, { 'features-dir': undefined })),
    );
    expect(writesOf(emulator)).toEqual([]);
    expect(again.counts.unchanged).toBe(2);
  });

  // BUG (src/engine/sync.ts, runIssueSync): plan warnings are never logged, so an unassignable login shows only in
  // the action's job summary; the CLI (without --json or --summary) does not mention it at all.
  it('the unassignable login is logged as a warning (an annotation in the action, a warning line in the CLI)', async () => {
    await workspace.write(
      STATE_DB,
      await buildDatabase('v2-generic', {
        generic_tasks: [{ task_id: 'gt_a', title: 'Haunted task', status: 'pending', assigned_to: 'ghost' }],
      }),
    );
    const { log, lines } = recordingLogger();
    const outcome = outcomeOf(
      await syncInProcess(workspace, syncInputs(emulator, { 'features-dir': undefined }), { log }),
    );
    expect(outcome.counts.created).toBe(1);
    expect(lines.filter((line) => line.level === 'warning').map((line) => line.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/ghost cannot be assigned/)]),
    );
  });
});

describe('GitHub Enterprise Server', () => {
  it('api-url HOST/api/v3 is used for every request', async () => {
    const outcome = outcomeOf(
      await syncInProcess(workspace, syncInputs(emulator, { 'api-url': `${emulator.url}/api/v3` })),
    );

    expect(outcome.counts).toMatchObject({ created: 3, failed: 0 });
    expect(issuesOf(emulator)).toHaveLength(3);
    // The emulator builds the API URLs in its answers from the prefix the request used.
    const issueAnswers = emulator.requests.filter((request) => request.path === `/repos/${REPO}/issues`);
    expect(issueAnswers.length).toBeGreaterThan(0);
    for (const request of issueAnswers) {
      const bodies = Array.isArray(request.responseBody) ? request.responseBody : [request.responseBody];
      for (const body of bodies as { url: string }[])
        expect(body.url.startsWith(`${emulator.url}/api/v3/repos/`)).toBe(true);
    }
  });
});

describe('mentions and references in orchestrator text', () => {
  it('are neutralised in the created issue body, so a sync never pings anyone', async () => {
    await workspace.write(
      STATE_DB,
      await buildDatabase('v2-generic', {
        generic_tasks: [
          {
            task_id: 'gt_m',
            title: 'Ask @octocat',
            status: 'pending',
            description: 'Ask @octocat to review, see #12 and acme/widgets#7 (GH-3).',
          },
        ],
      }),
    );

    outcomeOf(await syncInProcess(workspace, syncInputs(emulator, { 'features-dir': undefined })));

    const [issue] = issuesOf(emulator);
    const body = issue?.body ?? '';
    expect(body).toContain('octocat to review');
    expect(body).not.toMatch(/(^|[^\w])@octocat/);
    expect(body).not.toMatch(/(^|[^\w&])#12\b/);
    expect(body).not.toContain('acme/widgets#7');
    expect(body).not.toMatch(/\bGH-3/);
  });
});
