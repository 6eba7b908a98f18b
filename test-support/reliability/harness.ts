/**
 * Shared helpers of the reliability suites (__tests__/reliability): the real engine (`runIssueSync`) run in-process
 * against the GitHub emulator with a `GitHubIssueTracker` built here, so a test can choose the client's retry,
 * timeout and write-delay options; throw-away state files; and the consistency checks every suite ends with (one
 * issue per item, links that match, a further plan that is empty, a state file that opens).
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { resolveIssueSyncConfig, settingsFromConfigRow } from '../../src/config/issue-sync.js';
import { deriveDesiredState } from '../../src/core/desired.js';
import { readMarker } from '../../src/core/markers.js';
import type { SyncPolicy } from '../../src/core/policy.js';
import { silentLogger, type Logger } from '../../src/engine/logger.js';
import type { ReconcileMode } from '../../src/engine/read-actual.js';
import { runIssueSync, type SyncOutcome } from '../../src/engine/sync.js';
import type { GitHubClientOptions } from '../../src/platforms/github/client.js';
import { GitHubIssueTracker } from '../../src/platforms/github/issues.js';
import { openStateStore, type StateStore } from '../../src/state/store.js';
import type { OrchestratorState } from '../../src/state/types.js';
import { loadSqlJs } from '../../src/state/sqlite.js';
import type { SqlValue } from 'sql.js';
import { GitHubEmulator, type IssueJson, type RecordedRequest } from '../emulators/github/index.js';
import type { Row } from '../fixtures/build-db.js';

export const REPO = 'acme/widgets';
export const TOKEN = 'ghs_reliabilityWriteToken000000000000';
/** A token that may write to every repository of the emulator (the model-based suite uses one repository per case). */
export const ANY_REPO_TOKEN = 'ghs_reliabilityAnyRepoToken0000000000';
/** A person with write access to acme/widgets, for issues and edits made by hand through the API. */
export const HUMAN_TOKEN = 'ghp_reliabilityHumanToken000000000000';
export const HUMAN_LOGIN = 'octo-human';
export const STATE_FILE = 'task_orchestrator.db';
export const FEATURES_DIR = 'features';

/**
 * An emulator with acme/widgets and a write token. Secondary limits are off and the primary limit is out of reach:
 * the suites make thousands of requests, and rate limits are injected as faults where a test wants them.
 */
export async function startEmulator(now?: () => number): Promise<GitHubEmulator> {
  const emulator = await GitHubEmulator.start({
    secondaryLimits: false,
    rateLimit: { limit: 100_000_000 },
    ...(now ? { now } : {}),
  });
  emulator.addRepository(REPO);
  emulator.addToken(TOKEN, { repositories: [REPO], permissions: { issues: 'write', metadata: 'read' } });
  emulator.addToken(ANY_REPO_TOKEN, {
    repositories: '*',
    permissions: { issues: 'write', metadata: 'read' },
  });
  emulator.addToken(HUMAN_TOKEN, {
    login: HUMAN_LOGIN,
    repositories: [REPO],
    permissions: { issues: 'write', metadata: 'read' },
  });
  return emulator;
}

/** Client options of the suites: no write delay, near-instant retries, the default (3) retry count. */
export const FAST_CLIENT: Partial<GitHubClientOptions> = { writeDelayMs: 0, retryBaseMs: 1 };

export interface SyncRunOptions {
  repository?: string;
  token?: string;
  /** Merged over FAST_CLIENT. */
  client?: Partial<GitHubClientOptions>;
  /** Merged over the policy the engine would resolve for this state (config row included). */
  policy?: Partial<SyncPolicy>;
  dryRun?: boolean;
  runId?: string;
  log?: Logger;
  checkpointMs?: number;
  /** How much of the platform the run reads (default full, like runIssueSync). */
  reconcile?: ReconcileMode;
  /**
   * The engine's clock (default the real one). Set it together with the emulator's `now`: the tracker's
   * `serverTime()` (the platform's clock, read from the Date header) then comes from the same clock, whether or not
   * the emulator's Date header follows its injected clock.
   */
  now?: () => Date;
  /** Wraps the opened store, e.g. to stop saving once the simulated process has died. */
  wrapStore?: (store: StateStore) => StateStore;
}

let runCounter = 0;

/** A temporary folder with one state file (and optionally feature specifications). */
export class Scenario {
  private constructor(readonly dir: string) {}

  static async create(
    stateBytes: Uint8Array | string,
    features: Record<string, string> = {},
  ): Promise<Scenario> {
    const scenario = new Scenario(await mkdtemp(path.join(os.tmpdir(), 'og-reliability-')));
    await writeFile(scenario.stateFile, stateBytes);
    for (const [name, text] of Object.entries(features)) await scenario.writeFeature(name, text);
    return scenario;
  }

