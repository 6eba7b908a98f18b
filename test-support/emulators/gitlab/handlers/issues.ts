/**
 * Issue endpoints: list, get, create and edit (`/projects/:id/issues[/:issue_iid]`).
 *
 * Documented behaviour followed (docs.gitlab.com/api/issues/ — "List project issues", "Single project issue",
 * "New issue", "Edit an issue"; lib/api/issues.rb and Issues::BaseService in gitlab-org/gitlab):
 * - Issues have a global `id` and a per-project `iid`; paths use the iid.
 * - List params: `state` opened|closed|all (default **all** for project issues), `labels` (comma-separated, an issue
 *   must carry all; `None`/`Any` case-insensitive), `milestone` (title, `None`, `Any`), `iids[]`, `search` (title and
 *   description), `author_id`, `assignee_id` (id, `None`, `Any`), `created_after|before`, `updated_after|before`
 *   ("on or after"/"on or before"), `confidential`, `issue_type`, `order_by` (default created_at; created_at,
 *   updated_at, title and due_date sort here, the other documented values are accepted and sort by created_at),
 *   `sort` asc|desc (default desc), `with_labels_details` (labels as LabelBasic objects). Unknown enum values are
 *   400 `{"error":"state does not have a valid value"}` (Grape `values:`). Paged (default 20, max 100).
 *   Keyset pagination (`pagination=keyset`) is not emulated: the param is ignored and offset pagination answers.
 * - Lists leave out `subscribed` (`include_subscribed: false`); single-issue responses include it.
 * - Create: `title` required (400 `{"error":"title is missing"}`); a blank title is a model error
 *   `{"message":{"title":["can't be blank"]}}`; title ≤ 255 characters (`{"title":["is too long (maximum is 255
 *   characters)"]}`); description ≤ 1,048,576 characters ("Limited to 1,048,576 characters", doc/api/issues.md;
 *   Issuable's `DESCRIPTION_LENGTH_MAX = 1.megabyte`). `labels` is a comma-separated string (an array is accepted
 *   too); unknown labels are created ("If a label does not already exist, this creates a new project label", colour
 *   `#6699cc` = Label::DEFAULT_COLOR). `assignee_ids` (array or comma list; `assignee_id` is the legacy single form),
 *   `milestone_id`, `due_date` (YYYY-MM-DD), `issue_type` (issue|incident|test_case|requirement|task|ticket, default
 *   issue), `weight` (≥ 0, Premium), `confidential`, `discussion_locked`.
 * - Edit: at least one of the documented params, otherwise 400 `{"error":"assignee_id, assignee_ids, confidential,
 *   created_at, description, discussion_locked, due_date, labels, add_labels, remove_labels, milestone_id,
 *   state_event, title, issue_type, weight, epic_id, epic_iid are missing, at least one parameter must be provided"}`
 *   (verbatim from gitlab-org/gitlab#442773). `labels` replaces the set (empty string clears it), `add_labels` /
 *   `remove_labels` change it; `milestone_id` 0, null or empty unsets; `assignee_ids` 0 or empty unassigns all;
 *   `state_event` close|reopen (closing sets closed_at and closed_by, reopening clears both). A missing iid is
 *   404 `{"message":"404 Not found"}` (`find_by!` → RecordNotFound).
 * - Issues::BaseService#filter_params: callers without planner/reporter rights (`set_issue_metadata`) have labels,
 *   milestone, assignees, due date and weight dropped silently; assignees who cannot read the project are dropped
 *   silently; without multiple-assignee support only the first id is kept; a milestone_id that is not the project's
 *   or one of its groups' is treated as "no milestone" (`filter_milestone` sets it to '').
 * - Scoped labels (docs.gitlab.com/user/project/labels/#scoped-labels, Premium): an issue carries at most one label per
 *   scope (`scope::value`; the scope of `a::b::c` is `a::b`); adding one replaces the other, and of several given at
 *   once the last wins.
 * - Who may do what: creating needs the issues feature and a signed-in user who can read the project; editing needs
 *   planner+ or being the issue's author or assignee; otherwise 403 `{"message":"403 Forbidden"}`.
 * - Issues turned off (`issues_access_level: disabled`, or `private` for non-members): 403 `{"message":"403
 *   Forbidden"}` on these endpoints (reported for lists, DLR-SC/gitlab2prov#61; the same answer is used for single
 *   issues and writes — not verified against a live instance).
 * - `updated_at` moves on every change (millisecond precision).
 */

