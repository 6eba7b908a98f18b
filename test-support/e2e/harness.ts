/**
 * Shared helpers of the end-to-end suites: a GitHub emulator with the usual repository and tokens, throw-away
 * workspaces holding copies of the sample state, the engine run in-process, the bundles run as child processes, and
 * direct reads and writes of a state database (sql.js), so tests can change the orchestrator's side between syncs.
 *
 * Everything goes over real HTTP to the emulator, which answers from the test process's event loop: child processes
 * are therefore always started with the asynchronous `spawn`, never `spawnSync`.
 */
import { spawn } from 'node:child_process';
import { cp, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlValue } from 'sql.js';
import type { RawSettings } from '../../src/config/issue-sync.js';
import { executeIssueSync, type ExecuteResult } from '../../src/engine/execute-issue-sync.js';
import { silentLogger, type Logger } from '../../src/engine/logger.js';
import type { SyncOutcome } from '../../src/engine/sync.js';
import { OrchestratorGitError } from '../../src/errors.js';
import { loadSqlJs } from '../../src/state/sqlite.js';
import { GitHubEmulator, type IssueJson, type RecordedRequest } from '../emulators/github/index.js';
import { SAMPLES_DIR, SAMPLE_FEATURES_DIR, type FixtureGeneration, type Row } from '../fixtures/build-db.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..', '..');
export const ACTION_BUNDLE = path.join(ROOT, 'dist', 'issue-sync', 'index.js');
export const CLI_BUNDLE = path.join(ROOT, 'dist', 'cli', 'index.js');

export const REPO = 'acme/widgets';
/** Issues: write, like `permissions: issues: write` on GITHUB_TOKEN. */
export const TOKEN = 'ghs_e2eWriteToken0000000000000000000';
/** Issues: read only. */
export const READ_TOKEN = 'ghs_e2eReadToken00000000000000000000';
export const STATE_DB = 'task_orchestrator.db';
export const FEATURES = 'features';

export const GENERATIONS: readonly FixtureGeneration[] = ['v1', 'v2-generic', 'v2-tasks'];

/** An emulator with acme/widgets, a write token and a read-only token (secondary limits off: the suites create fast). */
export async function startEmulator(): Promise<GitHubEmulator> {
  const emulator = await GitHubEmulator.start({ secondaryLimits: false });
  emulator.addRepository(REPO);
  emulator.addToken(TOKEN, { repositories: [REPO], permissions: { issues: 'write', metadata: 'read' } });
  emulator.addToken(READ_TOKEN, { repositories: [REPO], permissions: { issues: 'read', metadata: 'read' } });
  return emulator;
}

/** A temporary folder standing in for a checked-out repository. */
export class Workspace {
  private constructor(readonly dir: string) {}

  static async create(): Promise<Workspace> {
    return new Workspace(await mkdtemp(path.join(os.tmpdir(), 'og-e2e-')));
  }

  path(...parts: string[]): string {
    return path.join(this.dir, ...parts);
  }

  /** Copies a sample database to `name` (relative to the workspace) and returns `name`. */
  async copySample(generation: FixtureGeneration, name = STATE_DB): Promise<string> {
    await mkdir(path.dirname(this.path(name)), { recursive: true });
    await copyFile(path.join(SAMPLES_DIR, `${generation}.db`), this.path(name));
    return name;
  }

  /** Copies the sample feature specifications to `name` and returns `name`. */
  async copyFeatures(name = FEATURES): Promise<string> {
    await cp(SAMPLE_FEATURES_DIR, this.path(name), { recursive: true });
    return name;
  }

  async write(name: string, content: string | Uint8Array): Promise<string> {
    await mkdir(path.dirname(this.path(name)), { recursive: true });
    await writeFile(this.path(name), content);
    return name;
  }