  private features = false;

  get stateFile(): string {
    return path.join(this.dir, STATE_FILE);
  }

  /** The features folder, once a feature file was written. */
  get featuresDir(): string | null {
    return this.features ? path.join(this.dir, FEATURES_DIR) : null;
  }

  /** Writes (or replaces) a feature specification file; `name` is relative to the features folder. */
  async writeFeature(name: string, text: string): Promise<void> {
    const file = path.join(this.dir, FEATURES_DIR, ...name.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
    this.features = true;
  }

  /** A copy of this scenario's folder (state file and features), for a second, independent runner. */
  async copy(): Promise<Scenario> {
    const other = new Scenario(await mkdtemp(path.join(os.tmpdir(), 'og-reliability-')));
    await writeFile(other.stateFile, await readFile(this.stateFile));
    if (this.featuresDir) {
      await cp(this.featuresDir, path.join(other.dir, FEATURES_DIR), { recursive: true });
      other.features = true;
    }
    return other;
  }

  readState(): Promise<Buffer> {
    return readFile(this.stateFile);
  }

  async writeState(bytes: Uint8Array): Promise<void> {
    await writeFile(this.stateFile, bytes);
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }

  /** The policy the engine resolves for this state (inputs: the write token and the emulator; config row honoured). */
  async policy(emulator: GitHubEmulator, overrides: Partial<SyncPolicy> = {}): Promise<SyncPolicy> {
    const store = await this.open();
    try {
      return { ...resolvePolicy(store, emulator), ...overrides };
    } finally {
      store.close();
    }
  }

  open(): Promise<StateStore> {
    return openStateStore({ stateFile: this.stateFile, featuresDir: this.featuresDir });
  }

  /** One run of the real engine, in-process, with a tracker built from `options.client`. */
  async sync(emulator: GitHubEmulator, options: SyncRunOptions = {}): Promise<SyncOutcome> {
    const opened = await this.open();
    const store = options.wrapStore ? options.wrapStore(opened) : opened;
    try {
      const real = new GitHubIssueTracker(options.repository ?? REPO, {
        token: options.token ?? TOKEN,
        baseUrl: emulator.url,
        ...FAST_CLIENT,
        ...options.client,
      });
      const now = options.now;
      // The engine reads the platform's clock from the Date header (serverTime) where the adapter offers it.
      const tracker = now
        ? new Proxy(real, {
            get: (target, property, receiver) =>
              property === 'serverTime'
                ? () => now().toUTCString()
                : (Reflect.get(target, property, receiver) as unknown),
          })
        : real;
      runCounter += 1;
      return await runIssueSync({
        store,
        tracker,
        policy: { ...resolvePolicy(opened, emulator, options.repository), ...options.policy },
        dryRun: options.dryRun ?? false,
        runId: options.runId ?? `reliability-${runCounter}`,
        log: options.log ?? silentLogger,
        ...(options.checkpointMs !== undefined ? { checkpointMs: options.checkpointMs } : {}),
        ...(options.reconcile !== undefined ? { reconcile: options.reconcile } : {}),
        ...(options.now !== undefined ? { now: options.now } : {}),
      });
    } finally {
      opened.close();
    }
  }
}

function resolvePolicy(store: StateStore, emulator: GitHubEmulator, repository = REPO): SyncPolicy {
  return resolveIssueSyncConfig({
    inputs: {
      repository,
      token: TOKEN,
      'api-url': emulator.url,
      'write-delay-ms': '0',
      'state-file': STATE_FILE,
    },
    configRow: settingsFromConfigRow(store.state.config, {}),
    file: {},
    env: {},
    issueTemplate: store.state.config?.issueTemplate ?? null,
  }).policy;
}

/** A Logger that keeps every line. */
export function recordingLogger(): { log: Logger; lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  const log: Logger = {
    info: (message) => lines.push({ level: 'info', message }),
    warning: (message) => lines.push({ level: 'warning', message }),
    error: (message) => lines.push({ level: 'error', message }),
    debug: (message) => lines.push({ level: 'debug', message }),
    group: (_name, body) => body(),
  };
  return { log, lines };
}

// ---- the platform side -----------------------------------------------------------------------------------------

/** Issues of a repository (pull requests excluded). */
export function issuesOf(emulator: GitHubEmulator, repo = REPO): IssueJson[] {
  return emulator.listIssues(repo).filter((issue) => !issue.pull_request);
}

/** The item key of an issue's marker (the engine's own reading), or null. */
export function itemKeyOf(issue: { body: string | null }): string | null {
  const marker = readMarker(issue.body);
  return marker.kind === 'marker' ? marker.itemKey : null;
}

/** Item key → numbers of the issues carrying its marker. */
export function issuesByKey(emulator: GitHubEmulator, repo = REPO): Map<string, number[]> {
  const byKey = new Map<string, number[]>();
  for (const issue of issuesOf(emulator, repo)) {
    const key = itemKeyOf(issue);
    if (key === null) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), issue.number]);
  }
  return byKey;
}

