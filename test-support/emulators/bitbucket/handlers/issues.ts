/**
 * Issue endpoints: list, get, create and update issues, and list or make issue changes
 * (`/repositories/{workspace}/{repo_slug}/issues[/{issue_id}[/changes]]`).
 *
 * Documented behaviour followed (swagger operations of the "Issue tracker" group,
 * developer.atlassian.com/cloud/bitbucket/rest/api-group-issue-tracker):
 * - Every issue endpoint answers 404 when "the specified repository does not exist or does not have the issue tracker
 *   enabled"; the body is `{"type": "error", "error": {"message": "Repository has no issue tracker."}}`
 *   (getsentry/sentry#84251, apache/devlake#3064, DXHeroes/dx-scanner#263).
 * - List: paged (see http.ts), filtered with BBQL `q` (state, kind, priority, title, content.raw, dates, reporter /
 *   assignee ids, milestone / version / component names, id, votes) and sorted with `sort` (e.g. `-updated_on`).
 *   The default order is ascending id here — unverified.
 * - Create: "The only required element is `title`. All other elements can be omitted"; "The authenticated user is
 *   used for the issue's `reporter` field". Enums (swagger `issue`): kind bug|enhancement|proposal|task (default bug),
 *   priority trivial|minor|major|critical|blocker (default major), state submitted|new|open|resolved|on hold|invalid|
 *   duplicate|wontfix|closed (default new). `content.raw` is the Markdown text. `assignee` is `{account_id}` or
 *   `{uuid}`; `milestone`, `version`, `component` are `{name}` (or `{id}`) of an existing one. Returns 201.
 * - Update (PUT): partial — "Any field not present keeps its existing value"; `null` clears assignee / milestone /
 *   version / component (the documented example sets `"component": null`). Each edit "through the API" creates "an
 *   immutable change record" under `/changes`, listed oldest first.
 * - State changes: the documented way is `POST …/issues/{id}/changes` with `{"changes": {"state": {"new": "resolved"}},
 *   "message": {"raw": "…"}}` (201 with the change); its `changes` values are strings, `assignee_account_id` names the
 *   assignee. A `state` in the PUT body is honoured too (the PUT takes the issue representation, whose `state` is a
 *   writable field; atlassian-python-api's `Issue.state` setter is such a PUT; no report of it being ignored was
 *   found) — both are emulated, each recording a change. Option `putState` drops or refuses it, for clients' fallbacks.
 * - Change records (swagger issue-changes example): `{"type": "issue_change", "id", "created_on", "user", "issue",
 *   "changes": {"field": {"old", "new"}}, "message": {…, "type": "rendered"}, "links": {self, html}}`; removing an
 *   assignee records `"new": ""` for `assignee` and `assignee_account_id`.
 * - Validation: 400 `{"type": "error", "error": {"message": "Bad request", "fields": {"title": ["This field is
 *   required."]}}}`. The `fields` map with lists of messages is Bitbucket's (see http.ts) and "This field is required."
 *   is what its issue tracker says for a missing title (defra91/bitbucket-issue-manager#3); the top-level message and
 *   the texts for a bad choice (`"x" is not a valid choice.`), an unknown user or an unknown milestone / version /
 *   component are this emulator's — unverified.
 * - `updated_on` moves on every change; `edited_on` is set when the title or content changes (unverified).
 * - A missing issue is 404 "Issue not found" (message unverified).
 */

import { compileQuery, compileSort, type FieldTable } from '../bbql.js';
import { apiError, badRequest, has, isPlainObject, pageRequest, paginate } from '../http.js';
import { renderChange, renderIssue } from '../render.js';
import type { RepoContext, RepoRoute } from '../router.js';
import type { IssueRecord, NamedRecord, RepoRecord, Store } from '../store.js';
import type { IssueKind, IssuePriority, IssueState } from '../types.js';
import { objectBody, TRACKER_PAGES } from './common.js';

export const KINDS: readonly IssueKind[] = ['bug', 'enhancement', 'proposal', 'task'];
export const PRIORITIES: readonly IssuePriority[] = ['trivial', 'minor', 'major', 'critical', 'blocker'];
export const STATES: readonly IssueState[] = [
  'submitted',
  'new',
  'open',
  'resolved',
  'on hold',
  'invalid',
  'duplicate',
  'wontfix',
  'closed',
];

