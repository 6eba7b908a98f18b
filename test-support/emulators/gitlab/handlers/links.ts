/**
 * Issue links (`/projects/:id/issues/:issue_iid/links[/:issue_link_id]`): list, create and delete.
 *
 * Documented and source behaviour followed (docs.gitlab.com/api/issue_links/; lib/api/issue_links.rb;
 * app/services/issuable_links/create_service.rb; ee/app/services/ee/issue_links/create_service.rb):
 * - List: the issue's linked issues, oldest link first, each an Issue entity plus `issue_link_id`, `link_type` (as seen
 *   from this issue: a link "A blocks B" is `blocks` from A and `is_blocked_by` from B), `link_created_at` and
 *   `link_updated_at`; not paginated (the endpoint presents the whole relation without `paginate`).
 * - Create: `target_project_id` and `target_issue_iid` required (400 `{"error":"target_project_id is missing, …"}`),
 *   `link_type` one of `relates_to` (default), `blocks`, `is_blocked_by` (Grape `values:`; the Community Edition's
 *   `IssueLink.available_link_types` is `relates_to` alone, so `blocks` there is 400 `{"error":"link_type does not
 *   have a valid value"}`). The source and target issues are looked up first (404 "404 Project Not Found" /
 *   "404 Not found"); then an unlicensed Enterprise Edition (GitLab.com Free) refuses `blocks` / `is_blocked_by` with
 *   403 `{"message":"Blocked issues not available for current license"}`; a pair already linked (either way, of any
 *   type) is 409 `{"message":"Issue(s) already assigned"}`; a caller below Reporter in either project is 403
 *   "Couldn't link issue. You must have at least the Reporter role in both projects."; 201 with the IssueLink entity
 *   (`source_issue`, `target_issue`, `link_type`). `is_blocked_by` is stored as `blocks` the other way round
 *   (`set_link_type`), which is what the answer shows.
 * - An issue linked to itself: the model's validation fails and the service answers 422 with
 *   "#<iid> cannot be added: …" (the exact validation text is not documented — the one used here is an assumption).
 * - Delete: the link must touch the issue (`IssueLink.for_source_or_target(issue).find`), else 404 "404 Not found";
 *   Reporter or higher in the issue's project, else 403; 200 with the deleted IssueLink entity.
 */

import { requireRole, visibleProject } from '../auth.js';
import { ApiError, messageError, PAGINATION_SPECS, recordNotFound, type ParamSpec } from '../http.js';
import { renderIssue } from '../render.js';
import type { ProjectContext, ProjectRoute } from '../router.js';
import type { IssueRecord, ProjectRecord, Store } from '../store.js';
import { findIssue } from './issues.js';

const DOCS_LINKS = 'https://docs.gitlab.com/api/issue_links/';
const REPORTER = 20;

/**
 * Which link types the instance accepts: `premium` (Premium/Ultimate: all three), `free` (an Enterprise Edition
 * without the licence, as GitLab.com Free: blocking types refused with 403) or `foss` (the Community Edition: only
 * `relates_to` is a valid value, 400).
 */
export type BlockingLinks = 'premium' | 'free' | 'foss';

interface LinkRecord {
  id: number;
  /** Issue ids (global), stored the way GitLab does: `is_blocked_by` becomes `blocks` from the blocker. */
  sourceId: number;
  targetId: number;
  type: 'relates_to' | 'blocks';
  createdAt: number;
  updatedAt: number;
}

interface LinkState {
  links: LinkRecord[];
  nextId: number;
}

const states = new WeakMap<Store, LinkState>();

function stateOf(store: Store): LinkState {
  let state = states.get(store);
  if (!state) {
    state = { links: [], nextId: 1 };
    states.set(store, state);
  }
  return state;
}

/** The issue with this global id and its project, if it still exists. */
function issueById(store: Store, id: number): { project: ProjectRecord; issue: IssueRecord } | undefined {
  for (const project of store.projects.values()) {
    for (const issue of project.issues.values())
      if (issue.id === id && !issue.deleted) return { project, issue };
  }
  return undefined;
}

function renderRelated(ctx: ProjectContext, project: ProjectRecord, issue: IssueRecord): unknown {
  return renderIssue(ctx.store, project, issue, ctx.urls, {
    detail: false,
    features: ctx.features,
    viewer: ctx.principal,
  });
}

function renderLink(ctx: ProjectContext, link: LinkRecord): unknown {
  const source = issueById(ctx.store, link.sourceId);
  const target = issueById(ctx.store, link.targetId);
  return {
    source_issue: source ? renderRelated(ctx, source.project, source.issue) : null,
    target_issue: target ? renderRelated(ctx, target.project, target.issue) : null,
    link_type: link.type,
  };
}

