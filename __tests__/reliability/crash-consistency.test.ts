/**
 * Crash consistency at every API-call boundary. A mixed plan (creates — one created closed —, updates, a close, a
 * reopen, label and milestone creation) is run by the real engine, in-process, and the process "dies" at API call k,
 * for every k from 1 to the plan's total number of calls:
 *
 * - the emulator drops the connection on call k (`dropped`: the request never lands) or handles call k and cuts its
 *   answer off (`lost answer`: the write lands, the process never learns its outcome);
 * - every later request is refused with a 401, which stops the engine at once (it can make nothing land);
 * - from call k on, the store saves nothing more: the state file holds exactly what the engine saved before it died
 *   (nothing, without checkpoints; its own checkpoints, with `checkpointMs: 0`).
 *
 * Then a fault-free run must converge: exactly one issue per item, every issue as desired (a further sync plans
 * nothing), one synced link per item naming its issue, and a state file that opens at every step.
 */
import type { GitHubEmulator } from '../../test-support/emulators/github/index.js';
import {
  expectConsistent,
  expectStateOpens,
  forEachConcurrently,
  issuesByKey,
  issuesOf,
  itemKeyOf,
  linksOf,
  messageOf,
} from '../../test-support/reliability/harness.js';
import {
  MIXED_ITEMS,
  MIXED_POLICY,
  buildMixedPlanFixture,
  freshMixedPlan,
  type MixedPlanFixture,
} from '../../test-support/reliability/mixed-plan.js';
import type { StateStore } from '../../src/state/store.js';

let fixture: MixedPlanFixture;
/** Total API calls of the mixed sync when nothing fails. */
let totalCalls: number;

beforeAll(async () => {
  fixture = await buildMixedPlanFixture();
  const { emulator, scenario, dispose } = await freshMixedPlan(fixture);
  try {
    const outcome = await scenario.sync(emulator, { policy: MIXED_POLICY });
    expect(outcome.counts.failed).toBe(0);
    // The plan really is mixed: every kind of step is there.
    const kinds = outcome.plan.operations.map((operation) =>
      operation.kind === 'updateIssue' ? operation.change : operation.kind,
    );
    expect(new Set(kinds)).toEqual(
      new Set(['createLabel', 'createMilestone', 'createIssue', 'updated', 'closed', 'reopened']),
    );
    expect(
      outcome.plan.operations.some((operation) => operation.kind === 'createIssue' && operation.thenClose),
    ).toBe(true);
    expect(outcome.plan.unchanged.map((link) => link.itemKey)).toEqual(['task:t_same']);
    // Every call answered at once: call k is the k-th distinct step of the run.
    expect(emulator.requests.every((request) => request.status >= 200 && request.status < 300)).toBe(true);
    totalCalls = emulator.requests.length;
    expect(totalCalls).toBeGreaterThanOrEqual(12);
    await expectConsistent(scenario, emulator, MIXED_ITEMS, { policy: MIXED_POLICY });
  } finally {
    await dispose();
  }
});

/** The store as the engine sees it, except that nothing is saved once the process is dead. */
function dyingStore(store: StateStore, dead: () => boolean): StateStore {
  return {
    get path() {
      return store.path;
    },
    get kind() {
      return store.kind;
    },
    get state() {
      return store.state;
    },
    syncedItems: (platform, repository) => store.syncedItems(platform, repository),
    lastRun: (platform, repository) => store.lastRun(platform, repository),
    syncRecords: () => store.syncRecords(),
    upsertLink: (link) => store.upsertLink(link),
    upsertSyncedItem: (record) => store.upsertSyncedItem(record),
    removeSyncedItem: (itemKey, platform, repository) =>
      store.removeSyncedItem(itemKey, platform, repository),
    upsertReleaseMilestone: (milestone) => store.upsertReleaseMilestone(milestone),
    setIntegrationConfig: (row) => store.setIntegrationConfig(row),
    appendJournal: (entries) => store.appendJournal(entries),
    recordRun: (run) => store.recordRun(run),
    releases: (platform, repository) => store.releases(platform, repository),
    recordRelease: (release) => store.recordRelease(release),
    save: async () => (dead() ? false : store.save()),
    close: () => store.close(),
  };
}

type Death = 'dropped' | 'lost answer';

