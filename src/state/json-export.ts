/** The JSON export: a committed, diff-friendly alternative to the SQLite file (format in docs/state-format.md). */
import { z } from 'zod';
import { OrchestratorGitError, quote } from '../errors.js';
import { readTimestamp } from './columns.js';
import { checkTaskGraph, compareIds } from './hierarchy.js';
import { taskLabel } from './readers/types.js';
import type { SyncRecords } from './sync-records.js';
import type {
  FeatureRecord,
  GitIntegrationConfigRow,
  IssueLink,
  OrchestratorState,
  ReleaseMilestone,
  SchemaGeneration,
  StateWarning,
  TaskRecord,
} from './types.js';
import { linkItemKey } from './types.js';

export const STATE_FORMAT = 'orchestrator-git-state';
export const STATE_FORMAT_VERSION = 1;

const text = z.string();
const optionalText = z.string().nullable().default(null);
const platform = z.enum(['github', 'gitlab', 'bitbucket']);
const priority = z.enum(['critical', 'high', 'medium', 'low']).nullable().default(null);
const ids = z.array(z.string()).default([]);

const taskSchema = z.object({
  id: text.min(1),
  parentId: optionalText,
  title: text,
  description: text.default(''),
  status: z.enum(['pending', 'in_progress', 'completed', 'failed', 'blocked', 'cancelled']),
  rawStatus: text.default(''),
  specialist: optionalText,
  priority,
  complexity: optionalText,
  estimatedEffort: optionalText,
  assignee: optionalText,
  featureId: optionalText,
  position: z.number().int().default(0),
  createdAt: optionalText,
  updatedAt: optionalText,
  completedAt: optionalText,
  // Absent in exports made before time tracking, and for tasks that never recorded them.
  startedAt: z.string().nullable().optional(),
  actualEffort: z.string().nullable().optional(),
  dueDate: optionalText,
  dependencies: ids,
});

const featureSchema = z.object({
  id: text.min(1),
  title: text,
  status: z.enum(['proposed', 'approved', 'in_progress', 'completed', 'archived']),
  rawStatus: text.default(''),
  priority,
  rawPriority: optionalText,
  category: optionalText,
  estimatedEffort: optionalText,
  createdAt: optionalText,
  summary: text.default(''),
  file: text.default(''),
  dependencies: ids,
});

const milestoneSchema = z.object({
  id: z.number().int(),
  name: text.min(1),
  targetDate: optionalText,
  platformMilestoneId: optionalText,
  includedFeatures: ids,
  status: z.enum(['planning', 'active', 'completed', 'cancelled']).default('planning'),
});

const linkSchema = z
  .object({
    featureId: optionalText,
    taskId: optionalText,
    platform,
    repository: text.min(1),
    issueNumber: z.number().int().positive(),
    issueUrl: text.default(''),
    syncStatus: z.enum(['synced', 'pending', 'failed', 'manual']).default('synced'),
    lastSynced: optionalText,
  })
  .refine((l) => l.featureId !== null || l.taskId !== null, {
    message: 'a link needs a featureId or a taskId',
  });

const configSchema = z.object({
  platform: platform.nullable().default(null),
  repositoryUrl: text,
  apiTokenName: optionalText,
  defaultLabels: ids,
  autoSyncEnabled: z.boolean().default(true),
  issueTemplate: optionalText,
});

const itemSchema = z.object({
  itemKey: text.min(1),
  platform,
  repository: text.min(1),
  issueNumber: z.number().int().positive(),
  issueId: optionalText,
  contentHash: text,
  ownedAssignees: ids,
  syncedAt: text,
});

const journalSchema = z.object({
  runId: text.min(1),
  seq: z.number().int(),
  itemKey: text,
  operation: text,
  status: z.enum(['planned', 'done', 'failed', 'skipped']),
  issueNumber: z.number().int().nullable().default(null),
  detail: optionalText,
  at: text,
});

const runSchema = z.object({
  runId: text.min(1),
  platform: text,
  repository: text,
  startedAt: text,
  finishedAt: optionalText,
  fullReconcile: z.boolean().default(true),
  outcome: optionalText,
  counts: z.record(z.string(), z.number()).nullable().default(null),
  seenUntil: optionalText,
});

