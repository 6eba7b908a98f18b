/**
 * The demo: the bundled issue-sync action, run as GitHub runs it (INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY),
 * against the local GitHub emulator and the sample orchestrator state: a first sync, a second sync that writes
 * nothing, and a progress change that updates just that issue.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import initSqlJs from 'sql.js';
import { GitHubEmulator } from '../test-support/emulators/github/index.js';
import { repositoryRoot } from '../test-support/repository-root.js';

const root = repositoryRoot(import.meta.url);
const samples = path.join(root, 'test-support', 'fixtures', 'orchestrator', 'samples');
const bundle = path.join(root, 'dist', 'issue-sync', 'index.js');
const REPOSITORY = 'acme/widgets';
const TOKEN = 'ghs_demo_token_not_a_secret';

function heading(text: string): void {
  process.stdout.write(`\n\x1b[1m━━ ${text}\x1b[0m\n`);
}

async function setStatus(stateFile: string, taskId: string, status: string): Promise<void> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(readFileSync(stateFile));
  db.run(
    'UPDATE generic_tasks SET status = ?, completed_at = CASE WHEN ? = ? THEN datetime() ELSE NULL END WHERE task_id = ?',
    [status, status, 'completed', taskId],
  );
  writeFileSync(stateFile, db.export());
  db.close();
}

/** Runs the bundle in a child process (asynchronously: the emulator answers from this process's event loop). */
async function runAction(
  emulator: GitHubEmulator,
  workspace: string,
  extra: Record<string, string> = {},
): Promise<Record<string, string>> {
  const outputFile = path.join(workspace, 'github-output.txt');
  const summaryFile = path.join(workspace, 'step-summary.md');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const child = spawn(process.execPath, [bundle], {
    cwd: workspace,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_API_URL: emulator.url,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      'INPUT_STATE-FILE': 'task_orchestrator.db',
      'INPUT_FEATURES-DIR': 'features',
      INPUT_TOKEN: TOKEN,
      'INPUT_WRITE-DELAY-MS': '0',
      ...extra,
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  process.stdout.write(output.replace(/^(?=.)/gm, '  │ '));
  const outputs: Record<string, string> = {};
  const text = readFileSync(outputFile, 'utf8');
  for (const match of text.matchAll(/^([\w-]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)) {
    outputs[match[1] ?? ''] = match[3] ?? '';
  }
  outputs.summary = readFileSync(summaryFile, 'utf8');
  if (status !== 0) throw new Error(`the action exited with ${status}`);
  return outputs;
}

function report(emulator: GitHubEmulator, outputs: Record<string, string>): void {
  const writes = emulator.requests.filter((request) => request.method !== 'GET').length;
  process.stdout.write(
    `  requests: ${emulator.requests.length} (${writes} writes) · created ${outputs.created}, updated ${outputs.updated}, closed ${outputs.closed}, reopened ${outputs.reopened}, unchanged ${outputs.unchanged}, failed ${outputs.failed}\n`,
  );
  emulator.clearRequests();
}

async function main(): Promise<void> {
  const workspace = mkdtempSync(path.join(tmpdir(), 'orchestrator-git-demo-'));
  const emulator = await GitHubEmulator.start();
  try {
    emulator.addRepository(REPOSITORY);
    emulator.addToken(TOKEN, {
      repositories: [REPOSITORY],
      permissions: { issues: 'write', metadata: 'read' },
    });
    emulator.addAssignable(REPOSITORY, 'alice');
    copyFileSync(path.join(samples, 'v2-generic.db'), path.join(workspace, 'task_orchestrator.db'));
    cpSync(path.join(samples, 'features'), path.join(workspace, 'features'), { recursive: true });
    process.stdout.write(
      `GitHub emulator at ${emulator.url}; sample state: v2-generic database + feature files.\n`,
    );

    heading('1. Dry run: the plan, nothing written');
    const dry = await runAction(emulator, workspace, { 'INPUT_DRY-RUN': 'true' });
    report(emulator, dry);

    heading('2. First sync: approved features and top-level tasks become issues');
    const first = await runAction(emulator, workspace);
    report(emulator, first);
    for (const issue of emulator.listIssues(REPOSITORY)) {
      process.stdout.write(
        `  #${issue.number} [${issue.state}] ${issue.title}  {${issue.labels.map((label) => label.name).join(', ')}}\n`,
      );
    }

    heading('3. Second sync: nothing changed, so nothing is written');
    report(emulator, await runAction(emulator, workspace));

    heading('4. Progress: "Board sync" (gt_0003) completes in the orchestrator');
    await setStatus(path.join(workspace, 'task_orchestrator.db'), 'gt_0003', 'completed');
    const progressed = await runAction(emulator, workspace);
    report(emulator, progressed);

    heading('Job summary of the last run');
    process.stdout.write(progressed.summary ?? '');
  } finally {
    await emulator.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
}

await main();