const READ = { scopes: ['issue'], apiTokenScopes: ['read:issue:bitbucket'] } as const;
const WRITE = {
  scopes: ['issue:write'],
  apiTokenScopes: ['read:issue:bitbucket', 'write:issue:bitbucket'],
} as const;

/** What an API write may change; undefined means "leave as is". */
export interface IssueChanges {
  title?: string;
  raw?: string;
  state?: IssueState;
  kind?: IssueKind;
  priority?: IssuePriority;
  assignee?: string | null;
  milestone?: number | null;
  version?: number | null;
  component?: number | null;
}

type NamedList = 'milestones' | 'versions' | 'components';
const NAMED: ReadonlyArray<{ field: 'milestone' | 'version' | 'component'; list: NamedList }> = [
  { field: 'milestone', list: 'milestones' },
  { field: 'version', list: 'versions' },
  { field: 'component', list: 'components' },
];

function named(repo: RepoRecord, list: NamedList, id: number | null): NamedRecord | undefined {
  return id === null ? undefined : repo[list].find((item) => item.id === id);
}

function issueFields(store: Store, repo: RepoRecord): FieldTable<IssueRecord> {
  const user =
    (pick: (issue: IssueRecord) => string | null, prop: 'accountId' | 'uuid' | 'nickname' | 'displayName') =>
    (issue: IssueRecord) => {
      const id = pick(issue);
      return id === null ? null : (store.users.get(id)?.[prop] ?? null);
    };
  const name = (field: 'milestone' | 'version' | 'component', list: NamedList) => (issue: IssueRecord) =>
    named(repo, list, issue[field])?.name ?? null;
  return {
    id: { type: 'number', get: (i) => i.id },
    title: { type: 'string', get: (i) => i.title },
    'content.raw': { type: 'string', get: (i) => i.raw },
    state: { type: 'string', get: (i) => i.state },
    kind: { type: 'string', get: (i) => i.kind },
    priority: { type: 'string', get: (i) => i.priority, order: PRIORITIES },
    created_on: { type: 'datetime', get: (i) => i.createdAt },
    updated_on: { type: 'datetime', get: (i) => i.updatedAt },
    edited_on: { type: 'datetime', get: (i) => i.editedAt },
    votes: { type: 'number', get: (i) => i.votes },
    watches: { type: 'number', get: (i) => i.watches },
    'reporter.account_id': { type: 'string', get: user((i) => i.reporter, 'accountId') },
    'reporter.uuid': { type: 'string', get: user((i) => i.reporter, 'uuid') },
    'reporter.nickname': { type: 'string', get: user((i) => i.reporter, 'nickname') },
    'reporter.display_name': { type: 'string', get: user((i) => i.reporter, 'displayName') },
    assignee: { type: 'string', get: user((i) => i.assignee, 'accountId') },
    'assignee.account_id': { type: 'string', get: user((i) => i.assignee, 'accountId') },
    'assignee.uuid': { type: 'string', get: user((i) => i.assignee, 'uuid') },
    'assignee.nickname': { type: 'string', get: user((i) => i.assignee, 'nickname') },
    'assignee.display_name': { type: 'string', get: user((i) => i.assignee, 'displayName') },
    milestone: { type: 'string', get: name('milestone', 'milestones') },
    'milestone.name': { type: 'string', get: name('milestone', 'milestones') },
    'version.name': { type: 'string', get: name('version', 'versions') },
    'component.name': { type: 'string', get: name('component', 'components') },
  };
}

export function findIssue(ctx: RepoContext): IssueRecord {
  const issue = ctx.repo.issues.get(Number(ctx.params['issue_id']));
  if (!issue) throw apiError(404, 'Issue not found');
  return issue;
}

function listIssues(ctx: RepoContext): { status: number; body: unknown } {
  const { repo, store, query } = ctx;
  const request = pageRequest(query, TRACKER_PAGES);
  const fields = issueFields(store, repo);
  const filter =
    query['q'] === undefined || query['q'].trim() === '' ? undefined : compileQuery(query['q'], fields);
  const order =
    query['sort'] === undefined || query['sort'] === '' ? undefined : compileSort(query['sort'], fields);
  const selected = [...repo.issues.values()].filter((issue) => filter?.(issue) ?? true);
  selected.sort((a, b) => (order?.(a, b) ?? 0) || a.id - b.id);
  return {
    status: 200,
    body: paginate(selected, request, ctx.requestUrl, (issue) => renderIssue(store, repo, issue, ctx.urls)),
  };
}

