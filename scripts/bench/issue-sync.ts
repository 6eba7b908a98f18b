/**
 * The issue-sync scenarios on one platform at one size: first sync, no-op re-syncs (incremental and full), 1% of
 * items changed, and the naive per-item baseline on the same emulator, each sync in a child process of its own.
 */
import path from 'node:path';
import type { PlatformName } from '../../src/platforms/types.js';
import { runWorker } from './jobs.js';
import { BENCH_REPOSITORY, START_PLATFORM, type BenchPlatform } from './platforms.js';
import {
  changedVerdict,
  countRequests,
  fullReconcileVerdict,
  largeNoOpVerdict,
  noOpVerdict,
  ratioVerdict,
  type ScenarioResult,
  type Verdict,
} from './results.js';
import { progressOnePercent, writeBenchState } from './state.js';

/**
 * How the naive baseline is had at this size: run over the first `sample` items (scaled to N when fewer: it costs
 * the same per item), estimated from a run at a smaller N, or left out.
 */
export type NaivePlan =
  { kind: 'run'; sample: number } | { kind: 'estimate'; perItemMs: number; fromN: number } | { kind: 'skip' };

export interface IssueSyncSuiteOptions {
  platform: PlatformName;
  n: number;
  latencyMs: number;
  /**
   * How the platform gets its issues before the measured runs. `none`: a first sync at the latency, measured.
   * `tool`: the tool's first sync without waiting for the latency (the emulator's clock still moves on by it per
   * request, so the issues' timestamps are those of a first sync at that latency). `direct` (GitHub only): the issues
   * of the tool's own plan posted straight to the emulator, all but the last, which the tool's first run (measured)
   * creates while it adopts the others by their markers.
   */
  seed: 'none' | 'tool' | 'direct';
  naive: NaivePlan;
  workdir: string;
  progress: (message: string) => void;
}

export interface IssueSyncSuiteResult {
  scenarios: ScenarioResult[];
  /** Time per item of the naive baseline, when it ran (for estimating it at larger sizes). */
  naivePerItemMs: number | null;
}

/** From N = 10,000, the no-op run is also held to a time and memory budget. */
const LARGE_N = 10_000;

