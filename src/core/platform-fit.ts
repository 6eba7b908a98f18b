/**
 * Fits the desired issues to what one platform can hold, before planning: a field the platform lacks or drops would
 * otherwise look changed on every run and be re-written forever. Pure: capabilities in, desired state out.
 */
import type { DesiredIssue, DesiredState } from './desired.js';
import type { ItemStatus } from './status.js';
import { truncate } from './text.js';

/** What a platform can hold; every adapter declares its own (see platforms/types.ts). */
export interface PlatformCapabilities {
  /** Closed issues carry a reason (completed / not planned) that the tool keeps in step. */
  stateReason: boolean;
  /** Free-form labels exist. Without them the plan sets none (Bitbucket has kind and priority instead). */
  labels: boolean;
  /** Milestones can be created through the API; otherwise only existing ones are matched, by title. */
  createMilestones: boolean;
  /** Most assignees an issue keeps; the rest are left off with a warning. */
  maxAssignees: number;
  /** Longest title the platform accepts, in characters. */
  titleLimit: number;
  /**
   * Resolution of the platform's updated-at timestamps (GitHub: whole seconds; GitLab: milliseconds; Bitbucket:
   * microseconds): an incremental read re-reads this much before the last write it saw.
   */
  timestampPrecisionMs: number;
  /**
   * Platform fields the tool owns besides the common ones, by name. Their values come from ATTRIBUTES below; the
   * adapter reads and writes them as strings.
   */
  attributes: readonly AttributeName[];
}

export type AttributeName = 'kind' | 'priority' | 'state';

export interface FitNote {
  itemKey: string;
  message: string;
}

/**
 * Bitbucket Cloud's issue fields (swagger `issue`): kind bug | enhancement | proposal | task; priority trivial | minor
 * | major | critical | blocker; state new | open | on hold | resolved | wontfix | … . A null value leaves the field
 * to people (and the platform's default).
 */
const ATTRIBUTES: Record<AttributeName, (item: DesiredIssue) => string | null> = {
  kind: (item) => (item.kind === 'feature' ? 'enhancement' : 'task'),
  priority: (item) => (item.priority === null ? null : PRIORITY[item.priority]),
  state: (item) => WORKFLOW_STATE[item.status],
};

const PRIORITY: Record<NonNullable<DesiredIssue['priority']>, string> = {
  critical: 'critical',
  high: 'major',
  medium: 'minor',
  low: 'trivial',
};

const WORKFLOW_STATE: Record<ItemStatus, string> = {
  proposed: 'new',
  approved: 'new',
  pending: 'new',
  in_progress: 'open',
  failed: 'open',
  blocked: 'on hold',
  completed: 'resolved',
  archived: 'resolved',
  cancelled: 'wontfix',
};

export function fitToPlatform(
  desired: DesiredState,
  capabilities: PlatformCapabilities,
): { desired: DesiredState; notes: FitNote[] } {
  const notes: FitNote[] = [];
  const issues = desired.issues.map((item) => {
    if (item.assignees.length > capabilities.maxAssignees) {
      notes.push({
        itemKey: item.itemKey,
        message: `the platform keeps ${capabilities.maxAssignees === 1 ? 'one assignee' : `${capabilities.maxAssignees} assignees`} per issue; ${item.assignees.slice(capabilities.maxAssignees).join(', ')} left off`,
      });
    }
    const attributes: Record<string, string> = {};
    for (const name of capabilities.attributes) {
      const value = ATTRIBUTES[name](item);
      if (value !== null) attributes[name] = value;
    }
    return {
      ...item,
      title: truncate(item.title, capabilities.titleLimit),
      labels: capabilities.labels ? item.labels : [],
      assignees: item.assignees.slice(0, capabilities.maxAssignees),
      stateReason: capabilities.stateReason ? item.stateReason : null,
      attributes,
    };
  });
  return { desired: { ...desired, issues }, notes };
}