/** Requests that change something on the platform. */
export function writesOf(requests: RecordedRequest[]): RecordedRequest[] {
  return requests.filter((request) => request.method !== 'GET' && request.method !== 'HEAD');
}

export function describeRequests(requests: RecordedRequest[]): string[] {
  return requests.map((request) => `${request.method} ${request.path} → ${request.status}`);
}

/** Writes the platform refused or failed (status 400 and up) other than those an injected fault answered. */
export function refusedWrites(requests: RecordedRequest[]): RecordedRequest[] {
  return writesOf(requests).filter((request) => request.status >= 400 && request.fault === undefined);
}

// ---- the state side ---------------------------------------------------------------------------------------------

/** Rows of a query on a state database file. */
export async function querySql(file: string, sql: string, params: SqlValue[] = []): Promise<Row[]> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database(await readFile(file));
  try {
    const statement = db.prepare(sql);
    const rows: Row[] = [];
    try {
      statement.bind(params);
      while (statement.step()) rows.push(statement.getAsObject() as Row);
    } finally {
      statement.free();
    }
    return rows;
  } finally {
    db.close();
  }
}

/** Runs SQL on a state database file and writes it back: the orchestrator changing its state between syncs. */
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

/** Opens the state file the way the engine does (and closes it); for SQLite also runs `PRAGMA integrity_check`. */
export async function expectStateOpens(file: string): Promise<OrchestratorState> {
  const store = await openStateStore({ stateFile: file });
  const state = store.state;
  store.close();
  const bytes = await readFile(file);
  if (bytes.subarray(0, 16).toString('latin1') === 'SQLite format 3\u0000') {
    const rows = await querySql(file, 'PRAGMA integrity_check');
    expect(rows.map((row) => row.integrity_check)).toEqual(['ok']);
  }
  return state;
}

/** The links the state file holds for a repository: the links table of a database, `links` of a JSON export. */
export async function linksOf(
  file: string,
  repo = REPO,
): Promise<{ key: string; number: number; status: string }[]> {
  const bytes = await readFile(file);
  if (bytes.subarray(0, 16).toString('latin1') !== 'SQLite format 3\u0000') {
    const doc = JSON.parse(bytes.toString('utf8')) as {
      links?: {
        featureId: string | null;
        taskId: string | null;
        platform: string;
        repository: string;
        issueNumber: number;
        syncStatus: string;
      }[];
    };
    return (doc.links ?? [])
      .filter((link) => link.platform === 'github' && link.repository === repo)
      .map((link) => ({
        key: link.taskId !== null ? `task:${link.taskId}` : `feature:${String(link.featureId)}`,
        number: link.issueNumber,
        status: link.syncStatus,
      }));
  }
  const table = await querySql(
    file,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'feature_issue_links'",
  );
  if (table.length === 0) return [];
  const rows = await querySql(
    file,
    'SELECT feature_id, task_id, issue_number, sync_status FROM feature_issue_links WHERE platform = ? AND repository = ? ORDER BY id',
    ['github', repo],
  );
  return rows.map((row) => ({
    key:
      row.task_id !== null && row.task_id !== ''
        ? `task:${String(row.task_id)}`
        : `feature:${String(row.feature_id)}`,
    number: Number(row.issue_number),
    status: String(row.sync_status),
  }));
}

/** The item keys the policy wants an issue for, read from the state file as the engine reads it. */
export async function desiredKeys(scenario: Scenario, policy: SyncPolicy): Promise<string[]> {
  const store = await scenario.open();
  try {
    return deriveDesiredState(store.state, policy).issues.map((issue) => issue.itemKey);
  } finally {
    store.close();
  }
}

/**
 * The end state every suite asks for, after a fault-free sync:
 * - each expected key has exactly one issue, and no other key has more than one;
 * - the links table has exactly one row per expected key, synced, naming that issue;
 * - a further sync plans nothing, writes nothing, and leaves the state file byte-identical.
 */
