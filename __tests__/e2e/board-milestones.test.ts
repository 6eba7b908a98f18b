/**
 * sync_milestones end to end on the GitHub and GitLab emulators: release_milestones rows → platform milestones (due
 * date from target_date, open/closed from status), created when missing, and a re-run writes nothing.
 */
import { executeBoardAction } from '../../src/engine/board-sync.js';
import type { MilestoneOutcome } from '../../src/engine/milestone-sync.js';
import { silentLogger } from '../../src/engine/logger.js';
import type { RawSettings } from '../../src/config/issue-sync.js';
import { createIssueTracker } from '../../src/platforms/index.js';
import { STATE_DB, Workspace, execSql, outcomeOf, syncInProcess } from '../../test-support/e2e/harness.js';
import { PLATFORM_FIXTURES, REPOSITORY, type PlatformFixture } from '../../test-support/e2e/platforms.js';

describe.each(['github', 'gitlab'] as const)('sync_milestones on %s', (platform) => {
  let fixture: PlatformFixture;
  let workspace: Workspace;

  async function milestones(overrides: RawSettings = {}): Promise<MilestoneOutcome> {
    const result = await executeBoardAction({
      inputs: { ...fixture.inputs(overrides), 'board-action': 'sync_milestones' },
      configPath: null,
      env: {},
      cwd: workspace.dir,
      log: silentLogger,
    });
    if (result.kind !== 'milestones') throw new Error(`expected a milestones run, got ${result.kind}`);
    return result.outcome;
  }

  async function platformMilestones() {
    const inputs = fixture.inputs();
    const tracker = await createIssueTracker(
      {
        platform,
        repository: REPOSITORY,
        apiUrl: String(inputs['api-url']),
        token: String(inputs.token),
        username: null,
        writeDelayMs: 0,
        gitlabGroup: null,
        multipleAssignees: false,
      },
      () => undefined,
    );
    return new Map((await tracker.listMilestones()).map((milestone) => [milestone.title, milestone]));
  }

  const writes = () => fixture.requests().filter((request) => request.method !== 'GET');

  beforeEach(async () => {
    fixture = await PLATFORM_FIXTURES[platform]();
    workspace = await Workspace.create();
    await workspace.copySample('v2-generic');
    await workspace.copyFeatures();
    const { links } = outcomeOf(await syncInProcess(workspace, fixture.inputs()));
    const feature = links.find((link) => link.itemKey.startsWith('feature:'));
    if (!feature) throw new Error('no feature issue');
    const db = workspace.path(STATE_DB);
    await execSql(
      db,
      `INSERT INTO release_milestones (id, milestone_name, target_date, included_features, status) VALUES (?, ?, ?, ?, ?)`,
      [1, 'v1.0', '2025-10-01', JSON.stringify([feature.itemKey.slice(8)]), 'active'],
    );
    // issue-sync creates v1.0 (its feature's milestone) and assigns the feature's issue.
    outcomeOf(await syncInProcess(workspace, fixture.inputs()));
    fixture.clearRequests();
  });

  afterEach(async () => {
    await fixture.stop();
    await workspace.dispose();
  });

  it('moves the due date, closes a completed release, creates a missing one, and a re-run writes nothing', async () => {
    const assigned = () =>
      fixture
        .milestones()
        .find((milestone) => milestone.title === 'v1.0')
        ?.issues.sort((a, b) => a - b) ?? [];
    const issuesBefore = assigned();
    expect(issuesBefore.length).toBeGreaterThan(0);
    const before = await platformMilestones();
    expect(before.get('v1.0')).toMatchObject({ state: 'open', dueOn: '2025-10-01' });
    const db = workspace.path(STATE_DB);
    await execSql(
      db,
      `UPDATE release_milestones SET target_date = '2025-11-15', status = 'completed' WHERE id = 1`,
    );
    await execSql(
      db,
      `INSERT INTO release_milestones (id, milestone_name, target_date, included_features, status) VALUES (2, 'v2.0', '2026-03-01', '[]', 'planning')`,
    );
    const outcome = await milestones();
    expect(outcome.counts).toMatchObject({ created: 1, updated: 1, failed: 0 });
    const after = await platformMilestones();
    expect(after.get('v1.0')).toMatchObject({ state: 'closed', dueOn: '2025-11-15' });
    expect(after.get('v2.0')).toMatchObject({ state: 'open', dueOn: '2026-03-01' });
    // The issues issue-sync assigned (the feature's and its tasks') keep the milestone, closed or not.
    expect(assigned()).toEqual(issuesBefore);

    fixture.clearRequests();
    const again = await milestones();
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(writes()).toEqual([]);
  });

  it('a dry run plans the change and writes nothing', async () => {
    await execSql(
      workspace.path(STATE_DB),
      `UPDATE release_milestones SET status = 'cancelled' WHERE id = 1`,
    );
    const outcome = await milestones({ 'dry-run': 'true' });
    expect(outcome.plan.update).toEqual([
      expect.objectContaining({ title: 'v1.0', patch: { state: 'closed' } }),
    ]);
    expect(writes()).toEqual([]);
  });
});
