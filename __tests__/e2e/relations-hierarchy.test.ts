/**
 * hierarchy: sub-issues on the GitHub emulator: the orchestrator's tree becomes the same tree of issues, dependencies
 * become blocked-by, changes are reconciled, relations people add survive, and a converged run costs one read.
 */
import { buildDatabase, type Tables } from '../../test-support/fixtures/build-db.js';
import type { GitHubEmulator, IssueJson } from '../../test-support/emulators/github/index.js';
import {
  execSql,
  expectConverged,
  issuesOf,
  itemKeyOf,
  outcomeOf,
  REPO,
  STATE_DB,
  startEmulator,
  syncInProcess,
  syncInputs,
  TOKEN,
  Workspace,
  writesOf,
} from '../../test-support/e2e/harness.js';

let emulator: GitHubEmulator;
let workspace: Workspace;

beforeEach(async () => {
  emulator = await startEmulator();
  workspace = await Workspace.create();
});
afterEach(async () => {
  await emulator.stop();
  await workspace.dispose();
});

const inputs = (): ReturnType<typeof syncInputs> =>
  syncInputs(emulator, { 'features-dir': undefined, hierarchy: 'sub-issues' });

async function api(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${emulator.url}/repos/${REPO}${path}`, {
    method,
    headers: { authorization: `token ${TOKEN}`, 'user-agent': 'test', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status >= 300)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

function byKey(): Map<string, IssueJson> {
  return new Map(issuesOf(emulator).map((issue) => [itemKeyOf(issue) ?? `#${issue.number}`, issue]));
}

/** itemKeys (or #number for unmanaged issues) of the sub-issues, in GitHub's order. */
async function subIssues(parent: IssueJson): Promise<string[]> {
  const list = (await api('GET', `/issues/${parent.number}/sub_issues?per_page=100`)) as IssueJson[];
  return list.map((issue) => itemKeyOf(issue) ?? `#${issue.number}`);
}

async function blockers(issue: IssueJson): Promise<string[]> {
  const list = (await api('GET', `/issues/${issue.number}/dependencies/blocked_by`)) as IssueJson[];
  return list.map((blocker) => itemKeyOf(blocker) ?? `#${blocker.number}`);
}

function need(issues: Map<string, IssueJson>, key: string): IssueJson {
  const issue = issues.get(key);
  if (!issue) throw new Error(`no issue for ${key}`);
  return issue;
}

const TREE: Tables = {
  generic_tasks: [
    { task_id: 'gt_root', title: 'Root', status: 'in_progress' },
    { task_id: 'gt_mid', parent_task_id: 'gt_root', title: 'Middle', position_in_parent: 0 },
    { task_id: 'gt_mid2', parent_task_id: 'gt_root', title: 'Second middle', position_in_parent: 1 },
    { task_id: 'gt_leaf', parent_task_id: 'gt_mid', title: 'Leaf', position_in_parent: 0 },
  ],
  task_dependencies: [{ dependent_task_id: 'gt_leaf', prerequisite_task_id: 'gt_mid2' }],
};

describe('hierarchy: sub-issues (GitHub)', () => {
  it('builds the three-level tree with blocked-by, then a second sync makes one read and no write', async () => {
    await workspace.write(STATE_DB, await buildDatabase('v2-generic', TREE));
    const outcome = outcomeOf(await syncInProcess(workspace, inputs()));
    expect(outcome.counts).toMatchObject({ created: 4, failed: 0 });
    const issues = byKey();
    const root = need(issues, 'task:gt_root');
    expect(await subIssues(root)).toEqual(['task:gt_mid', 'task:gt_mid2']);
    expect(await subIssues(need(issues, 'task:gt_mid'))).toEqual(['task:gt_leaf']);
    expect(await blockers(need(issues, 'task:gt_leaf'))).toEqual(['task:gt_mid2']);
    expect(root.body).toMatch(/#### Sub-issues\n1\. Middle · pending\n2\. Second middle · pending/);
    expect(root.body).not.toMatch(/#### Subtasks/);
    expect(need(issues, 'task:gt_leaf').body).toMatch(/\*\*Depends on:\*\* Second middle/);
    // New parents have no sub-issues yet: nothing was read before attaching.
    expect(outcome.relations?.reads).toBe(0);
    await expectConverged(workspace, emulator, inputs());
  });

  it('re-parents, reorders and removes, leaving relations people added alone', async () => {
    await workspace.write(STATE_DB, await buildDatabase('v2-generic', TREE));
    outcomeOf(await syncInProcess(workspace, inputs()));
    let issues = byKey();
    // A person's own issue, attached under the root and blocking the leaf.
    const human = (await api('POST', '/issues', { title: 'Written by a person' })) as IssueJson;
    await api('POST', `/issues/${need(issues, 'task:gt_root').number}/sub_issues`, {
      sub_issue_id: human.id,
    });
    await api('POST', `/issues/${need(issues, 'task:gt_leaf').number}/dependencies/blocked_by`, {
      issue_id: human.id,
    });

    const db = workspace.path(STATE_DB);
    await execSql(db, "UPDATE generic_tasks SET parent_task_id = 'gt_mid2' WHERE task_id = 'gt_leaf'");
    await execSql(db, "UPDATE generic_tasks SET position_in_parent = 5 WHERE task_id = 'gt_mid'");
    await execSql(db, 'DELETE FROM task_dependencies');
    const outcome = outcomeOf(await syncInProcess(workspace, inputs()));
    expect(outcome.counts.failed).toBe(0);

    issues = byKey();
    expect(await subIssues(need(issues, 'task:gt_root'))).toEqual([
      'task:gt_mid2',
      'task:gt_mid',
      `#${human.number}`,
    ]);
    expect(await subIssues(need(issues, 'task:gt_mid'))).toEqual([]);
    expect(await subIssues(need(issues, 'task:gt_mid2'))).toEqual(['task:gt_leaf']);
    expect(await blockers(need(issues, 'task:gt_leaf'))).toEqual([`#${human.number}`]);

    // Converged: nothing written (the leaf's blocked-by count includes the person's, so it is read again).
    emulator.clearRequests();
    outcomeOf(await syncInProcess(workspace, inputs()));
    expect(writesOf(emulator)).toEqual([]);
  });

  it('says clearly when a parent has more subtasks than GitHub allows sub-issues', async () => {
    const children = Array.from({ length: 101 }, (_, index) => ({
      task_id: `gt_c${String(index).padStart(3, '0')}`,
      parent_task_id: 'gt_big',
      title: `Child ${index}`,
      position_in_parent: index,
    }));
    await workspace.write(
      STATE_DB,
      await buildDatabase('v2-generic', {
        generic_tasks: [{ task_id: 'gt_big', title: 'Big', status: 'in_progress' }, ...children],
      }),
    );
    const outcome = outcomeOf(await syncInProcess(workspace, inputs()));
    expect(outcome.relations?.notes).toEqual([
      expect.objectContaining({
        itemKey: 'task:gt_big',
        message: expect.stringMatching(/has 101 subtasks, more than the 100 sub-issues GitHub allows/),
      }),
    ]);
    expect(outcome.relations?.failed).toBe(0);
    expect((await subIssues(need(byKey(), 'task:gt_big'))).length).toBe(100);
  });
});
