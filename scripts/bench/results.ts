/**
 * The benchmark's results file (reports/bench.json) and its pure parts: how requests are counted, what each target
 * is and whether a measurement meets it, and the Markdown page (docs/benchmarks.md) rendered from the results.
 */
import type { PlatformName } from '../../src/platforms/types.js';

/** Requests as the emulator saw them on the wire. */
export interface RequestCounts {
  total: number;
  /** GET and HEAD, conditional ones included. */
  reads: number;
  /** Every other method, GraphQL excluded. */
  writes: number;
  /** POST /graphql (a query or a mutation). */
  graphql: number;
  /** Conditional reads answered 304 Not Modified. */
  notModified: number;
  /** Writes that create a label or a milestone (one-off: the next run finds them). */
  oneOff: number;
}

export type ScenarioGroup =
  'issue-sync' | 'naive' | 'board-sync' | 'changelog' | 'state' | 'cold-start' | 'bundle';

export interface ScenarioResult {
  group: ScenarioGroup;
  name: string;
  platform: PlatformName | null;
  /** Items (issues) or, for changelogs, commits; for the state scenario, tasks in the database. */
  n: number | null;
  /** The latency the emulator added to each response during this scenario; null when no emulator was involved. */
  latencyMs: number | null;
  requests: RequestCounts | null;
  wallMs: number | null;
  /** Largest resident set of the process that did the work (the sync runs in a child process of its own). */
  peakRssMb: number | null;
  /** The target this scenario is held to, in words; null when it has none. */
  target: string | null;
  met: boolean | null;
  /** `estimated`: computed from another measurement (see note); `not-built`: not measured by the bench (yet). */
  status: 'measured' | 'estimated' | 'not-built';
  note: string | null;
  /** Scenario-specific numbers (phases of a load, bytes of a bundle, …). */
  detail: Record<string, number | string>;
}

export interface MachineDescription {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  os: string;
  /** One-minute load average when the bench started and ended: other work on the machine skews wall times. */
  loadAverage: { start: number; end: number };
}

export interface BenchSettings {
  latencyMs: number;
  /** Item counts of the GitHub issue-sync scenarios. */
  sizes: number[];
  /** Item counts of the GitLab and Bitbucket scenarios. */
  platformSizes: number[];
  /** At and above this N, the first sync seeds the platform at 0 ms latency (a sequential first sync is minutes). */
  seedAboveN: number;
  /** Above this N, GitHub's naive baseline is estimated from the largest N it ran at instead of run. */
  naiveUpToN: number;
  /** GitLab's and Bitbucket's naive baseline runs over this many items, scaled to N. */
  platformNaiveSample: number;
  coldStartRuns: number;
  changelogCommits: number[];
  stateTasks: number;
}

export interface BenchResults {
  generatedAt: string;
  machine: MachineDescription;
  settings: BenchSettings;
  /** Wall time of the whole bench (without the build before it). */
  totalMs: number;
  scenarios: ScenarioResult[];
}

export interface WireRequest {
  method: string;
  path: string;
  status: number;
}

/** Counts requests the way the targets speak of them. */
export function countRequests(requests: readonly WireRequest[]): RequestCounts {
  const counts: RequestCounts = { total: 0, reads: 0, writes: 0, graphql: 0, notModified: 0, oneOff: 0 };
  for (const request of requests) {
    counts.total += 1;
    if (request.status === 304) counts.notModified += 1;
    if (/\/graphql$/.test(request.path)) counts.graphql += 1;
    else if (request.method === 'GET' || request.method === 'HEAD') counts.reads += 1;
    else {
      counts.writes += 1;
      if (request.method === 'POST' && /\/(labels|milestones)$/.test(request.path)) counts.oneOff += 1;
    }
  }
  return counts;
}

export interface Verdict {
  target: string;
  met: boolean;
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}

