/** What every generation's reader returns. */
import type { StateWarning, TaskRecord } from '../types.js';

export interface TaskReadResult {
  /** Sorted by id; parents and dependencies checked (see hierarchy.ts). */
  tasks: TaskRecord[];
  warnings: StateWarning[];
}

/** How a task is named in warning messages. */
export function taskLabel(id: string): string {
  return `task ${JSON.stringify(id)}`;
}