const releaseSchema = z.object({
  platform,
  repository: text,
  tag: text.min(1),
  version: text,
  commit: text,
  previousTag: optionalText,
  milestone: optionalText,
  releaseUrl: optionalText,
  releasedAt: text,
  items: ids,
});

export const stateDocumentSchema = z.object({
  format: z.literal(STATE_FORMAT),
  version: z.literal(STATE_FORMAT_VERSION),
  exportedAt: text,
  source: z.object({
    generation: z.enum(['v1', 'v2-generic', 'v2-tasks', 'json-export']),
    file: z.string().optional(),
  }),
  tasks: z.array(taskSchema),
  features: z.array(featureSchema).default([]),
  milestones: z.array(milestoneSchema).default([]),
  links: z.array(linkSchema).default([]),
  config: configSchema.nullable().default(null),
  sync: z
    .object({
      items: z.array(itemSchema).default([]),
      journal: z.array(journalSchema).default([]),
      runs: z.array(runSchema).default([]),
      // Release records (added in 0.x with migration 2): optional, so earlier exports read unchanged.
      releases: z.array(releaseSchema).optional(),
    })
    .default({ items: [], journal: [], runs: [] }),
});

export type StateDocument = z.output<typeof stateDocumentSchema>;

/** `$.tasks[3].status` from a zod path. */
function jsonPath(path: readonly PropertyKey[]): string {
  return (
    '$' +
    path
      .map((p) =>
        typeof p === 'number'
          ? `[${p}]`
          : /^[A-Za-z_$][\w$]*$/.test(String(p))
            ? `.${String(p)}`
            : `[${JSON.stringify(String(p))}]`,
      )
      .join('')
  );
}

function invalid(file: string, problems: string[]): OrchestratorGitError {
  const shown = problems.slice(0, 5).join('; ');
  const more = problems.length > 5 ? `; and ${problems.length - 5} more` : '';
  return new OrchestratorGitError(
    'STATE_JSON_INVALID',
    `The JSON export ${quote(file)} is not a valid orchestrator-git state file: ${shown}${more}.`,
    'Regenerate it with `orchestrator-git export` from the orchestrator database, or fix the values at the paths named (format described in docs/state-format.md).',
  );
}

/** Parses and validates a JSON export; STATE_JSON_INVALID names the first problems with their JSON paths. */
export function parseStateDocument(content: string, file: string): StateDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw invalid(file, [`not valid JSON (${(error as Error).message})`]);
  }
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    const { format, version } = raw as Record<string, unknown>;
    if (format === STATE_FORMAT && typeof version === 'number' && version > STATE_FORMAT_VERSION) {
      throw new OrchestratorGitError(
        'STATE_JSON_INVALID',
        `The JSON export ${quote(file)} has format version ${version}; this orchestrator-git reads version ${STATE_FORMAT_VERSION}.`,
        'Upgrade orchestrator-git, or regenerate the export with this version (`orchestrator-git export`).',
      );
    }
  }
  const result = stateDocumentSchema.safeParse(raw);
  if (!result.success) {
    throw invalid(
      file,
      result.error.issues.map((issue) => `${jsonPath(issue.path)}: ${issue.message}`),
    );
  }
  return result.data;
}

