/**
 * End to end, in-process: what follows the first sync. Status changes update just the issue concerned, completion
 * closes and reopening reopens, lost links are rebuilt from the markers without duplicates, human edits outside the
 * managed block and human labels survive, and a JSON export works like the database it came from.
 */
import { readFile } from 'node:fs/promises';
import type { GitHubEmulator } from '../../test-support/emulators/github/index.js';
import {
  GENERATIONS,
  REPO,
  STATE_DB,
  Workspace,
  describeRequests,
  execSql,
  expectConverged,
  issuesOf,
  itemKeyOf,
  labelNames,
  markerCounts,
  outcomeOf,
  querySql,
  setTaskStatus,
  startEmulator,
  syncInProcess,
  syncInputs,
  writesOf,
} from '../../test-support/e2e/harness.js';
import type { FixtureGeneration } from '../../test-support/fixtures/build-db.js';
import { writeJsonExport } from '../../src/state/export-command.js';

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

/** Copies the sample and its features, runs the first sync, and clears the request log. */
async function firstSync(generation: FixtureGeneration): Promise<void> {
  await workspace.copySample(generation);
  await workspace.copyFeatures();
  const outcome = outcomeOf(await syncInProcess(workspace, syncInputs(emulator)));
  expect(outcome.counts.failed).toBe(0);
  emulator.clearRequests();
}

