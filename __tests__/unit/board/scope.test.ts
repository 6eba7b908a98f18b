/** board-scope and board-milestone: how they resolve, and the scope set-up the plan holds. */
import { resolveBoardSettings } from '../../../src/board/config.js';
import type { ActualBoard } from '../../../src/board/model.js';
import { planBoard, type BoardPlanInput } from '../../../src/board/plan.js';
import { boardColumns, DEFAULT_STATUS_MAPPING } from '../../../src/board/status-mapping.js';
import { BOARD_TEMPLATES } from '../../../src/board/templates.js';

describe('resolveBoardSettings: scope and milestone', () => {
  it('defaults to a project board without a milestone; a milestone names the default title', () => {
    expect(resolveBoardSettings({}, 'acme/widgets')).toMatchObject({ scope: 'project', milestone: null });
    expect(
      resolveBoardSettings(
        { 'board-type': 'release_planning', 'board-milestone': 'v1.0', 'board-scope': 'Group' },
        'acme/widgets',
      ),
    ).toMatchObject({ scope: 'group', milestone: 'v1.0', title: 'widgets · release planning · v1.0' });
  });

  it('refuses an unknown scope', () => {
    expect(() => resolveBoardSettings({ 'board-scope': 'team' }, 'acme/widgets')).toThrow(
      'board-scope "team" is not a board scope.',
    );
  });
});

describe('planBoard: the milestone scope', () => {
  const template = BOARD_TEMPLATES.release_planning;
  const columns = boardColumns(template, { ...DEFAULT_STATUS_MAPPING });
  const board = (milestone: string | null | undefined): ActualBoard => ({
    id: '7',
    number: 7,
    title: 'Release',
    url: 'https://example.test/-/boards/7',
    fields: [
      {
        id: 'status',
        name: 'Status',
        kind: 'single_select',
        options: columns.map((name, index) => ({ id: String(index), name })),
        iterations: [],
      },
    ],
    cards: [],
    ...(milestone === undefined ? {} : { milestone }),
  });
  const input = (actual: ActualBoard, milestone: string | null): BoardPlanInput => ({
    cards: [],
    actual,
    title: 'Release',
    template: { ...template, fields: template.fields.filter((field) => field.role === 'status') },
    columns,
    action: 'sync',
    milestone,
  });

  it.each([
    ['an unscoped board', null, 'v1.0', ['scopeBoard']],
    ['a board scoped elsewhere', 'v0.9', 'v1.0', ['scopeBoard']],
    ['a board already scoped', 'v1.0', 'v1.0', []],
    ['no wanted scope (a scope people set stays)', 'v0.9', null, []],
    ['a platform without scopes', undefined, 'v1.0', []],
  ])('%s', (_name, actual, wanted, kinds) => {
    expect(planBoard(input(board(actual), wanted)).setup.map((operation) => operation.kind)).toEqual(kinds);
  });
});
