/**
 * `npm run bench`: requests and wall time of issue-sync against the GitHub emulator with a per-request latency,
 * beside a naive per-item baseline in the same process. Writes reports/bench.json and docs/benchmarks.md.
 * Sizes and latency: BENCH_SIZES=10,100,1000 BENCH_LATENCY_MS=30.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getOctokit } from '@actions/github';
import { DEFAULT_POLICY } from '../src/core/policy.js';
import { silentLogger } from '../src/engine/logger.js';
import { runIssueSync, type SyncOutcome } from '../src/engine/sync.js';
import { GitHubIssueTracker } from '../src/platforms/github/issues.js';
import { loadSqlJs } from '../src/state/sqlite.js';
import { openStateStore } from '../src/state/store.js';
import { GitHubEmulator } from '../test-support/emulators/github/index.js';
import { buildDatabase, type Row } from '../test-support/fixtures/build-db.js';
import { repositoryRoot } from '../test-support/repository-root.js';

const REPOSITORY = 'bench/widgets';
const TOKEN = 'ghs_bench_token_not_a_secret';

interface Measurement {
  scenario: string;
  items: number;
  requests: number;
  writes: number;
  notModified: number;
  wallMs: number;
}

function taskRows(count: number): Row[] {
  return Array.from({ length: count }, (_, index) => ({
    task_id: `bench_${String(index).padStart(6, '0')}`,
    parent_task_id: null,
    title: `Benchmark task ${index}`,
    description: `Generated task ${index} for the benchmark.`,
    hierarchy_path: `/bench_${index}`,
    status: 'pending',
    specialist_type: ['implementer', 'tester', 'reviewer'][index % 3] ?? 'implementer',
    created_at: '2025-01-01 00:00:00',
  }));
}

/** Moves every 100th task to in progress, in place (the state keeps its sync records, as a real repository's does). */
async function progressOnePercent(file: string): Promise<number> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database(readFileSync(file));
  try {
    db.run(
      "UPDATE generic_tasks SET status = 'in_progress' WHERE (CAST(substr(task_id, 7) AS INTEGER) % 100) = 0",
    );
    const changed = db.getRowsModified();
    writeFileSync(file, db.export());
    return changed;
  } finally {
    db.close();
  }
}

async function writeState(file: string, count: number): Promise<void> {
  writeFileSync(file, await buildDatabase('v2-generic', { generic_tasks: taskRows(count) }));
}

async function measureSync(
  emulator: GitHubEmulator,
  stateFile: string,
  scenario: string,
  items: number,
  reconcile: 'full' | 'incremental',
): Promise<Measurement> {
  emulator.clearRequests();
  const store = await openStateStore({ stateFile });
  const tracker = new GitHubIssueTracker(REPOSITORY, {
    token: TOKEN,
    baseUrl: emulator.url,
    writeDelayMs: 0,
  });
  const started = performance.now();
  let outcome: SyncOutcome;
  try {
    outcome = await runIssueSync({
      store,
      tracker,
      policy: DEFAULT_POLICY,
      dryRun: false,
      runId: `bench-${scenario}`,
      log: silentLogger,
      reconcile,
    });
  } finally {
    store.close();
  }
  const wallMs = performance.now() - started;
  if (outcome.counts.failed) throw new Error(`${scenario}: ${outcome.counts.failed} operations failed`);
  return {
    scenario,
    items,
    requests: emulator.requests.length,
    writes: emulator.requests.filter((request) => request.method !== 'GET').length,
    notModified: emulator.requests.filter((request) => request.status === 304).length,
    wallMs,
  };
}