import { hasRole, issuesAvailable, PLANNER, userId, type Principal } from '../auth.js';
import { DOCS, forbidden, PAGINATION_SPECS, recordNotFound, type ParamSpec, type Params } from '../http.js';
import { renderIssue, textColor } from '../render.js';
import type { HandlerResult, ProjectContext, ProjectRoute } from '../router.js';
import type { IssueRecord, ProjectRecord, Store } from '../store.js';
import { isDate, listResponse, ModelErrors } from './common.js';

export const ISSUE_TYPES = ['issue', 'incident', 'test_case', 'requirement', 'task', 'ticket'] as const;
const ORDER_BY = [
  'created_at',
  'due_date',
  'label_priority',
  'milestone_due',
  'popularity',
  'priority',
  'relative_position',
  'title',
  'updated_at',
  'weight',
] as const;
export const TITLE_MAX = 255;
export const DESCRIPTION_MAX = 1_048_576;
export const DEFAULT_LABEL_COLOR = '#6699cc';
/** The `at_least_one_of` list of `PUT /projects/:id/issues/:issue_iid`, in GitLab's order. */
export const UPDATE_AT_LEAST_ONE_OF = [
  'assignee_id',
  'assignee_ids',
  'confidential',
  'created_at',
  'description',
  'discussion_locked',
  'due_date',
  'labels',
  'add_labels',
  'remove_labels',
  'milestone_id',
  'state_event',
  'title',
  'issue_type',
  'weight',
  'epic_id',
  'epic_iid',
] as const;

function issueParamSpecs(weights: boolean): ParamSpec[] {
  const specs: ParamSpec[] = [
    { name: 'description', type: 'string' },
    { name: 'assignee_ids', type: 'integer[]' },
    { name: 'assignee_id', type: 'integer' },
    { name: 'milestone_id', type: 'integer' },
    { name: 'labels', type: 'string[]' },
    { name: 'add_labels', type: 'string[]' },
    { name: 'remove_labels', type: 'string[]' },
    { name: 'due_date', type: 'string' },
    { name: 'confidential', type: 'boolean' },
    { name: 'discussion_locked', type: 'boolean' },
    { name: 'issue_type', type: 'string', values: ISSUE_TYPES },
  ];
  if (weights) specs.push({ name: 'weight', type: 'integer', min: 0 });
  return specs;
}

const LIST_SPECS: readonly ParamSpec[] = [
  { name: 'with_labels_details', type: 'boolean', default: false },
  { name: 'state', type: 'string', values: ['opened', 'closed', 'all'], default: 'all' },
  { name: 'order_by', type: 'string', values: ORDER_BY, default: 'created_at' },
  { name: 'sort', type: 'string', values: ['asc', 'desc'], default: 'desc' },
  { name: 'issue_type', type: 'string', values: ISSUE_TYPES },
  { name: 'labels', type: 'string[]' },
  { name: 'milestone', type: 'string' },
  { name: 'iids', type: 'integer[]' },
  { name: 'search', type: 'string' },
  { name: 'author_id', type: 'integer' },
  { name: 'assignee_id', type: 'string' },
  { name: 'created_after', type: 'datetime' },
  { name: 'created_before', type: 'datetime' },
  { name: 'updated_after', type: 'datetime' },
  { name: 'updated_before', type: 'datetime' },
  { name: 'confidential', type: 'boolean' },
  {
    name: 'scope',
    type: 'string',
    values: ['created-by-me', 'assigned-to-me', 'created_by_me', 'assigned_to_me', 'all'],
  },
  ...PAGINATION_SPECS,
];

function requireIssues(ctx: ProjectContext): void {
  if (!issuesAvailable(ctx.store, ctx.principal, ctx.project)) throw forbidden();
}

