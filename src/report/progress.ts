/**
 * The progress report, from the orchestrator state alone (no platform): counts by status, burn-up over time, work per
 * specialist, features and items with their issues; rendered here as Markdown (the job summary's sections and
 * mermaid charts) and by html.ts as a self-contained page.
 */
import { safeUrl } from '../notify/changes.js';
import { cell } from './summary.js';
import { linkItemKey, type OrchestratorState, type TaskStatus } from '../state/types.js';

/** Task statuses in the order every table and chart shows them. */
export const TASK_STATUSES: readonly TaskStatus[] = [
  'completed',
  'in_progress',
  'pending',
  'blocked',
  'failed',
  'cancelled',
];

export type StatusCounts = Record<TaskStatus, number>;

export interface BurnUpPoint {
  /** YYYY-MM-DD (UTC). */
  date: string;
  /** Tasks known by that day (cancelled ones excluded). */
  scope: number;
  completed: number;
}

export interface ReportTask {
  itemKey: string;
  title: string;
  status: TaskStatus;
  specialist: string | null;
  depth: number;
  url: string | null;
}

export interface ReportFeature {
  itemKey: string;
  title: string;
  status: string;
  tasks: number;
  completed: number;
  url: string | null;
}

export interface ProgressReport {
  title: string;
  /** ISO 8601: when the report was made (passed in, so reports are reproducible). */
  generatedAt: string;
  /** The state's schema generation and what the reader found. */
  source: string;
  byStatus: StatusCounts;
  totalTasks: number;
  byFeatureStatus: { status: string; count: number }[];
  specialists: { name: string; byStatus: StatusCounts; total: number }[];
  burnUp: BurnUpPoint[];
  /** Completed tasks with no completion or update time: in the counts, not on the burn-up. */
  undatedCompleted: number;
  features: ReportFeature[];
  tasks: ReportTask[];
  warnings: string[];
}

export interface ProgressReportOptions {
  now: Date;
  title?: string;
  /** Most points on the burn-up; longer spans are sampled every few days. */
  maxBurnUpPoints?: number;
}

function emptyCounts(): StatusCounts {
  return { pending: 0, in_progress: 0, completed: 0, blocked: 0, failed: 0, cancelled: 0 };
}

const DAY_MS = 86_400_000;

function day(iso: string | null): number | null {
  if (!iso) return null;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : Math.floor(time / DAY_MS);
}

export function buildProgressReport(
  state: OrchestratorState,
  options: ProgressReportOptions,
): ProgressReport {
  const urls = new Map<string, string>();
  for (const link of state.links) {
    const url = safeUrl(link.issueUrl);
    if (url && !urls.has(linkItemKey(link))) urls.set(linkItemKey(link), url);
  }

  const byStatus = emptyCounts();
  const specialists = new Map<string, StatusCounts>();
  for (const task of state.tasks) {
    byStatus[task.status] += 1;
    const name = task.specialist?.trim() || 'unassigned';
    const counts = specialists.get(name) ?? emptyCounts();
    counts[task.status] += 1;
    specialists.set(name, counts);
  }

  const featureStatuses = new Map<string, number>();
  for (const feature of state.features)
    featureStatuses.set(feature.status, (featureStatuses.get(feature.status) ?? 0) + 1);

  const { points, undated } = burnUp(state, options.now, options.maxBurnUpPoints ?? 120);

  const children = new Map<string | null, typeof state.tasks>();
  const ids = new Set(state.tasks.map((task) => task.id));
  for (const task of state.tasks) {
    const parent = task.parentId !== null && ids.has(task.parentId) ? task.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), task]);
  }
  const tasks: ReportTask[] = [];
  const visit = (parent: string | null, depth: number, seen: Set<string>) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.position - b.position);
    for (const task of list) {
      if (seen.has(task.id)) continue;
      seen.add(task.id);
      tasks.push({
        itemKey: `task:${task.id}`,
        title: task.title,
        status: task.status,
        specialist: task.specialist,
        depth,
        url: urls.get(`task:${task.id}`) ?? null,
      });
      visit(task.id, depth + 1, seen);
    }
  };
  visit(null, 0, new Set());

  const features: ReportFeature[] = state.features.map((feature) => {
    const own = state.tasks.filter((task) => task.featureId === feature.id && task.status !== 'cancelled');
    return {
      itemKey: `feature:${feature.id}`,
      title: feature.title,
      status: feature.status.replace(/_/g, ' '),
      tasks: own.length,
      completed: own.filter((task) => task.status === 'completed').length,
      url: urls.get(`feature:${feature.id}`) ?? null,
    };
  });

  return {
    title: options.title ?? 'Orchestrator progress',
    generatedAt: options.now.toISOString(),
    source: state.source?.description ?? state.generation,
    byStatus,
    totalTasks: state.tasks.length,
    byFeatureStatus: [...featureStatuses].map(([status, count]) => ({
      status: status.replace(/_/g, ' '),
      count,
    })),
    specialists: [...specialists]
      .map(([name, counts]) => ({
        name,
        byStatus: counts,
        total: Object.values(counts).reduce((a, b) => a + b, 0),
      }))
      .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name)),
    burnUp: points,
    undatedCompleted: undated,
    features,
    tasks,
    warnings: state.warnings.map((warning) => warning.message),
  };
}

