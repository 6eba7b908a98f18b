/** The Sprint field the sync lays out, and where a target date stands against a field's sprints. */
import { planBoard, type BoardPlanInput } from '../../../src/board/plan.js';
import { layOutSprints, MAX_SPRINTS, mondayOnOrBefore, placeInSprints } from '../../../src/board/sprints.js';
import { boardColumns, DEFAULT_STATUS_MAPPING } from '../../../src/board/status-mapping.js';
import { BOARD_TEMPLATES } from '../../../src/board/templates.js';
import type { ActualBoard } from '../../../src/board/model.js';

describe('mondayOnOrBefore', () => {
  it.each([
    ['2026-03-02', '2026-03-02'], // a Monday
    ['2026-03-08', '2026-03-02'], // the Sunday after it
    ['2026-03-04', '2026-03-02'],
    ['2026-01-01', '2025-12-29'], // across a year
  ])('%s → %s', (date, monday) => expect(mondayOnOrBefore(date)).toBe(monday));
});

describe('layOutSprints', () => {
  it('starts on the Monday on or before the earliest date and covers the latest', () => {
    const layout = layOutSprints({ length: 14, start: null }, ['2026-04-20', '2026-03-04'], '2026-01-01');
    expect(layout.startDate).toBe('2026-03-02');
    expect(layout.duration).toBe(14);
    expect(layout.iterations.map((iteration) => iteration.startDate)).toEqual([
      '2026-03-02',
      '2026-03-16',
      '2026-03-30',
      '2026-04-13',
    ]);
    expect(layout.iterations[3]?.title).toBe('Sprint 4');
  });

  it('without target dates starts this week, with at least three sprints', () => {
    const layout = layOutSprints({ length: 7, start: null }, [], '2026-11-26');
    expect(layout.iterations.map((iteration) => iteration.startDate)).toEqual([
      '2026-11-23',
      '2026-11-30',
      '2026-12-07',
    ]);
  });

  it('takes the configured start as it is, and stops at MAX_SPRINTS', () => {
    const layout = layOutSprints({ length: 1, start: '2026-03-04' }, ['2030-01-01'], '2026-01-01');
    expect(layout.startDate).toBe('2026-03-04');
    expect(layout.iterations).toHaveLength(MAX_SPRINTS);
  });
});

describe('placeInSprints', () => {
  const sprints = [
    { id: 'b', title: 'B', startDate: '2026-03-23', duration: 7 },
    { id: 'a', title: 'A', startDate: '2026-03-02', duration: 14 },
  ];
  it.each([
    ['2026-03-02', 'in', 'A'],
    ['2026-03-15', 'in', 'A'],
    ['2026-03-16', 'gap', null],
    ['2026-03-29', 'in', 'B'],
    ['2026-03-01', 'before', null],
    ['2026-03-30', 'after', null],
  ])('%s is %s %s', (date, kind, title) => {
    const place = placeInSprints(sprints, date);
    expect(place.kind).toBe(kind);
    if (place.kind === 'in') expect(place.iteration.title).toBe(title);
  });
  it('says when the last sprint ends', () => {
    expect(placeInSprints(sprints, '2026-04-10')).toMatchObject({ kind: 'after', ends: '2026-03-29' });
    expect(placeInSprints([], '2026-04-10').kind).toBe('none');
  });
});

describe('planBoard and the Sprint field', () => {
  const template = BOARD_TEMPLATES.sprint_board;
  const mapping = { ...DEFAULT_STATUS_MAPPING };
  const task = (id: number, targetDate: string | null): BoardPlanInput['cards'][number] => ({
    card: {
      itemKey: `task:${id}`,
      kind: 'task',
      title: `Task ${id}`,
      status: 'pending',
      column: 'To Do',
      progress: 0,
      targetDate,
      release: null,
    },
    issue: { repository: 'acme/widgets', number: id, contentId: `I_${id}` },
  });
  const board = (sprint: ActualBoard['fields'][number] | null): ActualBoard => ({
    id: 'P1',
    number: 1,
    title: 'Sprints',
    url: 'https://example.test/p/1',
    fields: [
      {
        id: 'F_status',
        name: 'Status',
        kind: 'single_select',
        options: boardColumns(template, mapping).map((name, index) => ({ id: `o${index}`, name })),
        iterations: [],
      },
      ...(sprint ? [sprint] : []),
    ],
    cards: [],
  });
  const input = (actual: ActualBoard): BoardPlanInput => ({
    cards: [task(1, '2026-03-04'), task(2, '2026-05-20'), task(3, null)],
    actual,
    title: 'Sprints',
    template,
    columns: boardColumns(template, mapping),
    action: 'sync',
    sprint: { settings: { length: 14, start: null }, today: '2026-01-01' },
  });

  it('creates a missing Sprint field with sprints through the latest target date', () => {
    const plan = planBoard(input(board(null)));
    const create = plan.setup.find(
      (operation) => operation.kind === 'createField' && operation.field.name === 'Sprint',
    );
    if (create?.kind !== 'createField') throw new Error('no Sprint field planned');
    expect(create.sprints?.startDate).toBe('2026-03-02');
    expect(create.sprints?.iterations.at(-1)?.startDate).toBe('2026-05-11');
  });

  it('never plans a change to an existing Sprint field; a date past its last sprint is a note, not a write', () => {
    const plan = planBoard(
      input(
        board({
          id: 'F_sprint',
          name: 'sprint',
          kind: 'iteration',
          options: [],
          iterations: [{ id: 'it1', title: 'Planned', startDate: '2026-03-02', duration: 14 }],
        }),
      ),
    );
    expect(
      plan.setup
        .filter((operation) => operation.kind === 'createField')
        .map((op) => op.kind === 'createField' && op.field.name),
    ).not.toContain('Sprint');
    const writes = (id: number) =>
      plan.cards
        .find((operation) => operation.itemKey === `task:${id}`)
        ?.writes.filter((write) => write.role === 'sprint');
    expect(writes(1)).toEqual([
      { field: 'sprint', role: 'sprint', value: { iterationId: 'it1', title: 'Planned' } },
    ]);
    expect(writes(2)).toEqual([]);
    expect(plan.notes).toEqual([
      {
        itemKey: 'task:2',
        message: expect.stringContaining(
          'target date 2026-05-20 is after the last sprint (Planned ends 2026-03-15)',
        ),
      },
    ]);
  });
});
