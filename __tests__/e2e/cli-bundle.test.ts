/**
 * End to end through the bundled command line (dist/cli/index.js): `sync`, `plan`, `sync --dry-run` and `export`
 * against the emulator, with the exit codes (0 ok, 1 items failed, 2 bad input) and the `--json` output.
 */
import { readFile } from 'node:fs/promises';
import type { GitHubEmulator } from '../../test-support/emulators/github/index.js';
import {
  FEATURES,
  READ_TOKEN,
  REPO,
  STATE_DB,
  TOKEN,
  Workspace,
  issuesOf,
  itemKeyOf,
  markerCounts,
  runCli,
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

function syncArgs(extra: string[] = [], command = 'sync'): string[] {
  return [
    command,
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
  ];
}

interface JsonOutcome {
  counts: Record<string, number>;
  links: { itemKey: string; number: number; url: string }[];
  plan: { operations: { kind: string; item: string }[] };
  requests: { reads: number; writes: number };
}

function parseJson(stdout: string): JsonOutcome {
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] ?? '') as JsonOutcome;
}

describe('orchestrator-git sync', () => {
  it('exits 0, prints the outcome as JSON, and a second run writes nothing', async () => {
    const first = await runCli(workspace, syncArgs(['--json']), { GITHUB_TOKEN: TOKEN });
    expect(first.code).toBe(0);
    const outcome = parseJson(first.stdout);
    expect(outcome.counts).toMatchObject({ created: 3, updated: 0, failed: 0 });
    const issues = issuesOf(emulator);
    expect(outcome.links.map((link) => [link.itemKey, link.number, link.url]).sort()).toEqual(
      issues.map((issue) => [itemKeyOf(issue), issue.number, issue.html_url]).sort(),
    );
    expect(outcome.requests.writes).toBe(writesOf(emulator).length);
    expect(first.stderr).toContain('Created 3, updated 0, closed 0, reopened 0, unchanged 0, failed 0.');
    // The token never reaches the output.
    expect(first.stdout + first.stderr).not.toContain(TOKEN);

    const before = await workspace.read(STATE_DB);
    emulator.clearRequests();
    const second = await runCli(workspace, syncArgs(['--json']), { GITHUB_TOKEN: TOKEN });
    expect(second.code).toBe(0);
    expect(parseJson(second.stdout).counts).toMatchObject({ created: 0, unchanged: 3 });
    expect(emulator.requests).toHaveLength(1);
    expect((await workspace.read(STATE_DB)).equals(before)).toBe(true);
  });

  it('exits 1 when an item failed, and a re-run exits 0 with one issue per item', async () => {
    emulator.injectFault({
      method: 'POST',
      path: new RegExp(`^/repos/${REPO}/issues$`),
      after: 1,
      kind: 'status',
      status: 500,
    });
    const failing = await runCli(workspace, syncArgs(['--json']), { GITHUB_TOKEN: TOKEN });
    expect(failing.code).toBe(1);
    expect(parseJson(failing.stdout).counts).toMatchObject({ created: 2, failed: 1 });
    expect(failing.stderr).toMatch(/error: Create issue for .* failed: GitHub request failed/);

    const rerun = await runCli(workspace, syncArgs(['--json']), { GITHUB_TOKEN: TOKEN });
    expect(rerun.code).toBe(0);
    expect(parseJson(rerun.stdout).counts).toMatchObject({ created: 1, failed: 0, unchanged: 2 });
    expect([...markerCounts(emulator).values()]).toEqual([1, 1, 1]);
  });

  const badInput: { name: string; args: string[]; env: Record<string, string>; code: string }[] = [
    {
      name: 'state file missing',
      args: ['--state-file', 'nope.db'],
      env: { GITHUB_TOKEN: TOKEN },
      code: 'STATE_NOT_FOUND',
    },
    { name: 'no token at all', args: [], env: {}, code: 'TOKEN_MISSING' },
    {
      name: 'malformed repository',
      args: ['--repository', 'nope'],
      env: { GITHUB_TOKEN: TOKEN },
      code: 'REPOSITORY_MALFORMED',
    },
    { name: 'bad token', args: [], env: { GITHUB_TOKEN: 'ghs_unknown' }, code: 'TOKEN_INVALID' },
    {
      name: 'token without issues: write',
      args: [],
      env: { GITHUB_TOKEN: READ_TOKEN },
      code: 'PERMISSION_DENIED',
    },
  ];

  it.each(badInput)(
    'exits 2 on bad input ($name) with the code and how to fix it on stderr',
    async ({ args, env, code }) => {
      const result = await runCli(workspace, syncArgs(args), env);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${code}: `);
      expect(result.stderr).toMatch(/\nHow to fix: \S/);
      expect(issuesOf(emulator)).toEqual([]);
    },
  );

  it('exits 2 on an unknown flag', async () => {
    const result = await runCli(workspace, syncArgs(['--frobnicate']), { GITHUB_TOKEN: TOKEN });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown option '--frobnicate'/);
    expect(emulator.requests).toEqual([]);
  });

  it('--enabled false exits 0 without a single request', async () => {
    const result = await runCli(workspace, syncArgs(['--enabled', 'false', '--json']), {
      GITHUB_TOKEN: TOKEN,
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ disabled: true, reason: expect.stringContaining('enabled') });
    expect(emulator.requests).toEqual([]);
  });
});

describe.each([
  { name: 'orchestrator-git plan', args: (extra: string[]) => syncArgs(extra, 'plan') },
  { name: 'orchestrator-git sync --dry-run', args: (extra: string[]) => syncArgs(['--dry-run', ...extra]) },
])('$name', ({ args }) => {
  it('prints the plan, writes nothing, and leaves the state file byte-identical', async () => {
    const before = await workspace.read(STATE_DB);
    const result = await runCli(workspace, args(['--json']), { GITHUB_TOKEN: TOKEN });

    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Plan: \d+ operations \(dry run\)/);
    expect(result.stderr).toContain(
      'Create issue for feature:GIT_INTEGRATION_V1 "🔧 Git Integration & Issue Management"',
    );
    expect(result.stderr).toContain('Create issue for task:gt_root_0001 "Release 2.1: Git integration"');
    const planned = parseJson(result.stdout).plan.operations.filter(
      (operation) => operation.kind === 'createIssue',
    );
    expect(planned.map((operation) => operation.item).sort()).toEqual([
      'feature:GIT_INTEGRATION_V1',
      'feature:SESSION_MANAGEMENT_V2',
      'task:gt_root_0001',
    ]);
    expect(writesOf(emulator)).toEqual([]);
    expect((await workspace.read(STATE_DB)).equals(before)).toBe(true);
  });
});

describe('orchestrator-git export, then sync of the JSON export', () => {
  it('the export syncs like the database and gets its links written back', async () => {
    const exported = await runCli(workspace, [
      'export',
      '--state',
      STATE_DB,
      '--features-dir',
      FEATURES,
      '--out',
      'state.json',
    ]);
    expect(exported.code).toBe(0);
    const doc = JSON.parse(await readFile(workspace.path('state.json'), 'utf8')) as {
      source: { file?: string };
      links: unknown[];
    };
    // The export records where it came from without a machine path.
    expect(doc.source.file).toBe(STATE_DB);
    expect(doc.links).toEqual([]);

    const result = await runCli(
      workspace,
      [
        'sync',
        '--state-file',
        'state.json',
        '--repository',
        REPO,
        '--api-url',
        emulator.url,
        '--write-delay-ms',
        '0',
        '--json',
      ],
      { GITHUB_TOKEN: TOKEN },
    );
    expect(result.code).toBe(0);
    expect(parseJson(result.stdout).counts).toMatchObject({ created: 3, failed: 0 });

    const after = JSON.parse(await readFile(workspace.path('state.json'), 'utf8')) as {
      links: {
        taskId: string | null;
        featureId: string | null;
        issueNumber: number;
        issueUrl: string;
        syncStatus: string;
        repository: string;
      }[];
    };
    expect(after.links.map((link) => link.issueNumber).sort()).toEqual(
      issuesOf(emulator).map((issue) => issue.number),
    );
    for (const link of after.links) {
      expect(link).toMatchObject({ syncStatus: 'synced', repository: REPO });
      expect(issuesOf(emulator).find((issue) => issue.number === link.issueNumber)?.html_url).toBe(
        link.issueUrl,
      );
    }
  });
});
