/**
 * The orchestrator's tree and dependencies as platform relations (sub-issues, blocked-by), and the fewest relation
 * writes that make a parent's or a dependent's relations match: pure, no I/O.
 */
import type { OrchestratorState } from '../state/types.js';
import type { DesiredState } from './desired.js';
import type { Hierarchy } from './policy.js';

/** GitHub: "You can add up to 100 sub-issues per parent issue and create up to eight levels of nested sub-issues." */
export const MAX_SUB_ISSUES = 100;
export const MAX_SUB_ISSUE_LEVELS = 8;

export interface DesiredRelations {
  /** Parent item → its children's items, in the orchestrator's order (only those that can be attached). */
  children: Map<string, string[]>;
  /** Child item → parent item. */
  parentOf: Map<string, string>;
  /** Dependent item → the items it is blocked by, in the order the orchestrator recorded them. */
  blockedBy: Map<string, string[]>;
  /** Trees the platform cannot hold as they are (over its limits), with what was done instead. */
  notes: { itemKey: string; message: string }[];
}

/**
 * The hierarchy a run uses: `checklist` unless set, and only the checklist where the platform has no native sub-issues.
 * `dependencyNote`: the platform cannot link dependencies at all (Bitbucket), which the "Depends on" line says.
 */
export function effectiveHierarchy(
  hierarchy: Hierarchy | undefined,
  nativeRelations: boolean,
  nativeDependencies: boolean = nativeRelations,
): { hierarchy: Hierarchy; dependencyLine: boolean; dependencyNote: boolean } {
  const wanted = hierarchy ?? 'checklist';
  if (wanted === 'checklist') return { hierarchy: 'checklist', dependencyLine: false, dependencyNote: false };
  return {
    hierarchy: nativeRelations ? wanted : 'checklist',
    dependencyLine: true,
    dependencyNote: !nativeDependencies,
  };
}

/**
 * The relations between managed items: a feature's issue is the parent of its top-level tasks' issues, a task's issue
 * the parent of its subtasks'; task_dependencies become blocked-by. Items that are not issues take no part.
 */