/** The state a JSON export describes; its tasks are checked like a database's (parents, cycles, dependencies). */
export function stateFromDocument(doc: StateDocument, file: string): OrchestratorState {
  const warnings: StateWarning[] = [];
  const tasks = checkTaskGraph(
    doc.tasks.map((t) => {
      return {
        ...t,
        dependencies: [...t.dependencies],
        createdAt: readTimestamp(t.createdAt, t.id, 'createdAt', warnings, taskLabel),
        updatedAt: readTimestamp(t.updatedAt, t.id, 'updatedAt', warnings, taskLabel),
        completedAt: readTimestamp(t.completedAt, t.id, 'completedAt', warnings, taskLabel),
        ...(t.startedAt !== undefined
          ? { startedAt: readTimestamp(t.startedAt, t.id, 'startedAt', warnings, taskLabel) }
          : {}),
        dueDate: readTimestamp(t.dueDate, t.id, 'dueDate', warnings, taskLabel),
      };
    }),
    warnings,
  );
  const exportedFrom = {
    generation: doc.source.generation,
    ...(doc.source.file === undefined ? {} : { file: doc.source.file }),
    exportedAt: doc.exportedAt,
  };
  return {
    generation: 'json-export',
    source: {
      description: `JSON export ${quote(file)} (from ${doc.source.generation}${doc.source.file === undefined ? '' : ` ${quote(doc.source.file)}`}, exported ${doc.exportedAt}; ${tasks.length} tasks)`,
      exportedFrom,
    },
    tasks,
    features: doc.features.map((f) => ({ ...f, dependencies: [...f.dependencies] })),
    milestones: doc.milestones.map((m) => ({ ...m, includedFeatures: [...m.includedFeatures] })),
    links: doc.links.map((l) => ({ ...l })),
    config: doc.config === null ? null : { ...doc.config, defaultLabels: [...doc.config.defaultLabels] },
    warnings,
  };
}

export interface ExportOptions {
  /** Defaults to now. */
  exportedAt?: string;
  /** The database the state was read from, relative to the repository; omitted when unknown. */
  sourceFile?: string | null;
}

/**
 * The JSON export of a state and its sync records: fixed key order, tasks/features/links/items sorted, journal
 * and runs in time order, 2-space indent, trailing newline — so a commit's diff shows only what changed.
 */
export function exportState(
  state: OrchestratorState,
  syncRecords: Partial<SyncRecords> = {},
  options: ExportOptions = {},
): string {
  const generation: SchemaGeneration =
    state.generation === 'json-export'
      ? (state.source?.exportedFrom?.generation ?? 'json-export')
      : state.generation;
  const file =
    options.sourceFile === undefined ? state.source?.exportedFrom?.file : (options.sourceFile ?? undefined);
  return serializeStateDocument({
    format: STATE_FORMAT,
    version: STATE_FORMAT_VERSION,
    exportedAt: options.exportedAt ?? new Date().toISOString(),
    source: file === undefined ? { generation } : { generation, file },
    tasks: state.tasks,
    features: state.features,
    milestones: state.milestones,
    links: state.links,
    config: state.config,
    sync: {
      items: syncRecords.items ?? [],
      journal: syncRecords.journal ?? [],
      runs: syncRecords.runs ?? [],
      ...(syncRecords.releases && syncRecords.releases.length > 0 ? { releases: syncRecords.releases } : {}),
    },
  });
}

