/** Runs one issue sync: read actual, plan, apply through the adapter with a journal, and write links back. */
import type { ActualIssue, ActualState } from '../core/actual.js';
import { deriveDesiredState } from '../core/desired.js';
import { fitToPlatform } from '../core/platform-fit.js';
import { readMarker } from '../core/markers.js';
import { planSync, type IssueOperation, type Operation, type Plan, type PlanContext } from '../core/plan.js';
import type { SyncPolicy } from '../core/policy.js';
import { isFatal, OrchestratorGitError } from '../errors.js';

import type { IssueTracker, RequestStats, ResolvedIssuePatch } from '../platforms/types.js';
import type { JournalEntry, StateStore } from '../state/store.js';
import { linkItemKey } from '../state/types.js';
import { LinkRecorder } from './links.js';
import { readActual, type ReconcileMode } from './read-actual.js';
import { CreateGuard, linkTo, resolveDuplicates } from './concurrent-runs.js';
import { limitToScope, readScoped, scopeDesired } from './scope.js';
import { assignTeams } from './team.js';
import { logText, type Logger } from './logger.js';
import { syncRelations, type RelationOutcome } from './relations.js';

export type OperationStatus = 'done' | 'failed' | 'skipped';

export interface OperationResult {
  operation: Operation;
  status: OperationStatus;
  /** The issue's number and URL after the operation, where it has one. */
  issue: { number: number; url: string } | null;
  error: string | null;
}

export interface SyncCounts {
  created: number;
  updated: number;
  closed: number;
  reopened: number;
  unchanged: number;
  failed: number;
  skipped: number;
  conflicts: number;
  orphans: number;
}

export interface SyncOutcome {
  runId: string;
  dryRun: boolean;
  repository: string;
  plan: Plan;
  results: OperationResult[];
  counts: SyncCounts;
  /** Every managed item's issue after the run. */
  links: { itemKey: string; number: number; url: string }[];
  stats: RequestStats;
  /** The error that stopped the run before its plan was applied, if any. */
  stoppedBy: OrchestratorGitError | null;
  /** Sub-issues and blocked-by written after the issues (`hierarchy` other than checklist, on GitHub). */
  relations?: RelationOutcome;
  /** Whether the state file was written. */
  stateSaved: boolean;
  /** Every item the policy syncs, with its orchestrator status (for the progress chart and the item table). */
  items: { itemKey: string; title: string; status: string }[];
}

export interface SyncOptions {
  store: StateStore;
  tracker: IssueTracker;
  policy: SyncPolicy;
  dryRun: boolean;
  runId: string;
  log: Logger;
  now?: () => Date;
  /** Save the state at least this often during a long apply, so a killed run loses little. */
  checkpointMs?: number;
  /** `incremental` reads only issues updated since the last recorded run (falling back to full when unsafe). */
  reconcile?: ReconcileMode;
  /** Sync only some items (the CLI's create-issue, update-issue, sync-status, link-task); the rest is not touched. */
  scope?: SyncScope;
  /** Told after each operation is applied (or fails): for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

export interface SyncScope {
  /**
   * Item keys (`task:<id>`, `feature:<id>`, or a bare id of either) to sync; every other issue is neither read for
   * changes nor written. null: every synced item.
   */
  itemKeys: string[] | null;
  /** false: items without an issue are reported, not created. */
  createIssues: boolean;
  /** Labels and assignees added to the issues this run creates; not owned, so later syncs keep them. */
  extraLabels?: string[];
  extraAssignees?: string[];
  /** Link this item to this existing issue (which gets the managed block) instead of creating one. */
  adopt?: { itemKey: string; number: number };
}

