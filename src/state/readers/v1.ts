/** Reads the 1.x schema: each task_breakdowns row is a top-level task, its subtasks are the children. */
import {
  firstLineTitle,
  mapTaskStatus,
  optionalText,
  readJsonObject,
  readJsonStringArray,
  readPriority,
  readTimestamp,
} from '../columns.js';
import { checkTaskGraph } from '../hierarchy.js';
import { forEachRow, selectList, tableColumns, type Database } from '../sqlite.js';
import type { StateWarning, TaskRecord, TaskStatus } from '../types.js';
import { taskLabel, type TaskReadResult } from './types.js';

const BREAKDOWN_COLUMNS = ['parent_task_id', 'description', 'complexity', 'context', 'created_at'] as const;
const SUBTASK_COLUMNS = [
  'task_id',
  'parent_task_id',
  'title',
  'description',
  'specialist_type',
  'dependencies',
  'estimated_effort',
  'status',
  'created_at',
  'completed_at',
] as const;

export function readV1Tasks(db: Database): TaskReadResult {
  const warnings: StateWarning[] = [];
  const tasks: TaskRecord[] = [];
  const breakdowns = new Map<string, TaskRecord>();

  const breakdownCols = tableColumns(db, 'task_breakdowns');
  let position = 0;
  forEachRow(
    db,
    `SELECT ${selectList(breakdownCols, BREAKDOWN_COLUMNS)} FROM task_breakdowns ORDER BY created_at, rowid`,
    null,
    ([id, description, complexity, context, createdAt]) => {
      const taskId = String(id);
      const text = typeof description === 'string' ? description : '';
      const ctx = readJsonObject(context, taskId, 'context', warnings, taskLabel);
      const task: TaskRecord = {
        id: taskId,
        parentId: null,
        title: firstLineTitle(text) || taskId,
        description: text,
        status: 'pending',
        rawStatus: '',
        specialist: null,
        priority: readPriority(ctx.priority ?? null, taskId, warnings, taskLabel),
        complexity: optionalText(complexity),
        estimatedEffort: null,
        assignee: null,
        featureId: optionalText(ctx.feature_id),
        position: position++,
        createdAt: readTimestamp(createdAt, taskId, 'created_at', warnings, taskLabel),
        updatedAt: null,
        completedAt: null,
        dueDate: null,
        dependencies: [],
      };
      breakdowns.set(taskId, task);
      tasks.push(task);
    },
  );

  const subtaskCols = tableColumns(db, 'subtasks');
  const children = new Map<string, TaskRecord[]>();
  forEachRow(
    db,
    `SELECT ${selectList(subtaskCols, SUBTASK_COLUMNS)} FROM subtasks ORDER BY parent_task_id, created_at, rowid`,
    null,
    ([
      id,
      parentId,
      title,
      description,
      specialist,
      dependencies,
      effort,
      status,
      createdAt,
      completedAt,
    ]) => {
      const taskId = String(id);
      const parent = parentId === null ? null : String(parentId);
      const siblings = parent === null ? undefined : children.get(parent);
      const list = siblings ?? [];
      if (!siblings && parent !== null) children.set(parent, list);
      const task: TaskRecord = {
        id: taskId,
        parentId: parent,
        title:
          optionalText(title) ??
          (firstLineTitle(typeof description === 'string' ? description : '') || taskId),
        description: typeof description === 'string' ? description : '',
        status: mapTaskStatus(status, taskId, warnings, taskLabel),
        rawStatus: status === null ? '' : String(status),
        specialist: optionalText(specialist),
        priority: null,
        complexity: null,
        estimatedEffort: optionalText(effort),
        assignee: null,
        featureId: null,
        position: list.length,
        createdAt: readTimestamp(createdAt, taskId, 'created_at', warnings, taskLabel),
        updatedAt: null,
        completedAt: readTimestamp(completedAt, taskId, 'completed_at', warnings, taskLabel),
        dueDate: null,
        dependencies: readJsonStringArray(dependencies, taskId, 'dependencies', warnings, taskLabel),
      };
      list.push(task);
      tasks.push(task);
    },
  );

  for (const [id, breakdown] of breakdowns) {
    const own = children.get(id) ?? [];
    breakdown.status = deriveStatus(own.map((t) => t.status));
    if (breakdown.status === 'completed') {
      breakdown.completedAt = own.reduce<string | null>(
        (latest, t) =>
          t.completedAt !== null && (latest === null || t.completedAt > latest) ? t.completedAt : latest,
        null,
      );
    }
  }

  return { tasks: checkTaskGraph(tasks, warnings), warnings };
}

/**
 * v1 breakdowns store no status; it follows from the subtasks: all completed (or cancelled) → completed; any in
 * progress → in_progress; else any failed → failed; else any blocked → blocked; some completed → in_progress;
 * else (including no subtasks) pending.
 */
export function deriveStatus(children: TaskStatus[]): TaskStatus {
  if (children.length === 0) return 'pending';
  if (children.every((s) => s === 'completed' || s === 'cancelled')) {
    return children.some((s) => s === 'completed') ? 'completed' : 'cancelled';
  }
  if (children.includes('in_progress')) return 'in_progress';
  if (children.includes('failed')) return 'failed';
  if (children.includes('blocked')) return 'blocked';
  if (children.includes('completed')) return 'in_progress';
  return 'pending';
}
