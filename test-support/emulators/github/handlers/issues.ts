/**
 * Issue endpoints: list, get, create and update (`/repos/{owner}/{repo}/issues[/{issue_number}]`).
 *
 * Documented and observed behaviour followed:
 * - "GitHub's REST API considers every pull request an issue": lists include pull requests (with a `pull_request`
 *   key) and issue numbers are shared with them (REST docs, List repository issues).
 * - List: `state` open|closed|all (default open), `labels` comma-separated names (an issue must carry all),
 *   `since` (updated at or after), `sort` created|updated|comments (default created), `direction` asc|desc (default
 *   desc), `milestone` number|*|none, `assignee` login|*|none, `creator`; paged (per_page default 30, max 100) with a
 *   Link header whose URLs use `/repositories/{id}/issues` like GitHub's ("Using pagination in the REST API").
 *   An unknown milestone number is 422 `{"value":…,"resource":"Issue","field":"milestone","code":"invalid"}`
 *   (sigmavirus24/github3.py#406). Invalid state/sort/direction/since values are 422 here (stricter than GitHub,
 *   which may ignore some of them — unverified).
 * - Single-issue responses carry `closed_by`; lists do not (octokit/octokit.net#1353).
 * - Create: title required (`missing_field`; an empty or blank title counts as missing), title ≤ 256 characters
 *   (`custom`, "title is too long (maximum is 256 characters)"), body ≤ 65,536 characters (`custom`,
 *   "body is too long (maximum is 65536 characters)") — both messages as reported in many public issues (e.g.
 *   peter-evans/create-issue-from-file#1705, googleapis/repo-automation-bots#1895). Wrong JSON types get GitHub's
 *   schema message, e.g. "Invalid request.\n\nFor 'properties/body', false is not a string or null." (magit/forge#748).
 * - Labels named by an issue that do not exist are created (colour ededed); a name over 50 characters is
 *   `{"value":name,"resource":"Label","field":"name","code":"invalid"}` (semantic-release/github#518).
 * - An assignee who cannot be assigned is 422 `{"resource":"Issue","field":"assignees","code":"invalid",
 *   "value":[logins],"message":"assignees <logins> cannot be assigned to this issue"}` (harvester/harvester#10448,
 *   2026; older responses had a string `value` and no message — JasonEtco/create-an-issue#41).
 * - Update: labels/assignees replace the sets; `milestone: null` clears it; closing sets closed_at, closed_by and
 *   state_reason (default completed); reopening clears closed_at/closed_by and sets state_reason "reopened".
 *   state_reason is only applied together with `state` (github/docs#22914); sending state closed again with another
 *   reason re-closes with that reason (microsoft/vscode-github-triage-actions#102).
 * - Issues turned off: 410 "Issues are disabled for this repo" on every issue endpoint, list included
 *   (ossf/allstar#64, dust-tt/dust#10314). A deleted issue: 410 "This issue was deleted" (kenn-io/forge#898).
 * - updated_at moves on every change (second precision, like GitHub).
 */

import { principalLogin } from '../auth.js';
import {
  ApiError,
  basicError,
  charLength,
  DOCS,
  invalidRequest,
  isPlainObject,
  linkHeaders,
  notFound,
  pageRequest,
  paginate,
  validationFailed,
  type ValidationErrorItem,
} from '../http.js';
import { renderIssue } from '../render.js';
import type { RepoContext, RepoRoute } from '../router.js';
import type { IssueRecord, RepoRecord, Store } from '../store.js';
import type { StateReason } from '../types.js';
import { has, objectBody, optionalArray, optionalString, parseTimestamp } from './common.js';
import { readIssueType } from './issue-types.js';

const TITLE_MAX = 256;
const BODY_MAX = 65_536;
const LABEL_NAME_MAX = 50;
const STATE_REASONS: readonly StateReason[] = ['completed', 'not_planned', 'reopened', 'duplicate'];

function findIssue(ctx: RepoContext, docs: string): IssueRecord {
  const issue = ctx.repo.issues.get(Number(ctx.params['issue_number']));
  if (!issue) throw notFound(docs);
  if (issue.deleted) throw new ApiError(410, basicError(410, 'This issue was deleted', docs));
  return issue;
}

function invalid(
  field: string,
  value: string | number | string[] | null,
  resource = 'Issue',
): ValidationErrorItem {
  return { value, resource, field, code: 'invalid' };
}