export async function runIssueSync(options: SyncOptions): Promise<SyncOutcome> {
  const { store, tracker, policy, log } = options;
  const now = options.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const repository = tracker.repository;

  const previous = store.lastRun(tracker.platform, repository);
  if (previous && !previous.finishedAt) {
    log.info(`The previous run (${previous.runId}) did not finish; this run completes its work.`);
  }

  const derived = deriveDesiredState(store.state, policy, {
    nativeRelations: (tracker.relations?.subIssues ?? null) !== null,
    nativeDependencies: tracker.relations !== undefined,
  });
  // One read of the repository's issue types, only when types are wanted and there is an issue to type.
  const issueTypes =
    policy.issueTypes === 'auto' && tracker.issueTypes && derived.issues.length > 0
      ? await tracker.issueTypes()
      : null;
  const fitted = fitToPlatform(derived, tracker.capabilities, { issueTypes });
  const { scope } = options;
  const desired = scope ? scopeDesired(fitted.desired, scope) : fitted.desired;
  const context = planContext(store, tracker, policy);
  if (scope?.adopt) context.links.set(scope.adopt.itemKey, scope.adopt.number);
  const readStarted = Date.now();
  const read = scope
    ? await readScoped(tracker, desired, context.links, scope)
    : await readActual(tracker, store, desired, options.reconcile ?? 'full', policy.createCompleted);
  log.info(`Read: ${read.mode} (${read.reason}); ${read.actual.issues.length} issues read.`);
  const { actual } = read;
  // The run is recorded by the platform's clock at the start of the read (the latest Date header, less the time
  // the read took), which is what the next incremental read's `since` is compared against.
  const serverTime = tracker.serverTime();
  const readAt = serverTime
    ? new Date(Date.parse(serverTime) - (Date.now() - readStarted)).toISOString()
    : startedAt;
  const plan = await planWithLookups(read.candidates, actual, context, tracker);
  if (scope) limitToScope(plan, scope, desired);
  await assignTeams(plan, store.state.tasks, policy.team, actual, tracker, log);
  plan.unchanged.push(...read.unchanged);
  for (const note of fitted.notes) plan.warnings.push({ ...note, issueNumber: null });
  for (const note of [...plan.warnings, ...plan.conflicts]) {
    const where = [note.itemKey, note.issueNumber !== null ? `#${note.issueNumber}` : null]
      .filter(Boolean)
      .join(' ');
    log.warning(`${where ? `${where}: ` : ''}${logText(note.message, 400)}`);
  }

  const outcome: SyncOutcome = {
    runId: options.runId,
    dryRun: options.dryRun,
    repository,
    plan,
    results: [],
    counts: emptyCounts(plan),
    links: [],
    stats: tracker.stats(),
    stoppedBy: null,
    stateSaved: false,
    items: desired.issues.map(({ itemKey, title, status }) => ({
      itemKey,
      title,
      status: status.replace(/_/g, ' '),
    })),
  };
  if (options.dryRun) {
    outcome.links = plan.unchanged.map(({ itemKey, number, url }) => ({ itemKey, number, url }));
    return outcome;
  }

  const links = new LinkRecorder(store, tracker, desired.issues, now);
  for (const link of plan.unchanged) links.record(link, false);

  const milestoneNumbers = new Map<string, number>();
  for (const issue of actual.issues)
    if (issue.milestone) milestoneNumbers.set(issue.milestone.title, issue.milestone.number);
  for (const milestone of actual.milestones ?? []) milestoneNumbers.set(milestone.title, milestone.number);

  const journal: JournalEntry[] = [];
  /** Issue number → its updated_at after this run's last write to it. */
  const written = new Map<number, string>();
  let seq = 0;
  let lastCheckpoint = Date.now();
  const guard = new CreateGuard(
    tracker,
    readAt,
    actual.issues.reduce((highest, issue) => Math.max(highest, issue.number), 0),
  );
  /** Issue number → the item (and assignees) of each issue this run created. */
  const created = new Map<number, { itemKey: string; ownedAssignees: string[] }>();
  const checkpointMs = options.checkpointMs ?? 15_000;
  /** The issues as this run's writes returned them (for the relations step). */
  const returned: ActualIssue[] = [];

  for (const operation of plan.operations) {
    if (outcome.stoppedBy) {
      outcome.results.push({
        operation,
        status: 'skipped',
        issue: null,
        error: 'run stopped before this operation',
      });
      continue;
    }
    const itemKey = 'itemKey' in operation ? operation.itemKey : `${operation.kind}:${nameOf(operation)}`;
    const entry: JournalEntry = {
      runId: options.runId,
      seq: (seq += 1),
      itemKey,
      operation: operation.kind === 'updateIssue' ? operation.change : operation.kind,
      status: 'planned',
      issueNumber: operation.kind === 'updateIssue' ? operation.number : null,
      detail: operation.reason,
      at: now().toISOString(),
    };
    journal.push(entry);
    try {
      // Another run may have created this item's issue since this run read the platform.
      const adopted = operation.kind === 'createIssue' ? await guard.existing(operation.itemKey) : null;
      if (operation.kind === 'createIssue' && adopted) {
        links.record(linkTo(adopted, operation.itemKey, operation.ownedAssignees), false);
        entry.status = 'skipped';
        entry.issueNumber = adopted.number;
        const why = `created meanwhile by another run as #${adopted.number}; linked, not created again`;
        outcome.results.push({
          operation,
          status: 'skipped',
          issue: { number: adopted.number, url: adopted.url },
          error: why,
        });
        log.warning(`${operation.itemKey}: ${why}.`);
        options.onProgress?.(outcome.results.length, plan.operations.length);
        continue;
      }
      const issue = await applyOperation(operation, tracker, milestoneNumbers, now, log);
      if (issue) returned.push(issue);
      if (issue && operation.kind === 'createIssue') {
        guard.created(operation.itemKey, issue.number);
        created.set(issue.number, { itemKey: operation.itemKey, ownedAssignees: operation.ownedAssignees });
      }
      entry.status = 'done';
      entry.issueNumber = issue?.number ?? entry.issueNumber;
      outcome.results.push({
        operation,
        status: 'done',
        issue: issue ? { number: issue.number, url: issue.url } : null,
        error: null,
      });
      if (issue && isIssueOperation(operation)) {
        links.record({ ...operation, number: issue.number, url: issue.url, issueId: issue.id }, true);
        written.set(issue.number, issue.updatedAt);
      }
      log.info(describeResult(operation, issue));
    } catch (caught) {
      const error = caught instanceof OrchestratorGitError ? caught : wrapUnexpected(caught);
      entry.status = 'failed';
      entry.detail = `${error.code}: ${error.message}`;
      outcome.results.push({ operation, status: 'failed', issue: null, error: error.message });
      log.error(`${describeOperation(operation)} failed: ${error.message}`);
      if (operation.kind === 'updateIssue') links.markFailed(operation.itemKey);
      if (isFatal(error)) outcome.stoppedBy = error;
    }
    options.onProgress?.(outcome.results.length, plan.operations.length);
    if (!scope && Date.now() - lastCheckpoint >= checkpointMs) {
      store.appendJournal(journal.splice(0));
      store.recordRun({
        runId: options.runId,
        platform: tracker.platform,
        repository,
        startedAt: readAt,
        finishedAt: null,
        fullReconcile: read.mode === 'full',
        outcome: 'running',
        counts: null,
        seenUntil: null,
      });
      await store.save();
      lastCheckpoint = Date.now();
    }
  }

  tally(outcome);
  // A scoped run saw only its items: it must not tell the next incremental read that everything was seen.
  const verified = scope
    ? { seenUntil: null, changed: null }
    : await verifyOwnWrites(tracker, readAt, written, outcome, log);
  let { seenUntil } = verified;
  if (verified.changed && created.size > 0) {
    const resolved = await resolveDuplicates(tracker, verified.changed, created, links, log);
    for (const { itemKey, kept, closed } of resolved) {
      plan.warnings.push({
        itemKey,
        issueNumber: closed,
        message: `another run created #${kept} for this item at the same time; #${closed} was closed as a duplicate`,
      });
    }
    // Those writes came after the verification: the next run reads from this run's start.
    if (resolved.length > 0) seenUntil = null;
  }
  outcome.links = latestLinks(links.recorded);
  if (
    (policy.hierarchy ?? 'checklist') !== 'checklist' &&
    tracker.relations &&
    !scope &&
    !outcome.stoppedBy
  ) {
    outcome.relations = await syncRelations({
      tracker,
      state: store.state,
      desired,
      known: [...actual.issues, ...returned],
      links: new Map(outcome.links.map((link) => [link.itemKey, link.number])),
      written: new Set(
        outcome.results
          .filter((result) => result.status === 'done' && isIssueOperation(result.operation))
          .map((result) => (result.operation as IssueOperation).itemKey),
      ),
      created: new Set([...created.values()].map((entry) => entry.itemKey)),
      full: read.mode === 'full',
      log,
    });
    outcome.counts.failed += outcome.relations.failed;
    if (outcome.relations.stoppedBy) outcome.stoppedBy = outcome.relations.stoppedBy;
  }
  outcome.stats = tracker.stats();
  if (scope) store.appendJournal(journal);
  else if (plan.operations.length > 0 || journal.length > 0) {
    store.appendJournal(journal);
    store.recordRun({
      runId: options.runId,
      platform: tracker.platform,
      repository,
      startedAt: readAt,
      finishedAt: now().toISOString(),
      fullReconcile: read.mode === 'full',
      outcome: outcome.stoppedBy
        ? `stopped: ${outcome.stoppedBy.code}`
        : outcome.counts.failed
          ? 'partial'
          : 'ok',
      counts: { ...outcome.counts },
      seenUntil,
    });
  }
  outcome.stateSaved = await store.save();
  return outcome;
}