/** What per-item tools do on every run: fetch each item's issue, then write it back. */
async function measureNaive(emulator: GitHubEmulator, items: number): Promise<Measurement> {
  emulator.clearRequests();
  const octokit = getOctokit(TOKEN, { baseUrl: emulator.url });
  const issues = emulator.listIssues(REPOSITORY);
  const started = performance.now();
  for (const issue of issues.slice(0, items)) {
    const { data } = await octokit.rest.issues.get({
      owner: 'bench',
      repo: 'widgets',
      issue_number: issue.number,
    });
    await octokit.rest.issues.update({
      owner: 'bench',
      repo: 'widgets',
      issue_number: issue.number,
      body: data.body ?? '',
    });
  }
  return {
    scenario: 'naive per-item re-sync',
    items,
    requests: emulator.requests.length,
    writes: emulator.requests.filter((request) => request.method !== 'GET').length,
    notModified: 0,
    wallMs: performance.now() - started,
  };
}

async function main(): Promise<void> {
  const sizes = (process.env.BENCH_SIZES ?? '10,100,1000')
    .split(',')
    .map((size) => Number(size.trim()))
    .filter((size) => size > 0);
  const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 30);
  const results: Measurement[] = [];
  const workdir = mkdtempSync(path.join(os.tmpdir(), 'orchestrator-git-bench-'));
  try {
    for (const size of sizes) {
      // A clock that runs in real time within a run, and jumps an hour between runs: runs in a repository are hours
      // apart, not milliseconds, and `since` reads depend on it.
      const base = Date.parse('2026-01-05T09:00:00Z') - Date.now();
      let offset = 0;
      const emulator = await GitHubEmulator.start({
        latencyMs,
        secondaryLimits: false,
        rateLimit: { limit: 1_000_000 },
        now: () => Date.now() + base + offset,
      });
      const later = () => (offset += 3_600_000);
      try {
        emulator.addRepository(REPOSITORY);
        emulator.addToken(TOKEN, {
          repositories: [REPOSITORY],
          permissions: { issues: 'write', metadata: 'read' },
        });
        const stateFile = path.join(workdir, `state-${size}.db`);
        await writeState(stateFile, size);
        results.push(await measureSync(emulator, stateFile, 'first sync', size, 'full'));
        later();
        results.push(
          await measureSync(emulator, stateFile, 'no-op re-sync (incremental)', size, 'incremental'),
        );
        later();
        results.push(await measureSync(emulator, stateFile, 'no-op full reconcile', size, 'full'));
        const changed = await progressOnePercent(stateFile);
        later();
        results.push(
          await measureSync(
            emulator,
            stateFile,
            `1% changed (${changed} items, incremental)`,
            size,
            'incremental',
          ),
        );
        later();
        results.push(
          await measureSync(emulator, stateFile, 'no-op after change (incremental)', size, 'incremental'),
        );
        results.push(await measureNaive(emulator, size));
        process.stderr.write(`N=${size} done\n`);
      } finally {
        await emulator.stop();
      }
    }
  } finally {
    rmSync(workdir, { recursive: true, force: true });
  }

  const root = repositoryRoot(import.meta.url);
  mkdirSync(path.join(root, 'reports'), { recursive: true });
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  writeFileSync(
    path.join(root, 'reports', 'bench.json'),
    `${JSON.stringify({ latencyMs, machine, results }, null, 2)}\n`,
  );
  const lines = [
    '# Benchmarks',
    '',
    '<!-- Generated by `npm run bench`. -->',
    '',
    `issue-sync against the local GitHub emulator with ${latencyMs} ms added to every response; machine: ${machine}.`,
    'The naive baseline fetches and rewrites each issue, as per-item sync tools do on every run.',
    "Runs are an hour apart on the emulator's clock. A run that wrote issues reads once more at its end, to check",
    'that nothing but its own writes changed meanwhile; the next incremental read then starts after those writes.',
    '',
    '| N | scenario | requests | writes | wall time |',
    '|---:|---|---:|---:|---:|',
    ...results.map(
      (result) =>
        `| ${result.items} | ${result.scenario} | ${result.requests} | ${result.writes} | ${(result.wallMs / 1000).toFixed(2)} s |`,
    ),
    '',
  ];
  writeFileSync(path.join(root, 'docs', 'benchmarks.md'), lines.join('\n'));
  process.stdout.write(lines.join('\n'));
}

await main();
