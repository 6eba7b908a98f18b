/**
 * End to end, in-process: an issue create that fails on the wire (connection dropped before or after GitHub acted,
 * a 500 from the edge) is reported, and the next run finishes the work with exactly one issue per item.
 */
import type { FaultSpec, GitHubEmulator } from '../../test-support/emulators/github/index.js';
import {
  REPO,
  STATE_DB,
  Workspace,
  issuesOf,
  markerCounts,
  outcomeOf,
  querySql,
  startEmulator,
  syncInProcess,
  syncInputs,
  writesOf,
} from '../../test-support/e2e/harness.js';

const ITEMS = ['feature:GIT_INTEGRATION_V1', 'feature:SESSION_MANAGEMENT_V2', 'task:gt_root_0001'];
const CREATE_ISSUE = { method: 'POST', path: new RegExp(`^/repos/${REPO}/issues$`) };

let emulator: GitHubEmulator;
let workspace: Workspace;

beforeEach(async () => {
  emulator = await startEmulator();
  workspace = await Workspace.create();
  await workspace.copySample('v2-generic');
  await workspace.copyFeatures();
});
afterEach(async () => {
  await emulator.stop();
  await workspace.dispose();
});

function expectOneIssuePerItem(): void {
  expect(Object.fromEntries(markerCounts(emulator))).toEqual(
    Object.fromEntries(ITEMS.map((key) => [key, 1])),
  );
  expect(issuesOf(emulator)).toHaveLength(ITEMS.length);
}

async function expectLinksFor(count: number): Promise<void> {
  const rows = await querySql(
    workspace.path(STATE_DB),
    "SELECT issue_number FROM feature_issue_links WHERE sync_status = 'synced'",
  );
  expect(rows).toHaveLength(count);
  expect(new Set(rows.map((row) => row.issue_number)).size).toBe(count);
}

describe.each<{ name: string; fault: FaultSpec; reported: RegExp }>([
  {
    name: 'the connection reset before GitHub answered (nothing created)',
    fault: { ...CREATE_ISSUE, after: 1, kind: 'reset' },
    reported: /The connection to GitHub failed while creating issue .*, before a complete answer/,
  },
  {
    name: 'a 500 from GitHub (nothing created)',
    fault: { ...CREATE_ISSUE, after: 1, kind: 'status', status: 500, body: { message: 'Server Error' } },
    reported: /GitHub request failed while creating issue .*: 500 Server Error/,
  },
])('the 2nd issue create fails: $name', ({ fault, reported }) => {
  it('the run reports the failure, and a re-run completes with exactly one issue per item', async () => {
    emulator.injectFault(fault);
    const first = outcomeOf(await syncInProcess(workspace, syncInputs(emulator)));

    expect(first.counts.failed).toBe(1);
    expect(first.counts.created).toBe(ITEMS.length - 1);
    const failed = first.results.filter((result) => result.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.operation.kind).toBe('createIssue');
    expect(failed[0]?.error).toMatch(reported);
    // The create was not retried blindly: exactly one attempt carried the fault.
    expect(emulator.requests.filter((request) => request.fault !== undefined)).toHaveLength(1);
    expect(issuesOf(emulator)).toHaveLength(ITEMS.length - 1);
    await expectLinksFor(ITEMS.length - 1);

    emulator.clearRequests();
    const second = outcomeOf(await syncInProcess(workspace, syncInputs(emulator)));
    expect(second.counts).toMatchObject({ created: 1, failed: 0, unchanged: ITEMS.length - 1 });
    expectOneIssuePerItem();
    await expectLinksFor(ITEMS.length);

    emulator.clearRequests();
    outcomeOf(await syncInProcess(workspace, syncInputs(emulator)));
    expect(writesOf(emulator)).toEqual([]);
  });
});

describe('an issue create whose answer is cut off after GitHub created the issue (truncate)', () => {
  it('the issue is adopted by its marker, never created twice, and the re-run converges', async () => {
    emulator.injectFault({ ...CREATE_ISSUE, after: 1, kind: 'truncate' });
    const first = outcomeOf(await syncInProcess(workspace, syncInputs(emulator)));

    // GitHub did create all three; whatever the run made of the cut-off answer, it created nothing twice.
    expect(emulator.requests.filter((request) => request.fault === 'truncate')).toHaveLength(1);
    expectOneIssuePerItem();
    expect(first.counts.failed + first.counts.created).toBe(ITEMS.length);

    emulator.clearRequests();
    const second = outcomeOf(await syncInProcess(workspace, syncInputs(emulator)));
    expect(second.counts).toMatchObject({ created: 0, failed: 0 });
    expectOneIssuePerItem();
    await expectLinksFor(ITEMS.length);
  });

  it('the cut-off create is not counted as failed: the run finds the issue it created and links it at once', async () => {
    emulator.injectFault({ ...CREATE_ISSUE, after: 1, kind: 'truncate' });
    const first = outcomeOf(await syncInProcess(workspace, syncInputs(emulator)));

    expect(first.counts).toMatchObject({ created: ITEMS.length, failed: 0 });
    expect(first.links).toHaveLength(ITEMS.length);
    await expectLinksFor(ITEMS.length);
  });
});
