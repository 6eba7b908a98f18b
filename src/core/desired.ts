/** Derives, from the orchestrator's state and the sync policy, the issues that should exist and what they say. */
import type {
  FeatureRecord,
  OrchestratorState,
  Priority,
  ReleaseMilestone,
  TaskRecord,
} from '../state/types.js';
import { defaultLabels, dimensionLabel, type DesiredLabel } from './labels.js';
import { effectiveHierarchy } from './hierarchy.js';
import type { Hierarchy, SyncPolicy } from './policy.js';
import { displayStatus, issueStateFor, type ItemStatus } from './status.js';
import { escapeComments, inlineText, safeMarkdown, safeTitle, truncate } from './text.js';
import { deriveFeatureTime, deriveTaskTime, type TimeFacts } from './time-tracking.js';

export type ItemKind = 'feature' | 'task';

export interface DesiredMilestone {
  title: string;
  /** YYYY-MM-DD, or null. */
  dueOn: string | null;
  state: 'open' | 'closed';
}

/** The managed block in three parts: only the description is shortened when a body would be too long. */
export interface BlockParts {
  head: string;
  description: string;
  tail: string;
}

export interface DesiredIssue {
  /** `feature:<id>` or `task:<id>`: the identity carried by the marker. */
  itemKey: string;
  kind: ItemKind;
  sourceId: string;
  featureId: string | null;
  status: ItemStatus;
  title: string;
  block: BlockParts;
  labels: DesiredLabel[];
  assignees: string[];
  milestone: DesiredMilestone | null;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | null;
  /** Progress over subtasks (tasks) or linked tasks (features); null when there is nothing to count. */
  progress: { done: number; total: number } | null;
  /** When the item was created in the orchestrator (ISO 8601), if known. */
  createdAt: string | null;
  priority: Priority | null;
  /** Values of the platform's own fields the tool owns; empty until fitted to a platform (core/platform-fit.ts). */
  attributes: Record<string, string>;
  /** Estimate and spent time, only when the policy's time tracking is on (core/time-tracking.ts). */
  time?: TimeFacts;
  /**
   * The platform issue type the item is (GitHub's organisation-defined Feature, Task, Bug), and the `type` label that
   * stands for it where the repository has no such type (null when the type labels are off).
   */
  issueType?: { name: IssueTypeName; label: string | null };
}

export type IssueTypeName = 'Feature' | 'Task' | 'Bug';

/**
 * A task is a bug when the orchestrator gave it to its `debugger` specialist (v1 and v2 `specialist_type`, v2 tasks'
 * metadata specialist): the only kind of work the schema marks as a fix. v2 `task_type` (standard, breakdown,
 * review, …) names no bug.
 */
export function taskIssueType(task: Pick<TaskRecord, 'specialist'>): IssueTypeName {
  return task.specialist?.trim().toLowerCase() === 'debugger' ? 'Bug' : 'Task';
}

export interface DesiredState {
  issues: DesiredIssue[];
  /** Items the policy keeps off the platform, with why (for the plan's report). */
  excluded: { itemKey: string; reason: string }[];
}

export function itemKey(kind: ItemKind, id: string): string {
  return `${kind}:${id}`;
}

const DESCRIPTION_LIMIT = 30_000;
const CHECKLIST_LIMIT = 500;

/** How the block shows the tree: derived once per run from the `hierarchy` setting and the platform. */
interface TreeLayout {
  hierarchy: Hierarchy;
  /** A "Depends on" line naming the task's prerequisites (hierarchy other than checklist). */
  dependencyLine: boolean;
  /** The line says the platform has no dependency links of its own (Bitbucket). */
  dependencyNote: boolean;
  titles: Map<string, string>;
}

/**
 * `nativeRelations`: the platform links sub-issues itself (GitHub); elsewhere a hierarchy other than `checklist` keeps
 * the checklist and adds the "Depends on" line. `nativeDependencies` (default: as `nativeRelations`): it links
 * blocked-by dependencies (GitHub, GitLab); without, the line says the platform has none.
 */
