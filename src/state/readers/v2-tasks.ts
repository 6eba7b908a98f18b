/** Reads the 2.x clean-architecture repository (`tasks` + `task_dependencies(task_id, dependency_id)`). */
import {
  firstLineTitle,
  mapTaskStatus,
  optionalText,
  readJsonObject,
  readPriority,
  readTimestamp,
} from '../columns.js';
import { checkTaskGraph } from '../hierarchy.js';
import { forEachRow, selectList, tableColumns, type Database } from '../sqlite.js';
import type { StateWarning, TaskRecord } from '../types.js';
import { readDependencies } from './dependencies.js';
import { taskLabel, type TaskReadResult } from './types.js';

const COLUMNS = [
  'id',
  'parent_task_id',
  'type',
  'status',
  'title',
  'description',
  'metadata',
  'created_at',
  'updated_at',
  'completed_at',
] as const;

/**
 * Priority, complexity, specialist, estimate, feature and assignee come from `metadata`. A task without a title
 * gets "<Type> <first 8 characters of id>" (e.g. "Review a1b2c3d4") and a STATE_TITLE_MISSING warning.
 */
export function readV2Tasks(db: Database): TaskReadResult {
  const warnings: StateWarning[] = [];
  const dependencies = readDependencies(db, 'task_id', 'dependency_id');
  const tasks: TaskRecord[] = [];
  const untitled: { task: TaskRecord; type: unknown }[] = [];
  const siblings = new Map<string | null, number>();

  forEachRow(
    db,
    `SELECT ${selectList(tableColumns(db, 'tasks'), COLUMNS)} FROM tasks ORDER BY created_at, rowid`,
    null,
    ([id, parentId, type, status, title, description, metadata, createdAt, updatedAt, completedAt]) => {
      const taskId = String(id);
      const meta = readJsonObject(metadata, taskId, 'metadata', warnings, taskLabel);
      const text = typeof description === 'string' ? description : '';
      const parent = optionalText(parentId);
      const position = siblings.get(parent) ?? 0;
      siblings.set(parent, position + 1);
      const taskTitle = optionalText(title) ?? firstLineTitle(text);
      const task: TaskRecord = {
        id: taskId,
        parentId: parent,
        title: taskTitle,
        description: text,
        status: mapTaskStatus(status, taskId, warnings, taskLabel),
        rawStatus: status === null ? '' : String(status),
        specialist: optionalText(meta.specialist ?? meta.specialist_type),
        priority: readPriority(meta.priority ?? null, taskId, warnings, taskLabel),
        complexity: optionalText(meta.complexity),
        estimatedEffort: optionalText(meta.estimated_effort ?? meta.estimatedEffort),
        assignee: optionalText(meta.assignee ?? meta.assigned_to),
        featureId: optionalText(meta.feature_id ?? meta.featureId),
        position,
        createdAt: readTimestamp(createdAt, taskId, 'created_at', warnings, taskLabel),
        updatedAt: readTimestamp(updatedAt, taskId, 'updated_at', warnings, taskLabel),
        completedAt: readTimestamp(completedAt, taskId, 'completed_at', warnings, taskLabel),
        dueDate: readTimestamp(meta.due_date ?? null, taskId, 'metadata.due_date', warnings, taskLabel),
        dependencies: dependencies.get(taskId) ?? [],
      };
      const actualEffort = optionalText(meta.actual_effort ?? meta.actualEffort);
      if (actualEffort !== null) task.actualEffort = actualEffort;
      if (taskTitle === '') untitled.push({ task, type });
      tasks.push(task);
    },
  );

  if (untitled.length > 0) {
    const prefixes = new Map<string, number>();
    for (const t of tasks) prefixes.set(shortId(t.id), (prefixes.get(shortId(t.id)) ?? 0) + 1);
    for (const { task, type } of untitled) {
      task.title = fallbackTitle(type, task.id, (prefixes.get(shortId(task.id)) ?? 0) > 1);
      warnings.push({
        code: 'STATE_TITLE_MISSING',
        message: `${taskLabel(task.id)} has no title; it is called ${JSON.stringify(task.title)}.`,
        subject: task.id,
      });
    }
  }

  return { tasks: checkTaskGraph(tasks, warnings), warnings };
}

function shortId(id: string): string {
  return id.replace(/-/g, '').slice(0, 8);
}

/**
 * "Review 7d0f3c1e" from type `review` and a uuid; when other tasks share those 8 characters, the last 8 are
 * added ("Review a1b2c3d4…00000003") so titles stay distinguishable.
 */
export function fallbackTitle(type: unknown, id: string, ambiguous = false): string {
  const kind = (optionalText(type) ?? 'task').replace(/[_-]+/g, ' ');
  const compact = id.replace(/-/g, '');
  const short =
    ambiguous && compact.length > 16 ? `${compact.slice(0, 8)}…${compact.slice(-8)}` : compact.slice(0, 8);
  return `${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${short}`;
}