function issueFor(itemKey: string) {
  const found = issuesOf(emulator).filter((issue) => itemKeyOf(issue) === itemKey);
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** Per generation: a top-level task, and one of its subtasks whose status shows only in that task's checklist. */
const SAMPLE_TASKS: Record<FixtureGeneration, { top: string; subtask: string; subtaskTitle: string }> = {
  v1: { top: 'task_6f1e2a9b', subtask: 'tester_7a8b9c', subtaskTitle: 'Test idempotent re-runs' },
  'v2-generic': { top: 'gt_root_0001', subtask: 'gt_0003', subtaskTitle: 'Board sync' },
  'v2-tasks': {
    top: '7d0f3c1e-2b4a-4c8e-9f10-1a2b3c4d5e6f',
    subtask: 'a1b2c3d4-0000-4000-8000-000000000002',
    subtaskTitle: 'Test ::add-mask::x and <script>alert(1)</script>',
  },
};

/** Sets one subtask's own status (v1 stores it on the subtask row, v2 on the task row). */
async function setSubtaskStatus(generation: FixtureGeneration, id: string, status: string): Promise<void> {
  const file = workspace.path(STATE_DB);
  if (generation === 'v1')
    await execSql(file, 'UPDATE subtasks SET status = ? WHERE task_id = ?', [status, id]);
  else await setTaskStatus(file, generation, id, status);
}

describe.each(GENERATIONS)('status changes on the %s sample', (generation) => {
  const { top, subtask, subtaskTitle } = SAMPLE_TASKS[generation];

  it('a subtask completing updates exactly its parent issue: one PATCH to the right number', async () => {
    await firstSync(generation);
    const parent = issueFor(`task:${top}`);
    const othersBefore = issuesOf(emulator).filter((issue) => issue.number !== parent.number);
    expect(parent.body).toContain(`- [ ] ${subtaskTitle}`);

    await setSubtaskStatus(generation, subtask, 'completed');
    const outcome = outcomeOf(await syncInProcess(workspace, syncInputs(emulator)));

    expect(describeRequests(writesOf(emulator))).toEqual([
      `PATCH /repos/${REPO}/issues/${parent.number} → 200`,
    ]);
    expect(outcome.counts).toMatchObject({ updated: 1, created: 0, closed: 0, failed: 0 });
    expect(issueFor(`task:${top}`).body).toContain(`- [x] ${subtaskTitle}`);
    expect(issuesOf(emulator).filter((issue) => issue.number !== parent.number)).toEqual(othersBefore);
    await expectConverged(workspace, emulator, syncInputs(emulator));
  });

  it('completing the task closes its issue as completed, and moving it back to in progress reopens it', async () => {
    await firstSync(generation);
    const { number } = issueFor(`task:${top}`);

    await setTaskStatus(workspace.path(STATE_DB), generation, top, 'completed');
    const closing = outcomeOf(await syncInProcess(workspace, syncInputs(emulator)));
    expect(closing.counts.closed).toBe(1);
    expect(closing.counts.failed).toBe(0);
    let issue = issueFor(`task:${top}`);
    expect(issue.number).toBe(number);
    expect(issue.state).toBe('closed');
    expect(issue.state_reason).toBe('completed');
    expect(labelNames(issue)).toContain('status: completed');
    expect(labelNames(issue)).not.toContain('status: in progress');
    expect(
      writesOf(emulator).filter((w) => w.method === 'POST' && w.path === `/repos/${REPO}/issues`),
    ).toEqual([]);
    await expectConverged(workspace, emulator, syncInputs(emulator));

    emulator.clearRequests();
    await setTaskStatus(workspace.path(STATE_DB), generation, top, 'in_progress');
    const reopening = outcomeOf(await syncInProcess(workspace, syncInputs(emulator)));
    expect(reopening.counts.reopened).toBe(1);
    issue = issueFor(`task:${top}`);
    expect(issue.number).toBe(number);
    expect(issue.state).toBe('open');
    expect(issue.state_reason).toBe('reopened');
    expect(labelNames(issue)).toContain('status: in progress');
    expect([...markerCounts(emulator).values()].every((count) => count === 1)).toBe(true);
    await expectConverged(workspace, emulator, syncInputs(emulator));
  });
});

describe('lost links', () => {
  it('with feature_issue_links and orchestrator_git_items emptied, the next sync creates no duplicate and rebuilds the links', async () => {
    await firstSync('v2-generic');
    const file = workspace.path(STATE_DB);
    const issuesBefore = issuesOf(emulator);
    await execSql(file, 'DELETE FROM feature_issue_links; DELETE FROM orchestrator_git_items;');
    expect(await querySql(file, 'SELECT * FROM feature_issue_links')).toEqual([]);

    const outcome = outcomeOf(await syncInProcess(workspace, syncInputs(emulator)));

    expect(writesOf(emulator)).toEqual([]);
    expect(issuesOf(emulator)).toEqual(issuesBefore);
    expect([...markerCounts(emulator).values()].every((count) => count === 1)).toBe(true);
    expect(outcome.counts).toMatchObject({ created: 0, unchanged: issuesBefore.length });
    expect(outcome.stateSaved).toBe(true);

    const rows = await querySql(
      file,
      'SELECT feature_id, task_id, platform, repository, issue_number, issue_url, sync_status FROM feature_issue_links ORDER BY issue_number',
    );
    expect(rows).toEqual(
      issuesBefore.map((issue) => {
        const [kind, id] = (itemKeyOf(issue) ?? '').split(':');
        return {
          feature_id: kind === 'feature' ? id : 'GIT_INTEGRATION_V1',
          task_id: kind === 'task' ? id : null,
          platform: 'github',
          repository: REPO,
          issue_number: issue.number,
          issue_url: issue.html_url,
          sync_status: 'synced',
        };
      }),
    );
    const items = await querySql(
      file,
      'SELECT item_key, issue_number FROM orchestrator_git_items ORDER BY issue_number',
    );
    expect(items.map((item) => item.issue_number)).toEqual(issuesBefore.map((issue) => issue.number));
    await expectConverged(workspace, emulator, syncInputs(emulator));
  });
});

describe('human changes on the platform', () => {
  const NOTE = '\n\n### Notes from the team\nPlease loop in @design before shipping. Tracked in #99.\n';

  it.each([
    {
      change: 'a subtask completes (the body changes)',
      task: 'gt_0003',
      status: 'completed',
      shows: '- [x] Board sync',
      label: 'status: in progress',
    },
    {
      change: 'the task is blocked (body and labels change)',
      task: 'gt_root_0001',
      status: 'blocked',
      shows: '| Blocked |',
      label: 'status: blocked',
    },
  ])(
    'text written below the managed block and a label added by hand survive a sync where $change',
    async ({ task, status, shows, label }) => {
      await firstSync('v2-generic');
      const issue = issueFor('task:gt_root_0001');
      emulator.editIssue(REPO, issue.number, {
        body: `${issue.body ?? ''}${NOTE}`,
        labels: [...labelNames(issue), 'needs-design'],
      });

      await setTaskStatus(workspace.path(STATE_DB), 'v2-generic', task, status);
      const outcome = outcomeOf(await syncInProcess(workspace, syncInputs(emulator)));

      expect(outcome.counts.failed).toBe(0);
      const patches = writesOf(emulator).filter(
        (w) => w.method === 'PATCH' && w.path === `/repos/${REPO}/issues/${issue.number}`,
      );
      expect(patches).toHaveLength(1);
      const after = issueFor('task:gt_root_0001');
      expect(after.body).toContain(shows);
      expect(after.body?.endsWith(NOTE)).toBe(true);
      expect(labelNames(after)).toContain('needs-design');
      expect(labelNames(after)).toEqual(expect.arrayContaining(['orchestrator', label, 'type: task']));
      expect(labelNames(after).filter((name) => name.startsWith('status: '))).toEqual([label]);
      await expectConverged(workspace, emulator, syncInputs(emulator));
    },
  );

  it('a body re-saved by the web editor (CRLF line endings) with text added below the block causes no write', async () => {
    await firstSync('v2-generic');
    const issue = issueFor('task:gt_root_0001');
    emulator.editIssue(REPO, issue.number, { body: `${issue.body ?? ''}${NOTE}`.replace(/\n/g, '\r\n') });
    await expectConverged(workspace, emulator, syncInputs(emulator));
  });
});

describe('JSON export as the state file', () => {
  it('creates the same issues as the database it was exported from, writes its links back, and a no-op leaves it byte-identical', async () => {
    // The database, synced into one repository ...
    emulator.addRepository('acme/from-json');
    emulator.addToken('ghs_e2eJsonToken', {
      repositories: ['acme/from-json'],
      permissions: { issues: 'write' },
    });
    await workspace.copySample('v2-tasks');
    await workspace.copyFeatures();
    outcomeOf(await syncInProcess(workspace, syncInputs(emulator)));

    // ... and its export (features included), made before that sync wrote anything for the other repository.
    const exportDir = await Workspace.create();
    try {
      await exportDir.copySample('v2-tasks');
      await exportDir.copyFeatures();
      await writeJsonExport(
        exportDir.path(STATE_DB),
        workspace.path('state.json'),
        exportDir.path('features'),
      );
    } finally {
      await exportDir.dispose();
    }
    const inputs = syncInputs(emulator, {
      'state-file': 'state.json',
      'features-dir': undefined,
      repository: 'acme/from-json',
      token: 'ghs_e2eJsonToken',
    });
    const outcome = outcomeOf(await syncInProcess(workspace, inputs));
    expect(outcome.counts.failed).toBe(0);

    const shape = (repo: string) =>
      issuesOf(emulator, repo).map((issue) => ({
        title: issue.title,
        labels: labelNames(issue),
        state: issue.state,
        body: issue.body,
      }));
    expect(shape('acme/from-json')).toEqual(shape(REPO));
    expect(shape('acme/from-json')).toHaveLength(3);

    const doc = JSON.parse(await readFile(workspace.path('state.json'), 'utf8')) as {
      links: {
        featureId: string | null;
        taskId: string | null;
        platform: string;
        repository: string;
        issueNumber: number;
        issueUrl: string;
        syncStatus: string;
      }[];
    };
    const issues = issuesOf(emulator, 'acme/from-json');
    expect(doc.links).toHaveLength(issues.length);
    for (const issue of issues) {
      const [kind, id] = (itemKeyOf(issue) ?? '').split(':');
      const link = doc.links.find((l) =>
        kind === 'task' ? l.taskId === id : l.taskId === null && l.featureId === id,
      );
      expect(link).toMatchObject({
        platform: 'github',
        repository: 'acme/from-json',
        issueNumber: issue.number,
        issueUrl: issue.html_url,
        syncStatus: 'synced',
      });
    }

    await expectConverged(workspace, emulator, inputs, 'state.json');
  });
});
