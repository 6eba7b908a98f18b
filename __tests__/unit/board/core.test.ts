import { deriveDesiredCards } from '../../../src/board/desired.js';
import type { ActualBoard, ActualBoardField } from '../../../src/board/model.js';
import {
  planBoard,
  STATUS_STASH_FIELD,
  type BoardAction,
  type BoardPlanInput,
} from '../../../src/board/plan.js';
import {
  boardColumns,
  DEFAULT_STATUS_MAPPING,
  resolveStatusMapping,
  statusesFor,
} from '../../../src/board/status-mapping.js';
import { BOARD_TEMPLATES, boardTemplate } from '../../../src/board/templates.js';
import { OrchestratorGitError } from '../../../src/errors.js';
import { feature, orchestratorState, task } from '../../../test-support/builders.js';

function thrown(fn: () => unknown): OrchestratorGitError {
  try {
    fn();
  } catch (error) {
    if (error instanceof OrchestratorGitError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('board templates', () => {
  it.each([
    ['feature_development', ['feature', 'task'], ['Status', 'Progress']],
    ['release_planning', ['feature'], ['Status', 'Progress', 'Target date', 'Release']],
    ['sprint_board', ['task'], ['Status', 'Progress', 'Target date', 'Sprint']],
  ])('%s shows %j with fields %j', (type, cards, fields) => {
    const template = boardTemplate(type);
    expect(template.cards).toEqual(cards);
    expect(template.fields.map((field) => field.name)).toEqual(fields);
  });

  it('accepts dashes and capitals, and names the known types for an unknown one', () => {
    expect(boardTemplate('Sprint-Board').type).toBe('sprint_board');
    const error = thrown(() => boardTemplate('kanban'));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('"kanban"');
    expect(error.fix).toContain('feature_development, release_planning, sprint_board');
  });
});

describe('status mapping', () => {
  it("defaults to the seed's mapping and covers every orchestrator status", () => {
    const mapping = resolveStatusMapping(null, BOARD_TEMPLATES.feature_development);
    expect(mapping).toMatchObject({
      proposed: 'Backlog',
      approved: 'To Do',
      in_progress: 'In Progress',
      completed: 'Done',
    });
    for (const status of ['pending', 'blocked', 'failed', 'cancelled', 'archived'] as const)
      expect(mapping[status]).toEqual(expect.any(String));
  });

  it('lists every unmapped status of the board’s cards', () => {
    const error = thrown(() =>
      resolveStatusMapping(
        { pending: 'Todo', in_progress: 'Doing', completed: 'Done' },
        BOARD_TEMPLATES.sprint_board,
      ),
    );
    expect(error.message).toContain('unmapped: failed, blocked, cancelled');
    expect(error.fix).toContain('failed=Blocked');
  });

  it('only asks for the statuses the template’s cards can have', () => {
    expect(statusesFor(['feature'])).toEqual([
      'proposed',
      'approved',
      'in_progress',
      'completed',
      'archived',
    ]);
    const mapping = resolveStatusMapping(
      {
        proposed: 'Ideas',
        approved: 'Ready',
        'in-progress': 'Doing',
        completed: 'Shipped',
        archived: 'Shipped',
      },
      BOARD_TEMPLATES.release_planning,
    );
    expect(boardColumns(BOARD_TEMPLATES.release_planning, mapping)).toEqual([
      'Ideas',
      'Ready',
      'Doing',
      'Shipped',
    ]);
  });

  it('rejects a key that is not a status and an empty column', () => {
    expect(
      thrown(() => resolveStatusMapping({ doing: 'X' }, BOARD_TEMPLATES.sprint_board)).message,
    ).toContain('"doing"');
    expect(
      thrown(() => resolveStatusMapping({ pending: ' ' }, BOARD_TEMPLATES.sprint_board)).message,
    ).toContain('1 to 100 characters');
  });

  it('orders columns by the template and leaves out unused ones', () => {
    expect(boardColumns(BOARD_TEMPLATES.release_planning, { ...DEFAULT_STATUS_MAPPING })).toEqual([
      'Backlog',
      'To Do',
      'In Progress',
      'Done',
    ]);
    expect(boardColumns(BOARD_TEMPLATES.sprint_board, { ...DEFAULT_STATUS_MAPPING })).toEqual([
      'To Do',
      'In Progress',
      'Blocked',
      'Done',
    ]);
  });
});

describe('deriveDesiredCards', () => {
  const state = orchestratorState({
    features: [feature('F1', { status: 'in_progress' }), feature('F2', { status: 'completed' })],
    tasks: [
      task('t1', { featureId: 'F1', status: 'in_progress', dueDate: '2026-03-01T00:00:00Z' }),
      task('t1a', { parentId: 't1', status: 'completed' }),
      task('t1b', { parentId: 't1', status: 'pending' }),
      task('t1c', { parentId: 't1', status: 'cancelled' }),
      task('t2', { featureId: 'F1', status: 'completed' }),
      task('t3', { featureId: 'F2', status: 'pending' }),
    ],
    milestones: [
      {
        id: 1,
        name: 'v1.0',
        targetDate: '2026-04-01',
        platformMilestoneId: null,
        includedFeatures: ['F1'],
        status: 'active',
      },
    ],
  });

  it('maps status to a column, counts progress over non-cancelled subtasks, and dates tasks', () => {
    const cards = deriveDesiredCards(state, BOARD_TEMPLATES.feature_development, {
      ...DEFAULT_STATUS_MAPPING,
    });
    expect(
      cards.map((card) => [card.itemKey, card.column, card.progress, card.targetDate, card.release]),
    ).toEqual([
      ['feature:F1', 'In Progress', 50, '2026-04-01', 'v1.0'],
      ['feature:F2', 'Done', 100, null, null],
      ['task:t1', 'In Progress', 50, '2026-03-01', 'v1.0'],
      ['task:t2', 'Done', 100, '2026-04-01', 'v1.0'],
      ['task:t3', 'To Do', 0, null, null],
    ]);
  });

  it('release_planning shows features only; sprint_board tasks only', () => {
    const mapping = { ...DEFAULT_STATUS_MAPPING };
    expect(deriveDesiredCards(state, BOARD_TEMPLATES.release_planning, mapping).map((c) => c.kind)).toEqual([
      'feature',
      'feature',
    ]);
    expect(
      deriveDesiredCards(state, BOARD_TEMPLATES.sprint_board, mapping, { tasks: 'all' }).map(
        (c) => c.itemKey,
      ),
    ).toEqual(['task:t1', 'task:t1a', 'task:t1b', 'task:t1c', 'task:t2', 'task:t3']);
  });
});

describe('planBoard', () => {
  const template = BOARD_TEMPLATES.feature_development;
  const mapping = { ...DEFAULT_STATUS_MAPPING };
  const columns = boardColumns(template, mapping);
  const status: ActualBoardField = {
    id: 'F_status',
    name: 'Status',
    kind: 'single_select',
    options: [
      { id: 'o1', name: 'Todo', color: 'GRAY' },
      { id: 'o2', name: 'In Progress', color: 'YELLOW' },
      { id: 'o3', name: 'Done', color: 'GREEN' },
    ],
    iterations: [],
  };
  const fullStatus: ActualBoardField = {
    ...status,
    options: columns.map((name, index) => ({ id: `c${index}`, name })),
  };
  const progress: ActualBoardField = {
    id: 'F_prog',
    name: 'Progress',
    kind: 'number',
    options: [],
    iterations: [],
  };
  const card = (itemKey: string, column: string, value: number) => ({
    card: {
      itemKey,
      kind: 'task' as const,
      title: itemKey,
      status: 'pending' as const,
      column,
      progress: value,
      targetDate: null,
      release: null,
    },
    issue: {
      repository: 'acme/widgets',
      number: Number(itemKey.replace(/\D/g, '')),
      contentId: `I_${itemKey}`,
    },
  });
  const board = (fields: ActualBoardField[], cards: ActualBoard['cards'] = []): ActualBoard => ({
    id: 'P1',
    number: 1,
    title: 'Board',
    url: 'https://example.test/p/1',
    fields,
    cards,
  });
  const input = (actual: ActualBoard | null, action: BoardAction = 'sync'): BoardPlanInput => ({
    cards: [card('task:1', 'In Progress', 50), card('task:2', 'Done', 100)],
    actual,
    title: 'Board',
    template,
    columns,
    action,
  });

  it('plans the board, its fields and every card when there is no board', () => {
    const plan = planBoard(input(null));
    expect(plan.setup.map((op) => op.kind)).toEqual(['createBoard', 'createField', 'createField']);
    expect(plan.cards.map((op) => [op.kind, op.writes.map((write) => write.field)])).toEqual([
      ['addCard', ['Status', 'Progress']],
      ['addCard', ['Status', 'Progress']],
    ]);
  });

  it('adds missing Status options after the existing ones (GitHub’s Todo serves as To Do) and restores every card value, human ones included', () => {
    const human = {
      id: 'human',
      issue: null,
      values: { Status: { kind: 'option' as const, optionId: 'o1', name: 'Todo' } },
    };
    const plan = planBoard(input(board([status, progress], [human])));
    const setup = plan.setup[0];
    expect(setup?.kind).toBe('addStatusOptions');
    if (setup?.kind !== 'addStatusOptions') return;
    expect(setup.options.map((option) => [option.id ?? null, option.name])).toEqual([
      ['o1', 'Todo'],
      ['o2', 'In Progress'],
      ['o3', 'Done'],
      [null, 'Backlog'],
      [null, 'Blocked'],
    ]);
    expect(setup.restore).toEqual([{ cardId: 'human', option: 'Todo' }]);
  });

  describe('the Status stash a run that died during an options rewrite left on the board', () => {
    const stash: ActualBoardField = {
      id: 'F_stash',
      name: STATUS_STASH_FIELD,
      kind: 'text',
      options: [],
      iterations: [],
    };
    const stashed = (id: string, text: string, statusName: string | null = null) => ({
      id,
      issue: null,
      values: {
        [STATUS_STASH_FIELD]: { kind: 'text' as const, text },
        ...(statusName ? { Status: { kind: 'option' as const, optionId: 'x', name: statusName } } : {}),
      },
    });

    it('writes back stashed values to empty Status only, skips unknown options, and comes first', () => {
      const plan = planBoard(
        input(
          board(
            [fullStatus, progress, stash],
            [
              stashed('cleared', 'Blocked'),
              stashed('set since', 'Backlog', 'Done'),
              stashed('gone option', 'Someday'),
            ],
          ),
        ),
      );
      expect(plan.setup[0]).toMatchObject({
        kind: 'restoreStatusStash',
        stashFieldId: 'F_stash',
        fieldId: 'F_status',
        restore: [{ cardId: 'cleared', option: 'Blocked' }],
      });
      expect(plan.setup).toHaveLength(1);
    });

    it('passes the recovered values on when options are still missing, so the next rewrite keeps them', () => {
      const plan = planBoard(input(board([status, progress, stash], [stashed('cleared', 'Done')])));
      expect(plan.setup.map((op) => op.kind)).toEqual(['restoreStatusStash', 'addStatusOptions']);
      const add = plan.setup[1];
      expect(add?.kind === 'addStatusOptions' && add.restore).toEqual([
        { cardId: 'cleared', option: 'Done' },
      ]);
    });
  });

  it('writes only the values that differ and leaves matching cards and human cards alone', () => {
    const actual = board(
      [fullStatus, progress],
      [
        {
          id: 'c1',
          issue: { repository: 'Acme/Widgets', number: 1 },
          values: {
            Status: { kind: 'option', optionId: 'c2', name: 'in progress' },
            Progress: { kind: 'number', number: 50 },
          },
        },
        {
          id: 'c2',
          issue: { repository: 'acme/widgets', number: 2 },
          values: {
            Status: { kind: 'option', optionId: 'c2', name: 'In Progress' },
            Progress: { kind: 'number', number: 50 },
          },
        },
        { id: 'c3', issue: { repository: 'acme/widgets', number: 99 }, values: {} },
      ],
    );
    const plan = planBoard(input(actual));
    expect(plan.setup).toEqual([]);
    expect(plan.unchanged).toEqual(['task:1']);
    expect(plan.cards).toEqual([
      expect.objectContaining({
        kind: 'updateCard',
        cardId: 'c2',
        writes: [
          { field: 'Status', role: 'status', value: { option: 'Done' } },
          { field: 'Progress', role: 'progress', value: { number: 100 } },
        ],
        reason: 'Status In Progress → Done, Progress 50 → 100',
      }),
    ]);
  });

  it('move_card writes only Status, update_progress only Progress, and neither adds cards', () => {
    const actual = board(
      [fullStatus, progress],
      [{ id: 'c2', issue: { repository: 'acme/widgets', number: 2 }, values: {} }],
    );
    const move = planBoard(input(actual, 'move_card'));
    expect(move.cards.map((op) => op.writes.map((write) => write.field))).toEqual([['Status']]);
    expect(move.notes.map((note) => note.itemKey)).toEqual(['task:1']);
    const progressPlan = planBoard(input(actual, 'update_progress'));
    expect(progressPlan.cards.map((op) => op.writes.map((write) => write.field))).toEqual([['Progress']]);
    expect(planBoard(input(actual, 'create_board')).cards).toEqual([]);
  });

  it('leaves a same-named field of another kind alone, with a note', () => {
    const text: ActualBoardField = { id: 'F_t', name: 'progress', kind: 'text', options: [], iterations: [] };
    const plan = planBoard(input(board([fullStatus, text])));
    expect(plan.setup).toEqual([]);
    expect(plan.notes[0]?.message).toContain('"progress" is a text, not a number');
    expect(plan.cards.flatMap((op) => op.writes.map((write) => write.field))).not.toContain('progress');
  });

  it('sets the sprint iteration containing the target date when the board has a Sprint field', () => {
    const sprint: ActualBoardField = {
      id: 'F_s',
      name: 'Sprint',
      kind: 'iteration',
      options: [],
      iterations: [
        { id: 'it1', title: 'Sprint 1', startDate: '2026-03-02', duration: 14 },
        { id: 'it2', title: 'Sprint 2', startDate: '2026-03-16', duration: 14 },
      ],
    };
    const plan = planBoard({
      ...input(board([fullStatus, progress, sprint])),
      template: BOARD_TEMPLATES.sprint_board,
      cards: [
        {
          ...card('task:1', 'To Do', 0),
          card: { ...card('task:1', 'To Do', 0).card, targetDate: '2026-03-16' },
        },
      ],
    });
    expect(plan.cards[0]?.writes).toContainEqual({
      field: 'Sprint',
      role: 'sprint',
      value: { iterationId: 'it2', title: 'Sprint 2' },
    });
    const withoutSprint = planBoard({
      ...input(board([fullStatus, progress])),
      template: BOARD_TEMPLATES.sprint_board,
    });
    expect(withoutSprint.notes.map((note) => note.message).join('\n')).toContain(
      'no iteration field named "Sprint"',
    );
  });
});
