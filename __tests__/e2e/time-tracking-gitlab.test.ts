/**
 * Time tracking (`time-tracking: true`) end to end against the GitLab and Bitbucket emulators: GitLab issues get the
 * orchestrator's estimate and spent time through the time-tracking endpoints, spent time is reconciled by the
 * difference (never counted twice), a no-op run reads nothing extra and writes nothing; off by default; Bitbucket says
 * it is not supported without failing.
 */
import { buildDatabase, type Row } from '../../test-support/fixtures/build-db.js';
import {
  STATE_DB,
  Workspace,
  outcomeOf,
  recordingLogger,
  syncInProcess,
} from '../../test-support/e2e/harness.js';
import { PLATFORM_FIXTURES, type PlatformFixture } from '../../test-support/e2e/platforms.js';
import { GitLabEmulator } from '../../test-support/emulators/gitlab/index.js';
import type { RawSettings } from '../../src/config/issue-sync.js';

const REPOSITORY = 'acme/widgets';
const TOKEN = 'glpat-e2eTimeTracking0000000';

const task = (id: string, extra: Partial<Row> = {}): Row => ({
  task_id: id,
  title: `Task ${id}`,
  description: `Task ${id}.`,
  hierarchy_path: `/${id}`,
  status: 'pending',
  specialist_type: 'implementer',
  ...extra,
});

const TASKS: Row[] = [
  // 3-4 days → the upper bound, 4 × 8 h; started and completed 2 h 30 m apart → 2 h 30 m spent.
  task('a', {
    estimated_effort: '3-4 days',
    status: 'completed',
    started_at: '2025-06-02 09:00:00',
    completed_at: '2025-06-02 11:30:00',
  }),
  // actual_effort wins over the timestamps.
  task('b', {
    estimated_effort: '2 hours',
    status: 'completed',
    actual_effort: '90 minutes',
    started_at: '2025-06-02 09:00:00',
    completed_at: '2025-06-04 09:00:00',
  }),
  // Unparseable: no estimate (a note), nothing spent while in progress.
  task('c', { estimated_effort: 'large', status: 'in_progress', started_at: '2025-06-02 09:00:00' }),
];

let emulator: GitLabEmulator;
let workspace: Workspace;

beforeEach(async () => {
  emulator = await GitLabEmulator.start({ rateLimit: false });
  emulator.addGroup('acme', { name: 'ACME' });
  emulator.addProject(REPOSITORY);
  emulator.addUser('sync-bot');
  emulator.addMember('acme', 'sync-bot', 20, { target: 'group' });
  emulator.addToken(TOKEN, { user: 'sync-bot', scopes: ['api'] });
  workspace = await Workspace.create();
  await workspace.write(STATE_DB, await buildDatabase('v2-generic', { generic_tasks: TASKS }));
});
afterEach(async () => {
  await emulator.stop();
  await workspace.dispose();
});

function inputs(overrides: RawSettings = {}): RawSettings {
  return {
    platform: 'gitlab',
    'state-file': STATE_DB,
    repository: REPOSITORY,
    'api-url': emulator.url,
    token: TOKEN,
    'write-delay-ms': '0',
    'create-completed': 'true',
    ...overrides,
  };
}

async function sync(overrides: RawSettings = { 'time-tracking': 'true' }) {
  const { log, lines } = recordingLogger();
  const outcome = outcomeOf(await syncInProcess(workspace, inputs(overrides), { log }));
  return { outcome, lines };
}

/** Title → [estimate, spent] in seconds, as GitLab's time_stats hold them. */
function timeByTitle(): Record<string, [number, number]> {
  return Object.fromEntries(
    emulator
      .listIssues(REPOSITORY)
      .map((issue) => [issue.title, [issue.time_stats.time_estimate, issue.time_stats.total_time_spent]]),
  );
}

const timeRequests = () =>
  emulator.requests.filter((request) =>
    /\/(time_estimate|reset_time_estimate|add_spent_time|reset_spent_time|time_stats)$/.test(request.path),
  );

