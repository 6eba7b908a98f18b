/**
 * Reads what the platform holds, as cheaply as correctness allows: a full read lists every issue; an incremental
 * read lists only issues updated since the last recorded run and trusts the stored fingerprints for the rest.
 */
import { emptyActualState, type ActualIssue, type ActualState } from '../core/actual.js';
import type { DesiredIssue, DesiredState } from '../core/desired.js';
import { readMarker } from '../core/markers.js';
import { nominalFingerprint, type PlannedLink } from '../core/plan.js';
import type { IssueTracker } from '../platforms/types.js';
import type { StateStore } from '../state/store.js';
import { linkItemKey } from '../state/types.js';

export type ReconcileMode = 'full' | 'incremental';

export interface ActualRead {
  /** `scoped`: only the issues of the items a CLI command named (engine/scope.ts). */
  mode: ReconcileMode | 'scoped';
  /** Why this mode, for the log. */
  reason: string;
  actual: ActualState;
  /** The desired items the plan must look at (all of them after a full read). */
  candidates: DesiredState;
  /** Items whose issue is known to match without reading it. */
  unchanged: PlannedLink[];
}

/**
 * Runs are recorded with the platform's clock (the Date header of their first read), so the margin only covers
 * edits made while that read was paging, and the header's one-second resolution.
 */
const MARGIN_MS = 60 * 1000;

export async function readActual(
  tracker: IssueTracker,
  store: StateStore,
  desired: DesiredState,
  requested: ReconcileMode,
  createCompleted: boolean,
): Promise<ActualRead> {
  const full = async (reason: string): Promise<ActualRead> => ({
    mode: 'full',
    reason,
    actual: emptyActualState(await tracker.listIssues()),
    candidates: desired,
    unchanged: [],
  });
  if (requested === 'full') return full('full reconcile requested');

  const lastRun = store
    .syncRecords()
    .runs.filter(
      (run) =>
        run.platform === tracker.platform && run.repository === tracker.repository && run.finishedAt !== null,
    )
    .sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1))[0];
  if (!lastRun) return full('no earlier run is recorded in the state');
  const records = store.syncedItems(tracker.platform, tracker.repository);
  const urls = new Map(
    store.state.links
      .filter((link) => link.platform === tracker.platform && link.repository === tracker.repository)
      .map((link) => [linkItemKey(link), link.issueUrl]),
  );
  // An item without a record must be new since that run, or one that is never created (finished before its
  // first sync); otherwise its issue could exist unseen (records lost) and only a full read can find it.
  const unknown = desired.issues.find(
    (item) =>
      !records.has(item.itemKey) &&
      !(item.state === 'closed' && !createCompleted) &&
      !(item.createdAt !== null && Date.parse(item.createdAt) > Date.parse(lastRun.startedAt)),
  );
  if (unknown) return full(`${unknown.itemKey} has no record of its issue`);

  // After a verified run, everything up to its last write was seen (less one tick of the platform's timestamps:
  // GitHub's have one-second resolution); otherwise start where its read started, less the margin.
  const since = new Date(
    lastRun.seenUntil
      ? Date.parse(lastRun.seenUntil) - tracker.capabilities.timestampPrecisionMs
      : Date.parse(lastRun.startedAt) - MARGIN_MS,
  ).toISOString();
  const fetched = await tracker.listIssues({ updatedSince: since });
  const fetchedNumbers = new Set(fetched.map((issue) => issue.number));
  const markedKeys = new Set<string>();
  for (const issue of fetched) {
    const marker = readMarker(issue.body);
    if (marker.kind === 'marker') markedKeys.add(marker.itemKey);
  }

  const candidates: DesiredIssue[] = [];
  const unchanged: PlannedLink[] = [];
  const extra: ActualIssue[] = [];
  for (const item of desired.issues) {
    const record = records.get(item.itemKey);
    const url = urls.get(item.itemKey);
    if (!record || fetchedNumbers.has(record.issueNumber) || markedKeys.has(item.itemKey)) {
      candidates.push(item);
    } else if (record.contentHash === nominalFingerprint(item) && url) {
      unchanged.push({
        itemKey: item.itemKey,
        number: record.issueNumber,
        url,
        issueId: record.issueId ?? '',
        hash: record.contentHash,
        ownedAssignees: record.ownedAssignees,
      });
    } else {
      // The item changed but its issue did not: read just that issue.
      const issue = await tracker.getIssue(record.issueNumber);
      if (issue) extra.push(issue);
      candidates.push(item);
    }
  }
  return {
    mode: 'incremental',
    reason: `issues updated since ${since}`,
    actual: emptyActualState([...fetched, ...extra]),
    candidates: { issues: candidates, excluded: desired.excluded },
    unchanged,
  };
}
