/**
 * The published package, as `npx orchestrator-git@0` gets it in a GitLab or Bitbucket pipeline: `npm pack`, unpacked
 * where no node_modules can help, runs the CLI on its own (the bundle and sql.js beside it are all it needs).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { GitHubEmulator } from '../../test-support/emulators/github/index.js';
import { REPO, ROOT, TOKEN, Workspace, runNode, startEmulator } from '../../test-support/e2e/harness.js';

const run = promisify(execFile);

let unpacked: string;
let emulator: GitHubEmulator;
let workspace: Workspace;

beforeAll(async () => {
  unpacked = await mkdtemp(path.join(os.tmpdir(), 'og-pack-'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', unpacked], {
    cwd: ROOT,
    env: { ...process.env, npm_config_loglevel: 'error' },
  });
  const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  if (!packed) throw new Error('npm pack wrote nothing');
  await run('tar', ['-xzf', path.join(unpacked, packed.filename), '-C', unpacked]);
  emulator = await startEmulator();
  workspace = await Workspace.create();
  await workspace.copySample('v2-generic');
}, 60_000);

afterAll(async () => {
  await emulator.stop();
  await workspace.dispose();
  await rm(unpacked, { recursive: true, force: true });
});

it('holds only the CLI bundle (no sources, tests or dependencies to install)', async () => {
  const files = await readdir(path.join(unpacked, 'package'), { recursive: true });
  const top = new Set(files.map((file) => String(file).split(path.sep)[0]));
  expect([...top].sort()).toEqual(['README.md', 'dist', 'package.json']);
  expect(files.map(String)).toEqual(
    expect.arrayContaining([path.join('dist', 'cli', 'index.js'), path.join('dist', 'cli', 'sql-wasm.wasm')]),
  );
});

it('runs from the unpacked package: help, and a dry run that reads the state with sql.js', async () => {
  const cli = path.join(unpacked, 'package', 'dist', 'cli', 'index.js');
  const help = await runNode(cli, ['--help'], { cwd: workspace.dir, env: {} });
  expect([help.code, help.stdout]).toEqual([0, expect.stringContaining('create-issue')]);
  const plan = await runNode(
    cli,
    ['plan', '--state-file', 'task_orchestrator.db', '--repository', REPO, '--api-url', emulator.url],
    { cwd: workspace.dir, env: { GITHUB_TOKEN: TOKEN } },
  );
  expect([plan.code, plan.stderr]).toEqual([
    0,
    expect.stringContaining('Create issue for task:gt_root_0001'),
  ]);
});
