/**
 * Time tracking on a GitHub Projects v2 board (`time-tracking: true`), in-process over HTTP against the GitHub
 * emulator: board-sync creates the number fields Estimate and Spent, fills them in hours from the orchestrator, and a
 * re-sync sends no mutation; off by default (no field created); issue-sync on GitHub changes nothing for it.
 */
import { executeBoardSync, type BoardOutcome } from '../../src/engine/board-sync.js';
import { silentLogger } from '../../src/engine/logger.js';
import type { GitHubEmulator, RecordedRequest } from '../../test-support/emulators/github/index.js';
import { validateAgainstGitHub } from '../../test-support/emulators/github/graphql/schema.js';
import {
  REPO,
  STATE_DB,
  Workspace,
  outcomeOf,
  recordingLogger,
  startEmulator,
  syncInProcess,
  syncInputs,
} from '../../test-support/e2e/harness.js';
import { buildDatabase, type Row } from '../../test-support/fixtures/build-db.js';

const PAT = 'ghp_timeTracker0000000000000000000000000';
const TITLE = 'widgets · feature development';

const task = (id: string, extra: Partial<Row> = {}): Row => ({
  task_id: id,
  title: `Task ${id}`,
  description: `Task ${id}.`,
  hierarchy_path: `/${id}`,
  status: 'pending',
  specialist_type: 'implementer',
  ...extra,
});

let emulator: GitHubEmulator;
let workspace: Workspace;

beforeEach(async () => {
  emulator = await startEmulator();
  emulator.addToken(PAT, {
    login: 'acme',
    repositories: [REPO],
    permissions: { issues: 'write', metadata: 'read' },
  });
  emulator.projects.grantProjects(PAT, 'write');
  workspace = await Workspace.create();
  await workspace.write(
    STATE_DB,
    await buildDatabase('v2-generic', {
      generic_tasks: [
        // Two days, four hours apart → 2 × 8 h + 4 h = 20 h spent; "1 week" → 40 h.
        task('a', {
          estimated_effort: '1 week',
          status: 'completed',
          started_at: '2025-06-02 09:00:00',
          completed_at: '2025-06-04 13:00:00',
        }),
        task('b', { estimated_effort: '2-3 hours', status: 'in_progress' }),
        task('c', { estimated_effort: 'TBD' }),
      ],
    }),
  );
});
afterEach(async () => {
  await emulator.stop();
  await workspace.dispose();
});

async function board(timeTracking: string | undefined): Promise<BoardOutcome> {
  const result = await executeBoardSync({
    inputs: {
      ...syncInputs(emulator),
      'features-dir': undefined,
      token: PAT,
      ...(timeTracking ? { 'time-tracking': timeTracking } : {}),
    },
    configPath: null,
    env: {},
    cwd: workspace.dir,
    log: silentLogger,
  });
  if (result.kind !== 'synced') throw new Error(`board-sync was disabled: ${result.reason}`);
  return result.outcome;
}

const graphql = (): RecordedRequest[] => emulator.requests.filter((request) => request.path === '/graphql');
const mutations = () =>
  graphql().filter((request) =>
    /^\s*mutation/.test(String((request.requestBody as { query?: string }).query)),
  );

function hoursByTitle(): Record<string, [unknown, unknown]> {
  const project = emulator.projects.projectByTitle('acme', TITLE);
  if (!project) throw new Error('no board');
  const out: Record<string, [unknown, unknown]> = {};
  for (const issue of emulator.listIssues(REPO)) {
    const item = emulator.projects.itemOfIssue(project, REPO, issue.number);
    if (!item) continue;
    out[issue.title] = [
      emulator.projects.valueOf(project, item, 'Estimate'),
      emulator.projects.valueOf(project, item, 'Spent'),
    ];
  }
  return out;
}

it('issue-sync on GitHub leaves time to the board: same issues, no note, with time tracking on or off', async () => {
  const { log, lines } = recordingLogger();
  const outcome = outcomeOf(
    await syncInProcess(
      workspace,
      {
        ...syncInputs(emulator),
        'create-completed': 'true',
        'features-dir': undefined,
        'time-tracking': 'true',
      },
      { log },
    ),
  );
  expect(outcome.counts).toMatchObject({ created: 3, failed: 0 });
  expect(lines.filter((line) => /time/i.test(line.message) && line.level === 'warning')).toEqual([]);
  emulator.clearRequests();
  const off = outcomeOf(
    await syncInProcess(workspace, {
      ...syncInputs(emulator),
      'create-completed': 'true',
      'features-dir': undefined,
    }),
  );
  expect(off.counts).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
});

it('creates Estimate and Spent, fills them in hours, and a re-sync sends no mutation', async () => {
  outcomeOf(
    await syncInProcess(workspace, {
      ...syncInputs(emulator),
      'create-completed': 'true',
      'features-dir': undefined,
    }),
  );
  emulator.clearRequests();
  const first = await board('true');
  expect(first.counts).toMatchObject({ added: 3, failed: 0 });
  for (const request of graphql()) {
    const query = String((request.requestBody as { query?: string }).query);
    expect(validateAgainstGitHub(query).map((error) => error.message)).toEqual([]);
  }
  const project = emulator.projects.projectByTitle('acme', TITLE);
  if (!project) throw new Error('no board');
  expect(emulator.projects.field(project, 'Estimate').dataType).toBe('NUMBER');
  expect(emulator.projects.field(project, 'Spent').dataType).toBe('NUMBER');
  expect(hoursByTitle()).toEqual({
    'Task a': [40, 20],
    'Task b': [3, null],
    'Task c': [null, null],
  });

  emulator.clearRequests();
  const again = await board('true');
  expect(again.counts).toMatchObject({ added: 0, moved: 0, updated: 0, failed: 0 });
  expect(mutations()).toEqual([]);
});

it('is off by default: no Estimate or Spent field is created', async () => {
  outcomeOf(
    await syncInProcess(workspace, {
      ...syncInputs(emulator),
      'create-completed': 'true',
      'features-dir': undefined,
    }),
  );
  await board(undefined);
  const project = emulator.projects.projectByTitle('acme', TITLE);
  if (!project) throw new Error('no board');
  expect(project.fields.map((field) => field.name)).not.toContain('Estimate');
  expect(project.fields.map((field) => field.name)).not.toContain('Spent');
});
