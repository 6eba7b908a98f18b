/**
 * hierarchy on Bitbucket (emulator, real HTTP): the platform has no issue relations, so sub-issues keep the checklist
 * and dependencies stay a "Depends on" line that says why; a second sync writes nothing.
 */
import { buildDatabase, type Tables } from '../../test-support/fixtures/build-db.js';
import { itemKeyOf, outcomeOf, STATE_DB, syncInProcess, Workspace } from '../../test-support/e2e/harness.js';
import { PLATFORM_FIXTURES, type PlatformFixture } from '../../test-support/e2e/platforms.js';

let fixture: PlatformFixture;
let workspace: Workspace;

beforeEach(async () => {
  fixture = await PLATFORM_FIXTURES.bitbucket();
  workspace = await Workspace.create();
});
afterEach(async () => {
  await fixture.stop();
  await workspace.dispose();
});

const PLAN: Tables = {
  generic_tasks: [
    { task_id: 'gt_root', title: 'Root', status: 'in_progress' },
    { task_id: 'gt_one', parent_task_id: 'gt_root', title: 'First step', position_in_parent: 0 },
    { task_id: 'gt_two', parent_task_id: 'gt_root', title: 'Second step', position_in_parent: 1 },
    { task_id: 'gt_next', title: 'Next', status: 'pending' },
  ],
  task_dependencies: [{ dependent_task_id: 'gt_next', prerequisite_task_id: 'gt_root' }],
};

it('keeps the checklist and a Depends on line with the note, and converges', async () => {
  await workspace.write(STATE_DB, await buildDatabase('v2-generic', PLAN));
  const inputs = fixture.inputs({ 'features-dir': undefined, hierarchy: 'sub-issues' });
  const outcome = outcomeOf(await syncInProcess(workspace, inputs));
  expect(outcome.counts).toMatchObject({ created: 2, failed: 0 });
  expect(outcome.relations).toBeUndefined();
  const byKey = new Map(fixture.issues().map((issue) => [itemKeyOf(issue), issue]));
  expect(byKey.get('task:gt_root')?.body).toMatch(
    /#### Subtasks\n- \[ \] First step · pending\n- \[ \] Second step · pending/,
  );
  expect(byKey.get('task:gt_next')?.body).toMatch(
    /\*\*Depends on:\*\* Root _\(this platform has no issue dependencies of its own: the list is kept here only\)_/,
  );

  fixture.clearRequests();
  outcomeOf(await syncInProcess(workspace, inputs));
  expect(fixture.requests().filter((request) => request.method !== 'GET')).toEqual([]);
});