/**
 * Scope (tasks known, cancelled excluded) and completed tasks by day, from created_at and completed_at (updated_at
 * when a completed task has no completed_at). A task with no created_at is in scope from the first day.
 */
function burnUp(
  state: OrchestratorState,
  now: Date,
  maxPoints: number,
): { points: BurnUpPoint[]; undated: number } {
  const created: (number | null)[] = [];
  const done: number[] = [];
  let undated = 0;
  for (const task of state.tasks) {
    if (task.status === 'cancelled') continue;
    created.push(day(task.createdAt));
    if (task.status === 'completed') {
      const when = day(task.completedAt) ?? day(task.updatedAt);
      if (when === null) undated += 1;
      else done.push(when);
    }
  }
  const known = [...created.filter((value): value is number => value !== null), ...done];
  if (known.length === 0) return { points: [], undated };
  const first = Math.min(...known);
  const last = Math.max(Math.max(...known), Math.floor(now.getTime() / DAY_MS));
  const step = Math.max(1, Math.ceil((last - first + 1) / maxPoints));
  const points: BurnUpPoint[] = [];
  for (let at = first; ; at += step) {
    const when = Math.min(at, last);
    points.push({
      date: new Date(when * DAY_MS).toISOString().slice(0, 10),
      scope: created.filter((value) => value === null || value <= when).length,
      completed: done.filter((value) => value <= when).length,
    });
    if (when >= last) break;
  }
  return { points, undated };
}

/** A URL as a Markdown link target: parentheses and spaces encoded so it cannot end the link early. */
function linkTarget(url: string): string {
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
}

