/**
 * Project issue boards and their lists: `GET/POST /projects/:id/boards`, `GET /projects/:id/boards/:board_id`,
 * `GET/POST /projects/:id/boards/:board_id/lists`, `GET/PUT/DELETE /projects/:id/boards/:board_id/lists/:list_id`.
 *
 * Documented behaviour followed (docs.gitlab.com/api/boards/; lib/api/boards.rb, lib/api/boards_responses.rb,
 * app/models/list.rb, app/services/boards/lists/create_service.rb):
 * - Reading needs read access to the project (a project the caller cannot see is 404 "Project Not Found"); a board
 *   or list id that is not the project's is 404 `{"message":"404 Board Not Found"}` / `{"message":"404 List Not
 *   Found"}` (`not_found!('Board')`, `not_found!('List')`).
 * - Creating a board (`name` required: 400 `{"error":"name is missing"}`) and creating, moving or deleting a list
 *   need `admin_issue_board` / `admin_issue_board_list`: Planner/Reporter or higher, else 403 `{"message":"403
 *   Forbidden"}`. Several boards per project are allowed (GitLab Free since 12.1), names need not be unique.
 * - A board answers with `id`, `name`, `project` (basic), `milestone`, `assignee`, `labels`, `weight`,
 *   `hide_backlog_list`, `hide_closed_list` and `lists` (label lists only; the Open and Closed lists are implicit).
 * - Create a list: exactly one of `label_id`, `assignee_id`, `milestone_id`, `iteration_id` (Grape
 *   `exactly_one_of`: 400 `{"error":"label_id, assignee_id, milestone_id, iteration_id are missing, exactly one
 *   parameter must be provided"}`); assignee, milestone and iteration lists are Premium (this emulator, like GitLab
 *   Free, takes label lists only: 400 `{"error":"List type is not supported"}` — wording unverified). A label that
 *   the project cannot use is 400 `{"error":"Label not found"}`; a label that already has a list on the board is 400
 *   `{"error":"List already exists"}` (wording unverified). New lists go last; answers 201 with the List entity
 *   (`id`, `label` as LabelBasic, `position`, `max_issue_count`, `max_issue_weight`, `limit_metric`).
 * - Move a list: `position` (required, integer ≥ 0); the others shift. Delete: 204, the others close the gap.
 * - Scoped labels are ordinary labels here: the board shows each open issue in the list of its label (issues with
 *   two labels of one scope cannot exist: see handlers/issues.ts).
 */

import { PLANNER, requireRole } from '../auth.js';
import { grapeError, messageError } from '../http.js';
import { renderLabel, type Urls } from '../render.js';
import type { ProjectContext, ProjectRoute } from '../router.js';
import type { LabelRecord, ProjectRecord, Store } from '../store.js';
import { listResponse } from './common.js';
import { PAGINATION_SPECS } from '../http.js';

export const BOARDS_DOCS = 'https://docs.gitlab.com/api/boards/';

export interface BoardListRecord {
  id: number;
  labelId: number;
  position: number;
}

export interface BoardRecord {
  id: number;
  name: string;
  projectId: number;
  lists: BoardListRecord[];
  hideBacklogList: boolean;
  hideClosedList: boolean;
}

interface BoardSpace {
  nextBoardId: number;
  nextListId: number;
  boards: Map<number, BoardRecord[]>;
}

/** Boards live beside the store (keyed by it), so the store's records need no change for them. */
const spaces = new WeakMap<Store, BoardSpace>();

function space(store: Store): BoardSpace {
  let found = spaces.get(store);
  if (!found) {
    found = { nextBoardId: 1, nextListId: 1, boards: new Map() };
    spaces.set(store, found);
  }
  return found;
}

/** The project's boards, oldest first. */
export function projectBoards(store: Store, project: ProjectRecord): BoardRecord[] {
  const all = space(store).boards;
  let boards = all.get(project.id);
  if (!boards) {
    boards = [];
    all.set(project.id, boards);
  }
  return boards;
}

