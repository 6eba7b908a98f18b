/** Derives the cards a board should show from the orchestrator's state: column, progress, dates and release. */
import { itemKey, type ItemKind } from '../core/desired.js';
import type { ItemStatus } from '../core/status.js';
import type { OrchestratorState, ReleaseMilestone, TaskRecord } from '../state/types.js';
import { deriveFeatureTime, deriveTaskTime } from '../core/time-tracking.js';
import type { BoardTemplate } from './templates.js';
import { cardTime } from './time-fields.js';

export interface DesiredCard {
  /** `feature:<id>` or `task:<id>`, as issue-sync names the item's issue. */
  itemKey: string;
  kind: ItemKind;
  title: string;
  status: ItemStatus;
  /** The Status option (column) the status maps to. */
  column: string;
  /** Whole per cent, 0–100. */
  progress: number;
  /** YYYY-MM-DD, or null when nothing sets one. */
  targetDate: string | null;
  /** Release milestone name, or null. */
  release: string | null;
  /** Hours (the time-tracking setting); null or absent: the field is left as it is. */
  estimateHours?: number | null;
  spentHours?: number | null;
}

export interface CardOptions {
  /** `all`: every task is a card (as with issue-sync's `tasks: all`); default `top-level`. */
  tasks?: 'top-level' | 'all';
  /** Cards carry Estimate and Spent hours (board/time-fields.ts). */
  timeTracking?: boolean;
}

export function deriveDesiredCards(
  state: OrchestratorState,
  template: BoardTemplate,
  mapping: Record<ItemStatus, string>,
  options: CardOptions = {},
): DesiredCard[] {
  const byId = new Map(state.tasks.map((task) => [task.id, task]));
  const children = new Map<string, TaskRecord[]>();
  for (const task of state.tasks) {
    if (task.parentId === null || !byId.has(task.parentId)) continue;
    const list = children.get(task.parentId) ?? [];
    list.push(task);
    children.set(task.parentId, list);
  }
  const topLevel = state.tasks.filter((task) => task.parentId === null || !byId.has(task.parentId));
  const cards: DesiredCard[] = [];

  if (template.cards.includes('feature')) {
    for (const feature of state.features) {
      const tasks = topLevel.filter((task) => task.featureId === feature.id);
      const milestone = releaseOf(feature.id, state.milestones);
      cards.push({
        itemKey: itemKey('feature', feature.id),
        kind: 'feature',
        title: feature.title,
        status: feature.status,
        column: mapping[feature.status],
        progress: percent(tasks, feature.status === 'completed' || feature.status === 'archived'),
        targetDate: dateOf(milestone?.targetDate ?? null),
        release: milestone?.name ?? null,
        ...(options.timeTracking ? cardTime(deriveFeatureTime(feature)) : {}),
      });
    }
  }
  if (template.cards.includes('task')) {
    const tasks = options.tasks === 'all' ? state.tasks : topLevel;
    for (const task of tasks) {
      const milestone = releaseOf(task.featureId, state.milestones);
      cards.push({
        itemKey: itemKey('task', task.id),
        kind: 'task',
        title: task.title,
        status: task.status,
        column: mapping[task.status],
        progress: percent(descendants(task, children), task.status === 'completed'),
        targetDate: dateOf(task.dueDate) ?? dateOf(milestone?.targetDate ?? null),
        release: milestone?.name ?? null,
        ...(options.timeTracking ? cardTime(deriveTaskTime(task)) : {}),
      });
    }
  }
  return cards.sort((a, b) => (a.itemKey < b.itemKey ? -1 : a.itemKey > b.itemKey ? 1 : 0));
}

/** Share of the counted (non-cancelled) tasks that are completed; 100 once the item itself is done. */
function percent(tasks: TaskRecord[], done: boolean): number {
  const counted = tasks.filter((task) => task.status !== 'cancelled');
  if (done) return 100;
  if (counted.length === 0) return 0;
  return Math.round((counted.filter((task) => task.status === 'completed').length / counted.length) * 100);
}

function descendants(task: TaskRecord, children: Map<string, TaskRecord[]>): TaskRecord[] {
  const out: TaskRecord[] = [];
  const seen = new Set([task.id]);
  const stack = [...(children.get(task.id) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop();
    if (!next || seen.has(next.id)) continue;
    seen.add(next.id);
    out.push(next);
    stack.push(...(children.get(next.id) ?? []));
  }
  return out;
}

/** The release a feature ships in: the earliest-due milestone that includes it and is not cancelled. */
export function releaseOf(featureId: string | null, milestones: ReleaseMilestone[]): ReleaseMilestone | null {
  if (!featureId) return null;
  return (
    milestones
      .filter(
        (milestone) => milestone.status !== 'cancelled' && milestone.includedFeatures.includes(featureId),
      )
      .sort((a, b) => (a.targetDate ?? '9999').localeCompare(b.targetDate ?? '9999') || a.id - b.id)[0] ??
    null
  );
}

function dateOf(value: string | null): string | null {
  if (!value) return null;
  const date = value.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
}
