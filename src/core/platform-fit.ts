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
  /**
   * Where the platform keeps estimates and spent time: on the issue (GitLab's time tracking, through the time-estimate
   * and time-spent attributes), or on board fields (GitHub Projects, written by board-sync); absent: nowhere.
   */
  timeTracking?: 'issue' | 'board';
}

export type AttributeName = 'kind' | 'priority' | 'state' | 'time-estimate' | 'time-spent';

export interface FitNote {
  /** null: a note about the whole run. */
  itemKey: string | null;
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
  // Seconds, as GitLab's time_stats hold them; an item without a value leaves the field to people.
  'time-estimate': (item) => secondsText(item.time?.estimateSeconds ?? null),
  'time-spent': (item) => secondsText(item.time?.spentSeconds ?? null),
};

function secondsText(seconds: number | null): string | null {
  return seconds !== null && seconds > 0 ? String(seconds) : null;
}

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

/**
 * `issueTypes`: the issue types the repository offers (GitHub), or null/absent for none: an item whose type is among
 * them (compared without case) carries it as its `type` attribute, spelt as the repository spells it, in place of its
 * type label; the others keep the label.
 */
export function fitToPlatform(
  desired: DesiredState,
  capabilities: PlatformCapabilities,
  options: { issueTypes?: readonly string[] | null } = {},
): { desired: DesiredState; notes: FitNote[] } {
  const offered = new Map((options.issueTypes ?? []).map((name) => [name.toLowerCase(), name]));
  const notes: FitNote[] = [];
  if (desired.issues.some((item) => item.time) && capabilities.timeTracking === undefined) {
    notes.push({
      itemKey: null,
      message:
        'time-tracking is not supported on this platform (Bitbucket Cloud issues have no estimate or spent-time fields); estimates and spent time are left out',
    });
  }
  const issues = desired.issues.map((item) => {
    if (capabilities.timeTracking === 'issue')
      for (const message of item.time?.notes ?? []) notes.push({ itemKey: item.itemKey, message });
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
    const issueType = item.issueType ? offered.get(item.issueType.name.toLowerCase()) : undefined;
    if (issueType !== undefined) attributes['type'] = issueType;
    const labels =
      issueType === undefined
        ? item.labels
        : item.labels.filter((label) => label.name !== item.issueType?.label);
    return {
      ...item,
      title: truncate(item.title, capabilities.titleLimit),
      labels: capabilities.labels ? labels : [],
      assignees: item.assignees.slice(0, capabilities.maxAssignees),
      stateReason: capabilities.stateReason ? item.stateReason : null,
      attributes,
    };
  });
  return { desired: { ...desired, issues }, notes };
}