export function createBoard(store: Store, project: ProjectRecord, name: string): BoardRecord {
  const board: BoardRecord = {
    id: space(store).nextBoardId++,
    name,
    projectId: project.id,
    lists: [],
    hideBacklogList: false,
    hideClosedList: false,
  };
  projectBoards(store, project).push(board);
  return board;
}

export function addList(store: Store, board: BoardRecord, label: LabelRecord): BoardListRecord {
  const list: BoardListRecord = {
    id: space(store).nextListId++,
    labelId: label.id,
    position: board.lists.length,
  };
  board.lists.push(list);
  return list;
}

function renderList(store: Store, project: ProjectRecord, list: BoardListRecord): Record<string, unknown> {
  const label = store.labelById(project, list.labelId);
  const full = label ? renderLabel(store, project, label, false) : null;
  return {
    id: list.id,
    label: full
      ? {
          id: full.id,
          name: full.name,
          color: full.color,
          description: full.description,
          description_html: full.description_html,
          text_color: full.text_color,
        }
      : null,
    position: list.position,
    max_issue_count: 0,
    max_issue_weight: 0,
    limit_metric: null,
  };
}

export function renderBoard(
  store: Store,
  project: ProjectRecord,
  board: BoardRecord,
  urls: Urls,
): Record<string, unknown> {
  return {
    id: board.id,
    name: board.name,
    hide_backlog_list: board.hideBacklogList,
    hide_closed_list: board.hideClosedList,
    project: {
      id: project.id,
      name: project.name,
      name_with_namespace: project.fullPath.split('/').join(' / '),
      path: project.path,
      path_with_namespace: project.fullPath,
      web_url: `${urls.web}/${project.fullPath}`,
    },
    milestone: null,
    assignee: null,
    labels: [],
    weight: null,
    lists: [...board.lists]
      .sort((a, b) => a.position - b.position)
      .map((list) => renderList(store, project, list)),
  };
}

function findBoard(ctx: ProjectContext): BoardRecord {
  const id = Number(ctx.params['board_id']);
  const board = projectBoards(ctx.store, ctx.project).find((candidate) => candidate.id === id);
  if (!board) throw messageError(404, '404 Board Not Found');
  return board;
}

function findList(ctx: ProjectContext, board: BoardRecord): BoardListRecord {
  const id = Number(ctx.params['list_id']);
  const list = board.lists.find((candidate) => candidate.id === id);
  if (!list) throw messageError(404, '404 List Not Found');
  return list;
}

function renumber(board: BoardRecord): void {
  [...board.lists]
    .sort((a, b) => a.position - b.position)
    .forEach((list, index) => {
      list.position = index;
    });
}

const BOARD_ID = { name: 'board_id', type: 'integer', required: true } as const;
const LIST_ID = { name: 'list_id', type: 'integer', required: true } as const;
const LIST_KINDS = ['label_id', 'assignee_id', 'milestone_id', 'iteration_id'] as const;

