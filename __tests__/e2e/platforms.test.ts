/**
 * The Tier 1 end-to-end scenarios, once per platform: the same engine through the GitHub, GitLab and Bitbucket
 * adapters against their emulators over real HTTP. First sync, no-op re-sync with zero writes, status changes with
 * close and reopen, lost links rebuilt from markers, human text kept, disabled = zero requests, and the request count
 * of a no-op re-sync of 200 items.
 */
import type { PlatformName } from '../../src/platforms/types.js';
import { buildLargeV2GenericDatabase } from '../../test-support/fixtures/build-db.js';
import {
  STATE_DB,
  Workspace,
  execSql,
  itemKeyOf,
  outcomeOf,
  querySql,
  setTaskStatus,
  syncInProcess,
} from '../../test-support/e2e/harness.js';
import { PLATFORM_FIXTURES, REPOSITORY, type PlatformFixture } from '../../test-support/e2e/platforms.js';

const PLATFORMS: PlatformName[] = ['github', 'gitlab', 'bitbucket'];
const TASK = 'task:gt_root_0001';

/** How each platform words a state: GitHub's state_reason, GitLab's state, Bitbucket's workflow state. */
const DETAIL: Record<PlatformName, { completed: string; cancelled: string; reopened: string | null }> = {
  github: { completed: 'completed', cancelled: 'not_planned', reopened: 'reopened' },
  gitlab: { completed: 'closed', cancelled: 'closed', reopened: 'opened' },
  bitbucket: { completed: 'resolved', cancelled: 'wontfix', reopened: 'open' },
};

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

  const sync = async (overrides = {}) => outcomeOf(await syncInProcess(workspace, fixture.inputs(overrides)));
  const issueOf = (itemKey: string) => {
    const issue = fixture.issues().find((candidate) => itemKeyOf(candidate) === itemKey);
    if (!issue) throw new Error(`no issue for ${itemKey}`);
    return issue;
  };
  const writes = () => fixture.requests().filter((request) => request.method !== 'GET');

  /** One more sync reads one page of the issue list, writes nothing and leaves the state file as it was. */
  async function expectConverged(): Promise<void> {
    const before = await workspace.read(STATE_DB);
    fixture.clearRequests();
    const outcome = await sync();
    expect(fixture.requests().map((request) => fixture.isIssueList(request))).toEqual([true]);
    expect(outcome.counts).toMatchObject({ created: 0, updated: 0, closed: 0, reopened: 0, failed: 0 });
    expect(outcome.stateSaved).toBe(false);
    expect((await workspace.read(STATE_DB)).equals(before)).toBe(true);
  }

  it('first sync: one issue per item, links written back; a re-sync writes nothing', async () => {
    const outcome = await sync();
    expect(outcome.counts).toMatchObject({ created: 3, failed: 0 });
    const issues = fixture.issues();
    expect(issues.map((issue) => itemKeyOf(issue)).sort()).toEqual([
      'feature:GIT_INTEGRATION_V1',
      'feature:SESSION_MANAGEMENT_V2',
      TASK,
    ]);
    expect(issues.every((issue) => issue.state === 'open')).toBe(true);
    if (platform === 'bitbucket') expect(issues.every((issue) => issue.labels.length === 0)).toBe(true);
    else expect(issueOf(TASK).labels).toContain('orchestrator');
    const links = await querySql(
      workspace.path(STATE_DB),
      'SELECT platform, repository, issue_number, sync_status FROM feature_issue_links ORDER BY issue_number',
    );
    expect(links).toEqual(
      issues
        .map((issue) => issue.number)
        .sort((a, b) => a - b)
        .map((number) => ({ platform, repository: REPOSITORY, issue_number: number, sync_status: 'synced' })),
    );
    await expectConverged();
  });

  it('a status change writes only its issue: close as completed, close as not planned, reopen', async () => {
    await sync();
    const number = issueOf(TASK).number;
    const steps: [string, 'open' | 'closed', string | null][] = [
      ['completed', 'closed', DETAIL[platform].completed],
      ['cancelled', 'closed', DETAIL[platform].cancelled],
      ['in_progress', 'open', DETAIL[platform].reopened],
    ];
    for (const [status, state, detail] of steps) {
      await setTaskStatus(workspace.path(STATE_DB), 'v2-generic', 'gt_root_0001', status);
      fixture.clearRequests();
      const outcome = await sync();
      expect([status, outcome.counts.failed]).toEqual([status, 0]);
      // The task's issue is written (and its feature's, whose progress counts it); nothing is created.
      const issueWrites = writes().filter((request) => /\/issues\/\d+/.test(request.path));
      expect(issueWrites.some((request) => request.path.includes(`/issues/${number}`))).toBe(true);
      expect(
        writes().filter((request) => request.method === 'POST' && /\/issues$/.test(request.path)),
      ).toEqual([]);
      expect(outcome.counts.created).toBe(0);
      expect([status, issueOf(TASK).state, issueOf(TASK).detail]).toEqual([status, state, detail]);
      expect(issueOf(TASK).body).toContain(
        status === 'in_progress' ? 'In progress' : status === 'completed' ? 'Completed' : 'Cancelled',
      );
      await expectConverged();
    }
  });

  it('lost links are rebuilt from the markers, without a duplicate', async () => {
    await sync();
    const numbers = fixture.issues().map((issue) => issue.number);
    await execSql(
      workspace.path(STATE_DB),
      'DELETE FROM feature_issue_links; DELETE FROM orchestrator_git_items; DELETE FROM orchestrator_git_runs;',
    );
    fixture.clearRequests();
    const outcome = await sync();
    expect(outcome.counts).toMatchObject({ created: 0, unchanged: 3 });
    expect(writes()).toEqual([]);
    expect(fixture.issues().map((issue) => issue.number)).toEqual(numbers);
    const links = await querySql(workspace.path(STATE_DB), 'SELECT issue_number FROM feature_issue_links');
    expect(links.map((row) => row.issue_number).sort()).toEqual([...numbers].sort());
  });

  it('text a person wrote below the block survives a status change', async () => {
    await sync();
    const issue = issueOf(TASK);
    fixture.editBody(issue.number, `${issue.body}\nNotes from the team: ship after the freeze.`);
    await setTaskStatus(workspace.path(STATE_DB), 'v2-generic', 'gt_root_0001', 'completed');
    const outcome = await sync();
    expect(outcome.counts).toMatchObject({ closed: 1, failed: 0 });
    const after = issueOf(TASK);
    expect(after.body).toContain('| Completed |');
    expect(after.body.endsWith('Notes from the team: ship after the freeze.')).toBe(true);
    await expectConverged();
  });

  it('a release milestone: created where the platform allows it, and its feature issue assigned', async () => {
    await sync();
    await execSql(
      workspace.path(STATE_DB),
      `INSERT INTO release_milestones (milestone_name, target_date, included_features, status)
       VALUES ('v2.1', '2026-12-31', '["GIT_INTEGRATION_V1"]', 'active')`,
    );
    // The feature's issue and the issue of its task.
    const assigned = [issueOf('feature:GIT_INTEGRATION_V1').number, issueOf('task:gt_root_0001').number].sort(
      (a, b) => a - b,
    );
    const overrides = platform === 'gitlab' ? { 'gitlab-group': 'acme' } : {};
    const first = await sync(overrides);
    expect(first.counts.failed).toBe(0);
    if (platform === 'bitbucket') {
      // The API cannot create milestones: reported, and the issue left without one until a person makes it.
      expect(first.plan.warnings.map((note) => note.message)).toContain(
        'milestone "v2.1" does not exist and this platform\'s API cannot create it; create it by hand (Bitbucket: Repository settings → Issues → Milestones) and the next run assigns it',
      );
      expect(fixture.milestones()).toEqual([]);
      fixture.addMilestone('v2.1');
      const second = await sync(overrides);
      expect(second.counts).toMatchObject({ updated: 2, failed: 0 });
    }
    expect(fixture.milestones()).toEqual([
      {
        title: 'v2.1',
        state: 'open',
        where: platform === 'gitlab' ? 'group' : 'repository',
        issues: assigned,
      },
    ]);
    fixture.clearRequests();
    const again = await sync(overrides);
    expect(again.counts).toMatchObject({ created: 0, updated: 0, failed: 0 });
    expect(writes()).toEqual([]);
  });

  it('disabled: no request at all', async () => {
    const result = await syncInProcess(workspace, fixture.inputs({ enabled: 'false' }));
    expect(result.kind).toBe('disabled');
    expect(fixture.requests()).toEqual([]);
  });

  it('200 items: a no-op re-sync reads one list page (incremental) or two (full), and writes nothing', async () => {
    await workspace.write(STATE_DB, await buildLargeV2GenericDatabase(2000));
    const inputs = { 'features-dir': undefined, 'create-completed': 'true' };
    const first = await sync(inputs);
    expect(first.counts).toMatchObject({ created: 200, failed: 0 });
    expect(fixture.issues()).toHaveLength(200);

    fixture.clearRequests();
    const incremental = await sync(inputs);
    expect(incremental.counts).toMatchObject({ created: 0, updated: 0, unchanged: 200 });
    expect(fixture.requests().map((request) => fixture.isIssueList(request))).toEqual([true]);
    expect(incremental.stats).toMatchObject({ reads: 1, writes: 0 });

    fixture.clearRequests();
    const full = await sync({ ...inputs, reconcile: 'full' });
    expect(full.counts).toMatchObject({ created: 0, updated: 0, unchanged: 200 });
    expect(fixture.requests().map((request) => fixture.isIssueList(request))).toEqual([true, true]);
    expect(full.stats).toMatchObject({ reads: 2, writes: 0 });
  }, 60_000);
});