export function findIssue(ctx: ProjectContext): IssueRecord {
  const issue = ctx.project.issues.get(Number(ctx.params['issue_iid']));
  if (!issue || issue.deleted) throw recordNotFound();
  return issue;
}

/** Confidential issues are visible to planner+, their author and their assignees only. */
function canSeeIssue(
  store: Store,
  principal: Principal,
  project: ProjectRecord,
  issue: IssueRecord,
): boolean {
  if (!issue.confidential) return true;
  const id = userId(principal);
  if (id === undefined) return false;
  return (
    hasRole(store, principal, project, PLANNER) || issue.authorId === id || issue.assigneeIds.includes(id)
  );
}

function render(ctx: ProjectContext, issue: IssueRecord, detail: boolean, labelDetails = false): unknown {
  const json = renderIssue(ctx.store, ctx.project, issue, ctx.urls, {
    detail,
    features: ctx.features,
    viewer: ctx.principal,
  });
  if (!labelDetails) return json;
  const labels = issue.labelIds
    .map((id) => ctx.store.labelById(ctx.project, id))
    .filter((label) => label !== undefined)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((label) => ({
      id: label.id,
      name: label.name,
      color: label.color,
      description: label.description,
      description_html: label.description ? `<p dir="auto">${label.description}</p>` : '',
      text_color: textColor(label.color),
    }));
  return { ...json, labels };
}

function listIssues(ctx: ProjectContext): HandlerResult {
  requireIssues(ctx);
  const { params, store, project, principal } = ctx;
  const state = params['state'] as string | undefined;
  const labels = params['labels'] as string[] | undefined;
  const milestone = params['milestone'] as string | undefined;
  const iids = params['iids'] as number[] | undefined;
  const search = (params['search'] as string | undefined)?.toLowerCase();
  const authorId = params['author_id'] as number | undefined;
  const assignee = params['assignee_id'] as string | undefined;
  const createdAfter = params['created_after'] as number | undefined;
  const createdBefore = params['created_before'] as number | undefined;
  const updatedAfter = params['updated_after'] as number | undefined;
  const updatedBefore = params['updated_before'] as number | undefined;
  const confidential = params['confidential'] as boolean | undefined;
  const issueType = params['issue_type'] as string | undefined;
  const scope = params['scope'] as string | undefined;
  const me = userId(principal);

  const labelNames = (issue: IssueRecord): string[] =>
    issue.labelIds
      .map((id) => store.labelById(project, id)?.name)
      .filter((n): n is string => n !== undefined);

  const selected = [...project.issues.values()].filter((issue) => {
    if (issue.deleted || !canSeeIssue(store, principal, project, issue)) return false;
    if (state !== undefined && state !== 'all' && issue.state !== state) return false;
    if (labels && labels.length > 0) {
      const names = labelNames(issue);
      const special = labels.length === 1 ? labels[0]?.toLowerCase() : undefined;
      if (special === 'none' || special === 'no+label' || special === 'no label') {
        if (names.length > 0) return false;
      } else if (special === 'any') {
        if (names.length === 0) return false;
      } else if (!labels.every((l) => names.includes(l))) return false;
    }
    if (milestone !== undefined) {
      const m = issue.milestoneId === null ? undefined : store.milestoneById(issue.milestoneId);
      const lower = milestone.toLowerCase();
      if (lower === 'none' ? m !== undefined : lower === 'any' ? m === undefined : m?.title !== milestone)
        return false;
    }
    if (iids && iids.length > 0 && !iids.includes(issue.iid)) return false;
    if (search && !`${issue.title}\n${issue.description ?? ''}`.toLowerCase().includes(search)) return false;
    if (authorId !== undefined && issue.authorId !== authorId) return false;
    if (assignee !== undefined) {
      const lower = assignee.toLowerCase();
      if (
        lower === 'none'
          ? issue.assigneeIds.length > 0
          : lower === 'any'
            ? issue.assigneeIds.length === 0
            : !issue.assigneeIds.includes(Number(assignee))
      )
        return false;
    }
    if (createdAfter !== undefined && issue.createdAt < createdAfter) return false;
    if (createdBefore !== undefined && issue.createdAt > createdBefore) return false;
    if (updatedAfter !== undefined && issue.updatedAt < updatedAfter) return false;
    if (updatedBefore !== undefined && issue.updatedAt > updatedBefore) return false;
    if (confidential !== undefined && issue.confidential !== confidential) return false;
    if (issueType !== undefined && issue.issueType !== issueType) return false;
    if ((scope === 'created_by_me' || scope === 'created-by-me') && issue.authorId !== me) return false;
    if (
      (scope === 'assigned_to_me' || scope === 'assigned-to-me') &&
      (me === undefined || !issue.assigneeIds.includes(me))
    )
      return false;
    return true;
  });

  const orderBy = params['order_by'] as string | undefined;
  const sign = params['sort'] === 'asc' ? 1 : -1;
  const key = (issue: IssueRecord): number | string => {
    switch (orderBy) {
      case 'updated_at':
        return issue.updatedAt;
      case 'title':
        return issue.title.toLowerCase();
      case 'due_date':
        return issue.dueDate ?? '9999-99-99';
      default:
        return issue.createdAt;
    }
  };
  selected.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const primary = ka < kb ? -1 : ka > kb ? 1 : 0;
    return sign * (primary || a.id - b.id);
  });
  const details = params['with_labels_details'] === true;
  return listResponse(ctx, selected, (issue) => render(ctx, issue, false, details));
}