it('sets estimates and spent time from the orchestrator, then a second run reads nothing extra and writes nothing', async () => {
  const first = await sync();
  expect(first.outcome.counts).toMatchObject({ created: 3, failed: 0 });
  expect(timeByTitle()).toEqual({
    'Task a': [4 * 8 * 3600, 2.5 * 3600],
    'Task b': [2 * 3600, 1.5 * 3600],
    'Task c': [0, 0],
  });
  expect(
    first.lines.some(
      (line) =>
        line.level === 'warning' &&
        /task:c: .*estimated effort \\?"large\\?" is not a duration/.test(line.message),
    ),
  ).toBe(true);

  emulator.clearRequests();
  const second = await sync();
  expect(second.outcome.counts).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  expect(timeRequests()).toEqual([]);
  expect(emulator.requests.filter((request) => request.method !== 'GET')).toEqual([]);
});

it('reconciles spent time by the difference: time a person logged is corrected, never counted twice', async () => {
  await sync();
  const issueB = emulator.listIssues(REPOSITORY).find((issue) => issue.title === 'Task b');
  if (!issueB) throw new Error('no issue for task b');
  // A person logs an extra hour on the platform (or a crashed run had added it already).
  const response = await fetch(
    `${emulator.url}/api/v4/projects/${encodeURIComponent(REPOSITORY)}/issues/${issueB.iid}/add_spent_time`,
    {
      method: 'POST',
      headers: { 'PRIVATE-TOKEN': TOKEN, 'content-type': 'application/json' },
      body: JSON.stringify({ duration: '1h' }),
    },
  );
  expect(response.status).toBe(201);
  expect(timeByTitle()['Task b']).toEqual([2 * 3600, 2.5 * 3600]);

  emulator.clearRequests();
  const { outcome } = await sync();
  expect(outcome.counts).toMatchObject({ updated: 1, failed: 0 });
  expect(timeByTitle()['Task b']).toEqual([2 * 3600, 1.5 * 3600]);
  // One correcting entry of minus one hour, from the total in the edit's answer (no extra read); the estimate was
  // right and is not sent.
  const calls = timeRequests().map(
    (request) => `${request.method} ${request.path.replace(/^.*\/issues\//, '')}`,
  );
  expect(calls).toEqual([`POST ${issueB.iid}/add_spent_time`]);
  const correction = emulator.requests.find((request) => request.path.endsWith('/add_spent_time'));
  expect(correction?.requestBody).toMatchObject({ duration: '-1h' });

  await sync();
  expect(timeByTitle()['Task b']).toEqual([2 * 3600, 1.5 * 3600]);
});

it('is off by default: no time is set and no time-tracking endpoint is called', async () => {
  const { outcome } = await sync({});
  expect(outcome.counts).toMatchObject({ created: 3, failed: 0 });
  expect(Object.values(timeByTitle())).toEqual([
    [0, 0],
    [0, 0],
    [0, 0],
  ]);
  expect(timeRequests()).toEqual([]);
});

describe('Bitbucket', () => {
  let platform: PlatformFixture;
  beforeEach(async () => {
    platform = await PLATFORM_FIXTURES.bitbucket();
  });
  afterEach(async () => {
    await platform.stop();
  });

  it('says time tracking is not supported, and syncs the issues anyway', async () => {
    const { log, lines } = recordingLogger();
    const outcome = outcomeOf(
      await syncInProcess(
        workspace,
        platform.inputs({ 'time-tracking': 'true', 'create-completed': 'true', 'features-dir': undefined }),
        {
          log,
        },
      ),
    );
    expect(outcome.counts).toMatchObject({ created: 3, failed: 0 });
    const notes = lines.filter((line) => /time-tracking is not supported/.test(line.message));
    expect(notes).toHaveLength(1);
    expect(notes[0]?.level).toBe('warning');
  });
});
