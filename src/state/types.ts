/** The orchestrator's state as plain, validated records: what every reader returns and the core consumes. */

/** The schema generation a database was recognised as (see docs/state-format.md). */
export type SchemaGeneration = 'v1' | 'v2-generic' | 'v2-tasks' | 'json-export';

/** Task status normalised across the orchestrator's generations. */
export type TaskStatus = 'pending' | 'in_progress' | 'completed' | 'failed' | 'blocked' | 'cancelled';

/** Feature specification status, normalised from folder, file prefix and header. */
export type FeatureStatus = 'proposed' | 'approved' | 'in_progress' | 'completed' | 'archived';

export type Priority = 'critical' | 'high' | 'medium' | 'low';

export interface TaskRecord {
  /** The orchestrator's own id, unchanged (v1 `task_id` / `parent_task_id`, v2 `task_id`, v2 tasks `id`). */
  id: string;
  parentId: string | null;
  title: string;
  description: string;
  status: TaskStatus;
  /** The raw status text as stored, for reports when it was normalised. */
  rawStatus: string;
  specialist: string | null;
  priority: Priority | null;
  complexity: string | null;
  estimatedEffort: string | null;
  /** Person the orchestrator assigned the task to (v2 generic `assigned_to`), if any. */
  assignee: string | null;
  /** Feature this task belongs to, from its context / metadata `feature_id`, if any. */
  featureId: string | null;
  /** Order among siblings (v2 generic `position_in_parent`, else creation order). */
  position: number;
  /** ISO 8601, UTC (zone-less values are treated as UTC). */
  createdAt: string | null;
  updatedAt: string | null;
  completedAt: string | null;
  /** When work started (v2 generic `started_at`), if recorded: with completedAt, the time spent. */
  startedAt?: string | null;
  /** Effort actually spent, free text like estimatedEffort (v2 generic `actual_effort`, v2 tasks metadata). */
  actualEffort?: string | null;
  dueDate: string | null;
  /** Ids of tasks this one depends on. */
  dependencies: string[];
}

export interface FeatureRecord {
  /** `**Feature ID**` / front matter `feature_id`. */
  id: string;
  title: string;
  status: FeatureStatus;
  rawStatus: string;
  priority: Priority | null;
  /** Priority text as written, e.g. "Medium (High for team environments)". */
  rawPriority: string | null;
  category: string | null;
  estimatedEffort: string | null;
  createdAt: string | null;
  /** Body text after the header (Markdown), trimmed. */
  summary: string;
  /** Path of the specification file relative to the features folder, with forward slashes. */
  file: string;
  dependencies: string[];
}

/** A problem found while reading that did not stop the read (bad JSON column, unknown status, ...). */
export interface StateWarning {
  code: string;
  message: string;
  /** Task or feature id, or file, the warning is about. */
  subject?: string;
}

/** A row of the seed's `feature_issue_links` table. */
export interface IssueLink {
  featureId: string | null;
  taskId: string | null;
  platform: 'github' | 'gitlab' | 'bitbucket';
  repository: string;
  issueNumber: number;
  issueUrl: string;
  syncStatus: 'synced' | 'pending' | 'failed' | 'manual';
  lastSynced: string | null;
}

/** The item a link is about, as `task:<id>` (a task's issue) or `feature:<id>` (a feature's, when task_id is null). */
export function linkItemKey(link: Pick<IssueLink, 'featureId' | 'taskId'>): string {
  return link.taskId !== null ? `task:${link.taskId}` : `feature:${link.featureId ?? ''}`;
}

/** A row of the seed's `release_milestones` table. */
export interface ReleaseMilestone {
  id: number;
  name: string;
  targetDate: string | null;
  platformMilestoneId: string | null;
  includedFeatures: string[];
  status: 'planning' | 'active' | 'completed' | 'cancelled';
}

/** The row of the seed's `git_integration_config` table, as stored. */
export interface GitIntegrationConfigRow {
  platform: 'github' | 'gitlab' | 'bitbucket' | null;
  repositoryUrl: string;
  apiTokenName: string | null;
  defaultLabels: string[];
  autoSyncEnabled: boolean;
  issueTemplate: string | null;
}

/** Where a state came from: for logs, and so a re-export keeps the original generation. */
export interface StateSource {
  /** What was found, e.g. `v2 generic task model (generic_tasks: 5 rows)`; for logs. */
  description: string;
  /** For a JSON export: the generation (and file) it was exported from, and when. */
  exportedFrom?: { generation: SchemaGeneration; file?: string; exportedAt: string };
}

export interface OrchestratorState {
  generation: SchemaGeneration;
  /** Set by the readers in src/state; optional so states built by hand (tests, core) need not carry it. */
  source?: StateSource;
  tasks: TaskRecord[];
  features: FeatureRecord[];
  milestones: ReleaseMilestone[];
  links: IssueLink[];
  config: GitIntegrationConfigRow | null;
  warnings: StateWarning[];
}
