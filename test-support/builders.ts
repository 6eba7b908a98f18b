/** Builders of plain orchestrator records for unit tests: every field filled with a sensible default. */
import type { FeatureRecord, OrchestratorState, TaskRecord } from '../src/state/types.js';

export function task(id: string, fields: Partial<TaskRecord> = {}): TaskRecord {
  return {
    id,
    parentId: null,
    title: `Task ${id}`,
    description: `Description of ${id}.`,
    status: 'pending',
    rawStatus: fields.status ?? 'pending',
    specialist: 'implementer',
    priority: null,
    complexity: null,
    estimatedEffort: null,
    assignee: null,
    featureId: null,
    position: 0,
    createdAt: '2025-06-02T09:15:00Z',
    updatedAt: null,
    completedAt: null,
    dueDate: null,
    dependencies: [],
    ...fields,
  };
}

export function feature(id: string, fields: Partial<FeatureRecord> = {}): FeatureRecord {
  return {
    id,
    title: `Feature ${id}`,
    status: 'approved',
    rawStatus: fields.status ?? 'approved',
    priority: 'medium',
    rawPriority: 'Medium',
    category: 'Integration',
    estimatedEffort: '1 week',
    createdAt: null,
    summary: `Summary of ${id}.`,
    file: `approved/${id}.md`,
    dependencies: [],
    ...fields,
  };
}

export function orchestratorState(fields: Partial<OrchestratorState> = {}): OrchestratorState {
  return {
    generation: 'v2-generic',
    tasks: [],
    features: [],
    milestones: [],
    links: [],
    config: null,
    warnings: [],
    ...fields,
  };
}