// ---- writes ----------------------------------------------------------------------------------------------------

export interface IssueChanges {
  title?: string;
  description?: string | null;
  /** Label names replacing the set. */
  labels?: string[];
  addLabels?: string[];
  removeLabels?: string[];
  /** User ids; [] unassigns. */
  assigneeIds?: number[];
  milestoneId?: number | null;
  dueDate?: string | null;
  weight?: number | null;
  confidential?: boolean;
  discussionLocked?: boolean;
  issueType?: string;
  stateEvent?: 'close' | 'reopen';
}

export interface ApplyOptions {
  scopedLabels: boolean;
  /** May unknown label names be created (admin_label)? */
  createLabels: boolean;
}

/** The scope of a scoped label (`a::b::c` → `a::b`), or undefined. */
export function labelScope(name: string): string | undefined {
  const at = name.lastIndexOf('::');
  return at > 0 ? name.slice(0, at) : undefined;
}

/** Resolves names to label ids (creating missing ones when allowed), in order, without duplicates. */
function labelIdsFor(
  store: Store,
  project: ProjectRecord,
  names: readonly string[],
  create: boolean,
): number[] {
  const ids: number[] = [];
  for (const name of names) {
    const label =
      store.label(project, name) ??
      (create ? store.createLabel(project, name, DEFAULT_LABEL_COLOR, null) : undefined);
    if (label && !ids.includes(label.id)) ids.push(label.id);
  }
  return ids;
}

/** Keeps, for every scope, only the last label of that scope (later additions win). */
export function exclusiveScopes(store: Store, project: ProjectRecord, ids: readonly number[]): number[] {
  const seen = new Set<string>();
  const kept: number[] = [];
  for (let i = ids.length - 1; i >= 0; i -= 1) {
    const id = ids[i];
    if (id === undefined) continue;
    const name = store.labelById(project, id)?.name;
    const scope = name === undefined ? undefined : labelScope(name);
    if (scope !== undefined) {
      if (seen.has(scope)) continue;
      seen.add(scope);
    }
    kept.unshift(id);
  }
  return kept;
}

