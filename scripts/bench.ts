/**
 * `npm run bench`: API economy and speed of orchestrator-git against the local GitHub, GitLab and Bitbucket
 * emulators with a latency per request, beside a naive per-item baseline on the same emulators; loading a large
 * state; the action's cold start and bundle sizes; the changelog baseline. Writes reports/bench.json and
 * docs/benchmarks.md. Knobs (environment): see `settingsFromEnv` and docs/benchmarks.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PlatformName } from '../src/platforms/types.js';
import { buildLargeV2GenericDatabase } from '../test-support/fixtures/build-db.js';
import { repositoryRoot } from '../test-support/repository-root.js';
import { measureChangelogs } from './bench/changelog.js';
import { measureBundles, measureColdStart } from './bench/cold-start.js';
import { runIssueSyncSuite, type NaivePlan } from './bench/issue-sync.js';
import { runWorker } from './bench/jobs.js';
import {
  renderMarkdown,
  stateLoadVerdict,
  type BenchResults,
  type BenchSettings,
  type MachineDescription,
  type ScenarioGroup,
  type ScenarioResult,
} from './bench/results.js';

function numbers(value: string | undefined, fallback: number[]): number[] {
  if (value === undefined || value.trim() === '') return fallback;
  return value
    .split(',')
    .map((part) => Number(part.trim()))
    .filter((part) => Number.isFinite(part) && part > 0);
}

function settingsFromEnv(env: NodeJS.ProcessEnv): BenchSettings & {
  platforms: PlatformName[];
  skip: Set<string>;
} {
  const platforms = (env.BENCH_PLATFORMS ?? 'github,gitlab,bitbucket')
    .split(',')
    .map((part) => part.trim())
    .filter((part): part is PlatformName => ['github', 'gitlab', 'bitbucket'].includes(part));
  return {
    latencyMs: Number(env.BENCH_LATENCY_MS ?? 30),
    sizes: numbers(env.BENCH_SIZES, [10, 100, 1000, 10_000]),
    platformSizes: numbers(env.BENCH_PLATFORM_SIZES, [1000]),
    seedAboveN: Number(env.BENCH_SEED_ABOVE ?? 10_000),
    naiveUpToN: Number(env.BENCH_NAIVE_UP_TO ?? 1000),
    platformNaiveSample: Number(env.BENCH_PLATFORM_NAIVE_SAMPLE ?? 200),
    coldStartRuns: Number(env.BENCH_COLD_RUNS ?? 7),
    changelogCommits: numbers(env.BENCH_CHANGELOG_COMMITS, [1000, 10_000]),
    stateTasks: Number(env.BENCH_STATE_TASKS ?? 100_000),
    platforms,
    skip: new Set((env.BENCH_SKIP ?? '').split(',').map((part) => part.trim())),
  };
}

function describeMachine(loadAtStart: number): MachineDescription {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown CPU',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAverage: { start: loadAtStart, end: os.loadavg()[0] ?? 0 },
  };
}

const started = performance.now();
function progress(message: string): void {
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
}

function notBuilt(group: ScenarioGroup, name: string, note: string, n: number | null = null): ScenarioResult {
  return {
    name,
    group,
    platform: null,
    n,
    latencyMs: null,
    requests: null,
    wallMs: null,
    peakRssMb: null,
    target: null,
    met: null,
    status: 'not-built',
    note,
    detail: {},
  };
}

async function measureStateLoad(workdir: string, tasks: number): Promise<ScenarioResult[]> {
  const file = path.join(workdir, 'large-state.db');
  writeFileSync(file, await buildLargeV2GenericDatabase(tasks));
  const results: ScenarioResult[] = [];
  for (const policy of ['top-level', 'all'] as const) {
    const result = await runWorker({ kind: 'state', file, tasks: policy }, workdir);
    const verdict = policy === 'top-level' ? stateLoadVerdict(result.wallMs) : null;
    const { loadMs, deriveMs, diffMs, issues } = result.detail;
    results.push({
      name: `load + derive + diff (tasks: ${policy})`,
      group: 'state',
      platform: null,
      n: tasks,
      latencyMs: null,
      requests: null,
      wallMs: result.wallMs,
      peakRssMb: result.peakRssMb,
      target: verdict?.target ?? null,
      met: verdict?.met ?? null,
      status: 'measured',
      note: `load ${loadMs} ms, derive ${deriveMs} ms, diff ${diffMs} ms; ${issues} issues`,
      detail: result.detail,
    });
    progress(`state: ${tasks} tasks (${policy}): ${Math.round(result.wallMs)} ms`);
  }
  return results;
}

async function main(): Promise<void> {
  const loadAtStart = os.loadavg()[0] ?? 0;
  const settings = settingsFromEnv(process.env);
  const { platforms, skip, ...recorded } = settings;
  const root = repositoryRoot(import.meta.url);
  const workdir = mkdtempSync(path.join(os.tmpdir(), 'orchestrator-git-bench-'));
  const scenarios: ScenarioResult[] = [];
  try {
    if (!skip.has('bundle')) scenarios.push(...measureBundles(root));
    if (!skip.has('cold-start')) {
      scenarios.push(
        ...(await measureColdStart({
          root,
          workdir,
          runs: settings.coldStartRuns,
          items: 100,
          latencyMs: settings.latencyMs,
          progress,
        })),
      );
    }
    if (!skip.has('state')) scenarios.push(...(await measureStateLoad(workdir, settings.stateTasks)));
    if (!skip.has('changelog')) {
      scenarios.push(
        ...(await measureChangelogs({ root, workdir, commits: settings.changelogCommits, progress })),
      );
    }
    scenarios.push(
      notBuilt(
        'board-sync',
        'board-sync no-op run',
        'not in the bench yet: __tests__/e2e/board-sync.test.ts asserts at most 6 GraphQL requests for 500 cards',
      ),
    );

    if (!skip.has('issue-sync')) {
      for (const platform of platforms) {
        const sizes = platform === 'github' ? settings.sizes : settings.platformSizes;
        let naiveMeasured: { perItemMs: number; fromN: number } | null = null;
        for (const n of [...sizes].sort((a, b) => a - b)) {
          const naive: NaivePlan =
            platform !== 'github'
              ? { kind: 'run', sample: settings.platformNaiveSample }
              : n <= settings.naiveUpToN
                ? { kind: 'run', sample: n }
                : naiveMeasured
                  ? { kind: 'estimate', ...naiveMeasured }
                  : { kind: 'skip' };
          const suite = await runIssueSyncSuite({
            platform,
            n,
            latencyMs: settings.latencyMs,
            seed: platform !== 'github' ? 'tool' : n >= settings.seedAboveN ? 'direct' : 'none',
            naive,
            workdir,
            progress,
          });
          scenarios.push(...suite.scenarios);
          if (suite.naivePerItemMs !== null) naiveMeasured = { perItemMs: suite.naivePerItemMs, fromN: n };
        }
      }
    }
  } finally {
    rmSync(workdir, { recursive: true, force: true });
  }

  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    machine: describeMachine(loadAtStart),
    settings: recorded,
    totalMs: performance.now() - started,
    scenarios,
  };
  mkdirSync(path.join(root, 'reports'), { recursive: true });
  writeFileSync(path.join(root, 'reports', 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
  const markdown = renderMarkdown(results);
  writeFileSync(path.join(root, 'docs', 'benchmarks.md'), markdown);
  process.stdout.write(markdown);
  const missed = scenarios.filter((result) => result.met === false);
  progress(`done: ${missed.length} targets missed; reports/bench.json and docs/benchmarks.md written`);
}

await main();