/** A run with nothing to do: at most two requests (one list page, and a second only when the first is full), no writes. */
export function noOpVerdict(requests: RequestCounts): Verdict {
  return { target: '≤ 2 requests, 0 writes', met: requests.total <= 2 && requests.writes === 0 };
}

/** The 10,000-item no-op: the request budget plus a time and memory budget. */
export function largeNoOpVerdict(requests: RequestCounts, wallMs: number, peakRssMb: number): Verdict {
  const base = noOpVerdict(requests);
  return {
    target: `${base.target}, < 2 s, < 256 MB RSS`,
    met: base.met && wallMs < 2000 && peakRssMb < 256,
  };
}

/** A full reconcile with nothing to do reads one page per 100 issues, plus at most three others. */
export function fullReconcileVerdict(n: number, requests: RequestCounts): Verdict {
  const budget = Math.ceil(n / 100) + 3;
  return { target: `≤ ${budget} requests, 0 writes`, met: requests.total <= budget && requests.writes === 0 };
}

/** k changed items cost exactly k writes, besides labels or milestones created once. */
export function changedVerdict(changed: number, requests: RequestCounts): Verdict {
  return {
    target: `${count(changed, 'write')} (+ one-off label/milestone creates)`,
    met: requests.writes - requests.oneOff === changed,
  };
}

/** The naive baseline over the engine's no-op run: at least 100 times as many requests. */
export function ratioVerdict(naive: number, engine: number): Verdict & { ratio: number } {
  const ratio = naive / Math.max(engine, 1);
  return { target: '≥ 100× fewer requests than naive', met: ratio >= 100, ratio };
}

export function coldStartDisabledVerdict(disabledMs: number, bareMs: number): Verdict {
  return { target: `≤ 1.5 × node -e 0 (${formatMs(bareMs * 1.5)})`, met: disabledMs <= bareMs * 1.5 };
}

export function coldStartNoOpVerdict(ownMs: number): Verdict {
  return { target: '< 300 ms plus network', met: ownMs < 300 };
}

export function stateLoadVerdict(ms: number): Verdict {
  return { target: '< 1 s load + derive + diff', met: ms < 1000 };
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  return String(value).replace(/\|/g, '\\|');
}

function verdictCell(result: ScenarioResult): string {
  if (result.status === 'not-built') return 'not in the bench yet';
  if (result.met === null) return '';
  return result.met ? `met (${result.target})` : `**missed** (${result.target})`;
}

function requestCells(requests: RequestCounts | null): string[] {
  if (!requests) return ['–', '–', '–', '–', '–'];
  return [requests.total, requests.reads, requests.writes, requests.graphql, requests.notModified].map(
    String,
  );
}

const PLATFORM_TITLES: Record<PlatformName, string> = {
  github: 'GitHub',
  gitlab: 'GitLab',
  bitbucket: 'Bitbucket Cloud',
};

function scenarioTable(results: readonly ScenarioResult[]): string[] {
  return [
    '| N | scenario | requests | reads | writes | GraphQL | 304 | wall time | peak RSS | target |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...results.map((result) =>
      [
        '',
        cell(result.n),
        cell(result.status === 'estimated' ? `${result.name} (estimated)` : result.name),
        ...requestCells(result.requests),
        cell(result.wallMs === null ? null : formatMs(result.wallMs)),
        cell(result.peakRssMb === null ? null : `${Math.round(result.peakRssMb)} MB`),
        cell(verdictCell(result)),
        '',
      ]
        .join(' | ')
        .trim(),
    ),
  ];
}

function otherTable(results: readonly ScenarioResult[]): string[] {
  return [
    '| scenario | N | wall time | peak RSS | result | target |',
    '|---|---:|---:|---:|---|---|',
    ...results.map((result) =>
      [
        '',
        cell(result.name),
        cell(result.n),
        cell(result.wallMs === null ? null : formatMs(result.wallMs)),
        cell(result.peakRssMb === null ? null : `${Math.round(result.peakRssMb)} MB`),
        cell(result.note),
        cell(verdictCell(result)),
        '',
      ]
        .join(' | ')
        .trim(),
    ),
  ];
}

