/**
 * End to end, in-process: the first sync of each sample state generation (with the sample feature files) creates
 * exactly the issues the orchestrator's plan calls for, and a second sync writes nothing, makes one request and
 * leaves the state file byte-identical.
 */
import type { GitHubEmulator } from '../../test-support/emulators/github/index.js';
import {
  GENERATIONS,
  REPO,
  STATE_DB,
  Workspace,
  describeRequests,
  issuesOf,
  itemKeyOf,
  labelNames,
  outcomeOf,
  querySql,
  startEmulator,
  syncInProcess,
  syncInputs,
  tablesOf,
  writesOf,
} from '../../test-support/e2e/harness.js';
import type { FixtureGeneration } from '../../test-support/fixtures/build-db.js';

interface ExpectedIssue {
  itemKey: string;
  title: string;
  labels: string[];
  /** Text the managed block must show (facts, description, checklist). */
  shows: string[];
}

/** The sample feature files: approved and in-progress features become issues; completed (first seen) and proposed do not. */
const FEATURE_ISSUES: ExpectedIssue[] = [
  {
    itemKey: 'feature:GIT_INTEGRATION_V1',
    title: '🔧 Git Integration & Issue Management',
    labels: [
      'category: integration & collaboration',
      'orchestrator',
      'priority: medium',
      'status: approved',
      'type: feature',
    ],
    shows: ['| Approved |', 'Automated integration with Git platforms'],
  },
  {
    itemKey: 'feature:SESSION_MANAGEMENT_V2',
    title: '🏗️ Enhanced Session Management Architecture',
    labels: [
      'category: core infrastructure',
      'orchestrator',
      'priority: critical',
      'status: in progress',
      'type: feature',
    ],
    shows: ['| In progress |', 'Session-first architecture'],
  },
];

/** Top-level tasks of each sample database (subtasks are checklists; the soft-deleted v2 task is cancelled, so skipped). */
const TASK_ISSUES: Record<FixtureGeneration, ExpectedIssue[]> = {
  v1: [
    {
      itemKey: 'task:task_0b7c44d1',
      title: 'Write user documentation for v2 — guides & API',
      labels: ['orchestrator', 'status: in progress', 'type: task'],
      shows: ['- [ ] Guide: 五分钟 setup', '- [x] Review API reference'],
    },
    {
      itemKey: 'task:task_6f1e2a9b',
      title: 'Add Git platform sync to the release pipeline',
      labels: ['orchestrator', 'status: in progress', 'type: task'],
      shows: [
        '- [x] Design the sync data model',
        '- [ ] Implement issue creation',
        '- [ ] Test idempotent re-runs',
      ],
    },
  ],
  'v2-generic': [
    {
      itemKey: 'task:gt_root_0001',
      title: 'Release 2.1: Git integration',
      labels: [
        'orchestrator',
        'priority: high',
        'specialist: coordinator',
        'status: in progress',
        'type: task',
      ],
      shows: ['Ship Tier 1 and Tier 2.', '- [x] Issue sync', '- [ ] Board sync'],
    },
  ],
  'v2-tasks': [
    {
      itemKey: 'task:7d0f3c1e-2b4a-4c8e-9f10-1a2b3c4d5e6f',
      title: 'Nightly sync of features',
      labels: [
        'orchestrator',
        'priority: critical',
        'specialist: architect',
        'status: in progress',
        'type: task',
      ],
      shows: ['Keep the board in step.', '- [x] Read the state file'],
    },
  ],
};

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

