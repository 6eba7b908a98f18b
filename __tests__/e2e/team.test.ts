/**
 * Team assignment (the `team` setting) against the GitHub emulator: new issues of tasks the orchestrator assigned to
 * no one go to their specialist's team, least loaded first; a person's reassignment on the platform is never undone;
 * a member who cannot be assigned is passed over with a warning.
 */
import type { GitHubEmulator } from '../../test-support/emulators/github/index.js';
import { buildDatabase, type Row } from '../../test-support/fixtures/build-db.js';
import {
  REPO,
  STATE_DB,
  TOKEN,
  Workspace,
  itemKeyOf,
  issuesOf,
  outcomeOf,
  recordingLogger,
  startEmulator,
  syncInProcess,
  writesOf,
} from '../../test-support/e2e/harness.js';

const task = (id: string, specialist: string, extra: Partial<Row> = {}): Row => ({
  task_id: id,
  title: `Task ${id}`,
  description: `Task ${id}.`,
  hierarchy_path: `/${id}`,
  status: 'pending',
  specialist_type: specialist,
  ...extra,
});

let emulator: GitHubEmulator;
let workspace: Workspace;

beforeEach(async () => {
  emulator = await startEmulator();
  emulator.addAssignable(REPO, 'alice', 'bob', 'carol', 'dave', 'erin');
  workspace = await Workspace.create();
});
afterEach(async () => {
  await emulator.stop();
  await workspace.dispose();
});

const TEAM = 'implementer=bob,alice\ntester=carol';

async function sync(team = TEAM) {
  const { log, lines } = recordingLogger();
  const result = await syncInProcess(
    workspace,
    {
      'state-file': STATE_DB,
      repository: REPO,
      'api-url': emulator.url,
      token: TOKEN,
      'write-delay-ms': '0',
      team,
    },
    { log },
  );
  return { outcome: outcomeOf(result), lines };
}

function assigneesByItem(): Record<string, string[]> {
  return Object.fromEntries(
    issuesOf(emulator).map((issue) => [itemKeyOf(issue) ?? '', issue.assignees.map((user) => user.login)]),
  );
}

it('balances new issues over the specialist’s team, ties by name, and leaves assigned tasks alone', async () => {
  await workspace.write(
    STATE_DB,
    await buildDatabase('v2-generic', {
      generic_tasks: [
        task('i1', 'implementer'),
        task('i2', 'implementer'),
        task('i3', 'implementer'),
        task('i4', 'implementer', { assigned_to: 'erin' }),
        task('t1', 'tester'),
        task('d1', 'documenter'),
      ],
    }),
  );
  await sync();
  expect(assigneesByItem()).toEqual({
    'task:i1': ['alice'],
    'task:i2': ['bob'],
    'task:i3': ['alice'],
    'task:i4': ['erin'],
    'task:t1': ['carol'],
    'task:d1': [],
  });
});

it('never undoes a reassignment made on the platform, and assigns only when the issue is created', async () => {
  await workspace.write(
    STATE_DB,
    await buildDatabase('v2-generic', { generic_tasks: [task('i1', 'implementer')] }),
  );
  await sync();
  const issue = issuesOf(emulator)[0];
  expect(issue?.assignees.map((user) => user.login)).toEqual(['alice']);
  emulator.editIssue(REPO, issue?.number ?? 0, { assignees: ['dave'] });
  emulator.clearRequests();
  await sync();
  expect(writesOf(emulator)).toEqual([]);
  expect(assigneesByItem()).toEqual({ 'task:i1': ['dave'] });
  // Even unassigned by a person, the issue stays unassigned: the team only takes new issues.
  emulator.editIssue(REPO, issue?.number ?? 0, { assignees: [] });
  await sync();
  expect(assigneesByItem()).toEqual({ 'task:i1': [] });
});

it('counts the open issues people already have, and passes over a member who cannot be assigned', async () => {
  await workspace.write(
    STATE_DB,
    await buildDatabase('v2-generic', {
      generic_tasks: [task('i1', 'implementer'), task('i2', 'implementer')],
    }),
  );
  // alice already has two open issues.
  for (const title of ['Bug A', 'Bug B']) {
    const response = await fetch(`${emulator.url}/repos/${REPO}/issues`, {
      method: 'POST',
      headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title, assignees: ['alice'] }),
    });
    expect(response.status).toBe(201);
  }
  const { lines } = await sync('implementer=mallory,alice,bob');
  expect(assigneesByItem()).toMatchObject({ 'task:i1': ['bob'], 'task:i2': ['bob'] });
  expect(lines.filter((line) => line.level === 'warning').map((line) => line.message)).toEqual([
    'Team member "mallory" ("implementer") cannot be assigned in this repository; the next member is used.',
  ]);
});