function statusLabel(status: string): string {
  return status.replace(/_/g, ' ');
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`;
}

/** Every nth point, always with the last: a mermaid x axis stays readable. */
export function samplePoints<T>(points: readonly T[], most: number): T[] {
  if (points.length <= most) return [...points];
  const step = Math.ceil(points.length / most);
  const sampled = points.filter((_, index) => index % step === 0);
  const last = points.at(-1);
  if (last !== undefined && sampled.at(-1) !== last) sampled.push(last);
  return sampled;
}

/** The report as Markdown: the job summary's layout (counts table, mermaid pie, tables) plus burn-up and specialists. */
export function renderProgressMarkdown(report: ProgressReport): string {
  const lines: string[] = [];
  const { byStatus, totalTasks } = report;
  lines.push(`## ${cell(report.title)}`, '');
  lines.push(
    `State: ${cell(report.source)} · generated ${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC`,
    '',
  );
  lines.push(`| tasks | ${TASK_STATUSES.map(statusLabel).join(' | ')} | done | features |`);
  lines.push(`|${'---:|'.repeat(TASK_STATUSES.length + 3)}`);
  lines.push(
    `| ${totalTasks} | ${TASK_STATUSES.map((status) => byStatus[status]).join(' | ')} | ${percent(byStatus.completed, totalTasks - byStatus.cancelled)} | ${report.features.length} |`,
    '',
  );

  if (totalTasks > 0) {
    lines.push('### Progress by status', '', '```mermaid', 'pie showData');
    for (const status of TASK_STATUSES)
      if (byStatus[status] > 0) lines.push(`    "${statusLabel(status)}" : ${byStatus[status]}`);
    lines.push('```', '');
  }

  if (report.burnUp.length > 1) {
    const points = samplePoints(report.burnUp, 24);
    const top = Math.max(1, ...points.map((point) => point.scope));
    lines.push(
      '### Burn-up',
      '',
      '```mermaid',
      'xychart-beta',
      '    title "Tasks in scope and completed"',
      `    x-axis [${points.map((point) => `"${point.date.slice(5)}"`).join(', ')}]`,
      `    y-axis "tasks" 0 --> ${top}`,
      `    line [${points.map((point) => point.scope).join(', ')}]`,
      `    line [${points.map((point) => point.completed).join(', ')}]`,
      '```',
      '',
      `_From ${report.burnUp[0]?.date ?? ''} to ${report.burnUp.at(-1)?.date ?? ''}: upper line tasks in scope, lower line completed._`,
    );
    if (report.undatedCompleted > 0)
      lines.push(
        `_${report.undatedCompleted} completed tasks have no completion time and are not on the chart._`,
      );
    lines.push('');
  }

  if (report.specialists.length > 0) {
    lines.push(
      '### By specialist',
      '',
      `| specialist | tasks | ${TASK_STATUSES.map(statusLabel).join(' | ')} |`,
    );
    lines.push(`|---|${'---:|'.repeat(TASK_STATUSES.length + 1)}`);
    for (const specialist of report.specialists) {
      lines.push(
        `| ${cell(specialist.name)} | ${specialist.total} | ${TASK_STATUSES.map((status) => specialist.byStatus[status]).join(' | ')} |`,
      );
    }
    lines.push('');
  }

  if (report.features.length > 0) {
    lines.push('### Features', '', '| feature | status | tasks completed | issue |', '|---|---|---:|---|');
    for (const feature of report.features) {
      lines.push(
        `| ${cell(feature.title)}<br><sub>${cell(feature.itemKey)}</sub> | ${cell(feature.status)} | ${feature.completed} of ${feature.tasks} | ${feature.url ? `[issue](${linkTarget(feature.url)})` : ''} |`,
      );
    }
    lines.push('');
  }

  if (report.tasks.length > 0) {
    lines.push(
      `<details><summary>All ${report.tasks.length} tasks</summary>`,
      '',
      '| task | status | specialist | issue |',
      '|---|---|---|---|',
    );
    for (const task of report.tasks.slice(0, 1000)) {
      const indent = '&nbsp;&nbsp;'.repeat(Math.min(task.depth, 6));
      lines.push(
        `| ${indent}${cell(task.title)}<br><sub>${cell(task.itemKey)}</sub> | ${statusLabel(task.status)} | ${cell(task.specialist ?? '')} | ${task.url ? `[issue](${linkTarget(task.url)})` : ''} |`,
      );
    }
    if (report.tasks.length > 1000) lines.push('', `_… and ${report.tasks.length - 1000} more._`);
    lines.push('', '</details>', '');
  }

  if (report.warnings.length > 0) {
    lines.push('### Notes', '');
    for (const warning of report.warnings.slice(0, 200)) lines.push(`- **state** ${cell(warning)}`);
    if (report.warnings.length > 200) lines.push(`- … and ${report.warnings.length - 200} more`);
    lines.push('');
  }
  return lines.join('\n');
}