/** Resolves `{account_id}` or `{uuid}` to a user who can be assigned (a member of the repository's workspace). */
function assigneeOf(
  ctx: RepoContext,
  value: unknown,
  errors: Record<string, string[]>,
): string | null | undefined {
  if (value === null) return null;
  const accountId =
    isPlainObject(value) && typeof value['account_id'] === 'string' ? value['account_id'] : undefined;
  const uuid = isPlainObject(value) && typeof value['uuid'] === 'string' ? value['uuid'] : undefined;
  if (accountId === undefined && uuid === undefined) {
    errors['assignee'] = ['Expected an object with an account_id or uuid.'];
    return undefined;
  }
  const user = [...ctx.store.users.values()].find((candidate) =>
    accountId !== undefined
      ? candidate.accountId === accountId
      : candidate.uuid.toLowerCase() === uuid?.toLowerCase(),
  );
  if (!user || !ctx.store.isMember(ctx.repo.workspace, user.accountId)) {
    errors['assignee'] = [`"${accountId ?? uuid ?? ''}" is not a valid user.`];
    return undefined;
  }
  return user.accountId;
}

function namedOf(
  repo: RepoRecord,
  field: 'milestone' | 'version' | 'component',
  list: NamedList,
  value: unknown,
  errors: Record<string, string[]>,
): number | null | undefined {
  if (value === null) return null;
  if (!isPlainObject(value) || (typeof value['name'] !== 'string' && typeof value['id'] !== 'number')) {
    errors[field] = ['Expected an object with a name.'];
    return undefined;
  }
  const wanted = value['name'];
  const found = repo[list].find((item) =>
    typeof wanted === 'string' ? item.name === wanted : item.id === value['id'],
  );
  if (!found) {
    errors[field] = [`"${String(wanted ?? value['id'])}" is not a valid ${field}.`];
    return undefined;
  }
  return found.id;
}

function choice<T extends string>(
  field: string,
  value: unknown,
  allowed: readonly T[],
  errors: Record<string, string[]>,
): T | undefined {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  errors[field] = [`"${String(value)}" is not a valid choice.`];
  return undefined;
}

/** Reads an issue representation (POST / PUT body), collecting every field error before throwing one 400. */
function readIssueBody(ctx: RepoContext, creating: boolean): IssueChanges {
  const body = objectBody(ctx.body);
  const errors: Record<string, string[]> = {};
  const changes: IssueChanges = {};
  if (has(body, 'title') || creating) {
    const title = body['title'];
    if (title === undefined || title === null || (typeof title === 'string' && title.trim() === ''))
      errors['title'] = ['This field is required.'];
    else if (typeof title !== 'string') errors['title'] = ['Not a valid string.'];
    // The issue model's title column is 255 characters (message in Django REST framework's words; unverified).
    else if (title.length > 255) errors['title'] = [`Ensure this field has no more than 255 characters.`];
    else changes.title = title;
  }
  if (has(body, 'content')) {
    const content = body['content'];
    if (content === null) changes.raw = '';
    else if (isPlainObject(content) && (content['raw'] === undefined || typeof content['raw'] === 'string'))
      changes.raw = typeof content['raw'] === 'string' ? content['raw'] : '';
    else errors['content'] = ['Expected an object with a raw string.'];
  }
  if (has(body, 'kind')) changes.kind = choice('kind', body['kind'], KINDS, errors);
  if (has(body, 'priority')) changes.priority = choice('priority', body['priority'], PRIORITIES, errors);
  if (has(body, 'state')) changes.state = choice('state', body['state'], STATES, errors);
  if (has(body, 'assignee')) changes.assignee = assigneeOf(ctx, body['assignee'], errors);
  for (const { field, list } of NAMED) {
    if (has(body, field)) changes[field] = namedOf(ctx.repo, field, list, body[field], errors);
  }
  if (Object.keys(errors).length > 0) throw badRequest(errors);
  return changes;
}

/**
 * Applies changes the way any edit does (API or web): records one change with the old and new values as strings,
 * moves updated_on (and edited_on for title / content); returns the change, or undefined when nothing changed and
 * there is no message.
 */
