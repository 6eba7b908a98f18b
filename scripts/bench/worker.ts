/**
 * The bench's child process: runs one measured job (a sync, the naive baseline, or loading a large state) and prints
 * its result as one JSON line, so each job's peak memory is its own process's maximum resident set.
 * Usage: node build/scripts/bench/worker.js <job.json>
 */
import { readFileSync } from 'node:fs';
import { emptyActualState } from '../../src/core/actual.js';
import { deriveDesiredState } from '../../src/core/desired.js';
import { fitToPlatform } from '../../src/core/platform-fit.js';
import { planSync, type Operation, type PlanContext } from '../../src/core/plan.js';
import { DEFAULT_POLICY } from '../../src/core/policy.js';
import { executeIssueSync } from '../../src/engine/execute-issue-sync.js';
import { silentLogger } from '../../src/engine/logger.js';
import { GITHUB_CAPABILITIES } from '../../src/platforms/github/issues.js';
import { preferBaselineWasm } from '../../src/state/sqlite.js';
import { openStateStore } from '../../src/state/store.js';
import { actualOf, applyPlan, newModel } from '../../test-support/platform-model.js';
import type { WorkerJob, WorkerResult } from './jobs.js';

function peakRssMb(): number {
  // maxRSS is in kilobytes.
  return process.resourceUsage().maxRSS / 1024;
}

async function runSync(job: Extract<WorkerJob, { kind: 'sync' }>): Promise<WorkerResult> {
  const started = performance.now();
  const result = await executeIssueSync({
    inputs: job.inputs,
    configPath: null,
    env: job.env,
    cwd: job.cwd,
    log: silentLogger,
    runId: job.runId,
  });
  const wallMs = performance.now() - started;
  if (result.kind !== 'synced') throw new Error(`the run was disabled: ${result.reason}`);
  const { counts, stats, stoppedBy } = result.outcome;
  if (stoppedBy) throw new Error(`the run stopped: ${stoppedBy.code}: ${stoppedBy.message}`);
  if (counts.failed > 0) throw new Error(`${counts.failed} operations failed`);
  return {
    wallMs,
    peakRssMb: peakRssMb(),
    detail: {
      created: counts.created,
      updated: counts.updated,
      closed: counts.closed,
      reopened: counts.reopened,
      unchanged: counts.unchanged,
      clientReads: stats.reads,
      clientWrites: stats.writes,
      retries: stats.retries,
    },
  };
}

/** Per platform: where one issue lives, how to authenticate, and the body of a write that sets its text. */
const NAIVE_API: Record<
  Extract<WorkerJob, { kind: 'naive' }>['platform'],
  {
    issueUrl: (base: string, repository: string, number: number) => string;
    headers: (token: string) => Record<string, string>;
    update: { method: string; body: (issue: Record<string, unknown>) => unknown };
  }
> = {
  github: {
    issueUrl: (base, repository, number) => `${base}/repos/${repository}/issues/${number}`,
    headers: (token) => ({ authorization: `Bearer ${token}`, accept: 'application/vnd.github+json' }),
    update: { method: 'PATCH', body: (issue) => ({ body: issue.body ?? '' }) },
  },
  gitlab: {
    issueUrl: (base, repository, number) =>
      `${base}/api/v4/projects/${encodeURIComponent(repository)}/issues/${number}`,
    headers: (token) => ({ 'private-token': token }),
    update: { method: 'PUT', body: (issue) => ({ description: issue.description ?? '' }) },
  },
  bitbucket: {
    issueUrl: (base, repository, number) => `${base}/repositories/${repository}/issues/${number}`,
    headers: (token) => ({ authorization: `Bearer ${token}` }),
    update: {
      method: 'PUT',
      body: (issue) => ({ content: { raw: (issue.content as { raw?: string } | undefined)?.raw ?? '' } }),
    },
  },
};

/** What per-item tools do on every run: get each item's issue, then write it back. */
async function runNaive(job: Extract<WorkerJob, { kind: 'naive' }>): Promise<WorkerResult> {
  const api = NAIVE_API[job.platform];
  const headers = api.headers(job.token);
  const started = performance.now();
  for (const number of job.numbers) {
    const url = api.issueUrl(job.url, job.repository, number);
    const got = await fetch(url, { headers });
    if (!got.ok) throw new Error(`GET ${url}: ${got.status}`);
    const issue = (await got.json()) as Record<string, unknown>;
    const put = await fetch(url, {
      method: api.update.method,
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(api.update.body(issue)),
    });
    if (!put.ok) throw new Error(`${api.update.method} ${url}: ${put.status} ${await put.text()}`);
    await put.arrayBuffer();
  }
  return {
    wallMs: performance.now() - started,
    peakRssMb: peakRssMb(),
    detail: { items: job.numbers.length },
  };
}