function linkTypes(mode: BlockingLinks): readonly string[] {
  return mode === 'foss' ? ['relates_to'] : ['relates_to', 'blocks', 'is_blocked_by'];
}

function projectFor(ctx: ProjectContext, id: string): ProjectRecord {
  const found = /^\d+$/.test(id) ? ctx.store.projects.get(Number(id)) : ctx.store.projectByPath(id);
  return visibleProject(ctx.store, ctx.principal, found);
}

export function linkRoutes(mode: BlockingLinks): ProjectRoute[] {
  const iid: ParamSpec = { name: 'issue_iid', type: 'integer', required: true };
  return [
    {
      method: 'GET',
      template: '/projects/:id/issues/:issue_iid/links',
      docs: DOCS_LINKS,
      resource: 'project',
      rules: { specs: [iid, ...PAGINATION_SPECS] },
      handler: (ctx) => {
        const issue = findIssue(ctx);
        const body: unknown[] = [];
        for (const link of stateOf(ctx.store).links) {
          if (link.sourceId !== issue.id && link.targetId !== issue.id) continue;
          const outgoing = link.sourceId === issue.id;
          const other = issueById(ctx.store, outgoing ? link.targetId : link.sourceId);
          if (!other) continue;
          const type = link.type === 'relates_to' ? 'relates_to' : outgoing ? 'blocks' : 'is_blocked_by';
          body.push({
            ...(renderRelated(ctx, other.project, other.issue) as Record<string, unknown>),
            issue_link_id: link.id,
            link_type: type,
            link_created_at: new Date(link.createdAt).toISOString(),
            link_updated_at: new Date(link.updatedAt).toISOString(),
          });
        }
        return { status: 200, body };
      },
    },
    {
      method: 'POST',
      template: '/projects/:id/issues/:issue_iid/links',
      docs: DOCS_LINKS,
      resource: 'project',
      rules: {
        specs: [
          iid,
          { name: 'target_project_id', type: 'string', required: true },
          { name: 'target_issue_iid', type: 'string', required: true },
          { name: 'link_type', type: 'string', values: linkTypes(mode) },
        ],
      },
      handler: (ctx) => {
        const source = findIssue(ctx);
        const targetProject = projectFor(ctx, String(ctx.params['target_project_id']));
        const targetIid = String(ctx.params['target_issue_iid']);
        const target = /^\d+$/.test(targetIid) ? targetProject.issues.get(Number(targetIid)) : undefined;
        if (!target || target.deleted) throw recordNotFound();
        const type = (ctx.params['link_type'] as string | undefined) ?? 'relates_to';
        if (type !== 'relates_to' && mode === 'free') {
          throw messageError(403, 'Blocked issues not available for current license');
        }
        const state = stateOf(ctx.store);
        const linked = state.links.some(
          (link) =>
            (link.sourceId === source.id && link.targetId === target.id) ||
            (link.sourceId === target.id && link.targetId === source.id),
        );
        if (linked) throw messageError(409, 'Issue(s) already assigned');
        for (const project of [ctx.project, targetProject]) {
          try {
            requireRole(ctx.store, ctx.principal, project, REPORTER);
          } catch (error) {
            if (!(error instanceof ApiError)) throw error;
            throw messageError(
              403,
              "Couldn't link issue. You must have at least the Reporter role in both projects.",
            );
          }
        }
        if (source.id === target.id) {
          throw messageError(422, `#${target.iid} cannot be added: Source cannot be related to itself`);
        }
        const now = ctx.store.now();
        const blockedBy = type === 'is_blocked_by';
        const link: LinkRecord = {
          id: state.nextId++,
          sourceId: blockedBy ? target.id : source.id,
          targetId: blockedBy ? source.id : target.id,
          type: type === 'relates_to' ? 'relates_to' : 'blocks',
          createdAt: now,
          updatedAt: now,
        };
        state.links.push(link);
        return { status: 201, body: renderLink(ctx, link) };
      },
    },
    {
      method: 'DELETE',
      template: '/projects/:id/issues/:issue_iid/links/:issue_link_id',
      docs: DOCS_LINKS,
      resource: 'project',
      rules: { specs: [iid, { name: 'issue_link_id', type: 'string', required: true }] },
      handler: (ctx) => {
        const issue = findIssue(ctx);
        const state = stateOf(ctx.store);
        const id = String(ctx.params['issue_link_id']);
        const index = state.links.findIndex(
          (link) => String(link.id) === id && (link.sourceId === issue.id || link.targetId === issue.id),
        );
        const link = state.links[index];
        if (!link) throw recordNotFound();
        requireRole(ctx.store, ctx.principal, ctx.project, REPORTER);
        const body = renderLink(ctx, link);
        state.links.splice(index, 1);
        return { status: 200, body };
      },
    },
  ];
}
