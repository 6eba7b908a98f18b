/**
 * The bundled action as a runner starts it: `node dist/issue-sync/index.js` disabled (against bare `node -e 0`) and
 * on a no-op run against the GitHub emulator (less the time the emulator spent answering); and the bundles' sizes.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runWorker } from './jobs.js';
import { START_PLATFORM } from './platforms.js';
import {
  coldStartDisabledVerdict,
  coldStartNoOpVerdict,
  formatBytes,
  formatMs,
  median,
  type ScenarioResult,
} from './results.js';
import { writeBenchState } from './state.js';

interface Spawned {
  code: number | null;
  wallMs: number;
  stdout: string;
  stderr: string;
}

function timeNode(args: string[], options: { cwd: string; env: Record<string, string> }): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, wallMs: performance.now() - started, stdout, stderr }));
  });
}

/** dist/ may be being rebuilt (npm run package) while the bench runs: wait for the bundle to be back. */
async function waitForBundle(file: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${file} is missing (run npm run package)`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

const base = ({
  name,
  ...fields
}: Pick<ScenarioResult, 'name'> & Partial<ScenarioResult>): ScenarioResult => ({
  name,
  group: 'cold-start',
  platform: null,
  n: null,
  latencyMs: null,
  requests: null,
  wallMs: null,
  peakRssMb: null,
  target: null,
  met: null,
  status: 'measured',
  note: null,
  detail: {},
  ...fields,
});

export async function measureColdStart(options: {
  root: string;
  workdir: string;
  runs: number;
  items: number;
  latencyMs: number;
  progress: (message: string) => void;
}): Promise<ScenarioResult[]> {
  const { root, workdir, runs } = options;
  const bundle = path.join(root, 'dist', 'issue-sync', 'index.js');
  await waitForBundle(bundle);
  const results: ScenarioResult[] = [];

  // Every action whose bundle is built; their runs alternate with bare Node's, so load on the machine hits all alike.
  const actions = readdirSync(path.join(root, 'actions'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(root, 'dist', entry.name, 'index.js')))
    .map((entry) => entry.name)
    .sort();
  const bare: number[] = [];
  const disabled = new Map<string, number[]>(actions.map((action) => [action, []]));
  const failed = new Map<string, string>();
  for (let index = 0; index <= runs; index += 1) {
    const reference = await timeNode(['-e', '0'], { cwd: workdir, env: {} });
    // The first round warms the file cache; it is not counted.
    if (index > 0) bare.push(reference.wallMs);
    for (const action of actions) {
      if (failed.has(action)) continue;
      const run = await timeNode([path.join(root, 'dist', action, 'index.js')], {
        cwd: workdir,
        env: { INPUT_ENABLED: 'false' },
      });
      if (run.code !== 0)
        failed.set(action, `exited ${run.code}: ${(run.stderr || run.stdout).trim().slice(0, 200)}`);
      else if (index > 0) disabled.get(action)?.push(run.wallMs);
    }
  }
  const bareMs = median(bare);
  results.push(base({ name: 'node -e 0 (reference)', wallMs: bareMs, note: `median of ${runs}` }));
  for (const action of actions) {
    const failure = failed.get(action);
    const ms = median(disabled.get(action) ?? []);
    const verdict = failure
      ? { target: '≤ 1.5 × node -e 0', met: false }
      : coldStartDisabledVerdict(ms, bareMs);
    results.push(
      base({
        name: `${action}, enabled: false`,
        wallMs: failure ? null : ms,
        note: failure ?? `${(ms / bareMs).toFixed(2)} × node -e 0; median of ${runs}`,
        ...verdict,
      }),
    );
    options.progress(
      `cold start: node -e 0 ${formatMs(bareMs)}, ${action} disabled ${failure ?? formatMs(ms)}`,
    );
  }

  results.push(await measureNoOpRun({ ...options, bundle }));
  return results;
}

/** The bundle on a push-triggered (incremental) run with nothing to do, against the GitHub emulator at 0 ms latency. */
async function measureNoOpRun(options: {
  workdir: string;
  runs: number;
  items: number;
  latencyMs: number;
  bundle: string;
  progress: (message: string) => void;
}): Promise<ScenarioResult> {
  const { workdir, runs, items, bundle, latencyMs } = options;
  const platform = await START_PLATFORM.github();
  try {
    const workspace = path.join(workdir, 'cold-start');
    mkdirSync(path.join(workspace, '.runner'), { recursive: true });
    const stateFile = path.join(workspace, 'task_orchestrator.db');
    await writeBenchState(stateFile, items);
    // Seeded as a first sync at the bench's latency would leave it; the runs measured are at 0 ms.
    platform.setLatency(latencyMs, 'clock');
    await runWorker(
      {
        kind: 'sync',
        inputs: platform.inputs({ 'state-file': stateFile, reconcile: 'full' }),
        env: {},
        cwd: workspace,
        runId: 'bench-cold-start-seed',
      },
      workdir,
    );
    const output = path.join(workspace, '.runner', 'github-output');
    const summary = path.join(workspace, '.runner', 'step-summary.md');
    const env: Record<string, string> = {
      GITHUB_REPOSITORY: String(platform.inputs().repository),
      GITHUB_API_URL: platform.url,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_EVENT_NAME: 'push',
    };
    for (const [name, value] of Object.entries(platform.inputs({ 'state-file': 'task_orchestrator.db' })))
      env[`INPUT_${name.toUpperCase()}`] = String(value);

    platform.setLatency(0);
    const own: number[] = [];
    const walls: number[] = [];
    const network: number[] = [];
    const requestCounts: number[] = [];
    for (let index = 0; index <= runs; index += 1) {
      platform.later();
      writeFileSync(output, '');
      writeFileSync(summary, '');
      platform.clearRequests();
      const run = await timeNode([bundle], { cwd: workspace, env });
      if (run.code !== 0) throw new Error(`no-op run exited ${run.code}: ${run.stderr || run.stdout}`);
      const outputs = readFileSync(output, 'utf8');
      if (!/^unchanged<<[\w-]+\n(\d+)\n/m.test(outputs) || /^created<<[\w-]+\n[1-9]/m.test(outputs)) {
        throw new Error(`the no-op run did not report a no-op:\n${outputs}`);
      }
      const requests = platform.requests();
      const networkMs = requests.reduce((sum, request) => sum + request.durationMs, 0);
      // The first run warms the file cache; it is not counted.
      if (index === 0) continue;
      walls.push(run.wallMs);
      network.push(networkMs);
      own.push(run.wallMs - networkMs);
      requestCounts.push(requests.length);
    }
    const ownMs = median(own);
    const verdict = coldStartNoOpVerdict(ownMs);
    options.progress(
      `cold start: no-op run ${formatMs(median(walls))}, of it the emulator ${formatMs(median(network))}`,
    );
    return base({
      name: `issue-sync, no-op run (${items} items, incremental)`,
      platform: 'github',
      n: items,
      latencyMs: 0,
      wallMs: ownMs,
      note: `${formatMs(median(walls))} in all, less ${formatMs(median(network))} in the emulator (${median(requestCounts)} request); median of ${runs}`,
      target: verdict.target,
      met: verdict.met,
      detail: {
        processWallMs: Math.round(median(walls)),
        emulatorMs: Math.round(median(network)),
        requests: median(requestCounts),
      },
    });
  } finally {
    await platform.stop();
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

/** Every dist/<name>/ folder: all its files, and its index.js (what a disabled run loads). */
export function measureBundles(root: string): ScenarioResult[] {
  const dist = path.join(root, 'dist');
  if (!existsSync(dist)) return [];
  return readdirSync(dist, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const files = filesUnder(path.join(dist, entry.name));
      const totalBytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
      const index = path.join(dist, entry.name, 'index.js');
      const indexBytes = existsSync(index) ? statSync(index).size : 0;
      return base({
        group: 'bundle',
        name: `dist/${entry.name}/`,
        note: `${formatBytes(totalBytes)} in ${files.length} files; index.js ${formatBytes(indexBytes)}`,
        detail: { totalBytes, indexBytes, files: files.length },
      });
    });
}
