/**
 * sprint_board on GitHub Projects v2, end to end against the emulator: the Sprint iteration field is created once with
 * sprints covering every card's target date, cards get the sprint their date falls in, and iterations people planned
 * are never rewritten.
 */
import {
  executeBoardSync,
  type BoardOutcome,
  type ExecuteBoardOptions,
} from '../../src/engine/board-sync.js';
import { silentLogger } from '../../src/engine/logger.js';
import { CREATE_ITERATION_FIELD } from '../../src/platforms/github/projects/queries.js';
import type { GitHubEmulator, RecordedRequest } from '../../test-support/emulators/github/index.js';
import { validateAgainstGitHub } from '../../test-support/emulators/github/graphql/schema.js';
import {
  REPO,
  STATE_DB,
  Workspace,
  execSql,
  outcomeOf,
  rejection,
  startEmulator,
  syncInProcess,
  syncInputs,
} from '../../test-support/e2e/harness.js';

const PAT = 'ghp_sprintWriter00000000000000000000000';
const TITLE = 'widgets · sprint board';

async function board(
  workspace: Workspace,
  emulator: GitHubEmulator,
  overrides: ExecuteBoardOptions['inputs'] = {},
): Promise<BoardOutcome> {
  const result = await executeBoardSync({
    inputs: { ...syncInputs(emulator), token: PAT, 'board-type': 'sprint_board', ...overrides },
    configPath: null,
    env: {},
    cwd: workspace.dir,
    log: silentLogger,
  });
  if (result.kind !== 'synced') throw new Error(`board-sync was disabled: ${result.reason}`);
  return result.outcome;
}

function queries(emulator: GitHubEmulator): string[] {
  return emulator.requests
    .filter((request: RecordedRequest) => request.path === '/graphql')
    .map((request) => String((request.requestBody as { query?: string }).query));
}

const mutations = (emulator: GitHubEmulator) =>
  queries(emulator).filter((query) => /^\s*mutation/.test(query));