describe.each(GENERATIONS)(
  'first and second sync of the %s sample with the sample features',
  (generation) => {
    const expected = [...FEATURE_ISSUES, ...TASK_ISSUES[generation]];

    beforeEach(async () => {
      await workspace.copySample(generation);
      await workspace.copyFeatures();
    });

    it('creates exactly the desired issues: titles, labels, marker, managed block, open state', async () => {
      const outcome = outcomeOf(await syncInProcess(workspace, syncInputs(emulator)));

      const issues = issuesOf(emulator);
      expect(issues).toHaveLength(expected.length);
      expect(outcome.counts).toMatchObject({ created: expected.length, failed: 0, updated: 0, closed: 0 });
      expect(outcome.stoppedBy).toBeNull();
      // Nothing for the completed feature seen for the first time, nor for the proposed one.
      expect(issues.map(itemKeyOf)).not.toContain('feature:AUTOMATION_MAINTENANCE_V1');
      expect(issues.map(itemKeyOf)).not.toContain('feature:SMART_TASK_ROUTING');

      for (const want of expected) {
        const matching = issues.filter((issue) => itemKeyOf(issue) === want.itemKey);
        expect(matching).toHaveLength(1);
        const issue = matching[0]!;
        expect(issue.title).toBe(want.title);
        expect(labelNames(issue)).toEqual(want.labels);
        expect(issue.state).toBe('open');
        expect(issue.assignees).toEqual([]);
        const body = issue.body ?? '';
        expect(
          body.startsWith(`<!-- orchestrator-git:v1 id=${want.itemKey.replace(/-/g, '%2D')} hash=`),
        ).toBe(true);
        expect(body).toContain('<!-- /orchestrator-git -->');
        for (const text of want.shows) expect(body).toContain(text);
      }
      // Only the issue creates and the label creates were written: no update after a create of an open item.
      const writes = writesOf(emulator);
      expect(writes.filter((w) => w.method === 'PATCH')).toEqual([]);
      expect(writes.filter((w) => w.method === 'POST' && w.path === `/repos/${REPO}/issues`)).toHaveLength(
        expected.length,
      );
    });

    it('writes the links back into the state database, one synced row per issue', async () => {
      const outcome = outcomeOf(await syncInProcess(workspace, syncInputs(emulator)));
      expect(outcome.stateSaved).toBe(true);

      const file = workspace.path(STATE_DB);
      expect(await tablesOf(file)).toEqual(
        expect.arrayContaining(['feature_issue_links', 'orchestrator_git_items']),
      );
      const rows = await querySql(
        file,
        'SELECT feature_id, task_id, platform, repository, issue_number, issue_url, sync_status FROM feature_issue_links',
      );
      expect(rows).toHaveLength(expected.length);
      for (const issue of issuesOf(emulator)) {
        const [kind, ...rest] = (itemKeyOf(issue) ?? '').split(':');
        const id = rest.join(':');
        const row = rows.find((r) =>
          kind === 'task' ? r.task_id === id : r.task_id === null && r.feature_id === id,
        );
        expect(row).toMatchObject({
          platform: 'github',
          repository: REPO,
          issue_number: issue.number,
          issue_url: issue.html_url,
          sync_status: 'synced',
        });
      }
      // The outcome reports the same links.
      expect(outcome.links.map((link) => link.number).sort()).toEqual(
        issuesOf(emulator).map((issue) => issue.number),
      );
    });

    it('a second sync makes one request (the issue list), writes nothing and leaves the state file byte-identical', async () => {
      outcomeOf(await syncInProcess(workspace, syncInputs(emulator)));
      const before = await workspace.read(STATE_DB);
      const issuesBefore = issuesOf(emulator);
      emulator.clearRequests();

      const outcome = outcomeOf(await syncInProcess(workspace, syncInputs(emulator)));

      expect(writesOf(emulator)).toEqual([]);
      expect(describeRequests(emulator.requests)).toEqual([`GET /repos/${REPO}/issues → 200`]);
      expect(outcome.counts).toMatchObject({
        created: 0,
        updated: 0,
        closed: 0,
        reopened: 0,
        unchanged: expected.length,
      });
      expect(outcome.stateSaved).toBe(false);
      expect((await workspace.read(STATE_DB)).equals(before)).toBe(true);
      expect(issuesOf(emulator)).toEqual(issuesBefore);
    });
  },
);