export function applyIssueChanges(
  store: Store,
  repo: RepoRecord,
  issue: IssueRecord,
  changes: IssueChanges,
  actor: string,
  message = '',
): { id: number } | undefined {
  const log: Record<string, { old: string; new: string }> = {};
  const note = (field: string, before: string, after: string): void => {
    if (before !== after) log[field] = { old: before, new: after };
  };
  let edited = false;
  if (changes.title !== undefined && changes.title !== issue.title) {
    note('title', issue.title, changes.title);
    issue.title = changes.title;
    edited = true;
  }
  if (changes.raw !== undefined && changes.raw !== issue.raw) {
    note('content', issue.raw, changes.raw);
    issue.raw = changes.raw;
    edited = true;
  }
  for (const field of ['state', 'kind', 'priority'] as const) {
    const next = changes[field];
    if (next !== undefined && next !== issue[field]) {
      note(field, issue[field], next);
      (issue as unknown as Record<string, string>)[field] = next;
    }
  }
  if (changes.assignee !== undefined && changes.assignee !== issue.assignee) {
    const name = (id: string | null): string => (id === null ? '' : (store.users.get(id)?.nickname ?? ''));
    note('assignee', name(issue.assignee), name(changes.assignee));
    note('assignee_account_id', issue.assignee ?? '', changes.assignee ?? '');
    issue.assignee = changes.assignee;
  }
  for (const { field, list } of NAMED) {
    const next = changes[field];
    if (next !== undefined && next !== issue[field]) {
      note(field, named(repo, list, issue[field])?.name ?? '', named(repo, list, next)?.name ?? '');
      issue[field] = next;
    }
  }
  if (Object.keys(log).length === 0 && message === '') return undefined;
  const now = store.now();
  if (Object.keys(log).length > 0) {
    issue.updatedAt = now;
    repo.updatedAt = now;
    if (edited) issue.editedAt = now;
  }
  const change = { id: repo.nextChangeId, createdAt: now, user: actor, changes: log, message };
  repo.nextChangeId += 1;
  issue.changes.push(change);
  return change;
}

function actorOf(ctx: RepoContext): string {
  if (ctx.principal.kind === 'anonymous') throw apiError(401, 'Unauthorized');
  return ctx.principal.user.accountId;
}

function createIssue(ctx: RepoContext): { status: number; body: unknown } {
  const input = readIssueBody(ctx, true);
  const issue = ctx.store.createIssue(ctx.repo, {
    title: input.title ?? '',
    raw: input.raw ?? '',
    state: input.state ?? 'new',
    kind: input.kind ?? 'bug',
    priority: input.priority ?? 'major',
    reporter: actorOf(ctx),
    assignee: input.assignee ?? null,
    milestone: input.milestone ?? null,
    version: input.version ?? null,
    component: input.component ?? null,
  });
  return { status: 201, body: renderIssue(ctx.store, ctx.repo, issue, ctx.urls) };
}

function updateIssue(ctx: RepoContext): { status: number; body: unknown } {
  const issue = findIssue(ctx);
  const input = readIssueBody(ctx, false);
  if (input.state !== undefined && ctx.store.putState === 'refused')
    throw badRequest({ state: ['This field cannot be changed.'] });
  if (ctx.store.putState === 'ignored') delete input.state;
  applyIssueChanges(ctx.store, ctx.repo, issue, input, actorOf(ctx));
  return { status: 200, body: renderIssue(ctx.store, ctx.repo, issue, ctx.urls) };
}

