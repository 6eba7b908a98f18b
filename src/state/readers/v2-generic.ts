/** Reads the 2.0 generic task model (`generic_tasks` + `task_dependencies`). */
import {
  firstLineTitle,
  integerOr,
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
  'task_id',
  'parent_task_id',
  'title',
  'description',
  'status',
  'specialist_type',
  'assigned_to',
  'complexity',
  'estimated_effort',
  'position_in_parent',
  'context',
  'created_at',
  'updated_at',
  'completed_at',
  'due_date',
  'deleted_at',
  'is_template',
  'started_at',
  'actual_effort',
] as const;

/**
 * Soft-deleted rows (`deleted_at` set) are returned with status `cancelled` and a STATE_SOFT_DELETED warning, so
 * an issue made for them earlier is closed rather than left open. Template rows (`is_template` true) are
 * blueprints, not work, and are skipped.
 */
export function readV2GenericTasks(db: Database): TaskReadResult {
  const warnings: StateWarning[] = [];
  const dependencies = readDependencies(db, 'dependent_task_id', 'prerequisite_task_id');
  const tasks: TaskRecord[] = [];
  let templates = 0;
  let index = 0;

  forEachRow(
    db,
    `SELECT ${selectList(tableColumns(db, 'generic_tasks'), COLUMNS)} FROM generic_tasks ORDER BY rowid`,
    null,
    ([
      id,
      parentId,
      title,
      description,
      status,
      specialist,
      assignedTo,
      complexity,
      effort,
      position,
      context,
      createdAt,
      updatedAt,
      completedAt,
      dueDate,
      deletedAt,
      isTemplate,
      startedAt,
      actualEffort,
    ]) => {
      index++;
      if (isTemplate === 1 || isTemplate === '1' || isTemplate === 'true' || isTemplate === 'TRUE') {
        templates++;
        return;
      }
      const taskId = String(id);
      const ctx = readJsonObject(context, taskId, 'context', warnings, taskLabel);
      const text = typeof description === 'string' ? description : '';
      const task: TaskRecord = {
        id: taskId,
        parentId: optionalText(parentId),
        title: optionalText(title) ?? (firstLineTitle(text) || taskId),
        description: text,
        status: mapTaskStatus(status, taskId, warnings, taskLabel),
        rawStatus: status === null ? '' : String(status),
        specialist: optionalText(specialist),
        priority: readPriority(ctx.priority ?? null, taskId, warnings, taskLabel),
        complexity: optionalText(complexity),
        estimatedEffort: optionalText(effort),
        assignee: optionalText(assignedTo),
        featureId: optionalText(ctx.feature_id),
        position: integerOr(position, index),
        createdAt: readTimestamp(createdAt, taskId, 'created_at', warnings, taskLabel),
        updatedAt: readTimestamp(updatedAt, taskId, 'updated_at', warnings, taskLabel),
        completedAt: readTimestamp(completedAt, taskId, 'completed_at', warnings, taskLabel),
        dueDate: readTimestamp(dueDate, taskId, 'due_date', warnings, taskLabel),
        dependencies: dependencies.get(taskId) ?? [],
      };
      // Only when recorded, so states without them read as they always did.
      const started = readTimestamp(startedAt, taskId, 'started_at', warnings, taskLabel);
      if (started !== null) task.startedAt = started;
      const actual = optionalText(actualEffort);
      if (actual !== null) task.actualEffort = actual;
      if (deletedAt !== null && deletedAt !== '') {
        task.status = 'cancelled';
        warnings.push({
          code: 'STATE_SOFT_DELETED',
          message: `${taskLabel(taskId)} was deleted (deleted_at ${JSON.stringify(String(deletedAt))}); it is read as cancelled.`,
          subject: taskId,
        });
      }
      tasks.push(task);
    },
  );

  if (templates > 0) {
    warnings.push({
      code: 'STATE_TEMPLATE_SKIPPED',
      message: `${templates} template task(s) (is_template) were skipped: templates are not work to track.`,
    });
  }
  return { tasks: checkTaskGraph(tasks, warnings), warnings };
}