describe('sprint_board: the Sprint iteration field', () => {
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
    await workspace.copySample('v2-generic');
    await workspace.copyFeatures();
    // Target dates: the root task's due date is 2025-07-21 (a Monday); two subtasks get their own.
    const db = workspace.path(STATE_DB);
    await execSql(db, "UPDATE generic_tasks SET due_date = '2025-08-05 00:00:00' WHERE task_id = 'gt_0004'");
    await execSql(db, "UPDATE generic_tasks SET due_date = '2025-09-30 00:00:00' WHERE task_id = 'gt_0003'");
    outcomeOf(await syncInProcess(workspace, syncInputs(emulator, { tasks: 'all' })));
    emulator.clearRequests();
  });

  afterEach(async () => {
    await emulator.stop();
    await workspace.dispose();
  });

  const sprintOf = (number: number): string | number | null => {
    const project = emulator.projects.projectByTitle('acme', TITLE);
    if (!project) throw new Error('no board');
    const item = emulator.projects.itemOfIssue(project, REPO, number);
    if (!item) throw new Error(`#${number} has no card`);
    return emulator.projects.valueOf(project, item, 'Sprint');
  };
  const issueOf = (outcome: BoardOutcome, itemKey: string): number => {
    const operation = outcome.plan.cards.find((candidate) => candidate.itemKey === itemKey);
    if (operation?.kind !== 'addCard') throw new Error(`${itemKey} was not added`);
    return operation.issue.number;
  };

  it('is created once with sprints covering every target date; each card gets its sprint; a re-sync sends nothing', async () => {
    const first = await board(workspace, emulator, { tasks: 'all' });
    expect(first.counts.failed).toBe(0);
    const project = emulator.projects.projectByTitle('acme', TITLE);
    if (!project) throw new Error('no board');
    const sprint = emulator.projects.field(project, 'Sprint');
    expect(sprint.dataType).toBe('ITERATION');
    // 14-day sprints from the Monday on or before the earliest target date through the latest (2025-09-30).
    expect(sprint.iterations.map(({ title, startDate, duration }) => [title, startDate, duration])).toEqual([
      ['Sprint 1', '2025-07-21', 14],
      ['Sprint 2', '2025-08-04', 14],
      ['Sprint 3', '2025-08-18', 14],
      ['Sprint 4', '2025-09-01', 14],
      ['Sprint 5', '2025-09-15', 14],
      ['Sprint 6', '2025-09-29', 14],
    ]);
    expect(sprintOf(issueOf(first, 'task:gt_root_0001'))).toBe('Sprint 1');
    expect(sprintOf(issueOf(first, 'task:gt_0004'))).toBe('Sprint 2');
    expect(sprintOf(issueOf(first, 'task:gt_0003'))).toBe('Sprint 6');
    for (const query of queries(emulator))
      expect(validateAgainstGitHub(query).map((error) => error.message)).toEqual([]);
    expect(mutations(emulator).filter((query) => query.includes('iterationConfiguration'))).toHaveLength(1);

    // These sprints are over by the emulator's clock: GitHub lists them as completedIterations, which the sync reads.
    emulator.clearRequests();
    const again = await board(workspace, emulator, { tasks: 'all' });
    expect(again.plan.setup).toEqual([]);
    expect(again.counts.unchanged).toBe(first.counts.added);
    expect(mutations(emulator)).toEqual([]);
  });

  it('uses a Sprint field people planned as it is: no iteration is rewritten, a date past the last sprint is a note', async () => {
    const created = await board(workspace, emulator, { tasks: 'all', 'board-action': 'create_board' });
    const project = emulator.projects.projectByTitle('acme', TITLE);
    if (!project || !created.board) throw new Error('no board');
    // Created by create_board too (no card has a value yet); people then replace it with their own plan.
    project.fields = project.fields.filter((field) => field.name !== 'Sprint');
    emulator.projects.addField(
      project,
      'Sprint',
      'ITERATION',
      [],
      [
        { title: 'Planned A', startDate: '2025-07-14', duration: 21 },
        { title: 'Planned B', startDate: '2025-08-04', duration: 21 },
      ],
    );
    const planned = emulator.projects
      .field(project, 'Sprint')
      .iterations.map((iteration) => ({ ...iteration }));
    emulator.clearRequests();
    const outcome = await board(workspace, emulator, { tasks: 'all', 'sprint-length': '7' });
    expect(outcome.counts.failed).toBe(0);
    expect(emulator.projects.field(project, 'Sprint').iterations).toEqual(planned);
    expect(mutations(emulator).some((query) => /createProjectV2Field|updateProjectV2Field/.test(query))).toBe(
      false,
    );
    expect(sprintOf(issueOf(outcome, 'task:gt_root_0001'))).toBe('Planned A');
    expect(sprintOf(issueOf(outcome, 'task:gt_0004'))).toBe('Planned B');
    expect(sprintOf(issueOf(outcome, 'task:gt_0003'))).toBeNull();
    const note = outcome.plan.notes.find((entry) => entry.itemKey === 'task:gt_0003');
    expect(note?.message).toContain(
      'target date 2025-09-30 is after the last sprint (Planned B ends 2025-08-24)',
    );
    expect(note?.message).toContain('Add iteration');
  });

  it('lays out sprint-length sprints from sprint-start', async () => {
    await board(workspace, emulator, { tasks: 'all', 'sprint-length': '30', 'sprint-start': '2025-07-01' });
    const project = emulator.projects.projectByTitle('acme', TITLE);
    if (!project) throw new Error('no board');
    expect(
      emulator.projects.field(project, 'Sprint').iterations.map((iteration) => iteration.startDate),
    ).toEqual(['2025-07-01', '2025-07-31', '2025-08-30', '2025-09-29']);
  });

  it('the emulator refuses an iteration configuration GitHub refuses, and lists sprints that are over as completed', async () => {
    await board(workspace, emulator, { tasks: 'all' });
    const project = emulator.projects.projectByTitle('acme', TITLE);
    if (!project) throw new Error('no board');
    const post = async (configuration: Record<string, unknown>) => {
      const response = await fetch(`${emulator.url}/graphql`, {
        method: 'POST',
        headers: { authorization: `bearer ${PAT}`, 'content-type': 'application/json', 'user-agent': 'test' },
        body: JSON.stringify({
          query: CREATE_ITERATION_FIELD,
          variables: { project: project.id, name: 'Cycle', configuration },
        }),
      });
      return (await response.json()) as { data?: unknown; errors?: { type: string; message: string }[] };
    };
    const zero = await post({ startDate: '2026-03-02', duration: 0, iterations: [] });
    expect(zero.errors?.[0]).toMatchObject({
      type: 'UNPROCESSABLE',
      message: 'Duration must be greater than 0',
    });
    const blank = await post({
      startDate: '2026-03-02',
      duration: 7,
      iterations: [{ title: ' ', startDate: '2026-03-02', duration: 7 }],
    });
    expect(blank.errors?.[0]?.message).toBe("Title can't be blank");
    const ok = await post({
      startDate: '2020-01-06',
      duration: 7,
      iterations: [
        { title: 'Past', startDate: '2020-01-06', duration: 7 },
        { title: 'Future', startDate: '2999-01-05', duration: 7 },
      ],
    });
    expect(ok.errors).toBeUndefined();
    // Rewriting iterations through the API gives every one a new id and clears the values (what the sync avoids).
    const cycle = emulator.projects.field(project, 'Cycle');
    const [card] = project.items;
    const past = cycle.iterations[0];
    if (!card || !past) throw new Error('no card');
    card.values.set(cycle.id, { iterationId: past.id });
    const rewrite = await fetch(`${emulator.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `bearer ${PAT}`, 'content-type': 'application/json', 'user-agent': 'test' },
      body: JSON.stringify({
        query: `mutation($field: ID!, $c: ProjectV2IterationFieldConfigurationInput!) { updateProjectV2Field(input: { fieldId: $field, iterationConfiguration: $c }) { projectV2Field { ... on ProjectV2IterationField { id } } } }`,
        variables: {
          field: cycle.id,
          c: {
            startDate: '2020-01-06',
            duration: 7,
            iterations: [{ title: 'Past', startDate: '2020-01-06', duration: 7 }],
          },
        },
      }),
    });
    expect(((await rewrite.json()) as { errors?: unknown }).errors).toBeUndefined();
    expect(cycle.iterations[0]?.id).not.toBe(past.id);
    expect(card.values.has(cycle.id)).toBe(false);
    cycle.iterations.push({ id: 'future1', title: 'Future', startDate: '2999-01-05', duration: 7 });
    const read = await fetch(`${emulator.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `bearer ${PAT}`, 'content-type': 'application/json', 'user-agent': 'test' },
      body: JSON.stringify({
        query: `query($id: ID!) { node(id: $id) { ... on ProjectV2 { field(name: "Cycle") { ... on ProjectV2IterationField { configuration { iterations { title } completedIterations { title } } } } } } }`,
        variables: { id: project.id },
      }),
    });
    expect(((await read.json()) as { data: unknown }).data).toEqual({
      node: {
        field: {
          configuration: { iterations: [{ title: 'Future' }], completedIterations: [{ title: 'Past' }] },
        },
      },
    });
  });

  it('refuses a sprint length or start that is not one, before any request', async () => {
    const length = await rejection(board(workspace, emulator, { 'sprint-length': '0' }));
    expect(length.code).toBe('CONFIG_INVALID');
    expect(length.message).toContain('sprint-length "0" is not a number of days from 1 to 180');
    const start = await rejection(board(workspace, emulator, { 'sprint-start': '2026-02-30' }));
    expect(start.code).toBe('CONFIG_INVALID');
    expect(start.message).toContain('sprint-start "2026-02-30" is not a date');
    expect(emulator.requests.filter((request) => request.path === '/graphql')).toEqual([]);
  });
});