function planContext(store: StateStore, tracker: IssueTracker, policy: SyncPolicy): PlanContext {
  const links = new Map<string, number>();
  for (const link of store.state.links) {
    if (link.platform !== tracker.platform || link.repository !== tracker.repository) continue;
    links.set(linkItemKey(link), link.issueNumber);
  }
  const ownedAssignees = new Map<string, string[]>();
  for (const [key, record] of store.syncedItems(tracker.platform, tracker.repository)) {
    if (!links.has(key)) links.set(key, record.issueNumber);
    ownedAssignees.set(key, record.ownedAssignees);
  }
  return { policy, links, ownedAssignees, createMilestones: tracker.capabilities.createMilestones };
}

async function planWithLookups(
  desired: ReturnType<typeof deriveDesiredState>,
  actual: ActualState,
  context: PlanContext,
  tracker: IssueTracker,
): Promise<Plan> {
  let plan = planSync(desired, actual, context);
  const { lookups } = plan;
  if (!lookups.labels && !lookups.milestones && lookups.assignees.length === 0) return plan;
  if (lookups.labels) actual.labels = await tracker.listLabels();
  if (lookups.milestones) actual.milestones = await tracker.listMilestones();
  for (const login of lookups.assignees) actual.assignable.set(login, await tracker.isAssignable(login));
  plan = planSync(desired, actual, context);
  return plan;
}