function describeMachine(machine: MachineDescription): string {
  const load = `load average ${machine.loadAverage.start.toFixed(1)} at the start, ${machine.loadAverage.end.toFixed(1)} at the end`;
  return `${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB RAM, ${machine.os}, Node ${machine.node} (${load})`;
}

/** docs/benchmarks.md, from the results. */
export function renderMarkdown(results: BenchResults): string {
  const { settings, scenarios } = results;
  const targets = scenarios.filter((result) => result.met !== null);
  const missed = targets.filter((result) => !result.met);
  const lines: string[] = [
    '# Benchmarks',
    '',
    '<!-- Generated by `npm run bench`; do not edit by hand. -->',
    '',
    `Machine: ${describeMachine(results.machine)}.`,
    '',
    `Generated ${results.generatedAt.slice(0, 10)}; the whole bench took ${formatMs(results.totalMs)} (plus the build). Raw numbers:`,
    '`reports/bench.json`.',
    '',
    `**Targets: ${targets.length - missed.length} of ${targets.length} met.**` +
      (missed.length > 0 ? ` Missed: ${missed.map((result) => targetName(result)).join('; ')}.` : ''),
    '',
    ...targetTable(targets),
    '',
    '## How it is measured',
    '',
    `- issue-sync runs against the local emulators (GitHub, GitLab, Bitbucket Cloud) over real HTTP, each request`,
    `  held ${settings.latencyMs} ms (\`BENCH_LATENCY_MS\`). Requests are counted on the emulator's side: reads are GET/HEAD`,
    '  (304s included), writes every other method, GraphQL is POST /graphql; _one-off_ writes create a label or a',
    '  milestone (the next run finds it).',
    '- Each sync runs in a child process of its own, through the real entry (`executeIssueSync`, settings as the',
    "  action passes them), so _peak RSS_ is that process's maximum resident set: Node, the modules, the state and the",
    '  run. _Wall time_ is the run itself (open the state, read, plan, write, save), not the process start; the cold',
    "  start rows below measure that. The process keeps WebAssembly (sql.js) on V8's baseline compiler, as the actions'",
    '  entries do (`preferBaselineWasm` in src/state/sqlite.ts); so does the large-state job.',
    "- Runs are an hour apart on the emulator's clock, as runs in a repository are. A run that wrote issues reads",
    '  once more at its end, to check nothing but its own writes changed meanwhile; the next incremental read starts',
    '  after them.',
    '- _1% changed_ moves every 100th task to in progress in the state: each needs its issue read (human text below',
    '  the block is kept) and written once; the one-off write is the `status: in progress` label. Bitbucket has no',
    '  labels (kind, priority and workflow state instead); its one write per issue is a `PUT` carrying the workflow',
    '  state with the other fields.',
    `- Seeding. GitHub at N ≥ ${settings.seedAboveN.toLocaleString('en-US')}: the issues of the tool's own plan are posted straight to`,
    '  the emulator, all but one; the first measured run is the tool completing that first sync (it adopts the others',
    `  by their markers and creates the last). GitLab and Bitbucket: the tool's first sync, without waiting for the`,
    "  latency. Either way the emulator's clock moves on by the latency per request, so the issues carry the",
    `  timestamps a first sync at ${settings.latencyMs} ms would leave; every run after the seeding is measured at ${settings.latencyMs} ms.`,
    "- The naive baseline does what per-item sync tools do on every run: get each item's issue, then write it back,",
    '  one after the other, against the same emulator and issues. GitHub: run in full up to N =',
    `  ${settings.naiveUpToN.toLocaleString('en-US')}, above that estimated from the largest run (2 requests per item, at its time per item).`,
    `  GitLab and Bitbucket: run over the first ${settings.platformNaiveSample.toLocaleString('en-US')} items and scaled to N (marked _estimated_).`,
    '',
  ];
  const byPlatform = (platform: PlatformName) =>
    scenarios.filter(
      (result) => (result.group === 'issue-sync' || result.group === 'naive') && result.platform === platform,
    );
  for (const platform of ['github', 'gitlab', 'bitbucket'] as const) {
    const rows = byPlatform(platform);
    if (rows.length === 0) continue;
    lines.push(`## issue-sync on ${PLATFORM_TITLES[platform]}`, '', ...scenarioTable(rows), '');
  }
  const others = scenarios.filter((result) => result.group !== 'issue-sync' && result.group !== 'naive');
  const sections: [string, ScenarioGroup[]][] = [
    ['Board sync, changelog', ['board-sync', 'changelog']],
    ['Loading a large state', ['state']],
    ['Action cold start and bundles', ['cold-start', 'bundle']],
  ];
  for (const [title, groups] of sections) {
    const rows = others.filter((result) => groups.includes(result.group));
    if (rows.length === 0) continue;
    lines.push(`## ${title}`, '', ...otherTable(rows), '');
  }
  lines.push(
    '## Results file',
    '',
    '`reports/bench.json`:',
    '',
    '```',
    '{ generatedAt, machine: { cpus, cpuModel, memoryGiB, node, os, loadAverage: { start, end } }, settings, totalMs,',
    '  scenarios: [{ group, name, platform, n, latencyMs,',
    '               requests: { total, reads, writes, graphql, notModified, oneOff },',
    '               wallMs, peakRssMb, target, met, status, note, detail }] }',
    '```',
    '',
    '`met` is null where a scenario has no target; `status` is `measured`, `estimated` or `not-built`. The types are',
    'in `scripts/bench/results.ts`.',
    '',
    'Knobs: `BENCH_SIZES` (GitHub N, default `10,100,1000,10000`), `BENCH_PLATFORM_SIZES` (GitLab and Bitbucket N,',
    'default `1000`), `BENCH_PLATFORMS`, `BENCH_LATENCY_MS` (default 30), `BENCH_SEED_ABOVE`, `BENCH_NAIVE_UP_TO`,',
    '`BENCH_PLATFORM_NAIVE_SAMPLE`, `BENCH_COLD_RUNS`, `BENCH_CHANGELOG_COMMITS`, `BENCH_STATE_TASKS`, and',
    '`BENCH_SKIP` (any of `bundle`, `cold-start`, `state`, `changelog`, `issue-sync`).',
    '',
  );
  return lines.join('\n');
}

