/** The typed sync policy the core works from, built once from inputs, the config row and the config file. */
import type { FeatureStatus } from '../state/types.js';
import type { LabelRules } from './labels.js';

/** How the orchestrator's task tree appears on the platform (docs/hierarchy.md). */
export type Hierarchy = 'checklist' | 'sub-issues' | 'both';

export type LabelDimension = 'type' | 'status' | 'priority' | 'category' | 'specialist';

export interface SyncPolicy {
  /** Feature statuses whose features become issues. */
  featureStatuses: FeatureStatus[];
  /** `top-level`: each top-level task is an issue and its subtasks a checklist; `all`: every task is an issue. */
  tasks: 'top-level' | 'all' | 'none';
  /** Labels every managed issue carries. */
  defaultLabels: string[];
  /** Label prefix per dimension; null turns that dimension's labels off. */
  labelPrefixes: Record<LabelDimension, string | null>;
  /** The `label-rules` file's rules by dimension (core/labels.ts); absent: the prefix scheme alone. */
  labelRules?: LabelRules;
  /** Estimates and spent time on the platform (core/time-tracking.ts); absent means off. */
  timeTracking?: boolean;
  /** Orchestrator assignee name → platform login. Unmapped names are used as they are. */
  assigneeMap: Record<string, string>;
  /**
   * Specialist type (lower case) → the people who take the new issues of its tasks that the orchestrator assigned to
   * no one, load-balanced (engine/team.ts).
   */
  team: Record<string, string[]>;
  /** What happens when a human changed a field the tool owns since the last sync. */
  conflictPolicy: 'orchestrator-wins' | 'report';
  /** What happens to a managed issue whose item left the orchestrator's plan. */
  orphans: 'leave' | 'close';
  /** Create issues for items that are already completed or cancelled the first time they are seen. */
  createCompleted: boolean;
  /** Break @mentions and #references in synced text so a sync never notifies anyone. */
  neutraliseMentions: boolean;
  /** Free text placed below the managed block of a new issue (the config row's `issue_template`). */
  issueTemplate: string | null;
  /**
   * `checklist` (absent means this): subtasks as a checklist in their parent's block; `sub-issues`: every task its own
   * issue, attached to its parent's issue, dependencies as blocked-by; `both`: sub-issues and the checklist.
   */
  hierarchy?: Hierarchy;
  /**
   * `auto`: set the repository's issue types (GitHub: Feature, Task, Bug, as its organisation defines them) instead of
   * the `type` label; absent or `off`: the label only (docs/hierarchy.md).
   */
  issueTypes?: 'auto' | 'off';
}

export const DEFAULT_POLICY: SyncPolicy = {
  featureStatuses: ['approved', 'in_progress', 'completed', 'archived'],
  tasks: 'top-level',
  defaultLabels: ['orchestrator'],
  labelPrefixes: {
    type: 'type: ',
    status: 'status: ',
    priority: 'priority: ',
    category: 'category: ',
    specialist: 'specialist: ',
  },
  assigneeMap: {},
  team: {},
  conflictPolicy: 'orchestrator-wins',
  orphans: 'leave',
  createCompleted: false,
  neutraliseMentions: true,
  issueTemplate: null,
};