export function deriveDesiredState(
  state: OrchestratorState,
  policy: SyncPolicy,
  options: { nativeRelations?: boolean; nativeDependencies?: boolean } = {},
): DesiredState {
  const layout: TreeLayout = {
    ...effectiveHierarchy(
      policy.hierarchy,
      options.nativeRelations ?? false,
      options.nativeDependencies ?? options.nativeRelations ?? false,
    ),
    titles: new Map(),
  };
  // Only the "Depends on" line names other tasks: a checklist-only run skips a map of every title.
  if (layout.dependencyLine) for (const task of state.tasks) layout.titles.set(task.id, task.title);
  const children = groupChildren(state.tasks);
  const ids = new Set<string>();
  for (const task of state.tasks) ids.add(task.id);
  const topLevel = state.tasks.filter((task) => task.parentId === null || !ids.has(task.parentId));
  const tasksByFeature = new Map<string, TaskRecord[]>();
  for (const task of topLevel) {
    if (!task.featureId) continue;
    const list = tasksByFeature.get(task.featureId) ?? [];
    list.push(task);
    tasksByFeature.set(task.featureId, list);
  }

  const issues: DesiredIssue[] = [];
  const excluded: DesiredState['excluded'] = [];

  for (const feature of state.features) {
    const key = itemKey('feature', feature.id);
    if (!policy.featureStatuses.includes(feature.status)) {
      excluded.push({ itemKey: key, reason: `feature status ${feature.status} is not synced` });
      continue;
    }
    issues.push(deriveFeatureIssue(feature, tasksByFeature.get(feature.id) ?? [], state.milestones, policy));
  }

  if (policy.tasks !== 'none') {
    const everyTask = policy.tasks === 'all' || layout.hierarchy !== 'checklist';
    const synced = everyTask ? state.tasks : topLevel;
    for (const task of synced) {
      issues.push(deriveTaskIssue(task, children, state.milestones, policy, layout));
    }
  } else {
    for (const task of topLevel)
      excluded.push({ itemKey: itemKey('task', task.id), reason: 'tasks are not synced' });
  }

  issues.sort((a, b) => compareKeys(a.itemKey, b.itemKey));
  return { issues, excluded };
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function groupChildren(tasks: TaskRecord[]): Map<string, TaskRecord[]> {
  const children = new Map<string, TaskRecord[]>();
  for (const task of tasks) {
    if (task.parentId === null) continue;
    const list = children.get(task.parentId) ?? [];
    list.push(task);
    children.set(task.parentId, list);
  }
  for (const list of children.values()) {
    list.sort((a, b) => a.position - b.position || compareKeys(a.id, b.id));
  }
  return children;
}

function deriveFeatureIssue(
  feature: FeatureRecord,
  tasks: TaskRecord[],
  milestones: ReleaseMilestone[],
  policy: SyncPolicy,
): DesiredIssue {
  const neutralise = policy.neutraliseMentions;
  const counted = tasks.filter((task) => task.status !== 'cancelled');
  const progress = counted.length
    ? { done: counted.filter((task) => task.status === 'completed').length, total: counted.length }
    : null;
  const facts: [string, string | null][] = [
    ['Status', displayStatus(feature.status)],
    ['Priority', feature.rawPriority ?? feature.priority],
    ['Category', feature.category],
    ['Estimate', feature.estimatedEffort],
  ];
  const taskList = tasks.length
    ? [
        '#### Tasks',
        ...tasks
          .slice(0, CHECKLIST_LIMIT)
          .map(
            (task) =>
              `- [${task.status === 'completed' ? 'x' : ' '}] ${truncate(inlineText(task.title, neutralise), 200)} · ${displayStatus(task.status).toLowerCase()}`,
          ),
        ...(tasks.length > CHECKLIST_LIMIT ? [`- … and ${tasks.length - CHECKLIST_LIMIT} more tasks`] : []),
        '',
      ]
    : [];
  const featureType = dimensionLabel(policy, 'type', 'feature');
  return {
    itemKey: itemKey('feature', feature.id),
    kind: 'feature',
    sourceId: feature.id,
    featureId: feature.id,
    status: feature.status,
    title: safeTitle(feature.title, feature.id),
    block: {
      head: blockHead(factsTable(facts, neutralise), progressLine(progress, 'linked tasks'), '#### Summary'),
      description: safeMarkdown(feature.summary, neutralise).trim() || '_No summary in the specification._',
      tail: [
        '',
        ...taskList,
        `<sub>Feature \`${codeText(feature.id)}\` · specification \`${codeText(feature.file)}\`</sub>`,
      ].join('\n'),
    },
    labels: compactLabels([
      ...defaultLabels(policy),
      featureType,
      dimensionLabel(policy, 'status', feature.status),
      dimensionLabel(policy, 'priority', feature.priority),
      dimensionLabel(policy, 'category', feature.category),
    ]),
    assignees: [],
    milestone: milestoneFor(feature.id, milestones),
    ...issueStateFor(feature.status),
    progress,
    createdAt: feature.createdAt,
    priority: feature.priority,
    attributes: {},
    ...(policy.timeTracking ? { time: deriveFeatureTime(feature) } : {}),
    issueType: { name: 'Feature', label: featureType?.name ?? null },
  };
}

function deriveTaskIssue(
  task: TaskRecord,
  children: Map<string, TaskRecord[]>,
  milestones: ReleaseMilestone[],
  policy: SyncPolicy,
  layout: TreeLayout,
): DesiredIssue {
  const neutralise = policy.neutraliseMentions;
  // With sub-issues every task is an issue, yet the block still counts (and `both` lists) the whole subtree.
  const nested = policy.tasks === 'top-level' || layout.hierarchy !== 'checklist';
  const lines: string[] = [];
  const descendants: TaskRecord[] = [];
  collectChecklist(task, children, nested, 0, new Set([task.id]), lines, descendants, neutralise);
  const counted = descendants.filter((child) => child.status !== 'cancelled');
  const progress = counted.length
    ? { done: counted.filter((child) => child.status === 'completed').length, total: counted.length }
    : null;
  const shown = lines.slice(0, CHECKLIST_LIMIT);
  if (lines.length > shown.length) shown.push(`- … and ${lines.length - shown.length} more subtasks`);
  const facts: [string, string | null][] = [
    ['Status', displayStatus(task.status)],
    ['Priority', task.priority],
    ['Complexity', task.complexity],
    ['Specialist', task.specialist],
    ['Estimate', task.estimatedEffort],
  ];
  const assignee = task.assignee ? (policy.assigneeMap[task.assignee] ?? task.assignee) : null;
  const type = taskIssueType(task);
  const typeLabel = dimensionLabel(policy, 'type', type.toLowerCase());
  return {
    itemKey: itemKey('task', task.id),
    kind: 'task',
    sourceId: task.id,
    featureId: task.featureId,
    status: task.status,
    title: safeTitle(task.title, `Task ${task.id}`),
    block: {
      head: blockHead(factsTable(facts, neutralise), progressLine(progress, 'subtasks'), '#### Description'),
      description: markdownText(task.description, neutralise).trim() || '_No description._',
      tail: [
        '',
        ...(shown.length && layout.hierarchy !== 'sub-issues' ? ['#### Subtasks', ...shown, ''] : []),
        ...subIssueList(children.get(task.id) ?? [], layout, neutralise),
        ...dependencyLine(task, layout, neutralise),
        `<sub>Orchestrator task \`${codeText(task.id)}\`${task.featureId ? ` · feature \`${codeText(task.featureId)}\`` : ''}</sub>`,
      ].join('\n'),
    },
    labels: compactLabels([
      ...defaultLabels(policy),
      typeLabel,
      dimensionLabel(policy, 'status', task.status),
      dimensionLabel(policy, 'priority', task.priority),
      dimensionLabel(policy, 'specialist', task.specialist),
    ]),
    assignees: assignee && /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/.test(assignee) ? [assignee] : [],
    milestone: milestoneFor(task.featureId, milestones),
    ...issueStateFor(task.status),
    progress,
    createdAt: task.createdAt,
    priority: task.priority,
    attributes: {},
    ...(policy.timeTracking ? { time: deriveTaskTime(task) } : {}),
    issueType: { name: type, label: typeLabel?.name ?? null },
  };
}

/**
 * The direct subtasks, in the orchestrator's order, that GitHub shows as sub-issues: the list makes a change of
 * children or order change the parent's block, which is what tells the next run to look at its sub-issues.
 */
function subIssueList(children: TaskRecord[], layout: TreeLayout, neutralise: boolean): string[] {
  if (layout.hierarchy === 'checklist' || children.length === 0) return [];
  const lines = children
    .slice(0, CHECKLIST_LIMIT)
    .map(
      (child, index) =>
        `${index + 1}. ${truncate(inlineText(child.title, neutralise) || inlineText(child.id, neutralise), 200)} · ${displayStatus(child.status).toLowerCase()}`,
    );
  if (children.length > CHECKLIST_LIMIT) lines.push(`- … and ${children.length - CHECKLIST_LIMIT} more`);
  return ['#### Sub-issues', ...lines, ''];
}

/** The task's prerequisites by title (GitHub and GitLab also link them as blocked-by). */
function dependencyLine(task: TaskRecord, layout: TreeLayout, neutralise: boolean): string[] {
  if (!layout.dependencyLine || task.dependencies.length === 0) return [];
  const names = [...new Set(task.dependencies)]
    .filter((id) => id !== task.id)
    .map((id) =>
      truncate(inlineText(layout.titles.get(id) ?? id, neutralise) || inlineText(id, neutralise), 120),
    );
  if (names.length === 0) return [];
  const note = layout.dependencyNote
    ? ' _(this platform has no issue dependencies of its own: the list is kept here only)_'
    : '';
  return [`**Depends on:** ${names.join(' · ')}${note}`, ''];
}

function collectChecklist(
  task: TaskRecord,
  children: Map<string, TaskRecord[]>,
  nested: boolean,
  depth: number,
  seen: Set<string>,
  lines: string[],
  descendants: TaskRecord[],
  neutralise: boolean,
): void {
  for (const child of children.get(task.id) ?? []) {
    if (seen.has(child.id)) continue;
    seen.add(child.id);
    descendants.push(child);
    const completed = child.status === 'completed';
    // " · specialist · status", each part only when there is one (a subtask's line, built without arrays).
    let suffix = child.specialist ? ` · ${cellText(child.specialist, neutralise)}` : '';
    if (!completed) suffix += ` · ${cellText(lowerStatus(child.status), neutralise)}`;
    const title = truncate(cellText(child.title, neutralise) || cellText(child.id, neutralise), 200);
    lines.push(`${'  '.repeat(Math.min(depth, 10))}- [${completed ? 'x' : ' '}] ${title}${suffix}`);
    if (nested) collectChecklist(child, children, nested, depth + 1, seen, lines, descendants, neutralise);
  }
}

/**
 * inlineText, skipping its passes for text they would leave as it is: no control or table characters, no sigils a
 * mention or reference starts with, no comment brackets, no whitespace but single inner spaces. Most titles are so.
 */
const CELL_UNSAFE = /[\u0000-\u001f\u007f|@#!&<>]|GH-|[^\S ]| {2}|^ | $/;

export function cellText(text: string, neutralise: boolean): string {
  return CELL_UNSAFE.test(text) ? inlineText(text, neutralise) : text;
}

/** safeMarkdown, skipping its passes for text they would leave as it is (no control character but tab and newline, no CR, no sigil, no comment bracket). */
const MARKDOWN_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\r@#!&]|<!--|-->|GH-/;

export function markdownText(text: string, neutralise: boolean): string {
  return MARKDOWN_UNSAFE.test(text) ? safeMarkdown(text, neutralise) : text;
}

const lowerStatuses = new Map<ItemStatus, string>();

/** A status as a checklist line shows it ("in progress"); the same few values on every line. */
function lowerStatus(status: ItemStatus): string {
  let text = lowerStatuses.get(status);
  if (text === undefined) {
    text = displayStatus(status).toLowerCase();
    lowerStatuses.set(status, text);
  }
  return text;
}

function blockHead(...sections: string[]): string {
  const notice =
    '> [!NOTE]\n> Kept in step with the orchestrator by orchestrator-git: this block is rewritten on every sync. Write below it.';
  return `${[notice, ...sections.filter((section) => section !== '')].join('\n\n')}\n\n`;
}

function factsTable(facts: [string, string | null][], neutralise: boolean): string {
  const shown = facts.filter((fact): fact is [string, string] => Boolean(fact[1]));
  return [
    `| ${shown.map(([name]) => name).join(' | ')} |`,
    `|${shown.map(() => '---').join('|')}|`,
    `| ${shown.map(([, value]) => truncate(cellText(value.replace(/_/g, ' '), neutralise), 200)).join(' | ')} |`,
  ].join('\n');
}

function progressLine(progress: { done: number; total: number } | null, noun: string): string {
  if (!progress) return '';
  const percent = Math.round((progress.done / progress.total) * 100);
  return `**Progress:** ${progress.done} of ${progress.total} ${noun} completed (${percent}%)`;
}

/** Text inside an inline code span: backticks and newlines would end it, and a comment could end the block. */
function codeText(text: string): string {
  return escapeComments(truncate(text.replace(/[`\r\n]/g, ' '), 300));
}

