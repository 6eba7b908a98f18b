/**
 * Milestone endpoints: list, create and update (`/repos/{owner}/{repo}/milestones[/{milestone_number}]`).
 *
 * Documented behaviour followed (REST docs, "REST API endpoints for milestones"):
 * - List: `state` open|closed|all (default open), `sort` due_on|completeness (default due_on), `direction` asc|desc
 *   (default asc), paged with Link headers; milestones without a due date sort last.
 * - Create: `title` required (422 `missing_field`), `state` open|closed, `description`, `due_on` ISO 8601.
 *   A title already used in the repository is 422 `{"resource":"Milestone","code":"already_exists","field":"title"}`
 *   (compared case-insensitively here — possibly stricter than GitHub, unverified).
 * - Update: any of those fields; closing sets closed_at, reopening clears it; a missing number is 404.
 * - open_issues / closed_issues count the issues and pull requests in the milestone.
 */

import {
  DOCS,
  notFound,
  linkHeaders,
  pageRequest,
  paginate,
  validationFailed,
  type ValidationErrorItem,
} from '../http.js';
import { principalLogin } from '../auth.js';
import { renderMilestone } from '../render.js';
import type { RepoContext, RepoRoute } from '../router.js';
import type { MilestoneRecord } from '../store.js';
import { has, objectBody, optionalString, parseTimestamp } from './common.js';

interface MilestoneInput {
  title?: string;
  state?: 'open' | 'closed';
  description?: string | null;
  dueOn?: number | null;
}

function readMilestone(
  ctx: RepoContext,
  creating: boolean,
  docs: string,
  self?: MilestoneRecord,
): MilestoneInput {
  const body = objectBody(ctx.body, docs);
  const title = optionalString(body, 'title', docs) ?? undefined;
  const state = optionalString(body, 'state', docs) ?? undefined;
  const description = optionalString(body, 'description', docs, true);
  const dueOn = has(body, 'due_on') ? optionalString(body, 'due_on', docs, true) : undefined;
  const errors: ValidationErrorItem[] = [];
  if ((creating && title === undefined) || (title !== undefined && title.trim() === '')) {
    errors.push({ resource: 'Milestone', code: 'missing_field', field: 'title' });
  }
  if (state !== undefined && state !== 'open' && state !== 'closed') {
    errors.push({ value: state, resource: 'Milestone', field: 'state', code: 'invalid' });
  }
  let due: number | null | undefined;
  if (typeof dueOn === 'string') {
    due = parseTimestamp(dueOn);
    if (due === undefined)
      errors.push({ value: dueOn, resource: 'Milestone', field: 'due_on', code: 'invalid' });
  } else if (dueOn === null) due = null;
  if (title !== undefined && errors.length === 0) {
    const clash = ctx.store.milestoneByTitle(ctx.repo, title);
    if (clash && clash !== self)
      errors.push({ resource: 'Milestone', code: 'already_exists', field: 'title' });
  }
  if (errors.length > 0) throw validationFailed(errors, docs);
  const input: MilestoneInput = {};
  if (title !== undefined) input.title = title;
  if (state === 'open' || state === 'closed') input.state = state;
  if (description !== undefined) input.description = description;
  if (due !== undefined) input.dueOn = due;
  return input;
}

function listMilestones(ctx: RepoContext): {
  status: number;
  body: unknown;
  headers: Record<string, string>;
} {
  const { query, repo, store } = ctx;
  const errors: ValidationErrorItem[] = [];
  const state = query['state'] ?? 'open';
  if (!['open', 'closed', 'all'].includes(state))
    errors.push({ value: state, resource: 'Milestone', field: 'state', code: 'invalid' });
  const sort = query['sort'] ?? 'due_on';
  if (!['due_on', 'completeness'].includes(sort))
    errors.push({ value: sort, resource: 'Milestone', field: 'sort', code: 'invalid' });
  const direction = query['direction'] ?? 'asc';
  if (!['asc', 'desc'].includes(direction))
    errors.push({ value: direction, resource: 'Milestone', field: 'direction', code: 'invalid' });
  if (errors.length > 0) throw validationFailed(errors, DOCS.listMilestones);
  const sign = direction === 'asc' ? 1 : -1;
  const completeness = (m: MilestoneRecord): number => {
    const { open, closed } = store.milestoneCounts(repo, m.number);
    return open + closed === 0 ? 0 : closed / (open + closed);
  };
  const selected = [...repo.milestones.values()]
    .filter((m) => state === 'all' || m.state === state)
    .sort((a, b) => {
      if (sort === 'completeness') return sign * (completeness(a) - completeness(b) || a.number - b.number);
      if (a.dueOn === null || b.dueOn === null)
        return a.dueOn === b.dueOn ? a.number - b.number : a.dueOn === null ? 1 : -1;
      return sign * (a.dueOn - b.dueOn || a.number - b.number);
    });
  const { page, link } = paginate(
    selected,
    pageRequest(query),
    `/repositories/${repo.id}/milestones`,
    ctx.link,
  );
  return {
    status: 200,
    body: page.map((m) => renderMilestone(store, repo, m, ctx.urls)),
    headers: linkHeaders(link),
  };
}

function createMilestone(ctx: RepoContext): {
  status: number;
  body: unknown;
  headers: Record<string, string>;
} {
  const input = readMilestone(ctx, true, DOCS.createMilestone);
  const milestone = ctx.store.createMilestone(ctx.repo, {
    title: input.title ?? '',
    description: input.description ?? null,
    state: input.state ?? 'open',
    dueOn: input.dueOn ?? null,
    creator: principalLogin(ctx.principal) ?? ctx.repo.owner,
  });
  const json = renderMilestone(ctx.store, ctx.repo, milestone, ctx.urls);
  return { status: 201, body: json, headers: { location: json.url } };
}

function updateMilestone(ctx: RepoContext): { status: number; body: unknown } {
  const milestone = ctx.repo.milestones.get(Number(ctx.params['milestone_number']));
  if (!milestone) throw notFound(DOCS.updateMilestone);
  const input = readMilestone(ctx, false, DOCS.updateMilestone, milestone);
  const now = ctx.store.now();
  let changed = false;
  if (input.title !== undefined && input.title !== milestone.title) {
    milestone.title = input.title;
    changed = true;
  }
  if (input.description !== undefined && input.description !== milestone.description) {
    milestone.description = input.description;
    changed = true;
  }
  if (input.dueOn !== undefined && input.dueOn !== milestone.dueOn) {
    milestone.dueOn = input.dueOn;
    changed = true;
  }
  if (input.state !== undefined && input.state !== milestone.state) {
    milestone.state = input.state;
    milestone.closedAt = input.state === 'closed' ? now : null;
    changed = true;
  }
  if (changed) milestone.updatedAt = now;
  return { status: 200, body: renderMilestone(ctx.store, ctx.repo, milestone, ctx.urls) };
}

export const milestoneRoutes: RepoRoute[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/milestones',
    docs: DOCS.listMilestones,
    access: [{ issues: 'read' }, { pull_requests: 'read' }],
    handler: listMilestones,
  },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/milestones',
    docs: DOCS.createMilestone,
    access: [{ issues: 'write' }, { pull_requests: 'write' }],
    contentCreating: true,
    handler: createMilestone,
  },
  {
    method: 'PATCH',
    template: '/repos/{owner}/{repo}/milestones/{milestone_number}',
    docs: DOCS.updateMilestone,
    access: [{ issues: 'write' }, { pull_requests: 'write' }],
    handler: updateMilestone,
  },
];
