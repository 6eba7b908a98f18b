/**
 * sync_milestones, the pure part: each release_milestones row → the platform milestone of its name (due date from
 * target_date, open or closed from its status), diffed against the platform's milestones into creates and updates.
 */
import type { ActualMilestone } from '../core/actual.js';
import type { DesiredMilestone } from '../core/desired.js';
import { safeTitle } from '../core/text.js';
import type { ReleaseMilestone } from '../state/types.js';

export interface MilestonePatch {
  /** YYYY-MM-DD. */
  dueOn?: string;
  state?: 'open' | 'closed';
}

export interface MilestoneUpdate {
  number: number;
  title: string;
  patch: MilestonePatch;
  reason: string;
}

export interface MilestonePlan {
  create: DesiredMilestone[];
  update: MilestoneUpdate[];
  /** Titles whose milestone already matches. */
  unchanged: string[];
}

/**
 * The milestone a row wants: completed and cancelled releases are closed, planning and active ones open; the due date
 * is the target date, and a row without one leaves the platform's due date alone (null here: no opinion).
 */
export function desiredMilestone(row: ReleaseMilestone): DesiredMilestone {
  const date = row.targetDate?.slice(0, 10) ?? null;
  return {
    title: safeTitle(row.name, `Milestone ${row.id}`),
    dueOn: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
    state: row.status === 'completed' || row.status === 'cancelled' ? 'closed' : 'open',
  };
}

export function planMilestones(rows: ReleaseMilestone[], actual: ActualMilestone[]): MilestonePlan {
  const plan: MilestonePlan = { create: [], update: [], unchanged: [] };
  const seen = new Set<string>();
  for (const row of [...rows].sort((a, b) => a.id - b.id)) {
    const wanted = desiredMilestone(row);
    if (seen.has(wanted.title)) continue;
    seen.add(wanted.title);
    const existing =
      actual.find((milestone) => milestone.title === wanted.title) ??
      actual.find((milestone) => milestone.title.toLowerCase() === wanted.title.toLowerCase());
    if (!existing) {
      plan.create.push(wanted);
      continue;
    }
    const patch: MilestonePatch = {};
    const reasons: string[] = [];
    if (wanted.dueOn !== null && existing.dueOn?.slice(0, 10) !== wanted.dueOn) {
      patch.dueOn = wanted.dueOn;
      reasons.push(`due ${existing.dueOn ?? '(none)'} → ${wanted.dueOn}`);
    }
    if (existing.state !== wanted.state) {
      patch.state = wanted.state;
      reasons.push(`${existing.state} → ${wanted.state}`);
    }
    if (reasons.length === 0) plan.unchanged.push(existing.title);
    else
      plan.update.push({ number: existing.number, title: existing.title, patch, reason: reasons.join(', ') });
  }
  return plan;
}
