/**
 * Fault injection matrix. The mixed plan of test-support/reliability/mixed-plan.ts (reads: the issue list, labels,
 * milestones; writes: label, milestone and issue creates, issue updates) runs with one kind of fault on one kind of
 * request. Each row says what must happen:
 *
 * - `retried`: the faulted request is sent again and the run completes with every operation done;
 * - `survived`: the run completes with every operation done without resending (e.g. a create adopted by its marker);
 * - `reported`: the run (`stage: 'run'`), the run's remaining plan (`'stopped'`) or one operation (`'operation'`) ends
 *   with the catalogue code and a message naming what failed.
 *
 * Whatever the row, the state file opens afterwards (and is byte-identical when the run threw), and a fault-free
 * re-run converges to one issue per item with nothing left to do. Rows that reveal a bug in src are run with
 * `it.failing` and name the bug (see the final section of docs/reliability.md).
 */
import type { ErrorCode } from '../../src/errors.js';
import { OrchestratorGitError } from '../../src/errors.js';
import type { GitHubClientOptions } from '../../src/platforms/github/client.js';
import type { SyncOutcome } from '../../src/engine/sync.js';
import type {
  FaultSpec,
  GitHubEmulator,
  RecordedRequest,
} from '../../test-support/emulators/github/index.js';
import {
  REPO,
  expectConsistent,
  expectStateOpens,
  issuesByKey,
  querySql,
  settle,
} from '../../test-support/reliability/harness.js';
import {
  MIXED_ITEMS,
  MIXED_POLICY,
  buildMixedPlanFixture,
  freshMixedPlan,
  type MixedPlanFixture,
} from '../../test-support/reliability/mixed-plan.js';

let fixturePromise: Promise<MixedPlanFixture> | undefined;
/** Built once, lazily: concurrent tests may start before a beforeAll hook would have finished. */
function fixture(): Promise<MixedPlanFixture> {
  fixturePromise ??= buildMixedPlanFixture();
  return fixturePromise;
}

const R = `/repos/${REPO}`;
const LIST_ISSUES = { method: 'GET', path: new RegExp(`^${R}/issues$`) };
const LIST_LABELS = { method: 'GET', path: new RegExp(`^${R}/labels$`) };
const LIST_MILESTONES = { method: 'GET', path: new RegExp(`^${R}/milestones$`) };
const CREATE_ISSUE = { method: 'POST', path: new RegExp(`^${R}/issues$`) };
const UPDATE_ISSUE = { method: 'PATCH', path: new RegExp(`^${R}/issues/\\d+$`) };
const CREATE_LABEL = { method: 'POST', path: new RegExp(`^${R}/labels$`) };
const CREATE_MILESTONE = { method: 'POST', path: new RegExp(`^${R}/milestones$`) };

const SECONDARY =
  'You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later.';
const serverError = (status: number) => ({
  kind: 'status' as const,
  status,
  body: { message: status === 500 ? 'Server Error' : status === 502 ? 'Bad Gateway' : 'Service Unavailable' },
});
const secondary = (status: 403 | 429, retryAfter: number) => ({
  kind: 'status' as const,
  status,
  body: { message: SECONDARY, documentation_url: 'https://docs.github.com/rest' },
  headers: { 'retry-after': String(retryAfter) },
});
const primaryExhausted = (status: 403 | 429, resetInSeconds: number) => ({
  kind: 'status' as const,
  status,
  body: { message: 'API rate limit exceeded for installation ID 1.' },
  headers: {
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + resetInSeconds),
  },
});
const SLOW = { kind: 'delay' as const, ms: 2_000 };
/** The per-request timeout the slow rows run with: shorter than SLOW. */
const SHORT_TIMEOUT: Partial<GitHubClientOptions> = { timeoutMs: 800 };