  read(name: string): Promise<Buffer> {
    return readFile(this.path(name));
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** Action inputs for the emulator's acme/widgets with the write token, no write delay, and the workspace's state. */
export function syncInputs(emulator: GitHubEmulator, overrides: RawSettings = {}): RawSettings {
  return {
    'state-file': STATE_DB,
    'features-dir': FEATURES,
    repository: REPO,
    'api-url': emulator.url,
    token: TOKEN,
    'write-delay-ms': '0',
    ...overrides,
  };
}

export interface InProcessOptions {
  configPath?: string | null;
  env?: NodeJS.ProcessEnv;
  runId?: string;
  log?: Logger;
}

export interface LoggedLine {
  level: 'info' | 'warning' | 'error' | 'debug';
  message: string;
}

/** A Logger that keeps every line, for asserting what a run tells its user. */
export function recordingLogger(): { log: Logger; lines: LoggedLine[] } {
  const lines: LoggedLine[] = [];
  const log: Logger = {
    info: (message) => lines.push({ level: 'info', message }),
    warning: (message) => lines.push({ level: 'warning', message }),
    error: (message) => lines.push({ level: 'error', message }),
    debug: (message) => lines.push({ level: 'debug', message }),
    group: (_name, body) => body(),
  };
  return { log, lines };
}

let runCounter = 0;

/** One run of the shared engine, in this process (inputs as the action would pass them; keys set to undefined are dropped). */
export function syncInProcess(
  workspace: Workspace,
  inputs: RawSettings,
  options: InProcessOptions = {},
): Promise<ExecuteResult> {
  const given = Object.fromEntries(
    Object.entries(inputs).filter(([, value]) => value !== undefined),
  ) as RawSettings;
  runCounter += 1;
  return executeIssueSync({
    inputs: given,
    configPath: options.configPath ?? null,
    env: options.env ?? {},
    cwd: workspace.dir,
    log: options.log ?? silentLogger,
    runId: options.runId ?? `e2e-${runCounter}`,
  });
}

/** The outcome of a run that synced (fails the test with the reason when it was disabled). */
export function outcomeOf(result: ExecuteResult): SyncOutcome {
  if (result.kind !== 'synced')
    throw new Error(`expected a sync, but the run was disabled: ${result.reason}`);
  return result.outcome;
}

/** The catalogue error a promise rejects with (fails the test when it resolves or rejects with something else). */
export async function rejection(promise: Promise<unknown>): Promise<OrchestratorGitError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OrchestratorGitError) return error;
    throw new Error(`expected an OrchestratorGitError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected the run to fail, but it succeeded');
}

/**
 * Runs one more sync and checks that everything has converged: the issue list is the only request, nothing is
 * written, and the state file is left byte-identical (no needless commit).
 */
export async function expectConverged(
  workspace: Workspace,
  emulator: GitHubEmulator,
  inputs: RawSettings,
  stateFile = STATE_DB,
): Promise<SyncOutcome> {
  const before = await workspace.read(stateFile);
  emulator.clearRequests();
  const outcome = outcomeOf(await syncInProcess(workspace, inputs));
  const repository = typeof inputs.repository === 'string' ? inputs.repository : REPO;
  expect(describeRequests(emulator.requests)).toEqual([`GET /repos/${repository}/issues → 200`]);
  expect(outcome.stateSaved).toBe(false);
  expect((await workspace.read(stateFile)).equals(before)).toBe(true);
  return outcome;
}

/** Requests that change something on the platform. */
export function writesOf(emulator: GitHubEmulator): RecordedRequest[] {
  return emulator.requests.filter((request) => request.method !== 'GET' && request.method !== 'HEAD');
}

export function describeRequests(requests: RecordedRequest[]): string[] {
  return requests.map((request) => `${request.method} ${request.path} → ${request.status}`);
}

/** The issues (pull requests excluded) of a repository, by number. */
export function issuesOf(emulator: GitHubEmulator, repo = REPO): IssueJson[] {
  return emulator.listIssues(repo).filter((issue) => !issue.pull_request);
}

const MARKER = /<!-- orchestrator-git:v1 id=(\S+) hash=[0-9a-f]{16} -->/;

/** The item key carried by an issue's marker, or null. */
export function itemKeyOf(issue: { body: string | null }): string | null {
  const match = MARKER.exec(issue.body ?? '');
  return match ? decodeURIComponent(match[1] ?? '') : null;
}

/** How many issues carry each item key's marker. */
export function markerCounts(emulator: GitHubEmulator, repo = REPO): Map<string, number> {
  const counts = new Map<string, number>();
  for (const issue of issuesOf(emulator, repo)) {
    const key = itemKeyOf(issue);
    if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function labelNames(issue: IssueJson): string[] {
  return issue.labels.map((label) => label.name).sort();
}

// ---- the state database, read and changed directly -------------------------------------------------------------

/** Runs SQL statements on a database file and writes it back (the orchestrator changing its state between syncs). */
export async function execSql(file: string, sql: string, params: SqlValue[] = []): Promise<void> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database(await readFile(file));
  try {
    if (params.length > 0) db.run(sql, params);
    else db.exec(sql);
    await writeFile(file, db.export());
  } finally {
    db.close();
  }
}

/** Rows of a query on a database file. */
export async function querySql(file: string, sql: string): Promise<Row[]> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database(await readFile(file));
  try {
    const result = db.exec(sql)[0];
    if (!result) return [];
    return result.values.map((values) =>
      Object.fromEntries(result.columns.map((c, i) => [c, values[i] ?? null])),
    );
  } finally {
    db.close();
  }
}

/** Table names of a database file. */
export async function tablesOf(file: string): Promise<string[]> {
  const rows = await querySql(file, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  return rows.map((row) => String(row.name));
}

/**
 * Sets a task's status the way each generation stores it: v1 derives a breakdown's status from its subtasks (so
 * every subtask of the breakdown is set), v2 generic and v2 tasks store it on the row.
 */
export async function setTaskStatus(
  file: string,
  generation: FixtureGeneration,
  taskId: string,
  status: string,
): Promise<void> {
  const completedAt = status === 'completed' ? '2025-09-01 12:00:00' : null;
  switch (generation) {
    case 'v1':
      await execSql(file, 'UPDATE subtasks SET status = ?, completed_at = ? WHERE parent_task_id = ?', [
        status,
        completedAt,
        taskId,
      ]);
      return;
    case 'v2-generic':
      await execSql(file, 'UPDATE generic_tasks SET status = ?, completed_at = ? WHERE task_id = ?', [
        status,
        completedAt,
        taskId,
      ]);
      return;
    case 'v2-tasks':
      await execSql(file, 'UPDATE tasks SET status = ?, completed_at = ? WHERE id = ?', [
        status,
        completedAt,
        taskId,
      ]);
      return;
  }
}

// ---- child processes --------------------------------------------------------------------------------------------

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node script args` asynchronously with exactly `env` (plus PATH), so nothing leaks in from the test's environment. */
export function runNode(
  script: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; timeoutMs?: number },
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface ActionRun extends ProcessResult {
  /** GITHUB_OUTPUT, parsed. */
  outputs: Record<string, string>;
  /** The job summary written to GITHUB_STEP_SUMMARY. */
  summary: string;
}

/** Parses the `name<<delimiter` blocks @actions/core writes to GITHUB_OUTPUT. */
export function parseGithubOutput(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const match of text.matchAll(/^([\w-]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)) {
    outputs[match[1] ?? ''] = match[3] ?? '';
  }
  return outputs;
}

/**
 * Runs the bundled issue-sync action as a runner does: inputs as INPUT_<NAME> variables (upper-cased, hyphens kept),
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, GITHUB_REPOSITORY and GITHUB_API_URL.
 */
export async function runAction(
  workspace: Workspace,
  emulator: GitHubEmulator,
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
): Promise<ActionRun> {
  const outputFile = workspace.path('.runner', 'github-output');
  const summaryFile = workspace.path('.runner', 'step-summary.md');
  await workspace.write(path.join('.runner', 'github-output'), '');
  await workspace.write(path.join('.runner', 'step-summary.md'), '');
  const env: Record<string, string> = {
    GITHUB_REPOSITORY: REPO,
    GITHUB_API_URL: emulator.url,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    ...extraEnv,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const result = await runNode(ACTION_BUNDLE, [], { cwd: workspace.dir, env });
  return {
    ...result,
    outputs: parseGithubOutput(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
  };
}

/** The action inputs of a normal run against the emulator (as strings, the way a workflow passes them). */
export function actionInputs(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'state-file': STATE_DB,
    'features-dir': FEATURES,
    token: TOKEN,
    'write-delay-ms': '0',
    ...overrides,
  };
}

/** Runs the bundled CLI in the workspace. */
export function runCli(
  workspace: Workspace,
  args: string[],
  env: Record<string, string> = {},
): Promise<ProcessResult> {
  return runNode(CLI_BUNDLE, args, { cwd: workspace.dir, env });
}
