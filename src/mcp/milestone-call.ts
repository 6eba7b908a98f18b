/**
 * create_milestone for both tools that offer it: the CLI's create-milestone (a release_milestones row and the
 * platform milestone, then a sync that assigns its features' issues), reported with what happened to the milestone.
 * A dry run creates nothing on the platform either.
 */
import { milestoneRequest, prepareMilestone } from '../cli/milestone.js';
import { parseBoolean } from '../config/values.js';
import type { DesiredMilestone } from '../core/desired.js';
import type { Logger } from '../engine/logger.js';
import { OrchestratorGitError } from '../errors.js';
import type { IssueTracker } from '../platforms/types.js';
import type { ReleaseMilestone } from '../state/types.js';
import type { CallContext, ReleaseRequest } from './capabilities.js';
import { runIssueCall } from './issue-runs.js';
import type { ToolReport } from './results.js';

export interface MilestoneCall {
  /** The tool action, for the summary. */
  action: string;
  name: string;
  /** YYYY-MM-DD. */
  dueOn: string | null;
  /** null: keep the features a recorded release has. */
  features: string[] | null;
}

export async function runMilestoneCall(context: CallContext, call: MilestoneCall): Promise<ToolReport> {
  const request = {
    ...milestoneRequest(call.name, call.dueOn ? { dueOn: call.dueOn } : {}),
    features: call.features ?? undefined,
  };
  const given = context.inputs['dry-run'];
  const dryRun = given !== undefined && given !== '' && parseBoolean(given, 'dry-run', 'input');
  // Set by the prepare step, inside the run.
  const seen: { created: boolean; row: ReleaseMilestone | null } = { created: false, row: null };
  const { report } = await runIssueCall(context, {
    action: call.action,
    scope: { itemKeys: null, createIssues: false },
    prepare: async (store, tracker, log) => {
      const watched = watchMilestoneCreation(tracker, dryRun, () => (seen.created = true));
      await prepareMilestone(store, watched, request, dryRun ? withoutInfo(log) : log);
      seen.row = store.state.milestones.find((milestone) => milestone.name === request.name) ?? null;
    },
  });
  const { row } = seen;
  if (!row) return report;
  const result = seen.created ? (dryRun ? 'would create' : 'created') : 'exists';
  const number =
    result === 'would create' || row.platformMilestoneId === null ? null : Number(row.platformMilestoneId);
  const milestone = {
    name: row.name,
    result,
    number,
    dueOn: row.targetDate,
    status: row.status,
    features: row.includedFeatures,
  };
  const line = `Milestone ${JSON.stringify(row.name)}: ${result}${number !== null ? ` (#${number})` : ''}${row.targetDate ? `, due ${row.targetDate}` : ''}, ${row.status}, features ${row.includedFeatures.join(', ') || 'none'}.`;
  return {
    ...report,
    summary: [report.summary.split('\n')[0], line, ...report.summary.split('\n').slice(1)].join('\n'),
    data: { ...report.data, milestone },
  };
}

/** orchestrator_release_coordinator's create_milestone. */
export async function createReleaseMilestone(
  request: ReleaseRequest,
  context: CallContext,
): Promise<ToolReport> {
  if (!request.version) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      'orchestrator_release_coordinator create_milestone needs release_version.',
      'Give release_version, the milestone name (e.g. v1.2.0), and included_features, the Feature IDs it ships.',
    );
  }
  return runMilestoneCall(context, {
    action: 'create_milestone',
    name: request.version,
    dueOn: request.dueOn,
    features: request.includedFeatures,
  });
}

/** The tracker, telling when a milestone is created; in a dry run the creation is only pretended. */
function watchMilestoneCreation(tracker: IssueTracker, dryRun: boolean, onCreate: () => void): IssueTracker {
  return new Proxy(tracker, {
    get(target, key) {
      if (key === 'createMilestone') {
        return async (milestone: DesiredMilestone) => {
          onCreate();
          return dryRun ? { number: 0, ...milestone } : target.createMilestone(milestone);
        };
      }
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** A dry run's log keeps warnings but not prepareMilestone's "Created milestone" lines. */
function withoutInfo(log: Logger): Logger {
  return { ...log, info: () => undefined };
}
