/**
 * After the issues are applied, brings sub-issues and blocked-by relations in step with the orchestrator's tree,
 * reading a parent's (or a dependent's) relations only when they may have changed.
 *
 * Economy: GitHub's issue objects carry `parent_issue_url`, `sub_issues_summary.total` and
 * `issue_dependencies_summary.total_blocked_by`, so the issue list the run already read says, for every issue, who
 * its parent is and how many relations it has. A parent's sub-issues are read only when the run wrote the parent
 * (its block lists its children in order, so any change of children or order rewrites it) or the listing disagrees
 * with the orchestrator (a child under another parent, a child no longer wanted, a count that does not add up); a
 * parent with no sub-issues yet is never read, its children are simply attached. The same for blocked-by with its
 * count. Where the listing has no counts (GitLab, whose relations are blocked-by links only), an issue's blockers are
 * read only when the run rewrote it, and never when it created it. A converged run therefore makes no relation request
 * at all. A platform that refuses blocked-by (GitLab Free) is asked once per run: the "Depends on" line stays.
 */
import type { ActualIssue } from '../core/actual.js';
import type { DesiredState } from '../core/desired.js';
import {
  deriveRelations,
  describeRelation,
  planBlockedBy,
  planSubIssues,
  type RelatedIssue,
  type RelationOperation,
} from '../core/hierarchy.js';
import { readMarker } from '../core/markers.js';
import { isFatal, OrchestratorGitError } from '../errors.js';
import type { IssueRelations, IssueTracker } from '../platforms/types.js';
import type { OrchestratorState } from '../state/types.js';
import { logText, type Logger } from './logger.js';

export interface RelationResult {
  operation: RelationOperation;
  /** `skipped`: the platform refuses this kind of relation (GitLab Free and blocked-by); the block keeps it instead. */
  status: 'done' | 'failed' | 'skipped';
  error: string | null;
}

export interface RelationOutcome {
  results: RelationResult[];
  /** Relation lists read (sub-issues, blocked-by) and issues read for their id. */
  reads: number;
  /** Trees over the platform's limits, relations left to humans: what the run did instead. */
  notes: { itemKey: string | null; message: string }[];
  failed: number;
  stoppedBy: OrchestratorGitError | null;
  /** Why the platform refused blocked-by links (NOT_SUPPORTED), if it did: no further ones are asked for this run. */
  blockedByRefused: string | null;
}

export interface RelationInput {
  tracker: IssueTracker;
  state: OrchestratorState;
  desired: DesiredState;
  /** Every issue the run knows, as read or as its own writes returned them (later entries win). */
  known: ActualIssue[];
  /** Every managed item's issue number after the run. */
  links: Map<string, number>;
  /** Items whose issue the run created or updated: their relations may have changed. */
  written: Set<string>;
  /** Items whose issue the run created: they have no relations yet (where the platform's answer does not say). */
  created?: Set<string>;
  /** The read listed every issue (a full reconcile): counts of children can be checked against the listing. */
  full: boolean;
  log: Logger;
}