/** Applies a change set; shared by the API and the emulator's "web" edits. Returns whether anything changed. */
export function applyIssueChanges(
  store: Store,
  project: ProjectRecord,
  issue: IssueRecord,
  changes: IssueChanges,
  actorId: number,
  options: ApplyOptions,
): boolean {
  const now = store.now();
  let changed = false;
  const set = <K extends keyof IssueRecord>(key: K, value: IssueRecord[K]): void => {
    if (issue[key] !== value) {
      issue[key] = value;
      changed = true;
    }
  };
  if (changes.title !== undefined) set('title', changes.title);
  if (changes.description !== undefined) set('description', changes.description);
  if (changes.labels !== undefined || changes.addLabels !== undefined || changes.removeLabels !== undefined) {
    let ids =
      changes.labels !== undefined
        ? labelIdsFor(store, project, changes.labels, options.createLabels)
        : [...issue.labelIds];
    for (const id of labelIdsFor(store, project, changes.addLabels ?? [], options.createLabels))
      if (!ids.includes(id)) ids.push(id);
    const removed = new Set(labelIdsFor(store, project, changes.removeLabels ?? [], false));
    ids = ids.filter((id) => !removed.has(id));
    if (options.scopedLabels) ids = exclusiveScopes(store, project, ids);
    if (ids.join(',') !== issue.labelIds.join(',')) {
      issue.labelIds = ids;
      changed = true;
    }
  }
  if (changes.assigneeIds !== undefined && changes.assigneeIds.join(',') !== issue.assigneeIds.join(',')) {
    issue.assigneeIds = [...changes.assigneeIds];
    changed = true;
  }
  if (changes.milestoneId !== undefined) set('milestoneId', changes.milestoneId);
  if (changes.dueDate !== undefined) set('dueDate', changes.dueDate);
  if (changes.weight !== undefined) set('weight', changes.weight);
  if (changes.confidential !== undefined) set('confidential', changes.confidential);
  if (changes.discussionLocked !== undefined) set('discussionLocked', changes.discussionLocked);
  if (changes.issueType !== undefined) set('issueType', changes.issueType);
  if (changes.stateEvent === 'close' && issue.state !== 'closed') {
    issue.state = 'closed';
    issue.closedAt = now;
    issue.closedById = actorId;
    changed = true;
  } else if (changes.stateEvent === 'reopen' && issue.state !== 'opened') {
    issue.state = 'opened';
    issue.closedAt = null;
    issue.closedById = null;
    changed = true;
  }
  if (changed) {
    issue.updatedAt = now;
    project.updatedAt = now;
  }
  return changed;
}

/** Assignees that can be assigned: members of the project (direct or inherited), any active user when it is public. */
function assignable(
  store: Store,
  project: ProjectRecord,
  ids: readonly number[],
  multiple: boolean,
): number[] {
  const kept: number[] = [];
  for (const id of ids) {
    if (id === 0) continue;
    const user = store.users.get(id);
    if (!user || user.state !== 'active') continue;
    const member = store.accessLevel(project, id) !== undefined;
    if (!member && project.visibility === 'private') continue;
    if (!kept.includes(id)) kept.push(id);
  }
  return multiple ? kept : kept.slice(0, 1);
}

/** Reads the validated params into a change set, applying Issues::BaseService's silent filtering. */
function readChanges(ctx: ProjectContext, params: Params, metadata: boolean): IssueChanges {
  const { store, project } = ctx;
  const changes: IssueChanges = {};
  if (typeof params['title'] === 'string') changes.title = params['title'];
  if (params['description'] !== undefined) changes.description = params['description'] as string | null;
  if (params['confidential'] !== undefined) changes.confidential = params['confidential'] as boolean;
  if (params['issue_type'] !== undefined) changes.issueType = params['issue_type'] as string;
  if (params['state_event'] !== undefined) changes.stateEvent = params['state_event'] as 'close' | 'reopen';
  if (!metadata) return changes;
  if (params['labels'] !== undefined) changes.labels = params['labels'] as string[];
  if (params['add_labels'] !== undefined) changes.addLabels = params['add_labels'] as string[];
  if (params['remove_labels'] !== undefined) changes.removeLabels = params['remove_labels'] as string[];
  const assigneeIds =
    (params['assignee_ids'] as number[] | undefined) ??
    (params['assignee_id'] === undefined
      ? undefined
      : params['assignee_id'] === null
        ? []
        : [params['assignee_id'] as number]);
  if (assigneeIds !== undefined)
    changes.assigneeIds = assignable(store, project, assigneeIds, ctx.features.multipleAssignees);
  if (params['milestone_id'] !== undefined) {
    const id = params['milestone_id'] as number | null;
    const available = id !== null && id !== 0 && store.availableMilestones(project).some((m) => m.id === id);
    changes.milestoneId = available ? id : null;
  }
  if (params['due_date'] !== undefined) {
    const due = params['due_date'] as string | null;
    changes.dueDate = due !== null && isDate(due) ? due : null;
  }
  if (params['weight'] !== undefined) changes.weight = params['weight'] as number | null;
  if (params['discussion_locked'] !== undefined)
    changes.discussionLocked = params['discussion_locked'] as boolean;
  return changes;
}

