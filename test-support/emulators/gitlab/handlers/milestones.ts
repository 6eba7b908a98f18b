/**
 * Milestone endpoints: project milestones (`GET/POST /projects/:id/milestones`, `GET/PUT
 * /projects/:id/milestones/:milestone_id`) and group milestones (`GET/POST /groups/:id/milestones`).
 *
 * Documented behaviour followed (docs.gitlab.com/api/milestones/, docs.gitlab.com/api/group_milestones/;
 * lib/api/milestone_responses.rb, app/models/concerns/timebox.rb):
 * - `:milestone_id` is the milestone's global `id`, not its `iid`; a missing one is 404 `{"message":"404 Not found"}`.
 * - Milestone `state` is `active` or `closed`; `state_event` on update is `close` or `activate` (400 `{"error":
 *   "state_event does not have a valid value"}` otherwise). The list takes `state` active|closed|all, `iids[]`,
 *   `title`, `search` (title/description), `updated_before|after`, `include_ancestors` (project lists: add the
 *   groups' milestones); paged. Ordered by due date (none last), then newest first (an assumption: the docs give no
 *   order).
 * - Create: `title` required (400 `{"error":"title is missing"}`); `description`, `due_date`, `start_date`
 *   (YYYY-MM-DD). A title already used by a milestone of the project, of its groups, or (for a group milestone) of the
 *   group's projects and subgroups is 400 `{"message":{"title":["already being used for another group or project
 *   milestone."]}}` (Timebox#uniqueness_of_title). A due date before the start date is
 *   `{"message":{"due_date":["must be greater than start date"]}}`. 201 with the milestone.
 * - Update needs at least one of title, description, due_date, start_date, state_event.
 * - Reading needs read access and the issues or merge-request feature (milestones answer 403 when both are off,
 *   eclipse-mylyn/org.eclipse.mylyn#501); writing needs planner/reporter or higher (`admin_milestone`), else 403.
 * - Group milestones: a group the caller cannot see is 404 `{"message":"404 Group Not Found"}`.
 */

import { PLANNER, requireRole, roleIn } from '../auth.js';
import {
  DOCS,
  forbidden,
  PAGINATION_SPECS,
  recordNotFound,
  type ParamRules,
  type ParamSpec,
} from '../http.js';
import { renderMilestone } from '../render.js';
import type {
  GroupContext,
  GroupRoute,
  HandlerResult,
  ProjectContext,
  ProjectRoute,
  RequestContext,
} from '../router.js';
import type { GroupRecord, MilestoneRecord, ProjectRecord } from '../store.js';
import { isDate, listResponse, ModelErrors } from './common.js';

const LIST_SPECS: readonly ParamSpec[] = [
  { name: 'state', type: 'string', values: ['active', 'closed', 'all'] },
  { name: 'iids', type: 'integer[]' },
  { name: 'title', type: 'string' },
  { name: 'search', type: 'string' },
  { name: 'include_ancestors', type: 'boolean' },
  { name: 'include_parent_milestones', type: 'boolean' },
  { name: 'updated_before', type: 'datetime' },
  { name: 'updated_after', type: 'datetime' },
  ...PAGINATION_SPECS,
];

const FIELD_SPECS: readonly ParamSpec[] = [
  { name: 'description', type: 'string' },
  { name: 'due_date', type: 'string' },
  { name: 'start_date', type: 'string' },
];

function listMilestones(ctx: RequestContext, milestones: MilestoneRecord[]): HandlerResult {
  const { params } = ctx;
  const state = params['state'] as string | undefined;
  const iids = params['iids'] as number[] | undefined;
  const title = params['title'] as string | undefined;
  const search = (params['search'] as string | undefined)?.toLowerCase();
  const before = params['updated_before'] as number | undefined;
  const after = params['updated_after'] as number | undefined;
  const selected = milestones
    .filter((m) => state === undefined || state === 'all' || m.state === state)
    .filter((m) => !iids || iids.length === 0 || iids.includes(m.iid))
    .filter((m) => title === undefined || m.title === title)
    .filter((m) => !search || `${m.title}\n${m.description ?? ''}`.toLowerCase().includes(search))
    .filter((m) => before === undefined || m.updatedAt <= before)
    .filter((m) => after === undefined || m.updatedAt >= after)
    .sort((a, b) => {
      if (a.dueDate !== b.dueDate) {
        if (a.dueDate === null) return 1;
        if (b.dueDate === null) return -1;
        return a.dueDate < b.dueDate ? -1 : 1;
      }
      return b.id - a.id;
    });
  return listResponse(ctx, selected, (m) => renderMilestone(ctx.store, m, ctx.urls));
}