/** What each target scenario measured, in one cell. */
function measuredCell(result: ScenarioResult): string {
  const parts: string[] = [];
  if (result.requests) {
    parts.push(`${count(result.requests.total, 'request')}, ${count(result.requests.writes, 'write')}`);
  }
  if (result.group === 'naive' && typeof result.detail.ratioToNoOp === 'number') {
    parts.push(`${result.detail.ratioToNoOp}×`);
  }
  if (result.wallMs !== null) parts.push(formatMs(result.wallMs));
  if (result.peakRssMb !== null && result.group !== 'naive') parts.push(`${Math.round(result.peakRssMb)} MB`);
  return parts.join(', ');
}

function targetTable(targets: readonly ScenarioResult[]): string[] {
  if (targets.length === 0) return [];
  return [
    '| target | where | measured | |',
    '|---|---|---|---|',
    ...targets.map((result) =>
      [
        '',
        cell(result.target),
        cell(targetName(result)),
        cell(measuredCell(result)),
        result.met ? 'met' : '**missed**',
        '',
      ]
        .join(' | ')
        .trim(),
    ),
  ];
}

function targetName(result: ScenarioResult): string {
  const where = [
    result.platform ? PLATFORM_TITLES[result.platform] : null,
    result.n !== null ? `N = ${result.n}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return `${result.name}${where ? ` (${where})` : ''}`;
}