export function deriveRelations(state: OrchestratorState, desired: DesiredState): DesiredRelations {
  const present = new Set(desired.issues.map((issue) => issue.itemKey));
  const taskIds = new Set(state.tasks.map((task) => task.id));
  const candidates = new Map<string, { key: string; position: number; order: number }[]>();
  const add = (parent: string, key: string, position: number, order: number): void => {
    if (!present.has(parent) || !present.has(key)) return;
    const list = candidates.get(parent) ?? [];
    list.push({ key, position, order });
    candidates.set(parent, list);
  };
  state.tasks.forEach((task, order) => {
    const key = `task:${task.id}`;
    if (task.parentId !== null && taskIds.has(task.parentId)) {
      add(`task:${task.parentId}`, key, task.position, order);
    } else if (task.featureId) {
      // The feature's own block lists its tasks in the state's order: the sub-issues follow it.
      add(`feature:${task.featureId}`, key, order, order);
    }
  });

  const relations: DesiredRelations = {
    children: new Map(),
    parentOf: new Map(),
    blockedBy: new Map(),
    notes: [],
  };
  const ordered = new Map<string, string[]>();
  for (const [parent, list] of candidates) {
    list.sort((a, b) => a.position - b.position || compare(a.key, b.key) || a.order - b.order);
    ordered.set(
      parent,
      list.map((entry) => entry.key),
    );
  }
  const hasParent = new Set([...ordered.values()].flat());
  const roots = [...ordered.keys()].filter((key) => !hasParent.has(key)).sort(compare);
  const placed = new Set<string>();
  // Walk from the roots, so each item's level is known; an item too deep starts a tree of its own.
  const walk = (parent: string, level: number): void => {
    placed.add(parent);
    const children = ordered.get(parent) ?? [];
    const attached: string[] = [];
    for (const child of children) {
      if (placed.has(child)) continue;
      if (attached.length >= MAX_SUB_ISSUES) {
        placed.add(child);
        walk(child, 1);
        continue;
      }
      if (level + 1 > MAX_SUB_ISSUE_LEVELS) {
        relations.notes.push({
          itemKey: child,
          message: `is ${level + 1} levels deep, more than the ${MAX_SUB_ISSUE_LEVELS} levels of sub-issues GitHub allows: not attached to its parent's issue (${parent}), which lists it instead; flatten the orchestrator's tree, or use hierarchy: checklist`,
        });
        walk(child, 1);
        continue;
      }
      attached.push(child);
      relations.parentOf.set(child, parent);
      walk(child, level + 1);
    }
    if (children.length > MAX_SUB_ISSUES) {
      relations.notes.push({
        itemKey: parent,
        message: `has ${children.length} subtasks, more than the ${MAX_SUB_ISSUES} sub-issues GitHub allows per issue: the first ${MAX_SUB_ISSUES} are attached, the rest are only listed in its block; split the task in the orchestrator`,
      });
    }
    if (attached.length > 0) relations.children.set(parent, attached);
  };
  for (const root of roots) walk(root, 1);
  // Cycles in parent links (a corrupt state) have no root: their items stay unattached.

  for (const task of state.tasks) {
    const key = `task:${task.id}`;
    if (!present.has(key)) continue;
    const blockers: string[] = [];
    for (const id of task.dependencies) {
      const blocker = `task:${id}`;
      if (blocker !== key && present.has(blocker) && !blockers.includes(blocker)) blockers.push(blocker);
    }
    if (blockers.length > 0) relations.blockedBy.set(key, blockers);
  }
  return relations;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An issue as the relation endpoints name it: GitHub's numeric `id`, not its number and not the node id. */
export interface RelatedIssue {
  number: number;
  id: number;
  /** The managed item it carries, or null for an issue the tool does not manage. */
  itemKey: string | null;
  /** The parent it has now (its number, when in the same repository), as far as known. */
  parentNumber?: number | null;
}

export type RelationOperation =
  | { kind: 'addSubIssue'; parent: RelatedIssue; child: RelatedIssue; replaceParent: boolean; reason: string }
  | { kind: 'removeSubIssue'; parent: RelatedIssue; child: RelatedIssue; reason: string }
  | {
      kind: 'reorderSubIssue';
      parent: RelatedIssue;
      child: RelatedIssue;
      /** Exactly one of the two is set. */
      afterId: number | null;
      beforeId: number | null;
      reason: string;
    }
  | { kind: 'addBlockedBy'; issue: RelatedIssue; blocker: RelatedIssue; reason: string }
  | { kind: 'removeBlockedBy'; issue: RelatedIssue; blocker: RelatedIssue; reason: string };

/**
 * The writes that give `parent` the desired sub-issues in the desired order. Owned relations are those between two
 * managed issues: unmanaged children stay; a managed child attached by hand to an unmanaged parent stays there (and
 * is reported). `current` is the parent's sub-issue list as read (in its order); `wantedElsewhere` says whether a
 * managed child belongs under another parent (whose own pass moves it there).
 */
export function planSubIssues(
  parent: RelatedIssue,
  desired: RelatedIssue[],
  current: RelatedIssue[],
  wantedElsewhere: (itemKey: string) => boolean,
  isManagedNumber: (number: number) => boolean,
): { operations: RelationOperation[]; notes: string[] } {
  const operations: RelationOperation[] = [];
  const notes: string[] = [];
  const desiredIds = new Set(desired.map((child) => child.id));
  const currentIds = new Set(current.map((child) => child.id));
  const order: number[] = current.filter((child) => desiredIds.has(child.id)).map((child) => child.id);
  for (const child of desired) {
    if (currentIds.has(child.id)) continue;
    const elsewhere = child.parentNumber ?? null;
    if (elsewhere !== null && elsewhere !== parent.number && !isManagedNumber(elsewhere)) {
      notes.push(
        `#${child.number} (${child.itemKey ?? 'unmanaged'}) was attached by hand to #${elsewhere}, which the tool does not manage; left there instead of moving it under #${parent.number}`,
      );
      continue;
    }
    operations.push({
      kind: 'addSubIssue',
      parent,
      child,
      replaceParent: elsewhere !== null && elsewhere !== parent.number,
      reason:
        elsewhere !== null && elsewhere !== parent.number
          ? `moved from #${elsewhere} in the orchestrator`
          : 'subtask in the orchestrator',
    });
    order.push(child.id);
  }
  for (const child of current) {
    if (desiredIds.has(child.id) || child.itemKey === null) continue;
    if (wantedElsewhere(child.itemKey)) continue;
    operations.push({
      kind: 'removeSubIssue',
      parent,
      child,
      reason: 'no longer a subtask of this item in the orchestrator',
    });
  }
  const byId = new Map(desired.map((child) => [child.id, child]));
  const attachable = desired.filter((child) => order.includes(child.id)).map((child) => child.id);
  for (const move of reorderMoves(order, attachable)) {
    const child = byId.get(move.id);
    if (!child) continue;
    operations.push({
      kind: 'reorderSubIssue',
      parent,
      child,
      afterId: move.afterId,
      beforeId: move.beforeId,
      reason: "follows the orchestrator's order",
    });
  }
  return { operations, notes };
}

/**
 * The fewest moves (each "put X after Y", or before Y for the first) that turn `current` into `desired` (both the
 * same ids): everything on a longest run already in order stays put, the rest moves next to its predecessor.
 */
export function reorderMoves(
  current: number[],
  desired: number[],
): { id: number; afterId: number | null; beforeId: number | null }[] {
  const rank = new Map(desired.map((id, index) => [id, index]));
  const sequence = current.filter((id) => rank.has(id)).map((id) => rank.get(id) ?? 0);
  const kept = new Set(longestIncreasing(sequence).map((index) => desired[index] ?? -1));
  const firstKept = desired.find((id) => kept.has(id)) ?? null;
  const moves: { id: number; afterId: number | null; beforeId: number | null }[] = [];
  desired.forEach((id, index) => {
    if (kept.has(id)) return;
    const previous = index > 0 ? (desired[index - 1] ?? null) : null;
    moves.push(
      previous !== null
        ? { id, afterId: previous, beforeId: null }
        : { id, afterId: null, beforeId: firstKept },
    );
  });
  return moves;
}

/** The values of a longest strictly increasing subsequence. */
function longestIncreasing(values: number[]): number[] {
  const tails: number[] = [];
  const tailIndex: number[] = [];
  const previous: number[] = new Array<number>(values.length).fill(-1);
  values.forEach((value, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((tails[mid] ?? 0) < value) low = mid + 1;
      else high = mid;
    }
    tails[low] = value;
    tailIndex[low] = index;
    previous[index] = low > 0 ? (tailIndex[low - 1] ?? -1) : -1;
  });
  const out: number[] = [];
  let cursor = tailIndex[tails.length - 1] ?? -1;
  while (cursor >= 0) {
    out.unshift(values[cursor] ?? 0);
    cursor = previous[cursor] ?? -1;
  }
  return out;
}