function compactLabels(labels: (DesiredLabel | null)[]): DesiredLabel[] {
  const seen = new Set<string>();
  const out: DesiredLabel[] = [];
  for (const label of labels) {
    if (!label || seen.has(label.name)) continue;
    seen.add(label.name);
    out.push(label);
  }
  return out;
}

function milestoneFor(featureId: string | null, milestones: ReleaseMilestone[]): DesiredMilestone | null {
  if (!featureId) return null;
  const candidates = milestones
    .filter((milestone) => milestone.status !== 'cancelled' && milestone.includedFeatures.includes(featureId))
    .sort((a, b) => (a.targetDate ?? '9999').localeCompare(b.targetDate ?? '9999') || a.id - b.id);
  const chosen = candidates[0];
  if (!chosen) return null;
  return {
    title: safeTitle(chosen.name, `Milestone ${chosen.id}`),
    dueOn: chosen.targetDate ? chosen.targetDate.slice(0, 10) : null,
    state: chosen.status === 'completed' ? 'closed' : 'open',
  };
}

/** The managed block, with the description shortened (and a note) so the block fits `budget` characters. */
export function assembleBlock(parts: BlockParts, budget: number): string {
  const full = `${parts.head}${parts.description}\n${parts.tail}`;
  if (full.length <= budget && parts.description.length <= DESCRIPTION_LIMIT) return full;
  const note = '\n\n_… shortened to fit the platform limit; the full text is in the orchestrator._';
  // Checklists are long only in extreme plans: they give way first down to what leaves the description room.
  const tailRoom = budget - parts.head.length - note.length - 1 - 2_000;
  const tail = parts.tail.length > tailRoom ? shortenLines(parts.tail, Math.max(0, tailRoom)) : parts.tail;
  const room = Math.min(DESCRIPTION_LIMIT, budget - parts.head.length - tail.length - note.length - 1);
  const description = room > 0 ? `${cutAtBoundary(parts.description, room)}${note}` : note.trim();
  return `${parts.head}${description}\n${tail}`;
}

/** Whole lines from the start of `text` that fit `limit` with a closing note. */
function shortenLines(text: string, limit: number): string {
  const note = '_… list shortened to fit the platform limit._';
  const kept: string[] = [];
  let length = note.length;
  for (const line of text.split('\n')) {
    if (length + line.length + 1 > limit) break;
    kept.push(line);
    length += line.length + 1;
  }
  return [...kept, note].join('\n');
}

function cutAtBoundary(text: string, limit: number): string {
  let cut = Math.min(limit, text.length);
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return text.slice(0, cut);
}