function listIssues(ctx: RepoContext): { status: number; body: unknown; headers: Record<string, string> } {
  const { query, repo, store } = ctx;
  const errors: ValidationErrorItem[] = [];
  const state = query['state'] ?? 'open';
  if (!['open', 'closed', 'all'].includes(state)) errors.push(invalid('state', state));
  const sort = query['sort'] ?? 'created';
  if (!['created', 'updated', 'comments'].includes(sort)) errors.push(invalid('sort', sort));
  const direction = query['direction'] ?? 'desc';
  if (!['asc', 'desc'].includes(direction)) errors.push(invalid('direction', direction));
  let since: number | undefined;
  if (query['since'] !== undefined) {
    since = parseTimestamp(query['since']);
    if (since === undefined) errors.push(invalid('since', query['since']));
  }
  const milestone = query['milestone'];
  if (milestone !== undefined && milestone !== '*' && milestone !== 'none') {
    if (!/^\d+$/.test(milestone) || !repo.milestones.has(Number(milestone)))
      errors.push(invalid('milestone', milestone));
  }
  if (errors.length > 0) throw validationFailed(errors, DOCS.listIssues);

  const labels = (query['labels'] ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  const assignee = query['assignee']?.toLowerCase();
  const creator = query['creator']?.toLowerCase();

  const selected = [...repo.issues.values()].filter((issue) => {
    if (issue.deleted) return false;
    if (state !== 'all' && issue.state !== state) return false;
    if (since !== undefined && Math.floor(issue.updatedAt / 1000) * 1000 < since) return false;
    if (labels.length > 0) {
      const names = issue.labelIds.map((id) => store.labelById(repo, id)?.name.toLowerCase());
      if (!labels.every((name) => names.includes(name))) return false;
    }
    if (milestone === '*' && issue.milestone === null) return false;
    if (milestone === 'none' && issue.milestone !== null) return false;
    if (milestone !== undefined && /^\d+$/.test(milestone) && issue.milestone !== Number(milestone))
      return false;
    if (assignee === '*' && issue.assignees.length === 0) return false;
    if (assignee === 'none' && issue.assignees.length > 0) return false;
    if (
      assignee !== undefined &&
      assignee !== '*' &&
      assignee !== 'none' &&
      !issue.assignees.some((l) => l.toLowerCase() === assignee)
    ) {
      return false;
    }
    if (creator !== undefined && issue.author.toLowerCase() !== creator) return false;
    return true;
  });

  const key = (issue: IssueRecord): number =>
    sort === 'updated' ? issue.updatedAt : sort === 'comments' ? issue.comments : issue.createdAt;
  const sign = direction === 'asc' ? 1 : -1;
  selected.sort((a, b) => sign * (key(a) - key(b) || a.number - b.number));

  const { page, link } = paginate(selected, pageRequest(query), `/repositories/${repo.id}/issues`, ctx.link);
  return {
    status: 200,
    body: page.map((issue) => renderIssue(store, repo, issue, ctx.urls, false)),
    headers: linkHeaders(link),
  };
}

interface IssueInput {
  title?: string;
  body?: string | null;
  labels?: string[];
  assignees?: string[];
  milestone?: number | null;
  state?: string;
  stateReason?: string | null;
  /** The issue type's id, null to remove it (handlers/issue-types.ts). */
  typeId?: number | null;
}

/** Reads the fields an issue create/update may carry, throwing GitHub's 422s; `creating` makes the title required. */
function readIssueInput(ctx: RepoContext, creating: boolean, docs: string): IssueInput {
  const body = objectBody(ctx.body, docs);
  const { repo, store } = ctx;
  const input: IssueInput = {};

  // JSON types first: GitHub rejects those before looking at values.
  let title: string | null | undefined;
  if (has(body, 'title')) {
    const raw = body['title'];
    if (typeof raw === 'string') title = raw;
    else if (typeof raw === 'number' && Number.isInteger(raw)) title = String(raw);
    else if (raw === null && !creating) title = null;
    else
      throw invalidRequest(
        'title',
        raw,
        creating ? 'a string or integer' : 'a string, integer, or null',
        docs,
      );
  }
  const text = optionalString(body, 'body', docs, true);
  const labelItem = (value: unknown): string | undefined => {
    if (typeof value === 'string') return value;
    if (isPlainObject(value) && typeof value['name'] === 'string') return value['name'];
    return undefined;
  };
  const labels = optionalArray(body, 'labels', docs, labelItem, 'a string or object with a name');
  const assigneeItem = (value: unknown): string | undefined => {
    if (typeof value === 'string') return value;
    if (!creating && isPlainObject(value) && typeof value['login'] === 'string') return value['login'];
    return undefined;
  };
  let assignees = optionalArray(
    body,
    'assignees',
    docs,
    assigneeItem,
    creating ? 'a string' : 'a string or object with a login',
  );
  const assignee = optionalString(body, 'assignee', docs, true);
  if (assignee !== undefined && assignee !== null) assignees = [...(assignees ?? []), assignee];
  else if (assignee === null && assignees === undefined && !creating) assignees = [];
  let milestone: number | null | undefined;
  if (has(body, 'milestone')) {
    const raw = body['milestone'];
    if (raw === null) milestone = null;
    else if (typeof raw === 'number' || typeof raw === 'string')
      milestone = typeof raw === 'number' ? raw : Number.NaN;
    else throw invalidRequest('milestone', raw, 'an integer, string, or null', docs);
    if (typeof raw === 'string' && /^\d+$/.test(raw)) milestone = Number(raw);
  }
  const state = creating ? undefined : optionalString(body, 'state', docs, false);
  const stateReason = creating ? undefined : optionalString(body, 'state_reason', docs, true);

  // Then values, collected like GitHub's Validation Failed list.
  const errors: ValidationErrorItem[] = [];
  if (creating || title !== undefined) {
    if (title === undefined || title === null || title.trim() === '')
      errors.push({ resource: 'Issue', code: 'missing_field', field: 'title' });
    else if (charLength(title) > TITLE_MAX) {
      errors.push({
        resource: 'Issue',
        code: 'custom',
        field: 'title',
        message: `title is too long (maximum is ${TITLE_MAX} characters)`,
      });
    }
  }
  if (typeof text === 'string' && charLength(text) > BODY_MAX) {
    errors.push({
      resource: 'Issue',
      code: 'custom',
      field: 'body',
      message: `body is too long (maximum is ${BODY_MAX} characters)`,
    });
  }
  if (state !== undefined && state !== null && state !== 'open' && state !== 'closed')
    errors.push(invalid('state', state));
  if (stateReason !== undefined && stateReason !== null) {
    if (!(STATE_REASONS as readonly string[]).includes(stateReason))
      errors.push(invalid('state_reason', stateReason));
    else if (state === 'closed' && stateReason === 'reopened')
      errors.push(invalid('state_reason', stateReason));
  }
  if (milestone !== undefined && milestone !== null && !repo.milestones.has(milestone)) {
    const raw = body['milestone'];
    errors.push(invalid('milestone', typeof raw === 'number' || typeof raw === 'string' ? raw : null));
  }
  for (const name of labels ?? []) {
    if (name.trim() === '' || charLength(name) > LABEL_NAME_MAX)
      errors.push({ value: name, resource: 'Label', field: 'name', code: 'invalid' });
  }
  if (assignees !== undefined) {
    const rejected = assignees.filter((login) => !store.isAssignable(repo, login));
    if (rejected.length > 0) {
      errors.push({
        value: rejected,
        resource: 'Issue',
        field: 'assignees',
        code: 'invalid',
        message: `assignees ${rejected.join(', ')} cannot be assigned to this issue`,
      });
    }
  }
  const typeId = readIssueType(ctx, body, creating, docs, errors);
  if (errors.length > 0) throw validationFailed(errors, docs);

  if (typeId !== undefined) input.typeId = typeId;
  if (typeof title === 'string') input.title = title;
  if (text !== undefined) input.body = text;
  if (labels !== undefined) input.labels = labels;
  if (assignees !== undefined) {
    const unique: string[] = [];
    for (const login of assignees) {
      const canonical = store.user(login).login;
      if (!unique.some((l) => l.toLowerCase() === canonical.toLowerCase())) unique.push(canonical);
    }
    input.assignees = unique;
  }
  if (milestone !== undefined) input.milestone = milestone;
  if (state !== undefined && state !== null) input.state = state;
  if (stateReason !== undefined) input.stateReason = stateReason;
  return input;
}

function actor(ctx: RepoContext): string {
  return principalLogin(ctx.principal) ?? ctx.repo.owner;
}

function createIssue(ctx: RepoContext): { status: number; body: unknown; headers: Record<string, string> } {
  const input = readIssueInput(ctx, true, DOCS.createIssue);
  const { repo, store } = ctx;
  const issue = store.createIssue(repo, {
    title: input.title ?? '',
    body: input.body ?? null,
    author: actor(ctx),
    labelIds: store.labelsForIssue(repo, input.labels ?? []),
    assignees: input.assignees ?? [],
    milestone: input.milestone ?? null,
  });
  if (input.typeId !== undefined) issue.typeId = input.typeId;
  const json = renderIssue(store, repo, issue, ctx.urls, true);
  return { status: 201, body: json, headers: { location: json.url } };
}

/** Applies a change set to an issue; shared by the API and the emulator's "human" edits. Returns whether anything changed. */
export function applyIssueChanges(
  store: Store,
  repo: RepoRecord,
  issue: IssueRecord,
  changes: {
    title?: string;
    body?: string | null;
    labels?: string[];
    assignees?: string[];
    milestone?: number | null;
    state?: string;
    stateReason?: string | null;
    typeId?: number | null;
  },
  actorLogin: string,
): boolean {
  const now = store.now();
  let changed = false;
  if (changes.title !== undefined && changes.title !== issue.title) {
    issue.title = changes.title;
    changed = true;
  }
  if (changes.body !== undefined && changes.body !== issue.body) {
    issue.body = changes.body;
    changed = true;
  }
  if (changes.labels !== undefined) {
    const ids = store.labelsForIssue(repo, changes.labels);
    if (ids.join(',') !== issue.labelIds.join(',')) {
      issue.labelIds = ids;
      changed = true;
    }
  }
  if (changes.assignees !== undefined && changes.assignees.join(',') !== issue.assignees.join(',')) {
    issue.assignees = changes.assignees;
    changed = true;
  }
  if (changes.milestone !== undefined && changes.milestone !== issue.milestone) {
    issue.milestone = changes.milestone;
    changed = true;
  }
  if (changes.typeId !== undefined && changes.typeId !== (issue.typeId ?? null)) {
    issue.typeId = changes.typeId;
    changed = true;
  }
  if (changes.state === 'closed') {
    const reason = (changes.stateReason ?? 'completed') as StateReason;
    if (issue.state !== 'closed') {
      issue.state = 'closed';
      issue.closedAt = now;
      issue.closedBy = actorLogin;
      issue.stateReason = reason;
      changed = true;
    } else if (
      changes.stateReason !== undefined &&
      changes.stateReason !== null &&
      reason !== issue.stateReason
    ) {
      issue.stateReason = reason;
      changed = true;
    }
  } else if (changes.state === 'open' && issue.state !== 'open') {
    issue.state = 'open';
    issue.closedAt = null;
    issue.closedBy = null;
    issue.stateReason = 'reopened';
    changed = true;
  }
  if (changed) {
    issue.updatedAt = now;
    repo.updatedAt = now;
  }
  return changed;
}

function updateIssue(ctx: RepoContext): { status: number; body: unknown } {
  const issue = findIssue(ctx, DOCS.updateIssue);
  const { principal } = ctx;
  if (principal.kind === 'token' && !issue.pullRequest && principal.token.permissions.issues !== 'write') {
    const who = principal.token.login.endsWith('[bot]') ? 'integration' : 'personal access token';
    throw new ApiError(403, basicError(403, `Resource not accessible by ${who}`, DOCS.updateIssue), {
      'x-accepted-github-permissions': 'issues=write',
    });
  }
  const input = readIssueInput(ctx, false, DOCS.updateIssue);
  applyIssueChanges(ctx.store, ctx.repo, issue, input, actor(ctx));
  return { status: 200, body: renderIssue(ctx.store, ctx.repo, issue, ctx.urls, true) };
}

export const issueRoutes: RepoRoute[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/issues',
    docs: DOCS.listIssues,
    access: [{ issues: 'read' }],
    issuesFeature: true,
    handler: listIssues,
  },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/issues',
    docs: DOCS.createIssue,
    access: [{ issues: 'write' }],
    issuesFeature: true,
    contentCreating: true,
    handler: createIssue,
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/issues/{issue_number}',
    docs: DOCS.getIssue,
    access: [{ issues: 'read' }],
    issuesFeature: true,
    handler: (ctx) => ({
      status: 200,
      body: renderIssue(ctx.store, ctx.repo, findIssue(ctx, DOCS.getIssue), ctx.urls, true),
    }),
  },
  {
    method: 'PATCH',
    template: '/repos/{owner}/{repo}/issues/{issue_number}',
    docs: DOCS.updateIssue,
    access: [{ issues: 'write' }, { pull_requests: 'write' }],
    issuesFeature: true,
    handler: updateIssue,
  },
];
