/**
 * The CLI's create-milestone: a release_milestones row in the state and the platform milestone, kept in step; the
 * sync that follows assigns the included features' issues to it.
 */
import { OrchestratorGitError, quote, unknownFeaturesError } from '../errors.js';
import type { Logger } from '../engine/logger.js';
import type { IssueTracker } from '../platforms/types.js';
import type { StateStore } from '../state/store.js';
import type { ReleaseMilestone } from '../state/types.js';

export interface MilestoneRequest {
  name: string;
  dueOn: string | undefined;
  features: string[] | undefined;
  status: ReleaseMilestone['status'];
}

const STATUSES: readonly ReleaseMilestone['status'][] = ['planning', 'active', 'completed', 'cancelled'];

export function milestoneRequest(name: string, options: Record<string, unknown>): MilestoneRequest {
  const title = name.trim();
  if (!title || title.length > 255) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `Milestone name ${quote(name)} must have 1 to 255 characters.`,
      'Give the release name, e.g. v1.2.0.',
    );
  }
  const dueOn = typeof options.dueOn === 'string' ? options.dueOn.trim() : undefined;
  if (dueOn !== undefined && !isCalendarDate(dueOn)) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `--due-on ${quote(dueOn)} is not a date.`,
      'Write the target date as YYYY-MM-DD, e.g. 2026-12-31.',
    );
  }
  const status = String(options.milestoneStatus ?? 'active') as ReleaseMilestone['status'];
  if (!STATUSES.includes(status)) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `--milestone-status ${quote(status)} is not a release status.`,
      `Use one of ${STATUSES.join(', ')}.`,
    );
  }
  const features =
    typeof options.features === 'string'
      ? options.features
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean)
      : undefined;
  return { name: title, dueOn, features, status };
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export async function prepareMilestone(
  store: StateStore,
  tracker: IssueTracker,
  request: MilestoneRequest,
  log: Logger,
  /** Nothing is created on the platform (the state is not saved in a dry run either). */
  dryRun = false,
): Promise<void> {
  const unknown = unknownFeaturesError(
    request.features ?? [],
    store.state.features.map((feature) => feature.id),
  );
  if (unknown) throw unknown;
  const state = request.status === 'completed' || request.status === 'cancelled' ? 'closed' : 'open';
  const existing = (await tracker.listMilestones()).find((milestone) => milestone.title === request.name);
  let number = existing?.number;
  if (existing) {
    const due = request.dueOn ?? null;
    if ((due !== null && existing.dueOn !== due) || existing.state !== state)
      log.warning(
        `Milestone ${quote(request.name)} exists on the platform with ${existing.dueOn ? `due date ${existing.dueOn}` : 'no due date'} and state ${existing.state}; it is left as it is.`,
      );
    else log.info(`Milestone ${quote(request.name)} exists on the platform.`);
  } else if (!tracker.capabilities.createMilestones) {
    throw new OrchestratorGitError(
      'NOT_SUPPORTED',
      `Milestone ${quote(request.name)} does not exist, and ${tracker.platform}'s API cannot create milestones.`,
      'Create it by hand (Bitbucket: Repository settings → Issues → Milestones), then run this command again to record it and assign its issues.',
    );
  } else if (dryRun) {
    log.info(`Would create milestone ${quote(request.name)} (dry run).`);
  } else {
    const created = await tracker.createMilestone({
      title: request.name,
      dueOn: request.dueOn ?? null,
      state,
    });
    number = created.number;
    log.info(`Created milestone ${quote(request.name)}.`);
  }
  store.upsertReleaseMilestone({
    name: request.name,
    status: request.status,
    ...(request.dueOn !== undefined ? { targetDate: request.dueOn } : {}),
    ...(request.features !== undefined ? { includedFeatures: request.features } : {}),
    ...(number !== undefined ? { platformMilestoneId: String(number) } : {}),
  });
}