export async function expectConsistent(
  scenario: Scenario,
  emulator: GitHubEmulator,
  expected: string[],
  options: SyncRunOptions = {},
): Promise<void> {
  const repo = options.repository ?? REPO;
  const byKey = issuesByKey(emulator, repo);
  const counts = Object.fromEntries([...byKey].map(([key, numbers]) => [key, numbers.length]));
  expect(Object.fromEntries(expected.map((key) => [key, counts[key] ?? 0]))).toEqual(
    Object.fromEntries(expected.map((key) => [key, 1])),
  );
  for (const [key, numbers] of byKey) expect({ key, count: numbers.length }).toEqual({ key, count: 1 });

  await expectStateOpens(scenario.stateFile);
  const links = (await linksOf(scenario.stateFile, repo)).filter((link) => expected.includes(link.key));
  expect(links.map((link) => link.key).sort()).toEqual([...expected].sort());
  for (const link of links) {
    expect({ key: link.key, number: link.number, status: link.status }).toEqual({
      key: link.key,
      number: byKey.get(link.key)?.[0],
      status: 'synced',
    });
  }
  await expectNoOp(scenario, emulator, options);
}

/** A sync that plans nothing, writes nothing and leaves the state file byte-identical. */
export async function expectNoOp(
  scenario: Scenario,
  emulator: GitHubEmulator,
  options: SyncRunOptions = {},
): Promise<SyncOutcome> {
  const before = await scenario.readState();
  const from = emulator.requests.length;
  const outcome = await scenario.sync(emulator, options);
  expect(outcome.plan.operations.map((operation) => operation.kind)).toEqual([]);
  expect(describeRequests(writesOf(emulator.requests.slice(from)))).toEqual([]);
  expect(outcome.stateSaved).toBe(false);
  expect((await scenario.readState()).equals(before)).toBe(true);
  return outcome;
}

/** Waits until every request the emulator received has been answered or dropped (e.g. a delayed write landing). */
export async function settle(emulator: GitHubEmulator, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (emulator.requests.some((request) => request.durationMs === 0 && request.status === 0)) {
    if (Date.now() > deadline) throw new Error('the emulator still has requests in flight');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A feature specification file in the orchestrator's format. */
export function featureFile(
  id: string,
  title: string,
  fields: Record<string, string> = {},
  body = '',
): string {
  const header = Object.entries({ 'Feature ID': `\`${id}\``, Priority: 'Medium', ...fields })
    .map(([name, value]) => `**${name}**: ${value}  `)
    .join('\n');
  return `# ${title}\n\n${header}\n\n## Overview\n\n${body || `Summary of ${title}.`}\n`;
}

// ---- replaying a platform state, and running iterations side by side ----------------------------------------

/** A write as the emulator recorded it, enough to send it again. */
export interface RecordedWrite {
  method: string;
  path: string;
  body: unknown;
}

/** The successful writes among recorded requests, in order: replayed on a fresh emulator they rebuild its state. */
export function successfulWrites(requests: RecordedRequest[]): RecordedWrite[] {
  return writesOf(requests)
    .filter((request) => request.status >= 200 && request.status < 300)
    .map((request) => ({ method: request.method, path: request.path, body: request.requestBody }));
}

/**
 * Sends recorded writes to an emulator with plain fetch (no Octokit: a few milliseconds each). The emulator numbers
 * issues and milestones in order, so the replay reproduces the numbers the state file's links name.
 */
export async function replayWrites(
  emulator: GitHubEmulator,
  writes: RecordedWrite[],
  token = TOKEN,
): Promise<void> {
  for (const write of writes) {
    const response = await fetch(`${emulator.url}${write.path}`, {
      method: write.method,
      headers: {
        authorization: `token ${token}`,
        'user-agent': 'orchestrator-git-reliability-replay',
        accept: 'application/vnd.github+json',
        'content-type': 'application/json',
      },
      body: write.body === undefined ? undefined : JSON.stringify(write.body),
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`replay of ${write.method} ${write.path} answered ${response.status}`);
  }
  emulator.clearRequests();
}

/**
 * Runs `body` for every item with at most `limit` running at once. Most of a sync's time is spent waiting on timers
 * in the client's request scheduling, so independent iterations (each with its own emulator) overlap well.
 */
export async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  body: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await body(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** The message of whatever was thrown (for collecting per-iteration failures). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An issue opened by a person (through the API, with their own token); returns its number. */
export async function humanCreatesIssue(
  emulator: GitHubEmulator,
  title: string,
  body: string,
  repo = REPO,
): Promise<number> {
  const response = await fetch(`${emulator.url}/repos/${repo}/issues`, {
    method: 'POST',
    headers: {
      authorization: `token ${HUMAN_TOKEN}`,
      'user-agent': 'orchestrator-git-reliability-human',
      accept: 'application/vnd.github+json',
      'content-type': 'application/json',
    },
    body: JSON.stringify({ title, body }),
  });
  const data = (await response.json()) as { number: number };
  if (!response.ok) throw new Error(`creating a human issue answered ${response.status}`);
  return data.number;
}
