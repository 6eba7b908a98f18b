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
 * - Update a board (`PUT /projects/:id/boards/:board_id`, `PUT /groups/:id/boards/:board_id`): `name`,
 *   `hide_backlog_list`, `hide_closed_list`, and the Premium scope `milestone_id`, `assignee_id`, `labels`, `weight`
 *   (Boards::UpdateService deletes those params unless `scoped_issue_board` is licensed: on Free they are dropped
 *   without an error, and the board JSON has no `milestone`, `assignee`, `labels`, `weight` keys — EE
 *   Entities::Board exposes them only `if scoped_issue_available?`). A milestone the board's parent cannot use (for a
 *   project board: the project's or its group's; for a group board: the group's) is stored as none, silently
 *   (EE::Boards::BaseService#set_milestone). Only the milestone is kept here; assignee, labels and weight are accepted
 *   and not modelled. Needs Planner/Reporter or higher, else 403.
 * - Group boards (docs.gitlab.com/api/group_boards/; lib/api/group_boards.rb, ee/lib/ee/api/group_boards.rb): the same
 *   reads, lists and update under `/groups/:id/boards`; lists take **group** labels of the group or its ancestors
 *   (`available_labels_for(group)`; a project label is 400 "Label not found"). `POST /groups/:id/boards` exists only
 *   in the Enterprise Edition: it checks `admin_issue_board` (403) and then `forbidden! unless
 *   board_parent.multiple_issue_boards_available?` — so on Free (GitLab.com Free or an unlicensed EE) creating a group
 *   board through the API is always 403 `{"message":"403 Forbidden"}`, even the first one (Free gets its one group
 *   board by opening the group's Boards page, which makes "Development"; `addGroupBoard` does that here), and on the
 *   Community Edition the route does not exist (404 `{"error":"404 Not Found"}`). The `issueBoards` emulator option
 *   picks `premium` (default), `free` or `foss`.
 */

import { PLANNER, requireRole } from '../auth.js';
import { grapeError, messageError } from '../http.js';
import { renderMilestone, textColor, type Urls } from '../render.js';
import type { GroupContext, GroupRoute, ProjectContext, ProjectRoute, Route } from '../router.js';
import type { GroupRecord, LabelRecord, ProjectRecord, Store } from '../store.js';
import { listResponse } from './common.js';
import { groupAvailableLabels } from './labels.js';
import { PAGINATION_SPECS } from '../http.js';

/** What the instance licenses for boards: Premium (several group boards, scoped boards), Free (EE unlicensed), FOSS. */
export type BoardTier = 'premium' | 'free' | 'foss';

export const BOARDS_DOCS = 'https://docs.gitlab.com/api/boards/';

export interface BoardListRecord {
  id: number;
  labelId: number;
  position: number;
}

export interface BoardRecord {
  id: number;
  name: string;
  /** The project of a project board; null for a group board. */
  projectId: number | null;
  groupId: number | null;
  /** The milestone the board is scoped to (Premium), or null. */
  milestoneId: number | null;
  lists: BoardListRecord[];
  hideBacklogList: boolean;
  hideClosedList: boolean;
}

interface BoardSpace {
  nextBoardId: number;
  nextListId: number;
  boards: Map<number, BoardRecord[]>;
  groupBoards: Map<number, BoardRecord[]>;
}

/** Boards live beside the store (keyed by it), so the store's records need no change for them. */
const spaces = new WeakMap<Store, BoardSpace>();

function space(store: Store): BoardSpace {
  let found = spaces.get(store);
  if (!found) {
    found = { nextBoardId: 1, nextListId: 1, boards: new Map(), groupBoards: new Map() };
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

/** The group's boards, oldest first. */
export function groupBoards(store: Store, group: GroupRecord): BoardRecord[] {
  const all = space(store).groupBoards;
  let boards = all.get(group.id);
  if (!boards) {
    boards = [];
    all.set(group.id, boards);
  }
  return boards;
}

export function createGroupBoard(store: Store, group: GroupRecord, name: string): BoardRecord {
  const board: BoardRecord = {
    id: space(store).nextBoardId++,
    name,
    projectId: null,
    groupId: group.id,
    milestoneId: null,
    lists: [],
    hideBacklogList: false,
    hideClosedList: false,
  };
  groupBoards(store, group).push(board);
  return board;
}

export function createBoard(store: Store, project: ProjectRecord, name: string): BoardRecord {
  const board: BoardRecord = {
    id: space(store).nextBoardId++,
    name,
    projectId: project.id,
    groupId: null,
    milestoneId: null,
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

function renderList(list: BoardListRecord, label: LabelRecord | undefined): Record<string, unknown> {
  return {
    id: list.id,
    label: label
      ? {
          id: label.id,
          name: label.name,
          color: label.color,
          description: label.description,
          description_html: label.description ? `<p dir="auto">${escapeHtml(label.description)}</p>` : '',
          text_color: textColor(label.color),
        }
      : null,
    position: list.position,
    max_issue_count: 0,
    max_issue_weight: 0,
    limit_metric: null,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The Premium scope keys (milestone, assignee, labels, weight); absent on Free (EE Entities::Board). */
function scopeOf(store: Store, board: BoardRecord, urls: Urls, tier: BoardTier): Record<string, unknown> {
  if (tier !== 'premium') return {};
  const milestone = board.milestoneId === null ? undefined : store.milestoneById(board.milestoneId);
  return {
    milestone: milestone ? renderMilestone(store, milestone, urls) : null,
    assignee: null,
    labels: [],
    weight: null,
  };
}

function sortedLists(board: BoardRecord): BoardListRecord[] {
  return [...board.lists].sort((a, b) => a.position - b.position);
}

export function renderBoard(
  store: Store,
  project: ProjectRecord,
  board: BoardRecord,
  urls: Urls,
  tier: BoardTier = 'premium',
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
    ...scopeOf(store, board, urls, tier),
    lists: sortedLists(board).map((list) => renderList(list, store.labelById(project, list.labelId))),
  };
}

export function renderGroupBoard(
  store: Store,
  group: GroupRecord,
  board: BoardRecord,
  urls: Urls,
  tier: BoardTier = 'premium',
): Record<string, unknown> {
  const labels = groupAvailableLabels(store, group);
  return {
    id: board.id,
    name: board.name,
    hide_backlog_list: board.hideBacklogList,
    hide_closed_list: board.hideClosedList,
    project: null,
    group: { id: group.id, name: group.name, web_url: `${urls.web}/groups/${group.fullPath}` },
    ...scopeOf(store, board, urls, tier),
    lists: sortedLists(board).map((list) =>
      renderList(
        list,
        labels.find((label) => label.id === list.labelId),
      ),
    ),
  };
}

function findBoard(ctx: ProjectContext | GroupContext): BoardRecord {
  const id = Number(ctx.params['board_id']);
  const boards = 'project' in ctx ? projectBoards(ctx.store, ctx.project) : groupBoards(ctx.store, ctx.group);
  const board = boards.find((candidate) => candidate.id === id);
  if (!board) throw messageError(404, '404 Board Not Found');
  return board;
}

function findList(ctx: ProjectContext | GroupContext, board: BoardRecord): BoardListRecord {
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

function projectList(ctx: ProjectContext, list: BoardListRecord): Record<string, unknown> {
  return renderList(list, ctx.store.labelById(ctx.project, list.labelId));
}

const UPDATE_SPECS = [
  BOARD_ID,
  { name: 'name', type: 'string' },
  { name: 'hide_backlog_list', type: 'boolean' },
  { name: 'hide_closed_list', type: 'boolean' },
  { name: 'assignee_id', type: 'integer' },
  { name: 'milestone_id', type: 'integer' },
  { name: 'labels', type: 'string' },
  { name: 'weight', type: 'integer' },
] as const;

/** Boards::UpdateService: name and list visibility always; the milestone scope only where it is licensed. */
function updateBoard(
  ctx: ProjectContext | GroupContext,
  board: BoardRecord,
  tier: BoardTier,
  milestoneIds: () => number[],
): void {
  const { params } = ctx;
  if (typeof params['name'] === 'string') board.name = params['name'];
  if (typeof params['hide_backlog_list'] === 'boolean') board.hideBacklogList = params['hide_backlog_list'];
  if (typeof params['hide_closed_list'] === 'boolean') board.hideClosedList = params['hide_closed_list'];
  if (tier === 'premium' && params['milestone_id'] !== undefined) {
    const id = Number(params['milestone_id']);
    board.milestoneId = milestoneIds().includes(id) ? id : null;
  }
}

function requireGroupPlanner(ctx: GroupContext): void {
  const role =
    ctx.principal.kind === 'user' ? ctx.store.groupAccessLevel(ctx.group, ctx.principal.user.id) : undefined;
  if (role === undefined || role < PLANNER) throw messageError(403, '403 Forbidden');
}

const GROUP_BOARDS_DOCS = 'https://docs.gitlab.com/api/group_boards/';

/** Project and group board routes as the instance's tier serves them. */
export function boardRoutes(tier: BoardTier = 'premium'): Route[] {
  return [...projectBoardRoutes(tier), ...groupBoardRoutes(tier)];
}

function groupBoardRoutes(tier: BoardTier): GroupRoute[] {
  const render = (ctx: GroupContext, board: BoardRecord) =>
    renderGroupBoard(ctx.store, ctx.group, board, ctx.urls, tier);
  const groupList = (ctx: GroupContext, list: BoardListRecord) =>
    renderList(
      list,
      groupAvailableLabels(ctx.store, ctx.group).find((label) => label.id === list.labelId),
    );
  const routes: GroupRoute[] = [
    {
      method: 'GET',
      template: '/groups/:id/boards',
      docs: GROUP_BOARDS_DOCS,
      resource: 'group',
      rules: { specs: [...PAGINATION_SPECS] },
      handler: (ctx) => listResponse(ctx, groupBoards(ctx.store, ctx.group), (board) => render(ctx, board)),
    },
    {
      method: 'GET',
      template: '/groups/:id/boards/:board_id',
      docs: GROUP_BOARDS_DOCS,
      resource: 'group',
      rules: { specs: [BOARD_ID] },
      handler: (ctx) => ({ status: 200, body: render(ctx, findBoard(ctx)) }),
    },
    {
      method: 'PUT',
      template: '/groups/:id/boards/:board_id',
      docs: GROUP_BOARDS_DOCS,
      resource: 'group',
      rules: { specs: [...UPDATE_SPECS] },
      handler: (ctx) => {
        const board = findBoard(ctx);
        requireGroupPlanner(ctx);
        updateBoard(ctx, board, tier, () => [...ctx.group.milestones.keys()]);
        return { status: 200, body: render(ctx, board) };
      },
    },
    {
      method: 'GET',
      template: '/groups/:id/boards/:board_id/lists',
      docs: GROUP_BOARDS_DOCS,
      resource: 'group',
      rules: { specs: [BOARD_ID, ...PAGINATION_SPECS] },
      handler: (ctx) => listResponse(ctx, sortedLists(findBoard(ctx)), (list) => groupList(ctx, list)),
    },
    {
      method: 'POST',
      template: '/groups/:id/boards/:board_id/lists',
      docs: GROUP_BOARDS_DOCS,
      resource: 'group',
      rules: { specs: [BOARD_ID, { name: 'label_id', type: 'integer', required: true }] },
      handler: (ctx) => {
        const board = findBoard(ctx);
        requireGroupPlanner(ctx);
        const label = groupAvailableLabels(ctx.store, ctx.group).find(
          (candidate) => candidate.id === Number(ctx.params['label_id']),
        );
        if (!label) throw grapeError(400, 'Label not found');
        if (board.lists.some((list) => list.labelId === label.id))
          throw grapeError(400, 'List already exists');
        const list = addList(ctx.store, board, label);
        return { status: 201, body: groupList(ctx, list) };
      },
    },
  ];
  // Creating a group board is an Enterprise Edition endpoint, refused on Free (see the header).
  if (tier !== 'foss') {
    routes.push({
      method: 'POST',
      template: '/groups/:id/boards',
      docs: GROUP_BOARDS_DOCS,
      resource: 'group',
      rules: { specs: [{ name: 'name', type: 'string', required: true }] },
      handler: (ctx) => {
        requireGroupPlanner(ctx);
        if (tier !== 'premium') throw messageError(403, '403 Forbidden');
        const board = createGroupBoard(ctx.store, ctx.group, String(ctx.params['name']));
        return { status: 201, body: render(ctx, board) };
      },
    });
  }
  return routes;
}

function projectBoardRoutes(tier: BoardTier): ProjectRoute[] {
  return [
    {
      method: 'GET',
      template: '/projects/:id/boards',
      docs: BOARDS_DOCS,
      resource: 'project',
      rules: { specs: [...PAGINATION_SPECS] },
      handler: (ctx) =>
        listResponse(ctx, projectBoards(ctx.store, ctx.project), (board) =>
          renderBoard(ctx.store, ctx.project, board, ctx.urls, tier),
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
        return { status: 201, body: renderBoard(ctx.store, ctx.project, board, ctx.urls, tier) };
      },
    },
    {
      method: 'GET',
      template: '/projects/:id/boards/:board_id',
      docs: BOARDS_DOCS,
      resource: 'project',
      rules: { specs: [BOARD_ID] },
      handler: (ctx) => ({
        status: 200,
        body: renderBoard(ctx.store, ctx.project, findBoard(ctx), ctx.urls, tier),
      }),
    },
    {
      method: 'PUT',
      template: '/projects/:id/boards/:board_id',
      docs: BOARDS_DOCS,
      resource: 'project',
      rules: { specs: [...UPDATE_SPECS] },
      handler: (ctx) => {
        const board = findBoard(ctx);
        requireRole(ctx.store, ctx.principal, ctx.project, PLANNER);
        // EE::Boards::BaseService#set_milestone: the project's milestones and its group's.
        updateBoard(ctx, board, tier, () => [
          ...ctx.project.milestones.keys(),
          ...ctx.store.projectGroup(ctx.project).milestones.keys(),
        ]);
        return { status: 200, body: renderBoard(ctx.store, ctx.project, board, ctx.urls, tier) };
      },
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
        return listResponse(ctx, lists, (list) =>
          renderList(list, ctx.store.labelById(ctx.project, list.labelId)),
        );
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
        if (board.lists.some((list) => list.labelId === label.id))
          throw grapeError(400, 'List already exists');
        const list = addList(ctx.store, board, label);
        return { status: 201, body: renderList(list, ctx.store.labelById(ctx.project, list.labelId)) };
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
        body: projectList(ctx, findList(ctx, findBoard(ctx))),
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
        return { status: 200, body: renderList(list, ctx.store.labelById(ctx.project, list.labelId)) };
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
}