export const boardRoutes: ProjectRoute[] = [
  {
    method: 'GET',
    template: '/projects/:id/boards',
    docs: BOARDS_DOCS,
    resource: 'project',
    rules: { specs: [...PAGINATION_SPECS] },
    handler: (ctx) =>
      listResponse(ctx, projectBoards(ctx.store, ctx.project), (board) =>
        renderBoard(ctx.store, ctx.project, board, ctx.urls),
      ),
  },
  {
    method: 'POST',
    template: '/projects/:id/boards',
    docs: BOARDS_DOCS,
    resource: 'project',
    rules: { specs: [{ name: 'name', type: 'string', required: true }] },
    handler: (ctx) => {
      requireRole(ctx.store, ctx.principal, ctx.project, PLANNER);
      const board = createBoard(ctx.store, ctx.project, String(ctx.params['name']));
      return { status: 201, body: renderBoard(ctx.store, ctx.project, board, ctx.urls) };
    },
  },
  {
    method: 'GET',
    template: '/projects/:id/boards/:board_id',
    docs: BOARDS_DOCS,
    resource: 'project',
    rules: { specs: [BOARD_ID] },
    handler: (ctx) => ({ status: 200, body: renderBoard(ctx.store, ctx.project, findBoard(ctx), ctx.urls) }),
  },
  {
    method: 'GET',
    template: '/projects/:id/boards/:board_id/lists',
    docs: BOARDS_DOCS,
    resource: 'project',
    rules: { specs: [BOARD_ID, ...PAGINATION_SPECS] },
    handler: (ctx) => {
      const board = findBoard(ctx);
      const lists = [...board.lists].sort((a, b) => a.position - b.position);
      return listResponse(ctx, lists, (list) => renderList(ctx.store, ctx.project, list));
    },
  },
  {
    method: 'POST',
    template: '/projects/:id/boards/:board_id/lists',
    docs: BOARDS_DOCS,
    resource: 'project',
    rules: {
      specs: [
        BOARD_ID,
        { name: 'label_id', type: 'integer' },
        { name: 'assignee_id', type: 'integer' },
        { name: 'milestone_id', type: 'integer' },
        { name: 'iteration_id', type: 'integer' },
      ],
    },
    handler: (ctx) => {
      const given = LIST_KINDS.filter((name) => ctx.params[name] !== undefined);
      if (given.length !== 1) {
        throw grapeError(
          400,
          given.length === 0
            ? `${LIST_KINDS.join(', ')} are missing, exactly one parameter must be provided`
            : `${given.join(', ')} are mutually exclusive`,
        );
      }
      const board = findBoard(ctx);
      requireRole(ctx.store, ctx.principal, ctx.project, PLANNER);
      if (given[0] !== 'label_id') throw grapeError(400, 'List type is not supported');
      const label = ctx.store.labelById(ctx.project, Number(ctx.params['label_id']));
      if (!label) throw grapeError(400, 'Label not found');
      if (board.lists.some((list) => list.labelId === label.id)) throw grapeError(400, 'List already exists');
      const list = addList(ctx.store, board, label);
      return { status: 201, body: renderList(ctx.store, ctx.project, list) };
    },
  },
  {
    method: 'GET',
    template: '/projects/:id/boards/:board_id/lists/:list_id',
    docs: BOARDS_DOCS,
    resource: 'project',
    rules: { specs: [BOARD_ID, LIST_ID] },
    handler: (ctx) => ({
      status: 200,
      body: renderList(ctx.store, ctx.project, findList(ctx, findBoard(ctx))),
    }),
  },
  {
    method: 'PUT',
    template: '/projects/:id/boards/:board_id/lists/:list_id',
    docs: BOARDS_DOCS,
    resource: 'project',
    rules: { specs: [BOARD_ID, LIST_ID, { name: 'position', type: 'integer', required: true, min: 0 }] },
    handler: (ctx) => {
      const board = findBoard(ctx);
      const list = findList(ctx, board);
      requireRole(ctx.store, ctx.principal, ctx.project, PLANNER);
      const others = [...board.lists]
        .filter((candidate) => candidate !== list)
        .sort((a, b) => a.position - b.position);
      const at = Math.min(Number(ctx.params['position']), others.length);
      others.splice(at, 0, list);
      others.forEach((entry, index) => {
        entry.position = index;
      });
      return { status: 200, body: renderList(ctx.store, ctx.project, list) };
    },
  },
  {
    method: 'DELETE',
    template: '/projects/:id/boards/:board_id/lists/:list_id',
    docs: BOARDS_DOCS,
    resource: 'project',
    rules: { specs: [BOARD_ID, LIST_ID] },
    handler: (ctx) => {
      const board = findBoard(ctx);
      const list = findList(ctx, board);
      requireRole(ctx.store, ctx.principal, ctx.project, PLANNER);
      board.lists.splice(board.lists.indexOf(list), 1);
      renumber(board);
      return { status: 204 };
    },
  },
];
