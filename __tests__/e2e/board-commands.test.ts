/**
 * The board commands of the CLI (in-process through commander, with --json on stdout and exit codes) and the bundled
 * board-sync action (dist/board-sync/index.js, run as a runner runs it), against the emulator.
 */
import { Command } from 'commander';
import path from 'node:path';
import { addBoardCommands } from '../../src/cli/board-commands.js';
import type { GitHubEmulator } from '../../test-support/emulators/github/index.js';
import {
  REPO,
  ROOT,
  STATE_DB,
  FEATURES,
  Workspace,
  outcomeOf,
  parseGithubOutput,
  runNode,
  startEmulator,
  syncInProcess,
  syncInputs,
} from '../../test-support/e2e/harness.js';
import { readFile } from 'node:fs/promises';

const PAT = 'ghp_boardCli00000000000000000000000000000';
const BUNDLE = path.join(ROOT, 'dist', 'board-sync', 'index.js');

describe('board commands and the board-sync action', () => {
  let emulator: GitHubEmulator;
  let workspace: Workspace;
  let cwd: string;

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
    cwd = process.cwd();
    process.chdir(workspace.dir);
  });

  afterEach(async () => {
    process.chdir(cwd);
    await emulator.stop();
    await workspace.dispose();
  });

  async function cli(args: string[]): Promise<{ code: number; json: Record<string, unknown> | null }> {
    let code = -1;
    const program = new Command('orchestrator-git').exitOverride();
    addBoardCommands(program, (value) => (code = value));
    const written: string[] = [];
    // Capture what the command prints (stdout carries the --json outcome; stderr the log).
    const write = { out: process.stdout.write, err: process.stderr.write };
    process.stdout.write = ((chunk: string | Uint8Array) =>
      written.push(String(chunk)) > 0) as typeof process.stdout.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      await program.parseAsync(
        [
          ...args,
          '--repository',
          REPO,
          '--state',
          STATE_DB,
          '--features-dir',
          FEATURES,
          '--api-url',
          emulator.url,
          '--token',
          PAT,
          '--write-delay-ms',
          '0',
          '--json',
        ],
        { from: 'user' },
      );
    } finally {
      process.stdout.write = write.out;
      process.stderr.write = write.err;
    }
    const line = written.join('').trim().split('\n').pop();
    return { code, json: line ? (JSON.parse(line) as Record<string, unknown>) : null };
  }

  it('create, then add, then move: each does its part, with exit code 0', async () => {
    const dry = await cli(['board', 'create', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(emulator.projects.projects).toHaveLength(0);

    const created = await cli(['board', 'create']);
    expect(created.code).toBe(0);
    expect(created.json).toMatchObject({ action: 'create_board', created: true, counts: { added: 0 } });
    const project = emulator.projects.projects[0];
    if (!project) throw new Error('no board');
    expect(project.items).toHaveLength(0);

    const added = await cli(['add-to-board']);
    expect(added.code).toBe(0);
    const count = (added.json?.counts as { added: number }).added;
    expect(count).toBeGreaterThan(0);
    expect(project.items).toHaveLength(count);

    const moved = await cli(['board', 'move']);
    expect(moved.json).toMatchObject({ counts: { moved: 0, failed: 0 } });
  });

  it('exits 2 with the fix on bad input: unknown board type, unknown item, unmapped status', async () => {
    expect((await cli(['board', 'sync', '--board-type', 'kanban'])).code).toBe(2);
    expect((await cli(['board', 'add', 'task:nope'])).code).toBe(2);
    expect((await cli(['board', 'sync', '--status-mapping', 'pending=Todo'])).code).toBe(2);
    expect(emulator.projects.projects).toHaveLength(0);
  });

  it('the bundled action syncs the board and sets its outputs', async () => {
    const output = workspace.path('.runner', 'github-output');
    await workspace.write(path.join('.runner', 'github-output'), '');
    const result = await runNode(BUNDLE, [], {
      cwd: workspace.dir,
      env: {
        GITHUB_REPOSITORY: REPO,
        GITHUB_API_URL: emulator.url,
        GITHUB_OUTPUT: output,
        INPUT_TOKEN: PAT,
        'INPUT_STATE-FILE': STATE_DB,
        'INPUT_FEATURES-DIR': FEATURES,
        'INPUT_API-URL': emulator.url,
        INPUT_REPOSITORY: REPO,
        'INPUT_WRITE-DELAY-MS': '0',
      },
    });
    expect(result.stdout).not.toContain('::error::');
    expect(result.code).toBe(0);
    const outputs = parseGithubOutput(await readFile(output, 'utf8'));
    expect(Number(outputs['added'])).toBeGreaterThan(0);
    expect(outputs['board-url']).toContain('/users/acme/projects/1');
  });
});