/** `POST …/changes`: `{"changes": {"field": {"new": "…"}}, "message": {"raw": "…"}}`. */
function createChange(ctx: RepoContext): { status: number; body: unknown } {
  const issue = findIssue(ctx);
  const body = objectBody(ctx.body);
  const errors: Record<string, string[]> = {};
  const raw = body['changes'];
  const message =
    isPlainObject(body['message']) && typeof body['message']['raw'] === 'string'
      ? body['message']['raw']
      : '';
  if (raw !== undefined && !isPlainObject(raw)) throw badRequest({ changes: ['Expected an object.'] });
  const requested: Record<string, string> = {};
  for (const [field, value] of Object.entries(raw ?? {})) {
    if (!isPlainObject(value) || typeof value['new'] !== 'string')
      errors[field] = ['Expected an object with a new string value.'];
    else requested[field] = value['new'];
  }
  if (Object.keys(requested).length === 0 && message === '' && Object.keys(errors).length === 0)
    errors['changes'] = ['This field is required.'];
  const changes: IssueChanges = {};
  for (const [field, value] of Object.entries(requested)) {
    switch (field) {
      case 'title':
        if (value.trim() === '') errors['title'] = ['This field is required.'];
        else changes.title = value;
        break;
      case 'content':
        changes.raw = value;
        break;
      case 'state':
        changes.state = choice('state', value, STATES, errors);
        break;
      case 'kind':
        changes.kind = choice('kind', value, KINDS, errors);
        break;
      case 'priority':
        changes.priority = choice('priority', value, PRIORITIES, errors);
        break;
      case 'assignee_account_id':
      case 'assignee':
        changes.assignee = value === '' ? null : assigneeOf(ctx, { account_id: value }, errors);
        break;
      case 'milestone':
      case 'version':
      case 'component': {
        const list = `${field}s` as NamedList;
        changes[field] = value === '' ? null : namedOf(ctx.repo, field, list, { name: value }, errors);
        break;
      }
      default:
        errors[field] = ['This field cannot be changed.'];
    }
  }
  if (Object.keys(errors).length > 0) throw badRequest(errors);
  const made = applyIssueChanges(ctx.store, ctx.repo, issue, changes, actorOf(ctx), message);
  // A request that changes nothing and says nothing still answers with an (empty) change record.
  const change = issue.changes.find((c) => c.id === made?.id) ?? {
    id: ctx.repo.nextChangeId++,
    createdAt: ctx.store.now(),
    user: actorOf(ctx),
    changes: {},
    message,
  };
  if (!made) issue.changes.push(change);
  return { status: 201, body: renderChange(ctx.store, ctx.repo, issue, change, ctx.urls) };
}

export const issueRoutes: RepoRoute[] = [
  {
    method: 'GET',
    template: '/repositories/{workspace}/{repo_slug}/issues',
    scopes: READ,
    repo: true,
    tracker: true,
    handler: listIssues,
  },
  {
    method: 'POST',
    template: '/repositories/{workspace}/{repo_slug}/issues',
    scopes: WRITE,
    repo: true,
    tracker: true,
    write: true,
    handler: createIssue,
  },
  {
    method: 'GET',
    template: '/repositories/{workspace}/{repo_slug}/issues/{issue_id}',
    scopes: READ,
    repo: true,
    tracker: true,
    handler: (ctx) => ({ status: 200, body: renderIssue(ctx.store, ctx.repo, findIssue(ctx), ctx.urls) }),
  },
  {
    method: 'PUT',
    template: '/repositories/{workspace}/{repo_slug}/issues/{issue_id}',
    scopes: WRITE,
    repo: true,
    tracker: true,
    write: true,
    handler: updateIssue,
  },
  {
    method: 'GET',
    template: '/repositories/{workspace}/{repo_slug}/issues/{issue_id}/changes',
    scopes: READ,
    repo: true,
    tracker: true,
    handler: (ctx) => {
      const issue = findIssue(ctx);
      const request = pageRequest(ctx.query, TRACKER_PAGES);
      return {
        status: 200,
        body: paginate(issue.changes, request, ctx.requestUrl, (change) =>
          renderChange(ctx.store, ctx.repo, issue, change, ctx.urls),
        ),
      };
    },
  },
  {
    method: 'POST',
    template: '/repositories/{workspace}/{repo_slug}/issues/{issue_id}/changes',
    scopes: WRITE,
    repo: true,
    tracker: true,
    write: true,
    handler: createChange,
  },
  {
    method: 'GET',
    template: '/repositories/{workspace}/{repo_slug}/issues/{issue_id}/changes/{change_id}',
    scopes: READ,
    repo: true,
    tracker: true,
    handler: (ctx) => {
      const issue = findIssue(ctx);
      const change = issue.changes.find((c) => c.id === Number(ctx.params['change_id']));
      if (!change) throw apiError(404, 'Change not found');
      return { status: 200, body: renderChange(ctx.store, ctx.repo, issue, change, ctx.urls) };
    },
  },
];
