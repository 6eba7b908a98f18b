/**
 * Model-based test (fast-check): random sequences of orchestrator changes (add a task, change its status, title or
 * description, delete it, reparent it), human edits on the platform (labels added or removed, issues closed or
 * reopened, text written below or inside the managed block, titles edited) and injected faults (one fault on one
 * request of a sync), each followed by a sync. After the final fault-free sync, every item the policy wants has exactly
 * one issue equal to the desired state (a further sync plans nothing), links match, and what people wrote below the
 * block and the labels they added survive. At every step: never a duplicate, and the state file always opens.
 *
 * RELIABILITY_RUNS (default below) sets the number of generated cases, split over RELIABILITY_SHARDS property runs
 * that execute side by side (each with its own emulator); shard i uses seed + i. To replay a failure, take the
 * `seed`, `path` and `replayPath` that fast-check prints and run
 *   RELIABILITY_SEED=<seed> RELIABILITY_PATH=<path> RELIABILITY_REPLAY_PATH=<replayPath> npx jest __tests__/reliability/model.test.ts
 * (docs/reliability.md has the details).
 */
import fc from 'fast-check';
import { Scenario, startEmulator } from '../../test-support/reliability/harness.js';
import {
  STEPS,
  expectFinalState,
  INITIAL_TASKS,
  initialDatabase,
  modelStats,
  type Model,
  type ReadMode,
  type Real,
} from '../../test-support/reliability/model.js';

const env = process.env;
/** Default: about 30 s on two cores. */
const RUNS = Number(env.RELIABILITY_RUNS ?? 200);
const replaying = env.RELIABILITY_PATH !== undefined;
const SHARDS = replaying ? 1 : Math.max(1, Math.min(RUNS, Number(env.RELIABILITY_SHARDS ?? 6)));
const SEED = Number(env.RELIABILITY_SEED ?? Date.now() % 2_000_000_000);
const MAX_STEPS = Number(env.RELIABILITY_MAX_STEPS ?? 20);
/** The known bug (a cut-off issue list reads as empty) is kept out of the fault mix unless this is set. */
const TRUNCATE_ISSUE_LIST = env.RELIABILITY_TRUNCATE_ISSUE_LIST === '1';

async function shard(index: number, runs: number): Promise<void> {
  // One clock for the shard's emulator and engine: each sync starts an hour after the one before, so incremental
  // reads (issues updated since the last run, minus 10 minutes of skew margin) really skip issues.
  const clock = { now: Date.UTC(2026, 0, 1) };
  const emulator = await startEmulator(() => clock.now);
  let repoCounter = 0;
  try {
    const property = fc.asyncProperty(
      fc.commands(STEPS, {
        maxCommands: MAX_STEPS,
        size: 'max',
        ...(env.RELIABILITY_REPLAY_PATH ? { replayPath: env.RELIABILITY_REPLAY_PATH } : {}),
      }),
      fc.constantFrom<ReadMode>('full', 'incremental', 'alternate'),
      async (steps, mode) => {
        repoCounter += 1;
        const repo = `acme/model-${index}-${repoCounter}`;
        emulator.addRepository(repo);
        emulator.clearRequests();
        const scenario = await Scenario.create(await initialDatabase());
        const real: Real = {
          emulator,
          scenario,
          repo,
          notes: new Map(),
          humanLabels: new Map(),
          truncateIssueList: TRUNCATE_ISSUE_LIST,
          counter: 0,
          syncs: 0,
          mode,
          clock,
        };
        try {
          await fc.asyncModelRun(() => ({ model: { tasks: new Map(INITIAL_TASKS) } as Model, real }), steps);
          await expectFinalState(real);
        } finally {
          emulator.clearFaults();
          await scenario.dispose();
        }
      },
    );
    await fc.assert(property, {
      numRuns: runs,
      seed: SEED + index,
      verbose: 1,
      ...(replaying ? { path: env.RELIABILITY_PATH } : {}),
    });
  } finally {
    await emulator.stop();
  }
}

describe('model-based: orchestrator changes, human edits and faults, each followed by a sync', () => {
  const what = replaying
    ? `replaying seed ${SEED}, path ${env.RELIABILITY_PATH}`
    : `${RUNS} cases, ${SHARDS} shards, seed ${SEED}`;
  it(
    `converges to one issue per item, as desired, keeping human text and labels (${what})`,
    async () => {
      const perShard = Math.ceil(RUNS / SHARDS);
      await Promise.all(
        Array.from({ length: SHARDS }, (_, i) => shard(i, Math.min(perShard, RUNS - i * perShard))),
      );
    },
    120_000 + RUNS * 1_000,
  );
});
afterAll(() => {
  // A summary of what the generated cases did, when the run count was chosen explicitly.
  if (env.RELIABILITY_RUNS !== undefined) console.log(`model-based cases: ${JSON.stringify(modelStats)}`);
});