/**
 * After a run that wrote issues, one read of what changed since it started tells whether anything but its own writes
 * happened meanwhile. If not, the next incremental read can start after those writes instead of re-reading them;
 * otherwise (or if the read fails) it starts where this run's read did. Returns the platform time to start from.
 */
async function verifyOwnWrites(
  tracker: IssueTracker,
  readAt: string,
  written: Map<number, string>,
  outcome: SyncOutcome,
  log: Logger,
): Promise<{ seenUntil: string | null; changed: ActualIssue[] | null }> {
  if (written.size === 0 || outcome.stoppedBy) return { seenUntil: null, changed: null };
  try {
    const changed = await tracker.listIssues({ updatedSince: readAt });
    const others = changed.filter((issue) => written.get(issue.number) !== issue.updatedAt);
    if (others.length > 0) {
      log.info(
        `${others.length} issues changed during the run besides its own writes; the next run reads them.`,
      );
      return { seenUntil: null, changed };
    }
    const latest = Math.max(Date.parse(readAt), ...changed.map((issue) => Date.parse(issue.updatedAt)));
    return { seenUntil: new Date(latest).toISOString(), changed };
  } catch (error) {
    log.warning(
      `Could not check for changes made during the run (${error instanceof Error ? error.message : String(error)}); the next run reads them.`,
    );
    return { seenUntil: null, changed: null };
  }
}

/** The last recorded link of each item (an item linked twice in a run, e.g. to the kept copy of a duplicate). */
function latestLinks(
  recorded: { itemKey: string; number: number; url: string }[],
): { itemKey: string; number: number; url: string }[] {
  const byKey = new Map<string, { itemKey: string; number: number; url: string }>();
  for (const link of recorded) {
    byKey.delete(link.itemKey);
    byKey.set(link.itemKey, link);
  }
  return [...byKey.values()];
}

function isIssueOperation(operation: Operation): operation is IssueOperation {
  return operation.kind === 'createIssue' || operation.kind === 'updateIssue';
}

