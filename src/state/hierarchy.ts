/** Makes a reader's tasks a forest the core can trust: unique ids, parents that exist, no cycles, real dependencies. */
import type { StateWarning, TaskRecord } from './types.js';

/**
 * Checks the task graph in place and returns the tasks sorted by id:
 * - a repeated id keeps its first row (warning STATE_DUPLICATE_ID);
 * - a parent that does not exist makes the task top-level (STATE_PARENT_MISSING);
 * - a parent cycle is broken by making the cycle's smallest id top-level (STATE_PARENT_CYCLE);
 * - dependencies on the task itself or on tasks that do not exist are dropped (STATE_DEPENDENCY_MISSING),
 *   repeats are merged.
 * Linear in the number of tasks (index arrays, not per-task maps): it runs over 100,000-task databases.
 */
export function checkTaskGraph(input: TaskRecord[], warnings: StateWarning[]): TaskRecord[] {
  const index = new Map<string, number>();
  const tasks: TaskRecord[] = [];
  for (const task of input) {
    if (index.has(task.id)) {
      warnings.push({
        code: 'STATE_DUPLICATE_ID',
        message: `Task id ${JSON.stringify(task.id)} appears more than once; the first row is used.`,
        subject: task.id,
      });
      continue;
    }
    index.set(task.id, tasks.length);
    tasks.push(task);
  }

  const parent = new Int32Array(tasks.length).fill(-1);
  tasks.forEach((task, i) => {
    if (task.parentId === null) return;
    const p = index.get(task.parentId);
    if (p !== undefined && p !== i) {
      parent[i] = p;
      return;
    }
    const self = p === i;
    warnings.push({
      code: self ? 'STATE_PARENT_CYCLE' : 'STATE_PARENT_MISSING',
      message: self
        ? `Task ${JSON.stringify(task.id)} is its own parent; it is treated as top-level.`
        : `Parent ${JSON.stringify(task.parentId)} of task ${JSON.stringify(task.id)} does not exist; the task is treated as top-level.`,
      subject: task.id,
    });
    task.parentId = null;
  });

  breakCycles(tasks, parent, warnings);

  for (const task of tasks) {
    if (task.dependencies.length === 0) continue;
    const kept: string[] = [];
    for (const dep of task.dependencies) {
      if (kept.includes(dep)) continue;
      if (dep === task.id || !index.has(dep)) {
        warnings.push({
          code: 'STATE_DEPENDENCY_MISSING',
          message:
            dep === task.id
              ? `Task ${JSON.stringify(task.id)} depends on itself; the dependency is ignored.`
              : `Task ${JSON.stringify(task.id)} depends on ${JSON.stringify(dep)}, which does not exist; the dependency is ignored.`,
          subject: task.id,
        });
        continue;
      }
      kept.push(dep);
    }
    task.dependencies = kept;
  }

  return tasks.sort((a, b) => compareIds(a.id, b.id));
}

/** Walks up each parent chain once (colouring), so the whole forest costs O(n). */
function breakCycles(tasks: TaskRecord[], parent: Int32Array, warnings: StateWarning[]): void {
  const ON_PATH = 1;
  const DONE = 2;
  const mark = new Uint8Array(tasks.length);
  const path: number[] = [];
  for (let start = 0; start < tasks.length; start++) {
    if (mark[start] === DONE) continue;
    path.length = 0;
    let current = start;
    while (current !== -1 && mark[current] !== DONE) {
      if (mark[current] === ON_PATH) {
        const cycle = path.slice(path.indexOf(current));
        const cut = cycle.reduce((best, i) =>
          compareIds((tasks[i] as TaskRecord).id, (tasks[best] as TaskRecord).id) < 0 ? i : best,
        );
        const task = tasks[cut] as TaskRecord;
        task.parentId = null;
        parent[cut] = -1;
        warnings.push({
          code: 'STATE_PARENT_CYCLE',
          message: `Tasks ${cycle.map((i) => JSON.stringify(tasks[i]?.id)).join(' → ')} are each other's parents; ${JSON.stringify(task.id)} is treated as top-level.`,
          subject: task.id,
        });
        break;
      }
      mark[current] = ON_PATH;
      path.push(current);
      current = parent[current] ?? -1;
    }
    for (const i of path) mark[i] = DONE;
  }
}

/** Plain code-unit order: the same on every machine and locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
