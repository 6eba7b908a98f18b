/**
 * sync_milestones: keeps the platform's milestones in step with release_milestones (create the missing, set due dates
 * and open/closed). Assigning issues to their feature's milestone is issue-sync's; this run does not touch issues.
 */
import { planMilestones, type MilestonePlan } from '../board/milestones.js';
import { OrchestratorGitError } from '../errors.js';
import type { MilestoneTracker } from '../platforms/milestones.js';
import type { RequestStats } from '../platforms/types.js';
import type { ReleaseMilestone } from '../state/types.js';
import { logText, type Logger } from './logger.js';

export interface MilestoneOutcome {
  dryRun: boolean;
  plan: MilestonePlan;
  results: {
    title: string;
    kind: 'create' | 'update';
    status: 'done' | 'failed' | 'reported';
    error: string | null;
  }[];
  counts: { created: number; updated: number; unchanged: number; failed: number; reported: number };
  stats: RequestStats;
}

export async function runMilestoneSync(options: {
  rows: ReleaseMilestone[];
  tracker: MilestoneTracker;
  dryRun: boolean;
  log: Logger;
}): Promise<MilestoneOutcome> {
  const { tracker, log } = options;
  const plan = planMilestones(options.rows, await tracker.issues.listMilestones());
  const outcome: MilestoneOutcome = {
    dryRun: options.dryRun,
    plan,
    results: [],
    counts: { created: 0, updated: 0, unchanged: plan.unchanged.length, failed: 0, reported: 0 },
    stats: tracker.stats(),
  };
  if (options.rows.length === 0) log.info('release_milestones has no rows: no milestone to keep in step.');
  if (options.dryRun) {
    for (const milestone of plan.create) log.info(`Would create milestone ${logText(milestone.title)}`);
    for (const update of plan.update) log.info(`Would update ${logText(update.title)}: ${update.reason}`);
    return outcome;
  }
  const record = (title: string, kind: 'create' | 'update', error: unknown) => {
    if (!(error instanceof OrchestratorGitError)) throw error;
    // Read-only milestones (Bitbucket) are reported, not failures: the run cannot do better.
    const status = error.code === 'NOT_SUPPORTED' ? 'reported' : 'failed';
    outcome.counts[status] += 1;
    outcome.results.push({ title, kind, status, error: error.message });
    (status === 'reported' ? log.warning : log.error)(
      `${logText(title)}: ${logText(error.message, 400)} ${error.fix}`,
    );
  };
  for (const milestone of plan.create) {
    try {
      await tracker.issues.createMilestone(milestone);
      outcome.counts.created += 1;
      outcome.results.push({ title: milestone.title, kind: 'create', status: 'done', error: null });
      log.info(`Created milestone ${logText(milestone.title)}`);
    } catch (error) {
      record(milestone.title, 'create', error);
    }
  }
  for (const update of plan.update) {
    try {
      await tracker.updateMilestone(update.number, update.title, update.patch);
      outcome.counts.updated += 1;
      outcome.results.push({ title: update.title, kind: 'update', status: 'done', error: null });
      log.info(`Updated milestone ${logText(update.title)}: ${update.reason}`);
    } catch (error) {
      record(update.title, 'update', error);
    }
  }
  outcome.stats = tracker.stats();
  return outcome;
}