/** The writes that make `issue` blocked by exactly the desired managed issues; blockers the tool does not manage stay. */
export function planBlockedBy(
  issue: RelatedIssue,
  desired: RelatedIssue[],
  current: RelatedIssue[],
): RelationOperation[] {
  const operations: RelationOperation[] = [];
  const currentIds = new Set(current.map((blocker) => blocker.id));
  const desiredIds = new Set(desired.map((blocker) => blocker.id));
  for (const blocker of desired) {
    if (currentIds.has(blocker.id)) continue;
    operations.push({ kind: 'addBlockedBy', issue, blocker, reason: 'dependency in the orchestrator' });
  }
  for (const blocker of current) {
    if (desiredIds.has(blocker.id) || blocker.itemKey === null) continue;
    operations.push({
      kind: 'removeBlockedBy',
      issue,
      blocker,
      reason: 'no longer a dependency in the orchestrator',
    });
  }
  return operations;
}

export function describeRelation(operation: RelationOperation): string {
  switch (operation.kind) {
    case 'addSubIssue':
      return `Attach #${operation.child.number} under #${operation.parent.number}`;
    case 'removeSubIssue':
      return `Detach #${operation.child.number} from #${operation.parent.number}`;
    case 'reorderSubIssue':
      return `Move #${operation.child.number} within #${operation.parent.number}`;
    case 'addBlockedBy':
      return `Mark #${operation.issue.number} blocked by #${operation.blocker.number}`;
    case 'removeBlockedBy':
      return `Unmark #${operation.issue.number} blocked by #${operation.blocker.number}`;
  }
}