function validateModel(
  title: string | undefined,
  description: string | null | undefined,
  creating: boolean,
): void {
  const errors = new ModelErrors();
  if (creating || title !== undefined) {
    errors.blank('title', title);
    errors.tooLong('title', title, TITLE_MAX);
  }
  errors.tooLong('description', description, DESCRIPTION_MAX);
  errors.throwIfAny();
}

function createIssue(ctx: ProjectContext): HandlerResult {
  requireIssues(ctx);
  const { store, project, principal, params } = ctx;
  if (principal.kind !== 'user') throw forbidden();
  const metadata = hasRole(store, principal, project, PLANNER);
  const changes = readChanges(ctx, params, metadata);
  validateModel(changes.title, changes.description, true);
  const issue = store.createIssue(project, { title: changes.title ?? '', authorId: principal.user.id });
  const { title: _title, ...rest } = changes;
  applyIssueChanges(store, project, issue, { ...rest, stateEvent: undefined }, principal.user.id, {
    scopedLabels: ctx.features.scopedLabels,
    createLabels: metadata,
  });
  issue.updatedAt = issue.createdAt;
  return { status: 201, body: render(ctx, issue, true) };
}

function updateIssue(ctx: ProjectContext): HandlerResult {
  requireIssues(ctx);
  const { store, project, principal, params } = ctx;
  const issue = findIssue(ctx);
  if (!canSeeIssue(store, principal, project, issue)) throw recordNotFound();
  const me = userId(principal);
  const metadata = hasRole(store, principal, project, PLANNER);
  const own = me !== undefined && (issue.authorId === me || issue.assigneeIds.includes(me));
  if (!metadata && !(own && me !== undefined)) throw forbidden();
  const changes = readChanges(ctx, params, metadata);
  validateModel(changes.title, changes.description, false);
  applyIssueChanges(store, project, issue, changes, me ?? issue.authorId, {
    scopedLabels: ctx.features.scopedLabels,
    createLabels: metadata,
  });
  return { status: 200, body: render(ctx, issue, true) };
}

export function issueRoutes(weights: boolean): ProjectRoute[] {
  const issueParams = issueParamSpecs(weights);
  return [
    {
      method: 'GET',
      template: '/projects/:id/issues',
      docs: DOCS.listIssues,
      resource: 'project',
      jobToken: true,
      rules: { specs: LIST_SPECS },
      handler: listIssues,
    },
    {
      method: 'POST',
      template: '/projects/:id/issues',
      docs: DOCS.newIssue,
      resource: 'project',
      rules: {
        specs: [
          { name: 'title', type: 'string', required: true },
          { name: 'created_at', type: 'datetime' },
          { name: 'iid', type: 'integer' },
          ...issueParams,
        ],
      },
      handler: createIssue,
    },
    {
      method: 'GET',
      template: '/projects/:id/issues/:issue_iid',
      docs: DOCS.singleIssue,
      resource: 'project',
      jobToken: true,
      rules: { specs: [{ name: 'issue_iid', type: 'integer', required: true }] },
      handler: (ctx) => {
        requireIssues(ctx);
        const issue = findIssue(ctx);
        if (!canSeeIssue(ctx.store, ctx.principal, ctx.project, issue)) throw recordNotFound();
        return { status: 200, body: render(ctx, issue, true) };
      },
    },
    {
      method: 'PUT',
      template: '/projects/:id/issues/:issue_iid',
      docs: DOCS.editIssue,
      resource: 'project',
      rules: {
        specs: [
          { name: 'issue_iid', type: 'integer', required: true },
          { name: 'title', type: 'string' },
          { name: 'updated_at', type: 'datetime' },
          { name: 'state_event', type: 'string', values: ['reopen', 'close'] },
          ...issueParams,
        ],
        atLeastOneOf: UPDATE_AT_LEAST_ONE_OF,
      },
      handler: updateIssue,
    },
  ];
}