/** Serialises a document canonically (see exportState). */
export function serializeStateDocument(doc: StateDocument): string {
  const ordered = {
    format: doc.format,
    version: doc.version,
    exportedAt: doc.exportedAt,
    source:
      doc.source.file === undefined
        ? { generation: doc.source.generation }
        : { generation: doc.source.generation, file: doc.source.file },
    tasks: [...doc.tasks].sort((a, b) => compareIds(a.id, b.id)).map(taskJson),
    features: [...doc.features].sort((a, b) => compareIds(a.id, b.id)).map(featureJson),
    milestones: [...doc.milestones].sort((a, b) => a.id - b.id).map(milestoneJson),
    links: [...doc.links].sort(compareLinks).map(linkJson),
    config: doc.config === null ? null : configJson(doc.config),
    sync: {
      items: [...doc.sync.items]
        .sort(
          (a, b) =>
            compareIds(a.itemKey, b.itemKey) ||
            compareIds(a.platform, b.platform) ||
            compareIds(a.repository, b.repository),
        )
        .map((i) => ({
          itemKey: i.itemKey,
          platform: i.platform,
          repository: i.repository,
          issueNumber: i.issueNumber,
          issueId: i.issueId,
          contentHash: i.contentHash,
          ownedAssignees: [...i.ownedAssignees],
          syncedAt: i.syncedAt,
        })),
      journal: doc.sync.journal.map((e) => ({
        runId: e.runId,
        seq: e.seq,
        itemKey: e.itemKey,
        operation: e.operation,
        status: e.status,
        issueNumber: e.issueNumber,
        detail: e.detail,
        at: e.at,
      })),
      runs: doc.sync.runs.map((r) => ({
        runId: r.runId,
        platform: r.platform,
        repository: r.repository,
        startedAt: r.startedAt,
        finishedAt: r.finishedAt,
        fullReconcile: r.fullReconcile,
        outcome: r.outcome,
        counts:
          r.counts === null
            ? null
            : Object.fromEntries(Object.entries(r.counts).sort(([a], [b]) => compareIds(a, b))),
        seenUntil: r.seenUntil,
      })),
      // Only when there are any: an export without releases stays byte-identical to earlier versions.
      ...(doc.sync.releases && doc.sync.releases.length > 0
        ? {
            releases: [...doc.sync.releases]
              .sort(
                (a, b) =>
                  compareIds(a.platform, b.platform) ||
                  compareIds(a.repository, b.repository) ||
                  compareIds(a.releasedAt, b.releasedAt) ||
                  compareIds(a.tag, b.tag),
              )
              .map((r) => ({
                platform: r.platform,
                repository: r.repository,
                tag: r.tag,
                version: r.version,
                commit: r.commit,
                previousTag: r.previousTag,
                milestone: r.milestone,
                releaseUrl: r.releaseUrl,
                releasedAt: r.releasedAt,
                items: [...r.items].sort(),
              })),
          }
        : {}),
    },
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** The key a link is replaced by: its task, or its feature when it has no task, per platform + repository. */
export function linkKey(link: Pick<IssueLink, 'featureId' | 'taskId' | 'platform' | 'repository'>): string {
  return `${linkItemKey(link)}\u0000${link.platform}\u0000${link.repository}`;
}

function compareLinks(a: IssueLink, b: IssueLink): number {
  return compareIds(linkKey(a), linkKey(b));
}

function taskJson(t: TaskRecord): TaskRecord {
  return {
    id: t.id,
    parentId: t.parentId,
    title: t.title,
    description: t.description,
    status: t.status,
    rawStatus: t.rawStatus,
    specialist: t.specialist,
    priority: t.priority,
    complexity: t.complexity,
    estimatedEffort: t.estimatedEffort,
    assignee: t.assignee,
    featureId: t.featureId,
    position: t.position,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    completedAt: t.completedAt,
    ...(t.startedAt ? { startedAt: t.startedAt } : {}),
    ...(t.actualEffort ? { actualEffort: t.actualEffort } : {}),
    dueDate: t.dueDate,
    dependencies: [...t.dependencies],
  };
}

function featureJson(f: FeatureRecord): FeatureRecord {
  return {
    id: f.id,
    title: f.title,
    status: f.status,
    rawStatus: f.rawStatus,
    priority: f.priority,
    rawPriority: f.rawPriority,
    category: f.category,
    estimatedEffort: f.estimatedEffort,
    createdAt: f.createdAt,
    summary: f.summary,
    file: f.file,
    dependencies: [...f.dependencies],
  };
}

function milestoneJson(m: ReleaseMilestone): ReleaseMilestone {
  return {
    id: m.id,
    name: m.name,
    targetDate: m.targetDate,
    platformMilestoneId: m.platformMilestoneId,
    includedFeatures: [...m.includedFeatures],
    status: m.status,
  };
}

function linkJson(l: IssueLink): IssueLink {
  return {
    featureId: l.featureId,
    taskId: l.taskId,
    platform: l.platform,
    repository: l.repository,
    issueNumber: l.issueNumber,
    issueUrl: l.issueUrl,
    syncStatus: l.syncStatus,
    lastSynced: l.lastSynced,
  };
}

function configJson(c: GitIntegrationConfigRow): GitIntegrationConfigRow {
  return {
    platform: c.platform,
    repositoryUrl: c.repositoryUrl,
    apiTokenName: c.apiTokenName,
    defaultLabels: [...c.defaultLabels],
    autoSyncEnabled: c.autoSyncEnabled,
    issueTemplate: c.issueTemplate,
  };
}
