/**
 * Incremental reads: after a recorded run, only issues updated since are listed and the stored fingerprints stand in
 * for the rest; anything that would make that unsafe falls back to a full read, and nothing is ever duplicated.
 */
import { copyFile } from 'node:fs/promises';
import type { GitHubEmulator } from '../../test-support/emulators/github/index.js';
import {
  REPO,
  STATE_DB,
  Workspace,
  describeRequests,
  execSql,
  expectConverged,
  issuesOf,
  markerCounts,
  outcomeOf,
  recordingLogger,
  setTaskStatus,
  startEmulator,
  syncInProcess,
  syncInputs,
  writesOf,
} from '../../test-support/e2e/harness.js';

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

async function sync(env: NodeJS.ProcessEnv = {}) {
  const { log, lines } = recordingLogger();
  emulator.clearRequests();
  const outcome = outcomeOf(await syncInProcess(workspace, syncInputs(emulator), { env, log }));
  const read = lines.find((line) => line.message.startsWith('Read: '))?.message ?? '';
  return { outcome, read, requests: describeRequests(emulator.requests) };
}

describe('incremental sync', () => {
  it('reads everything the first time, then asks only for issues updated since the last run', async () => {
    const first = await sync();
    expect(first.read).toContain('Read: full (no earlier run is recorded in the state)');
    expect(first.outcome.counts.created).toBe(3);

    const second = await sync();
    expect(second.read).toMatch(/^Read: incremental \(issues updated since /);
    expect(second.requests).toEqual([expect.stringMatching(/^GET \/repos\/acme\/widgets\/issues → 200$/)]);
    expect(emulator.requests[0]?.query).toMatchObject({ since: expect.any(String), sort: 'updated' });
    expect(second.outcome.counts).toMatchObject({ unchanged: 3, created: 0, updated: 0 });
  });

  it("reads just the changed item's issue and writes it once", async () => {
    await sync();
    await setTaskStatus(workspace.path(STATE_DB), 'v2-generic', 'gt_0003', 'completed');
    const run = await sync();
    expect(run.read).toContain('incremental');
    expect(writesOf(emulator)).toHaveLength(1);
    expect(run.outcome.counts).toMatchObject({ updated: 1, unchanged: 2 });
    expect(emulator.requests.length).toBeLessThanOrEqual(3);
    await expectConverged(workspace, emulator, syncInputs(emulator));
  });

  it('sees a human edit made since the last run and restores the owned field', async () => {
    await sync();
    const issue = issuesOf(emulator).find((item) => item.title === 'Release 2.1: Git integration');
    if (!issue) throw new Error('no issue');
    emulator.editIssue(REPO, issue.number, { state: 'closed' });
    const run = await sync();
    expect(run.read).toContain('incremental');
    expect(run.outcome.counts.reopened).toBe(1);
    expect(emulator.getIssue(REPO, issue.number)?.state).toBe('open');
  });

  it('falls back to a full read when the records of the issues were lost, and creates no duplicate', async () => {
    await sync();
    await execSql(workspace.path(STATE_DB), 'DELETE FROM orchestrator_git_items');
    await execSql(workspace.path(STATE_DB), 'DELETE FROM feature_issue_links');
    const run = await sync();
    expect(run.read).toMatch(/^Read: full \(.* has no record of its issue\)/);
    expect(run.outcome.counts.created).toBe(0);
    expect([...markerCounts(emulator).values()].every((count) => count === 1)).toBe(true);
  });

  it('adopts an issue created by a run whose state was never saved, instead of creating it again', async () => {
    await sync();
    const saved = workspace.path('saved.db');
    await copyFile(workspace.path(STATE_DB), saved);
    await execSql(
      workspace.path(STATE_DB),
      `INSERT INTO generic_tasks (task_id, title, description, hierarchy_path, status, created_at)
       VALUES ('gt_new', 'Added later', 'A new top-level task.', '/gt_new', 'pending', strftime('%Y-%m-%d %H:%M:%f', 'now'))`,
    );
    await copyFile(workspace.path(STATE_DB), saved);
    await sync();
    expect(issuesOf(emulator)).toHaveLength(4);
    // The run's state is lost (the commit of the state file never happened): the file is the one from before.
    await copyFile(saved, workspace.path(STATE_DB));
    const run = await sync();
    expect(run.read).toContain('incremental');
    expect(run.outcome.counts.created).toBe(0);
    expect(issuesOf(emulator)).toHaveLength(4);
    expect(markerCounts(emulator).get('task:gt_new')).toBe(1);
  });

  it.each([
    [{ GITHUB_EVENT_NAME: 'schedule' }, 'full'],
    [{ GITHUB_EVENT_NAME: 'workflow_dispatch' }, 'full'],
    [{ GITHUB_EVENT_NAME: 'push' }, 'incremental'],
    [{ CI_PIPELINE_SOURCE: 'schedule' }, 'full'],
  ])('with reconcile: auto and %j reads %s', async (env, mode) => {
    await sync();
    expect((await sync(env)).read).toContain(`Read: ${mode}`);
  });
});
