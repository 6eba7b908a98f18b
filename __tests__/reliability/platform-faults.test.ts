/**
 * Faults on every platform: the same rows run against the GitHub, GitLab and Bitbucket emulators through the whole
 * engine. Each row injects one fault into one kind of request and states what the run must do (retry it, survive it
 * by finding the issue by its marker, or report it); whatever happens, a fault-free re-run then converges to exactly
 * one issue per item, and a third run writes nothing.
 */
import type { PlatformName } from '../../src/platforms/types.js';
import type { SyncOutcome } from '../../src/engine/sync.js';
import {
  STATE_DB,
  Workspace,
  itemKeyOf,
  outcomeOf,
  setTaskStatus,
  syncInProcess,
} from '../../test-support/e2e/harness.js';
import { PLATFORM_FIXTURES, type PlatformFixture } from '../../test-support/e2e/platforms.js';
import type { FaultAction } from '../../test-support/emulators/shared/faults.js';

const PLATFORMS: PlatformName[] = ['github', 'gitlab', 'bitbucket'];
const ITEMS = ['feature:GIT_INTEGRATION_V1', 'feature:SESSION_MANAGEMENT_V2', 'task:gt_root_0001'];

interface Row {
  name: string;
  /** Which request is faulted, and after how many matching ones. */
  route: 'listIssues' | 'createIssue' | 'updateIssue';
  after?: number;
  fault: FaultAction;
  /** Run a first fault-free sync and a status change before the faulted run (for update faults). */
  update?: boolean;
  /** What the faulted run must report: every operation done, or exactly one failed. */
  expect: 'done' | 'one failed';
}

const ROWS: Row[] = [
  {
    name: '500 on the second create: that item fails, the others are created',
    route: 'createIssue',
    after: 1,
    fault: { kind: 'status', status: 500, body: { message: 'Internal Server Error' } },
    expect: 'one failed',
  },
  {
    name: 'the answer to a create is cut off after the issue was made: found by its marker, not created twice',
    route: 'createIssue',
    after: 1,
    fault: { kind: 'truncate' },
    expect: 'done',
  },
  {
    name: 'the connection drops before a create is handled: looked up by marker, reported, created next run',
    route: 'createIssue',
    fault: { kind: 'reset' },
    expect: 'one failed',
  },
  {
    name: '429 with Retry-After on a create (refused before it ran): sent again, retried',
    route: 'createIssue',
    fault: {
      kind: 'status',
      status: 429,
      headers: { 'retry-after': '1' },
      body: { message: 'Too Many Requests' },
    },
    expect: 'done',
  },
  {
    name: '502 on an update: retried',
    route: 'updateIssue',
    fault: { kind: 'status', status: 502, body: { message: 'Bad Gateway' } },
    update: true,
    expect: 'done',
  },
  {
    name: '503 on the issue list: retried',
    route: 'listIssues',
    fault: { kind: 'status', status: 503, body: { message: 'Service Unavailable' } },
    expect: 'done',
  },
];

describe.each(PLATFORMS)('%s', (platform) => {
  let fixture: PlatformFixture;
  let workspace: Workspace;

  beforeEach(async () => {
    fixture = await PLATFORM_FIXTURES[platform]();
    workspace = await Workspace.create();
    await workspace.copySample('v2-generic');
    await workspace.copyFeatures();
  });
  afterEach(async () => {
    await fixture.stop();
    await workspace.dispose();
  });

  const sync = async (): Promise<SyncOutcome> => outcomeOf(await syncInProcess(workspace, fixture.inputs()));
  const markers = () =>
    fixture
      .issues()
      .map((issue) => itemKeyOf(issue))
      .filter((key): key is string => key !== null)
      .sort();

  it.each(ROWS)(
    '$name',
    async (row) => {
      if (row.update) {
        await sync();
        await setTaskStatus(workspace.path(STATE_DB), 'v2-generic', 'gt_root_0001', 'completed');
      }
      fixture.injectFault({
        ...fixture.routes[row.route],
        ...(row.after ? { after: row.after } : {}),
        ...row.fault,
      });
      const faulted = await sync();
      expect(faulted.stoppedBy).toBeNull();
      if (row.expect === 'done') expect(faulted.counts.failed).toBe(0);
      else expect(faulted.counts.failed).toBe(1);
      expect(markers().length).toBe(new Set(markers()).size);

      const rerun = await sync();
      expect(rerun.counts.failed).toBe(0);
      expect(markers()).toEqual(ITEMS);
      if (row.update)
        expect(fixture.issues().find((issue) => itemKeyOf(issue) === 'task:gt_root_0001')?.state).toBe(
          'closed',
        );

      fixture.clearRequests();
      const third = await sync();
      expect(third.counts).toMatchObject({ created: 0, updated: 0, closed: 0, reopened: 0, failed: 0 });
      expect(fixture.requests().filter((request) => request.method !== 'GET')).toEqual([]);
    },
    30_000,
  );
});