export async function syncRelations(input: RelationInput): Promise<RelationOutcome> {
  const adapter = input.tracker.relations;
  const outcome: RelationOutcome = {
    results: [],
    reads: 0,
    notes: [],
    failed: 0,
    stoppedBy: null,
    blockedByRefused: null,
  };
  if (!adapter) return outcome;
  const relations = deriveRelations(input.state, input.desired);
  for (const note of relations.notes) outcome.notes.push(note);

  const byNumber = new Map<number, ActualIssue>();
  for (const issue of input.known) byNumber.set(issue.number, issue);
  const itemOf = new Map<number, string>();
  for (const [itemKey, number] of input.links) itemOf.set(number, itemKey);
  const managed = (number: number): boolean => itemOf.has(number);

  const issueOf = async (itemKey: string): Promise<ActualIssue | null> => {
    const number = input.links.get(itemKey);
    if (number === undefined) return null;
    const known = byNumber.get(number);
    if (known) return known;
    outcome.reads += 1;
    const fetched = await input.tracker.getIssue(number);
    if (fetched) byNumber.set(number, fetched);
    return fetched;
  };
  const related = (issue: ActualIssue): RelatedIssue | null => {
    const id = adapter.relationId(issue);
    return id === undefined
      ? null
      : {
          number: issue.number,
          id,
          itemKey: itemOf.get(issue.number) ?? markerKey(issue),
          parentNumber: issue.relations?.parentNumber ?? null,
        };
  };
  const listedChildren = new Map<number, number[]>();
  for (const issue of byNumber.values()) {
    const parent = issue.relations?.parentNumber;
    if (parent === null || parent === undefined) continue;
    listedChildren.set(parent, [...(listedChildren.get(parent) ?? []), issue.number]);
  }

  // Without native sub-issues (GitLab) the tree stays the checklist in each block: no parent is looked at.
  const subIssues = adapter.subIssues;
  const parents = new Set(subIssues ? relations.children.keys() : []);
  for (const issue of subIssues ? byNumber.values() : []) {
    const itemKey = itemOf.get(issue.number);
    if (itemKey && (issue.relations?.subIssues ?? 0) > 0) parents.add(itemKey);
  }
  for (const parentKey of [...parents].sort()) {
    if (outcome.stoppedBy) break;
    await guarded(outcome, parentKey, async () => {
      const dirty = input.written.has(parentKey);
      const number = input.links.get(parentKey);
      if (number === undefined) return;
      const parentIssue = dirty ? await issueOf(parentKey) : (byNumber.get(number) ?? null);
      if (!parentIssue) return;
      const parent = related(parentIssue);
      if (!parent) return;
      const wanted = relations.children.get(parentKey) ?? [];
      const summary = parentIssue.relations;
      const mismatch =
        summary === undefined ||
        wanted.some((child) => {
          const childNumber = input.links.get(child);
          const childIssue = childNumber === undefined ? undefined : byNumber.get(childNumber);
          return childIssue !== undefined && childIssue.relations?.parentNumber !== number;
        }) ||
        (listedChildren.get(number) ?? []).some((childNumber) => {
          const child = itemOf.get(childNumber);
          return child !== undefined && relations.parentOf.get(child) !== parentKey;
        }) ||
        (input.full && (listedChildren.get(number) ?? []).length !== summary.subIssues);
      if (!dirty && !mismatch) return;

      const desiredChildren: RelatedIssue[] = [];
      for (const child of wanted) {
        const childIssue = await issueOf(child);
        const entry = childIssue ? related(childIssue) : null;
        if (entry) desiredChildren.push(entry);
      }
      let current: RelatedIssue[] = [];
      if (summary === undefined || summary.subIssues > 0) {
        outcome.reads += 1;
        current = (await (subIssues?.listSubIssues(number) ?? Promise.resolve([])))
          .map((issue) => related(issue))
          .filter((entry): entry is RelatedIssue => entry !== null);
      }
      const planned = planSubIssues(
        parent,
        desiredChildren,
        current,
        (itemKey) => relations.parentOf.has(itemKey) && relations.parentOf.get(itemKey) !== parentKey,
        managed,
      );
      for (const message of planned.notes) outcome.notes.push({ itemKey: parentKey, message });
      for (const operation of planned.operations) {
        if (outcome.stoppedBy) break;
        await apply(adapter, operation, outcome, input.log);
        if (operation.kind === 'addSubIssue' || operation.kind === 'removeSubIssue') {
          const child = byNumber.get(operation.child.number);
          if (child?.relations) {
            child.relations = {
              ...child.relations,
              parentNumber: operation.kind === 'addSubIssue' ? number : null,
            };
          }
        }
      }
    });
  }

  const dependents = new Set(relations.blockedBy.keys());
  for (const issue of byNumber.values()) {
    const itemKey = itemOf.get(issue.number);
    if (itemKey && (issue.relations?.blockedBy ?? 0) > 0) dependents.add(itemKey);
  }
  // Where the listing does not count blockers (GitLab), an issue the run rewrote may have lost a dependency: its block
  // names its prerequisites, so a removed one rewrites it.
  for (const itemKey of input.written) {
    const number = input.links.get(itemKey);
    const issue = number === undefined ? undefined : byNumber.get(number);
    if (issue && issue.relations === undefined) dependents.add(itemKey);
  }
  for (const itemKey of [...dependents].sort()) {
    if (outcome.stoppedBy || outcome.blockedByRefused) break;
    await guarded(outcome, itemKey, async () => {
      const dirty = input.written.has(itemKey);
      const number = input.links.get(itemKey);
      if (number === undefined) return;
      const dependentIssue = dirty ? await issueOf(itemKey) : (byNumber.get(number) ?? null);
      if (!dependentIssue) return;
      const dependent = related(dependentIssue);
      if (!dependent) return;
      const wanted = relations.blockedBy.get(itemKey) ?? [];
      const count = dependentIssue.relations?.blockedBy ?? (input.created?.has(itemKey) ? 0 : undefined);
      // No count (GitLab): an issue the run did not rewrite has the prerequisites its block names, already linked.
      if (!dirty && (count === undefined || count === wanted.length)) return;
      const blockers: RelatedIssue[] = [];
      for (const blocker of wanted) {
        const blockerIssue = await issueOf(blocker);
        const entry = blockerIssue ? related(blockerIssue) : null;
        if (entry) blockers.push(entry);
      }
      let current: RelatedIssue[] = [];
      if (count === undefined || count > 0) {
        outcome.reads += 1;
        current = (await adapter.listBlockedBy(number))
          .map((issue) => related(issue))
          .filter((entry): entry is RelatedIssue => entry !== null);
      }
      for (const operation of planBlockedBy(dependent, blockers, current)) {
        if (outcome.stoppedBy || outcome.blockedByRefused) break;
        await apply(adapter, operation, outcome, input.log);
      }
    });
  }
  for (const note of outcome.notes) {
    input.log.warning(`${note.itemKey ? `${note.itemKey}: ` : ''}${logText(note.message, 400)}`);
  }
  return outcome;
}