function killAt(emulator: GitHubEmulator, k: number, death: Death): void {
  emulator.injectFault(
    death === 'dropped' ? { after: k - 1, kind: 'reset' } : { after: k - 1, kind: 'truncate' },
  );
  // The fault above answers call k, so this one counts only the k - 1 calls before it.
  emulator.injectFault({
    after: k - 1,
    times: Number.POSITIVE_INFINITY,
    kind: 'status',
    status: 401,
    body: { message: 'Bad credentials (the process is dead)' },
  });
}

/** Every link the state holds names an issue that carries that item's marker. */
async function expectLinksPointAtTheirIssues(file: string, emulator: GitHubEmulator): Promise<void> {
  const byNumber = new Map(issuesOf(emulator).map((issue) => [issue.number, itemKeyOf(issue)]));
  for (const link of await linksOf(file)) {
    expect({ link: link.key, marker: byNumber.get(link.number) }).toEqual({
      link: link.key,
      marker: link.key,
    });
  }
}

describe.each<{ death: Death; checkpointMs: number | undefined; mode: string; format: 'sqlite' | 'json' }>([
  { death: 'dropped', checkpointMs: undefined, mode: 'no checkpoint', format: 'sqlite' },
  { death: 'lost answer', checkpointMs: undefined, mode: 'no checkpoint', format: 'sqlite' },
  { death: 'dropped', checkpointMs: 0, mode: 'a checkpoint after every operation', format: 'sqlite' },
  { death: 'lost answer', checkpointMs: 0, mode: 'a checkpoint after every operation', format: 'sqlite' },
  { death: 'lost answer', checkpointMs: 0, mode: 'a checkpoint after every operation', format: 'json' },
])('the process dies at API call k ($death, $mode, $format state)', ({ death, checkpointMs, format }) => {
  it('for every k, a fault-free re-run converges: one issue per item, as desired, one link each', async () => {
    const ks = Array.from({ length: totalCalls }, (_, i) => i + 1);
    const failures: string[] = [];
    await forEachConcurrently(ks, 4, async (k) => {
      const { emulator, scenario, dispose } = await freshMixedPlan(fixture, format);
      try {
        killAt(emulator, k, death);
        const killed = await scenario
          .sync(emulator, {
            policy: MIXED_POLICY,
            wrapStore: (store) => dyingStore(store, () => emulator.requests.length >= k),
            ...(checkpointMs !== undefined ? { checkpointMs } : {}),
          })
          .then(
            (outcome) => outcome,
            () => null,
          );
        // The process did die at call k: that call carried the fault, and nothing after it landed.
        expect(emulator.requests[k - 1]?.fault).toBe(death === 'dropped' ? 'reset' : 'truncate');
        expect(emulator.requests.slice(k).every((request) => request.status === 401)).toBe(true);
        // A run that got to return does not claim success (it stopped, or an operation failed), unless the call
        // that died was the read that checks for others' changes after the last write: every write had landed.
        if (killed) {
          const failed =
            killed.stoppedBy !== null || killed.results.some((result) => result.status !== 'done');
          const lastWrite = emulator.requests.findLastIndex((request) => request.method !== 'GET');
          const afterWrites =
            emulator.requests[k - 1]?.method === 'GET' &&
            emulator.requests.slice(k).every((request) => request.method === 'GET') &&
            lastWrite >= 0 &&
            lastWrite < k - 1;
          expect(failed || afterWrites).toBe(true);
        }
        await expectStateOpens(scenario.stateFile);
        await expectLinksPointAtTheirIssues(scenario.stateFile, emulator);
        for (const numbers of issuesByKey(emulator).values()) expect(numbers).toHaveLength(1);

        emulator.clearFaults();
        const recovery = await scenario.sync(emulator, { policy: MIXED_POLICY });
        expect(recovery.stoppedBy).toBeNull();
        expect(recovery.results.filter((result) => result.status !== 'done')).toEqual([]);
        await expectConsistent(scenario, emulator, MIXED_ITEMS, { policy: MIXED_POLICY });
        expect(issuesOf(emulator)).toHaveLength(MIXED_ITEMS.length);
      } catch (error) {
        failures.push(`k=${k}: ${messageOf(error)}`);
      } finally {
        await dispose();
      }
    });
    expect(failures).toEqual([]);
  });
});
