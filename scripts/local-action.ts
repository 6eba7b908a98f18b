/**
 * Runs the issue-sync action's TypeScript source through @github/local-action against the local GitHub emulator
 * and the sample state: the same command a contributor uses against real GitHub with their own .env file.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GitHubEmulator } from '../test-support/emulators/github/index.js';
import { repositoryRoot } from '../test-support/repository-root.js';

const root = repositoryRoot(import.meta.url);
const samples = path.join(root, 'test-support', 'fixtures', 'orchestrator', 'samples');
const REPOSITORY = 'acme/widgets';
const TOKEN = 'ghs_local_action_token_not_a_secret';

export async function runLocalAction(
  extraEnv: Record<string, string> = {},
): Promise<{ status: number | null; output: string; emulator: GitHubEmulator }> {
  const workspace = mkdtempSync(path.join(tmpdir(), 'orchestrator-git-local-action-'));
  const emulator = await GitHubEmulator.start();
  try {
    return { ...(await runIn(workspace, emulator, extraEnv)), emulator };
  } catch (error) {
    await emulator.stop();
    throw error;
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

async function runIn(
  workspace: string,
  emulator: GitHubEmulator,
  extraEnv: Record<string, string>,
): Promise<{ status: number | null; output: string }> {
  emulator.addRepository(REPOSITORY);
  emulator.addToken(TOKEN, {
    repositories: [REPOSITORY],
    permissions: { issues: 'write', metadata: 'read' },
  });
  copyFileSync(path.join(samples, 'v2-tasks.db'), path.join(workspace, 'task_orchestrator.db'));
  cpSync(path.join(samples, 'features'), path.join(workspace, 'features'), { recursive: true });
  const envFile = path.join(workspace, '.env');
  const settings: Record<string, string> = {
    'INPUT_STATE-FILE': path.join(workspace, 'task_orchestrator.db'),
    'INPUT_FEATURES-DIR': path.join(workspace, 'features'),
    INPUT_TOKEN: TOKEN,
    INPUT_REPOSITORY: REPOSITORY,
    'INPUT_API-URL': emulator.url,
    'INPUT_WRITE-DELAY-MS': '0',
    'INPUT_DRY-RUN': 'false',
    INPUT_ENABLED: 'true',
    'INPUT_COMMIT-STATE': 'false',
    GITHUB_STEP_SUMMARY: path.join(workspace, 'summary.md'),
    ...extraEnv,
  };
  writeFileSync(
    envFile,
    Object.entries(settings)
      .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
      .join('\n'),
  );
  writeFileSync(settings.GITHUB_STEP_SUMMARY ?? '', '');
  const bin = path.join(root, 'node_modules', '@github', 'local-action', 'bin', 'local-action.js');
  const child = spawn(process.execPath, [bin, 'run', '.', 'src/actions/issue-sync-impl.ts', envFile], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? workspace, NO_COLOR: '1' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { status, output };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { status, output, emulator } = await runLocalAction();
  process.stdout.write(output);
  process.stdout.write(
    `\nlocal-action exited with ${status}; the emulator now holds ${emulator.listIssues(REPOSITORY).length} issues.\n`,
  );
  await emulator.stop();
  process.exitCode = status ?? 1;
}