function requireMilestonesFeature(ctx: ProjectContext): void {
  const { project } = ctx;
  const member = roleIn(ctx.store, ctx.principal, project) !== undefined;
  const usable = (level: ProjectRecord['issuesAccessLevel']): boolean =>
    level === 'enabled' || (level === 'private' && member);
  if (!usable(project.issuesAccessLevel) && !usable(project.mergeRequestsAccessLevel)) throw forbidden();
}

interface MilestoneFields {
  title?: string;
  description?: string | null;
  dueDate?: string | null;
  startDate?: string | null;
}

function readFields(
  ctx: RequestContext,
  owner: ProjectRecord | GroupRecord,
  self?: MilestoneRecord,
): MilestoneFields {
  const { params, store } = ctx;
  const fields: MilestoneFields = {};
  const errors = new ModelErrors();
  if (params['title'] !== undefined) {
    const title = params['title'] as string | null;
    errors.blank('title', title);
    errors.tooLong('title', title, 255);
    if (title && title.trim() !== '' && store.milestoneTitleTaken(owner, title, self))
      errors.add('title', 'already being used for another group or project milestone.');
    fields.title = title ?? '';
  }
  if (params['description'] !== undefined)
    fields.description = (params['description'] as string | null) || null;
  for (const [param, key] of [
    ['due_date', 'dueDate'],
    ['start_date', 'startDate'],
  ] as const) {
    if (params[param] === undefined) continue;
    const value = params[param] as string | null;
    fields[key] = value !== null && isDate(value) ? value : null;
  }
  const start = fields.startDate !== undefined ? fields.startDate : (self?.startDate ?? null);
  const due = fields.dueDate !== undefined ? fields.dueDate : (self?.dueDate ?? null);
  if (start !== null && due !== null && due < start)
    errors.add('due_date', 'must be greater than start date');
  errors.throwIfAny();
  return fields;
}

function createIn(ctx: RequestContext, owner: ProjectRecord | GroupRecord): HandlerResult {
  const fields = readFields(ctx, owner);
  const milestone = ctx.store.createMilestone(owner, { ...fields, title: fields.title ?? '' });
  return { status: 201, body: renderMilestone(ctx.store, milestone, ctx.urls) };
}

function findProjectMilestone(ctx: ProjectContext): MilestoneRecord {
  const milestone = ctx.project.milestones.get(Number(ctx.params['milestone_id']));
  if (!milestone) throw recordNotFound();
  return milestone;
}

function updateMilestone(ctx: ProjectContext): HandlerResult {
  requireMilestonesFeature(ctx);
  const milestone = findProjectMilestone(ctx);
  requireRole(ctx.store, ctx.principal, ctx.project, PLANNER);
  return applyUpdate(ctx, ctx.project, milestone);
}

/** The fields and the state event of a PUT, applied to a project's or a group's milestone. */
function applyUpdate(
  ctx: RequestContext,
  owner: ProjectRecord | GroupRecord,
  milestone: MilestoneRecord,
): HandlerResult {
  const fields = readFields(ctx, owner, milestone);
  let changed = false;
  const set = <K extends keyof MilestoneRecord>(key: K, value: MilestoneRecord[K] | undefined): void => {
    if (value !== undefined && milestone[key] !== value) {
      milestone[key] = value;
      changed = true;
    }
  };
  set('title', fields.title);
  set('description', fields.description);
  set('dueDate', fields.dueDate);
  set('startDate', fields.startDate);
  const event = ctx.params['state_event'] as string | undefined;
  if (event === 'close') set('state', 'closed');
  if (event === 'activate') set('state', 'active');
  if (changed) milestone.updatedAt = ctx.store.now();
  return { status: 200, body: renderMilestone(ctx.store, milestone, ctx.urls) };
}