type Expected =
  | { outcome: 'retried' }
  | { outcome: 'survived' }
  | {
      outcome: 'reported';
      stage: 'run' | 'stopped' | 'operation';
      code: ErrorCode;
      message: RegExp;
      /** For `operation`: how many operations fail (default 1); every other one is done. */
      failures?: number;
    };

interface Row {
  name: string;
  faults: FaultSpec[];
  client?: Partial<GitHubClientOptions>;
  expected: Expected;
  /** Set when the row fails because of a bug in src: the test then runs with it.failing. */
  bug?: string;
}

const retried: Expected = { outcome: 'retried' };
const survived: Expected = { outcome: 'survived' };
const failedOperation = (code: ErrorCode, message: RegExp, failures = 1): Expected => ({
  outcome: 'reported',
  stage: 'operation',
  code,
  message,
  failures,
});

const rows: Row[] = [
  // ---- 5xx from GitHub's edge -----------------------------------------------------------------------------------
  ...[500, 502, 503].flatMap((status): Row[] => [
    {
      name: `${status} on the issue list (once)`,
      faults: [{ ...LIST_ISSUES, ...serverError(status) }],
      expected: retried,
    },
    {
      name: `${status} on an issue create (once)`,
      faults: [{ ...CREATE_ISSUE, ...serverError(status) }],
      expected: failedOperation(
        'PLATFORM_ERROR',
        new RegExp(`GitHub request failed while creating issue .*: ${status}`),
      ),
    },
    {
      name: `${status} on an issue update (once)`,
      faults: [{ ...UPDATE_ISSUE, ...serverError(status) }],
      expected: retried,
    },
  ]),
  {
    name: '500 on the label list (once)',
    faults: [{ ...LIST_LABELS, ...serverError(500) }],
    expected: retried,
  },
  {
    name: '502 on the milestone list (once)',
    faults: [{ ...LIST_MILESTONES, ...serverError(502) }],
    expected: retried,
  },
  {
    name: '500 on a label create (once)',
    faults: [{ ...CREATE_LABEL, ...serverError(500) }],
    expected: retried,
  },
  {
    name: '503 on the milestone create (once)',
    faults: [{ ...CREATE_MILESTONE, ...serverError(503) }],
    expected: retried,
  },
  {
    name: '503 on every issue-list request',
    faults: [{ ...LIST_ISSUES, ...serverError(503), times: Number.POSITIVE_INFINITY }],
    expected: {
      outcome: 'reported',
      stage: 'run',
      code: 'PLATFORM_ERROR',
      message: /while listing issues: 503 Service Unavailable/,
    },
  },
  {
    name: '502 on every issue-update request',
    faults: [{ ...UPDATE_ISSUE, ...serverError(502), times: Number.POSITIVE_INFINITY }],
    // Every PATCH of the plan: four updates, and the close that follows the create of an already completed item.
    expected: failedOperation(
      'PLATFORM_ERROR',
      /GitHub request failed while updating issue #\d+: 502 Bad Gateway/,
      5,
    ),
  },

  // ---- rate limits ------------------------------------------------------------------------------------------------
  {
    name: '429 secondary limit (retry-after 1) on the issue list',
    faults: [{ ...LIST_ISSUES, ...secondary(429, 1) }],
    expected: retried,
  },
  {
    name: '429 secondary limit (retry-after 1) on an issue create',
    faults: [{ ...CREATE_ISSUE, ...secondary(429, 1) }],
    expected: retried,
  },
  {
    name: '403 secondary limit (retry-after 1) on an issue create',
    faults: [{ ...CREATE_ISSUE, ...secondary(403, 1) }],
    expected: retried,
  },
  {
    name: '403 secondary limit (retry-after 1) on an issue update',
    faults: [{ ...UPDATE_ISSUE, ...secondary(403, 1) }],
    expected: retried,
  },
  {
    name: '403 secondary limit (retry-after 1) on a label create',
    faults: [{ ...CREATE_LABEL, ...secondary(403, 1) }],
    expected: retried,
  },
  {
    name: '429 Too Many Requests (retry-after 1, no rate-limit wording) on the issue list',
    faults: [
      {
        ...LIST_ISSUES,
        kind: 'status',
        status: 429,
        body: { message: 'Too Many Requests' },
        headers: { 'retry-after': '1' },
      },
    ],
    expected: retried,
  },
  {
    name: '429 Too Many Requests (retry-after 1, no rate-limit wording) on an issue create',
    faults: [
      {
        ...CREATE_ISSUE,
        kind: 'status',
        status: 429,
        body: { message: 'Too Many Requests' },
        headers: { 'retry-after': '1' },
      },
    ],
    // A 429 was refused before it ran: after the short wait GitHub asks for, the create is sent again.
    expected: retried,
  },
  {
    name: '403 secondary limit asking for 120 s (over the 60 s wait limit) on an issue create',
    faults: [{ ...CREATE_ISSUE, ...secondary(403, 120) }],
    expected: {
      outcome: 'reported',
      stage: 'stopped',
      code: 'RATE_LIMITED',
      message: /rate limit stopped the run while creating issue/,
    },
  },
  {
    name: '429 primary limit exhausted, resetting in 1 s, on an issue update',
    faults: [{ ...UPDATE_ISSUE, ...primaryExhausted(429, 1) }],
    expected: retried,
  },
  {
    name: '403 primary limit exhausted, resetting in an hour, on the issue list',
    faults: [{ ...LIST_ISSUES, ...primaryExhausted(403, 3600) }],
    expected: {
      outcome: 'reported',
      stage: 'run',
      code: 'RATE_LIMITED',
      message: /rate limit stopped the run while listing issues \(403 API rate limit exceeded.*It resets at/,
    },
  },

  // ---- dropped connections ----------------------------------------------------------------------------------------
  {
    name: 'connection reset on the issue list',
    faults: [{ ...LIST_ISSUES, kind: 'reset' }],
    expected: retried,
  },
  {
    name: 'connection reset on the label list',
    faults: [{ ...LIST_LABELS, kind: 'reset' }],
    expected: retried,
  },
  {
    name: 'connection reset on an issue create (nothing created)',
    faults: [{ ...CREATE_ISSUE, kind: 'reset' }],
    expected: failedOperation(
      'PLATFORM_ERROR',
      /The connection to GitHub failed while creating issue .*, before a complete answer/,
    ),
  },
  {
    name: 'connection reset on an issue update',
    faults: [{ ...UPDATE_ISSUE, kind: 'reset' }],
    expected: retried,
  },
  {
    name: 'connection reset on the milestone create',
    faults: [{ ...CREATE_MILESTONE, kind: 'reset' }],
    expected: retried,
  },

  // ---- slow answers (beyond the client's per-request timeout) -----------------------------------------------------
  {
    name: 'issue list slower than the timeout',
    faults: [{ ...LIST_ISSUES, ...SLOW }],
    client: SHORT_TIMEOUT,
    expected: retried,
  },
  {
    name: 'label list slower than the timeout',
    faults: [{ ...LIST_LABELS, ...SLOW }],
    client: SHORT_TIMEOUT,
    expected: retried,
  },
  {
    name: 'issue update slower than the timeout (the late write lands too)',
    faults: [{ ...UPDATE_ISSUE, ...SLOW }],
    client: SHORT_TIMEOUT,
    expected: retried,
  },
  {
    name: 'issue create slower than the timeout (the issue appears after the run gave up on it)',
    faults: [{ ...CREATE_ISSUE, ...SLOW }],
    client: SHORT_TIMEOUT,
    expected: failedOperation(
      'PLATFORM_ERROR',
      /The connection to GitHub failed while creating issue .*, before a complete answer/,
    ),
  },

  // ---- answers cut off (the request was handled) -------------------------------------------------------------------
  {
    name: 'truncated answer to an issue create (adopted by its marker)',
    faults: [{ ...CREATE_ISSUE, kind: 'truncate' }],
    expected: survived,
  },
  {
    name: 'truncated answer to an issue update',
    faults: [{ ...UPDATE_ISSUE, kind: 'truncate' }],
    // A cut-off body fails like a dropped connection, and an update is idempotent: it is sent again.
    expected: retried,
  },
  {
    name: 'truncated answer to the label list',
    faults: [{ ...LIST_LABELS, kind: 'truncate' }],
    expected: survived,
  },
  {
    name: 'truncated answer to the milestone list',
    faults: [{ ...LIST_MILESTONES, kind: 'truncate' }],
    expected: survived,
  },
  {
    name: 'truncated answer to a label create',
    faults: [{ ...CREATE_LABEL, kind: 'truncate' }],
    expected: survived,
  },
  {
    name: 'truncated answer to the issue list',
    faults: [{ ...LIST_ISSUES, kind: 'truncate' }],
    // Correct: the list is read again (or the run stops), and nothing is created twice.
    expected: retried,
  },
  {
    name: 'truncated answer to the milestone create',
    faults: [{ ...CREATE_MILESTONE, kind: 'truncate' }],
    expected: survived,
  },
  {
    name: 'truncated answer to the marker lookup after an ambiguous create',
    faults: [
      { ...CREATE_ISSUE, kind: 'truncate' },
      { ...LIST_ISSUES, after: 1, kind: 'truncate' },
    ],
    // The lookup is a read, so it is sent again, finds the marker, and the issue is adopted.
    expected: retried,
  },
];

interface RunResult {
  outcome: SyncOutcome | null;
  thrown: unknown;
}

async function runRow(row: Row): Promise<void> {
  const { emulator, scenario, dispose } = await freshMixedPlan(await fixture());
  try {
    const before = await scenario.readState();
    for (const fault of row.faults) emulator.injectFault(fault);
    const result: RunResult = await scenario
      .sync(emulator, { policy: MIXED_POLICY, client: row.client ?? {} })
      .then(
        (outcome) => ({ outcome, thrown: null }),
        (thrown: unknown) => ({ outcome: null, thrown }),
      );
    await settle(emulator);
    const faulted = emulator.requests.filter((request) => request.fault !== undefined);
    expect(faulted.length).toBeGreaterThan(0);
    // Never a duplicate, whatever the fault.
    const duplicated = [...issuesByKey(emulator)].filter(([, numbers]) => numbers.length > 1);
    expect(duplicated).toEqual([]);

    const { expected } = row;
    if (expected.outcome === 'reported' && expected.stage === 'run') {
      expect(result.thrown).toBeInstanceOf(OrchestratorGitError);
      const error = result.thrown as OrchestratorGitError;
      expect({ code: error.code, message: error.message }).toEqual({
        code: expected.code,
        message: expect.stringMatching(expected.message),
      });
      expect(error.fix.length).toBeGreaterThan(20);
      expect((await scenario.readState()).equals(before)).toBe(true);
    } else {
      if (result.thrown) throw result.thrown;
      const outcome = result.outcome as SyncOutcome;
      const notDone = outcome.results.filter((r) => r.status !== 'done');
      if (expected.outcome === 'retried' || expected.outcome === 'survived') {
        expect(outcome.stoppedBy).toBeNull();
        expect(notDone.map((r) => r.error)).toEqual([]);
        if (expected.outcome === 'retried') {
          // The faulted request was sent again (same method and path) and then answered.
          const first = faulted[0]!;
          const again = emulator.requests.filter(
            (request) =>
              request.method === first.method &&
              request.path === first.path &&
              request !== first &&
              request.fault === undefined &&
              request.status < 400,
          );
          expect(again.length).toBeGreaterThan(0);
        }
      } else if (expected.stage === 'stopped') {
        expect({ code: outcome.stoppedBy?.code, message: outcome.stoppedBy?.message }).toEqual({
          code: expected.code,
          message: expect.stringMatching(expected.message),
        });
        expect(outcome.results.filter((r) => r.status === 'skipped').length).toBeGreaterThan(0);
      } else {
        expect(outcome.stoppedBy).toBeNull();
        const failures = expected.failures ?? 1;
        expect(notDone.map((r) => r.status)).toEqual(Array(failures).fill('failed'));
        for (const result of notDone) expect(result.error).toMatch(expected.message);
        // The code is in the run's journal in the state file.
        const journal = await querySql(
          scenario.stateFile,
          "SELECT detail FROM orchestrator_git_journal WHERE status = 'failed'",
        );
        expect(journal.map((entry) => String(entry.detail))).toEqual(
          Array(failures).fill(expect.stringMatching(new RegExp(`^${expected.code}: `))),
        );
      }
    }
    await expectStateOpens(scenario.stateFile);

    // A fault-free re-run finishes the work, and nothing exists twice.
    emulator.clearFaults();
    const rerun = await scenario.sync(emulator, { policy: MIXED_POLICY });
    expect(rerun.results.filter((r) => r.status !== 'done').map((r) => r.error)).toEqual([]);
    await expectConsistent(scenario, emulator, MIXED_ITEMS, { policy: MIXED_POLICY });
  } finally {
    await dispose();
  }
}

const describeRow = (row: Row): string => {
  const { expected } = row;
  const what =
    expected.outcome === 'reported' ? `reported (${expected.stage}) with ${expected.code}` : expected.outcome;
  return `${row.name} → ${what}`;
};

describe('fault matrix', () => {
  const working = rows.filter((row) => !row.bug);
  it.concurrent.each(working.map((row) => [describeRow(row), row] as const))('%s', async (_name, row) => {
    await runRow(row);
  });
});

describe('fault matrix: rows that reveal a bug in src (see docs/reliability.md)', () => {
  const buggy = rows.filter((row) => row.bug);
  it.failing.each(buggy.map((row) => [`${describeRow(row)} [BUG: ${row.bug}]`, row] as const))(
    '%s',
    async (_name, row) => {
      await runRow(row);
    },
  );
});

/** Arrival time of each request the emulator records (the emulator keeps none itself). */
function arrivalTimes(emulator: GitHubEmulator): Map<RecordedRequest, number> {
  const times = new Map<RecordedRequest, number>();
  const log = emulator.requests;
  log.push = (...items: RecordedRequest[]): number => {
    for (const item of items) times.set(item, performance.now());
    return Array.prototype.push.apply(log, items);
  };
  return times;
}

describe('retry-after is honoured before a rate-limited request is sent again', () => {
  async function retryGap(writeDelayMs: number): Promise<number> {
    const { emulator, scenario, dispose } = await freshMixedPlan(await fixture());
    try {
      const times = arrivalTimes(emulator);
      emulator.injectFault({ ...CREATE_ISSUE, ...secondary(403, 1) });
      const outcome = await scenario.sync(emulator, { policy: MIXED_POLICY, client: { writeDelayMs } });
      expect(outcome.counts.failed).toBe(0);
      const creates = emulator.requests.filter((r) => r.method === 'POST' && CREATE_ISSUE.path.test(r.path));
      const limited = creates.findIndex((r) => r.fault !== undefined);
      expect(limited).toBeGreaterThanOrEqual(0);
      return times.get(creates[limited + 1]!)! - times.get(creates[limited]!)!;
    } finally {
      await dispose();
    }
  }

  it('write-delay-ms 1: the create is sent again no sooner than retry-after (1 s)', async () => {
    expect(await retryGap(1)).toBeGreaterThanOrEqual(990);
  });

  // The write delay never shortens a retry-after wait.
  it('write-delay-ms 0: the create is sent again no sooner than retry-after (1 s)', async () => {
    expect(await retryGap(0)).toBeGreaterThanOrEqual(990);
  });
});