async function applyOperation(
  operation: Operation,
  tracker: IssueTracker,
  milestoneNumbers: Map<string, number>,
  now: () => Date,
  log: Logger,
): Promise<ActualIssue | null> {
  const milestone = (title: string | null | undefined): number | null | undefined => {
    if (title === undefined) return undefined;
    if (title === null) return null;
    const number = milestoneNumbers.get(title);
    if (number === undefined) {
      throw new OrchestratorGitError(
        'PLATFORM_ERROR',
        `Milestone ${logText(title)} could not be found or created.`,
        'Create the milestone by hand, or check the token may write issues and milestones.',
      );
    }
    return number;
  };
  switch (operation.kind) {
    case 'createLabel':
      await tracker.createLabel(operation.label);
      return null;
    case 'createMilestone': {
      const created = await tracker.createMilestone(operation.milestone);
      milestoneNumbers.set(created.title, created.number);
      return null;
    }
    case 'createIssue': {
      // Ten minutes of margin for clock skew between the runner and the platform.
      const since = new Date(now().getTime() - 600_000).toISOString();
      let issue: ActualIssue;
      try {
        issue = await tracker.createIssue({
          ...operation.write,
          milestone: milestone(operation.write.milestone) ?? null,
        });
      } catch (error) {
        // After an ambiguous failure the issue may exist: look for its marker before anyone creates it again.
        if (!isAmbiguous(error)) throw error;
        const found = (await tracker.listIssues({ updatedSince: since })).find((candidate) => {
          const marker = readMarker(candidate.body);
          return marker.kind === 'marker' && marker.itemKey === operation.itemKey;
        });
        if (!found) throw error;
        log.info(
          `The create of ${operation.itemKey} failed ambiguously but the issue exists (#${found.number}); adopted.`,
        );
        issue = found;
      }
      // Platforms that take a workflow state on create (Bitbucket) already made it closed.
      if (operation.thenClose && issue.state !== 'closed') {
        issue = await tracker.updateIssue(issue.number, {
          state: 'closed',
          stateReason: operation.thenClose,
        });
      }
      return issue;
    }
    case 'updateIssue': {
      const patch: ResolvedIssuePatch = {
        ...operation.patch,
        milestone: milestone(operation.patch.milestone),
      };
      if (patch.milestone === undefined) delete patch.milestone;
      return tracker.updateIssue(operation.number, patch);
    }
  }
}

function isAmbiguous(error: unknown): boolean {
  if (!(error instanceof OrchestratorGitError)) return true;
  if (error.code !== 'PLATFORM_ERROR') return false;
  const cause = error.cause as { status?: unknown } | undefined;
  return typeof cause?.status !== 'number' || cause.status >= 500;
}

function wrapUnexpected(error: unknown): OrchestratorGitError {
  return new OrchestratorGitError(
    'PLATFORM_ERROR',
    error instanceof Error ? error.message : String(error),
    'This is unexpected; the next run retries. If it persists, report it with the run log.',
    { cause: error },
  );
}

function nameOf(operation: Extract<Operation, { kind: 'createLabel' | 'createMilestone' }>): string {
  return operation.kind === 'createLabel' ? operation.label.name : operation.milestone.title;
}

export function describeOperation(operation: Operation): string {
  switch (operation.kind) {
    case 'createLabel':
      return `Create label ${logText(operation.label.name)}`;
    case 'createMilestone':
      return `Create milestone ${logText(operation.milestone.title)}`;
    case 'createIssue':
      return `Create issue for ${operation.itemKey} ${logText(operation.title)}`;
    case 'updateIssue':
      return `${operation.change === 'updated' ? 'Update' : operation.change === 'closed' ? 'Close' : 'Reopen'} #${operation.number} (${operation.itemKey}): ${operation.fields.join(', ')}`;
  }
}

function describeResult(operation: Operation, issue: ActualIssue | null): string {
  const base = describeOperation(operation);
  return issue && operation.kind === 'createIssue' ? `${base} → #${issue.number}` : base;
}

function emptyCounts(plan: Plan): SyncCounts {
  return {
    created: 0,
    updated: 0,
    closed: 0,
    reopened: 0,
    unchanged: plan.unchanged.length,
    failed: 0,
    skipped: plan.skipped.length,
    conflicts: plan.conflicts.length,
    orphans: plan.orphans.length,
  };
}

function tally(outcome: SyncOutcome): void {
  for (const result of outcome.results) {
    const { operation } = result;
    if (result.status === 'failed') outcome.counts.failed += 1;
    if (result.status === 'skipped') outcome.counts.skipped += 1;
    if (result.status !== 'done') continue;
    if (operation.kind === 'createIssue') outcome.counts.created += 1;
    if (operation.kind === 'updateIssue') outcome.counts[operation.change] += 1;
  }
}