const UPDATE_RULES = {
  specs: [
    { name: 'milestone_id', type: 'integer', required: true },
    { name: 'title', type: 'string' },
    { name: 'state_event', type: 'string', values: ['close', 'activate'] },
    ...FIELD_SPECS,
  ],
  atLeastOneOf: ['title', 'description', 'start_date', 'due_date', 'state_event'],
} satisfies ParamRules;

export const projectMilestoneRoutes: ProjectRoute[] = [
  {
    method: 'GET',
    template: '/projects/:id/milestones',
    docs: DOCS.milestones,
    resource: 'project',
    rules: { specs: LIST_SPECS },
    handler: (ctx) => {
      requireMilestonesFeature(ctx);
      const ancestors =
        ctx.params['include_ancestors'] === true || ctx.params['include_parent_milestones'] === true;
      const list = ancestors
        ? ctx.store.availableMilestones(ctx.project)
        : [...ctx.project.milestones.values()];
      return listMilestones(ctx, list);
    },
  },
  {
    method: 'POST',
    template: '/projects/:id/milestones',
    docs: DOCS.milestones,
    resource: 'project',
    rules: { specs: [{ name: 'title', type: 'string', required: true }, ...FIELD_SPECS] },
    handler: (ctx) => {
      requireMilestonesFeature(ctx);
      requireRole(ctx.store, ctx.principal, ctx.project, PLANNER);
      return createIn(ctx, ctx.project);
    },
  },
  {
    method: 'GET',
    template: '/projects/:id/milestones/:milestone_id',
    docs: DOCS.milestones,
    resource: 'project',
    rules: { specs: [{ name: 'milestone_id', type: 'integer', required: true }] },
    handler: (ctx) => {
      requireMilestonesFeature(ctx);
      return { status: 200, body: renderMilestone(ctx.store, findProjectMilestone(ctx), ctx.urls) };
    },
  },
  {
    method: 'PUT',
    template: '/projects/:id/milestones/:milestone_id',
    docs: DOCS.milestones,
    resource: 'project',
    rules: UPDATE_RULES,
    handler: updateMilestone,
  },
];

function requireGroupRole(ctx: GroupContext): void {
  const role =
    ctx.principal.kind === 'user' ? ctx.store.groupAccessLevel(ctx.group, ctx.principal.user.id) : undefined;
  if (role === undefined || role < PLANNER) throw forbidden();
}

export const groupMilestoneRoutes: GroupRoute[] = [
  {
    method: 'GET',
    template: '/groups/:id/milestones',
    docs: DOCS.groupMilestones,
    resource: 'group',
    rules: { specs: [...LIST_SPECS, { name: 'include_descendants', type: 'boolean' }] },
    handler: (ctx) => {
      const { store, group, params } = ctx;
      const groups =
        params['include_ancestors'] === true || params['include_parent_milestones'] === true
          ? store.groupChain(group)
          : [group];
      return listMilestones(
        ctx,
        groups.flatMap((g) => [...g.milestones.values()]),
      );
    },
  },
  {
    method: 'POST',
    template: '/groups/:id/milestones',
    docs: DOCS.groupMilestones,
    resource: 'group',
    rules: { specs: [{ name: 'title', type: 'string', required: true }, ...FIELD_SPECS] },
    handler: (ctx) => {
      requireGroupRole(ctx);
      return createIn(ctx, ctx.group);
    },
  },
  {
    method: 'PUT',
    template: '/groups/:id/milestones/:milestone_id',
    docs: DOCS.groupMilestones,
    resource: 'group',
    rules: UPDATE_RULES,
    handler: (ctx) => {
      requireGroupRole(ctx);
      const milestone = ctx.group.milestones.get(Number(ctx.params['milestone_id']));
      if (!milestone) throw recordNotFound();
      return applyUpdate(ctx, ctx.group, milestone);
    },
  },
];
