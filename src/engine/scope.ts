/**
 * Scoped runs: the CLI's item commands (create-issue, update-issue, sync-status, link-task) sync a few items and
 * read only their issues, leaving every other issue, and the record the next incremental read starts from, alone.
 */
import { emptyActualState, type ActualIssue } from '../core/actual.js';
import type { DesiredState } from '../core/desired.js';
import { readMarker } from '../core/markers.js';
import type { Plan } from '../core/plan.js';
import { OrchestratorGitError, quote } from '../errors.js';
import type { IssueTracker } from '../platforms/types.js';
import type { ActualRead } from './read-actual.js';
import type { SyncScope } from './sync.js';

/** The scope's items, in the order given; an item the state lacks, or the policy does not sync, is an error. */
export function scopeDesired(desired: DesiredState, scope: SyncScope): DesiredState {
  if (scope.itemKeys === null) return desired;
  const byKey = new Map(desired.issues.map((item) => [item.itemKey, item]));
  const excluded = new Map(desired.excluded.map((item) => [item.itemKey, item.reason]));
  const issues = scope.itemKeys.map((given) => {
    // A bare id names the task or the feature with that id, whichever is synced.
    const key = /^(task|feature):/.test(given)
      ? given
      : ([`task:${given}`, `feature:${given}`].find((candidate) => byKey.has(candidate)) ?? `task:${given}`);
    const item = byKey.get(key);
    if (item) return item;
    const reason = excluded.get(key);
    if (reason) {
      throw new OrchestratorGitError(
        'CONFIG_INVALID',
        `${quote(key)} is not synced: ${reason}.`,
        'Change feature-statuses or tasks so that the item is synced, or name another item.',
      );
    }
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `There is no synced item ${quote(key)} in the orchestrator state.`,
      'Name an item as task:<task id> or feature:<feature id>; `orchestrator-git plan --json` lists every synced item (subtasks are a checklist in their parent unless tasks is all).',
    );
  });
  return { issues, excluded: [] };
}

/**
 * Reads the scope's linked issues one by one; a full list only when an item may need creating (its marker could be
 * on an issue the links do not know) or an issue is adopted (its marker must be nowhere else).
 */
export async function readScoped(
  tracker: IssueTracker,
  desired: DesiredState,
  links: Map<string, number>,
  scope: SyncScope,
): Promise<ActualRead> {
  const keys = new Set(desired.issues.map((item) => item.itemKey));
  const numbers = new Set<number>();
  for (const item of desired.issues) {
    const number = links.get(item.itemKey);
    if (number !== undefined) numbers.add(number);
  }
  const unlinked = desired.issues.some((item) => !links.has(item.itemKey));
  let issues: ActualIssue[] | null = null;
  // Ten or more single reads cost more than listing every issue a hundred at a time, for most repositories.
  if (scope.adopt || (scope.createIssues && unlinked) || numbers.size >= 10) {
    issues = await tracker.listIssues();
  } else {
    const found: ActualIssue[] = [];
    for (const number of numbers) {
      const issue = await tracker.getIssue(number);
      if (issue) found.push(issue);
    }
    // A linked issue is gone: before creating another, look for the item's marker on every issue.
    issues = scope.createIssues && found.length < numbers.size ? await tracker.listIssues() : found;
  }
  const relevant = issues.filter((issue) => {
    if (scope.itemKeys === null || numbers.has(issue.number)) return true;
    const marker = readMarker(issue.body);
    return marker.kind === 'marker' && keys.has(marker.itemKey);
  });
  if (scope.adopt) checkAdoption(scope.adopt, relevant, tracker.repository);
  return {
    mode: 'scoped',
    reason: `${desired.issues.length} item${desired.issues.length === 1 ? '' : 's'} named`,
    actual: emptyActualState(relevant),
    candidates: desired,
    unchanged: [],
  };
}

function checkAdoption(
  adopt: { itemKey: string; number: number },
  issues: ActualIssue[],
  repository: string,
): void {
  const target = issues.find((issue) => issue.number === adopt.number);
  if (!target) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `Issue #${adopt.number} does not exist in ${repository}.`,
      'Name an existing issue of the repository (pull requests are not issues).',
    );
  }
  const marker = readMarker(target.body);
  if (marker.kind === 'marker' && marker.itemKey !== adopt.itemKey) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `Issue #${adopt.number} is already the issue of ${quote(marker.itemKey)}.`,
      'Link another issue, or remove the orchestrator-git block from that issue first.',
    );
  }
  const elsewhere = issues.find((issue) => {
    if (issue.number === adopt.number) return false;
    const other = readMarker(issue.body);
    return other.kind === 'marker' && other.itemKey === adopt.itemKey;
  });
  if (elsewhere) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `${quote(adopt.itemKey)} already has issue #${elsewhere.number}.`,
      `Remove the orchestrator-git block from #${elsewhere.number} (or close it as a duplicate and remove the block) before linking #${adopt.number}.`,
    );
  }
}

/** Keeps the plan inside the scope: no other item's issue is touched, and creation only when asked for. */
export function limitToScope(plan: Plan, scope: SyncScope, desired: DesiredState): void {
  const keys = new Set(desired.issues.map((item) => item.itemKey));
  if (scope.itemKeys !== null) plan.orphans = [];
  plan.operations = plan.operations.filter((operation) => {
    if (operation.kind === 'createLabel' || operation.kind === 'createMilestone') return true;
    if (scope.itemKeys !== null && !keys.has(operation.itemKey)) return false;
    if (operation.kind === 'createIssue' && !scope.createIssues) {
      plan.skipped.push({
        itemKey: operation.itemKey,
        issueNumber: null,
        message: 'has no issue yet; `orchestrator-git create-issue` or `sync` creates it',
      });
      return false;
    }
    return true;
  });
  const labels = new Set<string>();
  const milestones = new Set<string>();
  for (const operation of plan.operations) {
    if (operation.kind === 'createIssue') {
      const { write } = operation;
      const lower = new Set(write.labels.map((name) => name.toLowerCase()));
      for (const name of scope.extraLabels ?? []) if (!lower.has(name.toLowerCase())) write.labels.push(name);
      for (const login of scope.extraAssignees ?? [])
        if (!write.assignees.some((name) => name.toLowerCase() === login.toLowerCase()))
          write.assignees.push(login);
      for (const name of write.labels) labels.add(name.toLowerCase());
      if (write.milestone) milestones.add(write.milestone);
    } else if (operation.kind === 'updateIssue') {
      for (const name of operation.patch.labels ?? []) labels.add(name.toLowerCase());
      if (operation.patch.milestone) milestones.add(operation.patch.milestone);
    }
  }
  // Labels and milestones only the dropped operations needed are not created.
  plan.operations = plan.operations.filter(
    (operation) =>
      (operation.kind !== 'createLabel' || labels.has(operation.label.name.toLowerCase())) &&
      (operation.kind !== 'createMilestone' || milestones.has(operation.milestone.title)),
  );
}
