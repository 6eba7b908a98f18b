/**
 * Issue time tracking (`/projects/:id/issues/:issue_iid/{time_estimate,reset_time_estimate,add_spent_time,
 * reset_spent_time,time_stats}`).
 *
 * Documented behaviour followed (docs.gitlab.com/api/issues/#time-tracking; lib/api/time_tracking_endpoints.rb;
 * docs.gitlab.com/user/project/time_tracking/):
 * - `duration` is required on time_estimate and add_spent_time (400 `{"error":"duration is missing"}`), in human
 *   format (`3h30m`, `1w 2d`; 1mo = 4w, 1w = 5d, 1d = 8h); it may be a query param or in the body.
 * - Every endpoint answers the IssuableTimeStats entity: `{"human_time_estimate": "3h 30m",
 *   "human_total_time_spent": null, "time_estimate": 12600, "total_time_spent": 0}`.
 * - Status codes: time_estimate, reset_time_estimate and reset_spent_time set `status :ok` (200); add_spent_time keeps
 *   Grape's POST default, 201; time_stats is a GET (200).
 * - The issue is loaded before authorisation (`authorize! admin_issue, load_issuable`): a missing iid is 404
 *   `{"message":"404 Not found"}` even for a caller without rights; writes need planner/reporter or higher
 *   (`admin_issue`), else 403; time_stats needs read access.
 * - add_spent_time takes a negative duration to subtract; subtracting more than the total is refused (400
 *   `{"message":{"base":["Time to subtract exceeds the total time spent"]}}`, app/models/concerns/time_trackable.rb
 *   `check_negative_time_spent`) and nothing changes.
 * - A duration that does not parse leaves the attribute invalid and the update fails with a model error (400
 *   `{"message":{"time_estimate":[…]}}`); the exact message text is not documented — the one used here is an
 *   assumption.
 */

import { issuesAvailable, PLANNER, requireRole } from '../auth.js';
import { DOCS, forbidden, parseDuration, validationError, type ParamRules } from '../http.js';
import { renderTimeStats } from '../render.js';
import type { ProjectContext, ProjectRoute } from '../router.js';
import { findIssue } from './issues.js';

const IID = { name: 'issue_iid', type: 'integer', required: true } as const;
const withDuration: ParamRules = { specs: [IID, { name: 'duration', type: 'string', required: true }] };
const iidOnly: ParamRules = { specs: [IID] };

function load(ctx: ProjectContext, write: boolean): ReturnType<typeof findIssue> {
  if (!issuesAvailable(ctx.store, ctx.principal, ctx.project)) throw forbidden();
  const issue = findIssue(ctx);
  if (write) requireRole(ctx.store, ctx.principal, ctx.project, PLANNER);
  return issue;
}

function touch(ctx: ProjectContext, issue: ReturnType<typeof findIssue>): void {
  const now = ctx.store.now();
  issue.updatedAt = now;
  ctx.project.updatedAt = now;
}

export const timeTrackingRoutes: ProjectRoute[] = [
  {
    method: 'POST',
    template: '/projects/:id/issues/:issue_iid/time_estimate',
    docs: DOCS.timeTracking,
    resource: 'project',
    rules: withDuration,
    handler: (ctx) => {
      const issue = load(ctx, true);
      const seconds = parseDuration(String(ctx.params['duration']));
      if (seconds === undefined || seconds < 0)
        throw validationError({
          time_estimate: ['must have a valid format and be greater than or equal to zero'],
        });
      if (issue.timeEstimate !== seconds) {
        issue.timeEstimate = seconds;
        touch(ctx, issue);
      }
      return { status: 200, body: renderTimeStats(issue) };
    },
  },
  {
    method: 'POST',
    template: '/projects/:id/issues/:issue_iid/reset_time_estimate',
    docs: DOCS.timeTracking,
    resource: 'project',
    rules: iidOnly,
    handler: (ctx) => {
      const issue = load(ctx, true);
      if (issue.timeEstimate !== 0) {
        issue.timeEstimate = 0;
        touch(ctx, issue);
      }
      return { status: 200, body: renderTimeStats(issue) };
    },
  },
  {
    method: 'POST',
    template: '/projects/:id/issues/:issue_iid/add_spent_time',
    docs: DOCS.timeTracking,
    resource: 'project',
    rules: { specs: [...withDuration.specs, { name: 'summary', type: 'string' }] },
    handler: (ctx) => {
      const issue = load(ctx, true);
      const seconds = parseDuration(String(ctx.params['duration']));
      if (seconds === undefined || seconds === 0) throw validationError({ time_spent: ["can't be blank"] });
      // TimeTrackable#check_negative_time_spent: a subtraction larger than the total is refused, nothing changes.
      if (seconds < 0 && -seconds > issue.totalTimeSpent)
        throw validationError({ base: ['Time to subtract exceeds the total time spent'] });
      issue.totalTimeSpent += seconds;
      touch(ctx, issue);
      return { status: 201, body: renderTimeStats(issue) };
    },
  },
  {
    method: 'POST',
    template: '/projects/:id/issues/:issue_iid/reset_spent_time',
    docs: DOCS.timeTracking,
    resource: 'project',
    rules: iidOnly,
    handler: (ctx) => {
      const issue = load(ctx, true);
      if (issue.totalTimeSpent !== 0) {
        issue.totalTimeSpent = 0;
        touch(ctx, issue);
      }
      return { status: 200, body: renderTimeStats(issue) };
    },
  },
  {
    method: 'GET',
    template: '/projects/:id/issues/:issue_iid/time_stats',
    docs: DOCS.timeTracking,
    resource: 'project',
    rules: iidOnly,
    handler: (ctx) => ({ status: 200, body: renderTimeStats(load(ctx, false)) }),
  },
];