function markerKey(issue: ActualIssue): string | null {
  const marker = readMarker(issue.body);
  return marker.kind === 'marker' ? marker.itemKey : null;
}

/** A failed read of one issue's relations fails that issue's relations, not the run (unless nothing can succeed). */
async function guarded(outcome: RelationOutcome, itemKey: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (caught) {
    const error = asCatalogueError(caught);
    outcome.failed += 1;
    outcome.notes.push({ itemKey, message: `relations not synced: ${error.message}` });
    if (isFatal(error)) outcome.stoppedBy = error;
  }
}

function asCatalogueError(caught: unknown): OrchestratorGitError {
  return caught instanceof OrchestratorGitError
    ? caught
    : new OrchestratorGitError(
        'PLATFORM_ERROR',
        caught instanceof Error ? caught.message : String(caught),
        'This is unexpected; the next run retries. If it persists, report it with the run log.',
        { cause: caught },
      );
}

async function apply(
  adapter: IssueRelations,
  operation: RelationOperation,
  outcome: RelationOutcome,
  log: Logger,
): Promise<void> {
  try {
    const subIssues = adapter.subIssues;
    if (!subIssues && (operation.kind === 'addSubIssue' || operation.kind === 'removeSubIssue')) return;
    switch (operation.kind) {
      case 'addSubIssue':
        await subIssues?.addSubIssue(operation.parent.number, operation.child.id, operation.replaceParent);
        break;
      case 'removeSubIssue':
        await subIssues?.removeSubIssue(operation.parent.number, operation.child.id);
        break;
      case 'reorderSubIssue':
        await subIssues?.reorderSubIssue(
          operation.parent.number,
          operation.child.id,
          operation.afterId !== null ? { afterId: operation.afterId } : { beforeId: operation.beforeId ?? 0 },
        );
        break;
      case 'addBlockedBy':
        await adapter.addBlockedBy(operation.issue.number, operation.blocker.id);
        break;
      case 'removeBlockedBy':
        await adapter.removeBlockedBy(operation.issue.number, operation.blocker.id);
        break;
    }
    outcome.results.push({ operation, status: 'done', error: null });
    log.info(`${describeRelation(operation)} (${operation.reason})`);
  } catch (caught) {
    const error = asCatalogueError(caught);
    if (error.code === 'NOT_SUPPORTED' && operation.kind === 'addBlockedBy') {
      // Not a failure of this run: the dependency stays on the "Depends on" line of the block, said once.
      outcome.results.push({ operation, status: 'skipped', error: error.message });
      outcome.blockedByRefused = error.message;
      outcome.notes.push({ itemKey: null, message: `${error.message} ${error.fix}` });
      return;
    }
    outcome.results.push({ operation, status: 'failed', error: error.message });
    outcome.failed += 1;
    log.error(`${describeRelation(operation)} failed: ${error.message}`);
    if (isFatal(error)) outcome.stoppedBy = error;
  }
}