export async function runIssueSyncSuite(options: IssueSyncSuiteOptions): Promise<IssueSyncSuiteResult> {
  const { platform: name, n, latencyMs, workdir } = options;
  const platform = await START_PLATFORM[name]();
  const scenarios: ScenarioResult[] = [];
  const stateFile = path.join(workdir, `state-${name}-${n}.db`);
  let runs = 0;
  const scenario = (
    { name: label, ...fields }: Pick<ScenarioResult, 'name'> & Partial<ScenarioResult>,
    verdict: Verdict | null,
  ): ScenarioResult => ({
    name: label,
    group: 'issue-sync',
    platform: name,
    n,
    latencyMs,
    requests: null,
    wallMs: null,
    peakRssMb: null,
    status: 'measured',
    note: null,
    detail: {},
    ...fields,
    target: verdict?.target ?? null,
    met: verdict?.met ?? null,
  });

  const sync = async (
    label: string,
    reconcile: 'full' | 'incremental',
    judge: (measured: Omit<ScenarioResult, 'target' | 'met'>) => Verdict | null,
    seeding = false,
  ): Promise<ScenarioResult> => {
    platform.setLatency(latencyMs, seeding ? 'clock' : 'real');
    platform.clearRequests();
    const result = await runWorker(
      {
        kind: 'sync',
        inputs: platform.inputs({ 'state-file': stateFile, reconcile }),
        env: {},
        cwd: workdir,
        runId: `bench-${name}-${n}-${(runs += 1)}`,
      },
      workdir,
    );
    const measured = scenario(
      {
        name: label,
        latencyMs: seeding ? 0 : latencyMs,
        requests: countRequests(platform.requests()),
        wallMs: result.wallMs,
        peakRssMb: result.peakRssMb,
        detail: result.detail,
      },
      null,
    );
    const verdict = judge(measured);
    const done = { ...measured, target: verdict?.target ?? null, met: verdict?.met ?? null };
    scenarios.push(done);
    options.progress(
      `${name} N=${n} ${label}: ${done.requests?.total} requests, ${Math.round(result.wallMs)} ms${verdict ? (verdict.met ? ' (met)' : ' (MISSED)') : ''}`,
    );
    platform.later();
    return done;
  };
  const noOp = (measured: Omit<ScenarioResult, 'target' | 'met'>): Verdict | null => {
    if (!measured.requests) return null;
    return n >= LARGE_N && measured.wallMs !== null && measured.peakRssMb !== null
      ? largeNoOpVerdict(measured.requests, measured.wallMs, measured.peakRssMb)
      : noOpVerdict(measured.requests);
  };

  try {
    await writeBenchState(stateFile, n);
    if (options.seed === 'direct') {
      platform.setLatency(latencyMs, 'clock');
      const seeded = await runWorker(
        {
          kind: 'seed',
          stateFile,
          url: platform.url,
          token: platform.token,
          repository: BENCH_REPOSITORY,
          leaveOut: 1,
        },
        workdir,
      );
      options.progress(
        `${name} N=${n} seeded ${seeded.detail.posted} issues in ${Math.round(seeded.wallMs)} ms`,
      );
      platform.later();
      const first = await sync(
        `first sync completing a seeded one (adopts ${n - 1}, creates 1)`,
        'full',
        () => null,
      );
      if (first.detail.created !== 1 || first.detail.updated !== 0) {
        throw new Error(`the seeded issues do not match the tool's plan: ${JSON.stringify(first.detail)}`);
      }
    } else {
      await sync(
        options.seed === 'tool' ? 'first sync (seeding: no latency)' : 'first sync',
        'full',
        () => null,
        options.seed === 'tool',
      );
    }
    const incremental = await sync('no-op re-sync (incremental)', 'incremental', noOp);
    await sync('no-op full reconcile', 'full', (measured) =>
      measured.requests ? fullReconcileVerdict(n, measured.requests) : null,
    );
    const changed = await progressOnePercent(stateFile);
    await sync(`1% changed (${changed} items, incremental)`, 'incremental', (measured) =>
      measured.requests ? changedVerdict(changed, measured.requests) : null,
    );
    await sync('no-op after change (incremental)', 'incremental', noOp);

    const engineRequests = incremental.requests?.total ?? 0;
    const naive = await naiveBaseline(platform, options, workdir);
    if (naive) {
      const ratio = ratioVerdict(naive.requests?.total ?? 0, engineRequests);
      scenarios.push(
        scenario(
          {
            ...naive,
            note: `${Math.round(ratio.ratio)}× the requests of the no-op re-sync`,
            detail: { ...naive.detail, ratioToNoOp: Math.round(ratio.ratio) },
          },
          n >= 1000 ? ratio : null,
        ),
      );
      options.progress(
        `${name} N=${n} naive: ${naive.requests?.total} requests, ${Math.round(naive.wallMs ?? 0)} ms`,
      );
    }
    const naiveMs = naive?.status === 'measured' || naive?.status === undefined ? naive?.wallMs : undefined;
    return { scenarios, naivePerItemMs: typeof naiveMs === 'number' ? naiveMs / n : null };
  } finally {
    await platform.stop();
  }
}

async function naiveBaseline(
  platform: BenchPlatform,
  options: IssueSyncSuiteOptions,
  workdir: string,
): Promise<(Partial<ScenarioResult> & { name: string }) | null> {
  const { naive, n, latencyMs } = options;
  const name = 'naive per-item re-sync';
  if (naive.kind === 'skip') return null;
  if (naive.kind === 'estimate') {
    const total = 2 * n;
    return {
      group: 'naive',
      name,
      status: 'estimated',
      requests: { total, reads: n, writes: n, graphql: 0, notModified: 0, oneOff: 0 },
      wallMs: naive.perItemMs * n,
      detail: { fromN: naive.fromN, perItemMs: Number(naive.perItemMs.toFixed(2)) },
    };
  }
  platform.setLatency(latencyMs);
  platform.clearRequests();
  const numbers = platform.issueNumbers().slice(0, Math.min(n, naive.sample));
  const result = await runWorker(
    {
      kind: 'naive',
      platform: platform.name,
      url: platform.url,
      token: platform.token,
      repository: BENCH_REPOSITORY,
      numbers,
    },
    workdir,
  );
  const measured = countRequests(platform.requests());
  if (numbers.length === n) {
    return {
      group: 'naive',
      name,
      requests: measured,
      wallMs: result.wallMs,
      peakRssMb: result.peakRssMb,
      detail: result.detail,
    };
  }
  const scale = n / numbers.length;
  return {
    group: 'naive',
    name,
    status: 'estimated',
    requests: {
      total: Math.round(measured.total * scale),
      reads: Math.round(measured.reads * scale),
      writes: Math.round(measured.writes * scale),
      graphql: Math.round(measured.graphql * scale),
      notModified: Math.round(measured.notModified * scale),
      oneOff: 0,
    },
    wallMs: result.wallMs * scale,
    peakRssMb: result.peakRssMb,
    detail: {
      ...result.detail,
      sampled: numbers.length,
      sampleRequests: measured.total,
      sampleMs: Math.round(result.wallMs),
    },
  };
}