/**
 * Loads a state, derives the issues it wants and diffs them against a platform that already holds every one of them
 * (the plan of a no-op full reconcile). The platform's copy is built before the clock starts.
 */
async function runState(job: Extract<WorkerJob, { kind: 'state' }>): Promise<WorkerResult> {
  const policy = { ...DEFAULT_POLICY, tasks: job.tasks };
  const started = performance.now();
  const store = await openStateStore({ stateFile: job.file });
  const loaded = performance.now();
  const { desired } = fitToPlatform(deriveDesiredState(store.state, policy), GITHUB_CAPABILITIES);
  const derived = performance.now();
  store.close();

  const context = (): PlanContext => ({
    policy,
    links: new Map(),
    ownedAssignees: new Map(),
    createMilestones: true,
  });
  const model = newModel();
  applyPlan(model, planSync(desired, actualOf(model), context()));
  const actual = actualOf(model);

  const diffStarted = performance.now();
  const plan = planSync(desired, actual, context());
  const diffed = performance.now();
  if (plan.operations.length > 0) {
    throw new Error(`the diff against a matching platform planned ${plan.operations.length} operations`);
  }
  const loadMs = loaded - started;
  const deriveMs = derived - loaded;
  const diffMs = diffed - diffStarted;
  return {
    wallMs: loadMs + deriveMs + diffMs,
    peakRssMb: peakRssMb(),
    detail: {
      tasks: store.state.tasks.length,
      issues: desired.issues.length,
      unchanged: plan.unchanged.length,
      loadMs: Math.round(loadMs),
      deriveMs: Math.round(deriveMs),
      diffMs: Math.round(diffMs),
    },
  };
}

/**
 * Seeds a GitHub repository for a large N quickly: the issues the tool's own plan would create (same titles, bodies,
 * markers and labels), posted straight to the emulator, several at a time, leaving the last `leaveOut` for the tool's
 * next run to create (so that run records itself, as the completion of an interrupted first sync does).
 */
async function runSeed(job: Extract<WorkerJob, { kind: 'seed' }>): Promise<WorkerResult> {
  const started = performance.now();
  const store = await openStateStore({ stateFile: job.stateFile });
  const { desired } = fitToPlatform(deriveDesiredState(store.state, DEFAULT_POLICY), GITHUB_CAPABILITIES);
  store.close();
  const actual = emptyActualState([]);
  actual.labels = new Set();
  actual.milestones = [];
  const plan = planSync(desired, actual, {
    policy: DEFAULT_POLICY,
    links: new Map(),
    ownedAssignees: new Map(),
    createMilestones: true,
  });
  const headers = {
    authorization: `Bearer ${job.token}`,
    accept: 'application/vnd.github+json',
    'content-type': 'application/json',
  };
  const post = async (path: string, body: unknown): Promise<void> => {
    const response = await fetch(`${job.url}/repos/${job.repository}/${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  };
  const creates: Extract<Operation, { kind: 'createIssue' }>[] = [];
  for (const operation of plan.operations) {
    if (operation.kind === 'createLabel') {
      const { name, color, description } = operation.label;
      await post('labels', { name, color, description });
    } else if (
      operation.kind === 'createIssue' &&
      operation.write.milestone === null &&
      !operation.thenClose
    ) {
      creates.push(operation);
    } else {
      throw new Error(
        `the bench's seed cannot apply a ${operation.kind} (only open issues without milestones)`,
      );
    }
  }
  const posted = creates.slice(0, Math.max(0, creates.length - job.leaveOut));
  let next = 0;
  const poster = async (): Promise<void> => {
    for (let index = next++; index < posted.length; index = next++) {
      const write = posted[index]?.write;
      if (!write) continue;
      await post('issues', {
        title: write.title,
        body: write.body,
        labels: write.labels,
        assignees: write.assignees,
      });
    }
  };
  await Promise.all(Array.from({ length: 8 }, poster));
  return {
    wallMs: performance.now() - started,
    peakRssMb: peakRssMb(),
    detail: { posted: posted.length, leftOut: creates.length - posted.length },
  };
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: worker.js <job.json>');
  // As the actions' entries do (src/actions/*-impl.ts), before sql.js is compiled.
  preferBaselineWasm();
  const job = JSON.parse(readFileSync(file, 'utf8')) as WorkerJob;
  let result: WorkerResult;
  switch (job.kind) {
    case 'sync':
      result = await runSync(job);
      break;
    case 'naive':
      result = await runNaive(job);
      break;
    case 'state':
      result = await runState(job);
      break;
    case 'seed':
      result = await runSeed(job);
      break;
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
