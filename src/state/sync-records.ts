/** The product's own sync bookkeeping (synced items, journal, runs) and how it is kept in SQLite. */
import { forEachRow, hasTable, type Database, type SqlValue } from './sqlite.js';

export type PlatformName = 'github' | 'gitlab' | 'bitbucket';

export interface SyncedItemRecord {
  /** `feature:<id>` or `task:<id>`. */
  itemKey: string;
  platform: PlatformName;
  repository: string;
  issueNumber: number;
  issueId: string | null;
  /** Hash of the managed fields last written to the issue. */
  contentHash: string;
  /** Logins this tool assigned (so it only ever unassigns its own). */
  ownedAssignees: string[];
  syncedAt: string;
}

export type JournalStatus = 'planned' | 'done' | 'failed' | 'skipped';

export interface JournalEntry {
  runId: string;
  seq: number;
  itemKey: string;
  operation: string;
  status: JournalStatus;
  issueNumber: number | null;
  detail: string | null;
  at: string;
}

export interface SyncRunRecord {
  runId: string;
  platform: string;
  repository: string;
  startedAt: string;
  finishedAt: string | null;
  fullReconcile: boolean;
  outcome: string | null;
  counts: Record<string, number> | null;
  /**
   * The platform time up to which the run saw every change (its own writes included), when it could verify that;
   * the next incremental read starts there instead of at `startedAt`.
   */
  seenUntil: string | null;
}

/** One release the tag step completed, and exactly which orchestrator items it shipped. */
export interface ReleaseRecord {
  platform: PlatformName;
  repository: string;
  tag: string;
  version: string;
  /** The commit tagged. */
  commit: string;
  previousTag: string | null;
  milestone: string | null;
  releaseUrl: string | null;
  releasedAt: string;
  /** `feature:<id>` / `task:<id>`, sorted. */
  items: string[];
}

/** Everything the store keeps besides the orchestrator's own state; what a JSON export carries under `sync`. */
export interface SyncRecords {
  items: SyncedItemRecord[];
  journal: JournalEntry[];
  runs: SyncRunRecord[];
  /** Release records (migration 2); absent in exports written before them. */
  releases?: ReleaseRecord[];
}

/** Same release, same items (the date is when it was first recorded, and does not count). */
export function sameRelease(a: ReleaseRecord, b: ReleaseRecord): boolean {
  return JSON.stringify({ ...a, releasedAt: '' }) === JSON.stringify({ ...b, releasedAt: '' });
}

/** Release records of the database, oldest first; none before migration 2 ran. */
export function selectReleases(db: Database, platform?: string, repository?: string): ReleaseRecord[] {
  if (!hasTable(db, 'orchestrator_git_releases')) return [];
  const items = new Map<string, string[]>();
  forEachRow(
    db,
    'SELECT platform, repository, tag, item_key FROM orchestrator_git_released_items ORDER BY item_key',
    [],
    (row) => {
      const key = `${String(row[0])}\u0000${String(row[1])}\u0000${String(row[2])}`;
      const list = items.get(key) ?? [];
      list.push(String(row[3]));
      items.set(key, list);
    },
  );
  const releases: ReleaseRecord[] = [];
  forEachRow(
    db,
    `SELECT platform, repository, tag, version, commit_sha, previous_tag, milestone, release_url, released_at
       FROM orchestrator_git_releases ORDER BY released_at, tag`,
    [],
    (row) => {
      if (platform !== undefined && row[0] !== platform) return;
      if (repository !== undefined && row[1] !== repository) return;
      const text = (value: SqlValue | undefined): string | null =>
        value === null || value === undefined ? null : String(value);
      releases.push({
        platform: String(row[0]) as PlatformName,
        repository: String(row[1]),
        tag: String(row[2]),
        version: String(row[3]),
        commit: String(row[4]),
        previousTag: text(row[5]),
        milestone: text(row[6]),
        releaseUrl: text(row[7]),
        releasedAt: String(row[8]),
        items: items.get(`${String(row[0])}\u0000${String(row[1])}\u0000${String(row[2])}`) ?? [],
      });
    },
  );
  return releases;
}

/** Records (or replaces) a release and its items, in one transaction. */
export function writeRelease(db: Database, release: ReleaseRecord): void {
  const key = [release.platform, release.repository, release.tag];
  db.run('BEGIN');
  try {
    db.run(
      `INSERT OR REPLACE INTO orchestrator_git_releases
         (platform, repository, tag, version, commit_sha, previous_tag, milestone, release_url, released_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        ...key,
        release.version,
        release.commit,
        release.previousTag,
        release.milestone,
        release.releaseUrl,
        release.releasedAt,
      ],
    );
    db.run(
      'DELETE FROM orchestrator_git_released_items WHERE platform = ? AND repository = ? AND tag = ?',
      key,
    );
    for (const item of release.items)
      db.run(
        'INSERT INTO orchestrator_git_released_items (platform, repository, tag, item_key) VALUES (?, ?, ?, ?)',
        [...key, item],
      );
    db.run('COMMIT');
  } catch (error) {
    db.run('ROLLBACK');
    throw error;
  }
}

/** Journal entries are kept for this many runs (the newest by their latest entry). */
export const JOURNAL_RUNS_KEPT = 20;
/** Run records are kept for this many runs per platform + repository. */
export const RUNS_KEPT_PER_REPOSITORY = 20;

export function sameItem(a: SyncedItemRecord, b: SyncedItemRecord): boolean {
  return (
    a.itemKey === b.itemKey &&
    a.platform === b.platform &&
    a.repository === b.repository &&
    a.issueNumber === b.issueNumber &&
    a.issueId === b.issueId &&
    a.contentHash === b.contentHash &&
    a.syncedAt === b.syncedAt &&
    JSON.stringify(a.ownedAssignees) === JSON.stringify(b.ownedAssignees)
  );
}

export function sameRun(a: SyncRunRecord, b: SyncRunRecord): boolean {
  return (
    a.runId === b.runId &&
    a.platform === b.platform &&
    a.repository === b.repository &&
    a.startedAt === b.startedAt &&
    a.finishedAt === b.finishedAt &&
    a.fullReconcile === b.fullReconcile &&
    a.outcome === b.outcome &&
    a.seenUntil === b.seenUntil &&
    JSON.stringify(a.counts) === JSON.stringify(b.counts)
  );
}

const ITEM_SELECT =
  'SELECT item_key, platform, repository, issue_number, issue_id, content_hash, owned_assignees, synced_at FROM orchestrator_git_items';

function toItem(row: SqlValue[]): SyncedItemRecord {
  const [itemKey, platform, repository, issueNumber, issueId, contentHash, owned, syncedAt] = row;
  return {
    itemKey: String(itemKey),
    platform: String(platform) as PlatformName,
    repository: String(repository),
    issueNumber: Number(issueNumber),
    issueId: issueId === null ? null : String(issueId),
    contentHash: String(contentHash),
    ownedAssignees: parseStringArray(owned),
    syncedAt: String(syncedAt),
  };
}

function parseStringArray(value: SqlValue | undefined): string[] {
  if (typeof value !== 'string' || value.trim() === '') return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function selectItems(db: Database, platform?: string, repository?: string): SyncedItemRecord[] {
  if (!hasTable(db, 'orchestrator_git_items')) return [];
  const items: SyncedItemRecord[] = [];
  if (platform === undefined || repository === undefined) {
    forEachRow(db, `${ITEM_SELECT} ORDER BY item_key, platform, repository`, null, (r) =>
      items.push(toItem(r)),
    );
  } else {
    forEachRow(
      db,
      `${ITEM_SELECT} WHERE platform = ? AND repository = ? ORDER BY item_key`,
      [platform, repository],
      (r) => items.push(toItem(r)),
    );
  }
  return items;
}

export function writeItem(db: Database, item: SyncedItemRecord): void {
  db.run(
    `INSERT OR REPLACE INTO orchestrator_git_items
       (item_key, platform, repository, issue_number, issue_id, content_hash, owned_assignees, synced_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      item.itemKey,
      item.platform,
      item.repository,
      item.issueNumber,
      item.issueId,
      item.contentHash,
      JSON.stringify(item.ownedAssignees),
      item.syncedAt,
    ],
  );
}

export function deleteItem(db: Database, itemKey: string, platform: string, repository: string): boolean {
  if (!hasTable(db, 'orchestrator_git_items')) return false;
  db.run('DELETE FROM orchestrator_git_items WHERE item_key = ? AND platform = ? AND repository = ?', [
    itemKey,
    platform,
    repository,
  ]);
  return db.getRowsModified() > 0;
}

export function selectJournal(db: Database): JournalEntry[] {
  if (!hasTable(db, 'orchestrator_git_journal')) return [];
  const entries: JournalEntry[] = [];
  forEachRow(
    db,
    'SELECT run_id, seq, item_key, operation, status, issue_number, detail, at FROM orchestrator_git_journal ORDER BY rowid',
    null,
    ([runId, seq, itemKey, operation, status, issueNumber, detail, at]) =>
      entries.push({
        runId: String(runId),
        seq: Number(seq),
        itemKey: String(itemKey),
        operation: String(operation),
        status: String(status) as JournalStatus,
        issueNumber: issueNumber === null ? null : Number(issueNumber),
        detail: detail === null ? null : String(detail),
        at: String(at),
      }),
  );
  return entries;
}

/** Appends entries (replacing same run + seq) and drops the journal of all but the newest JOURNAL_RUNS_KEPT runs. */
export function writeJournal(db: Database, entries: JournalEntry[]): void {
  const stmt = db.prepare(
    `INSERT OR REPLACE INTO orchestrator_git_journal
       (run_id, seq, item_key, operation, status, issue_number, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  try {
    for (const e of entries) {
      stmt.run([e.runId, e.seq, e.itemKey, e.operation, e.status, e.issueNumber, e.detail, e.at]);
    }
  } finally {
    stmt.free();
  }
  db.run(
    `DELETE FROM orchestrator_git_journal WHERE run_id NOT IN (
       SELECT run_id FROM orchestrator_git_journal GROUP BY run_id ORDER BY MAX(at) DESC, MAX(rowid) DESC LIMIT ?)`,
    [JOURNAL_RUNS_KEPT],
  );
}

const RUN_SELECT =
  'SELECT run_id, platform, repository, started_at, finished_at, full_reconcile, outcome, counts, seen_until FROM orchestrator_git_runs';

function toRun(row: SqlValue[]): SyncRunRecord {
  const [runId, platform, repository, startedAt, finishedAt, fullReconcile, outcome, counts, seenUntil] = row;
  return {
    runId: String(runId),
    platform: String(platform),
    repository: String(repository),
    startedAt: String(startedAt),
    finishedAt: finishedAt === null ? null : String(finishedAt),
    fullReconcile: fullReconcile !== 0 && fullReconcile !== '0',
    outcome: outcome === null ? null : String(outcome),
    counts: parseCounts(counts),
    seenUntil: seenUntil === null || seenUntil === undefined ? null : String(seenUntil),
  };
}

function parseCounts(value: SqlValue | undefined): Record<string, number> | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(parsed)) if (typeof v === 'number') out[k] = v;
    return out;
  } catch {
    return null;
  }
}

export function selectRuns(db: Database): SyncRunRecord[] {
  if (!hasTable(db, 'orchestrator_git_runs')) return [];
  const runs: SyncRunRecord[] = [];
  forEachRow(db, `${RUN_SELECT} ORDER BY started_at, rowid`, null, (r) => runs.push(toRun(r)));
  return runs;
}

export function selectLastRun(db: Database, platform: string, repository: string): SyncRunRecord | null {
  if (!hasTable(db, 'orchestrator_git_runs')) return null;
  let run: SyncRunRecord | null = null;
  forEachRow(
    db,
    `${RUN_SELECT} WHERE platform = ? AND repository = ? ORDER BY started_at DESC, rowid DESC LIMIT 1`,
    [platform, repository],
    (r) => {
      run = toRun(r);
    },
  );
  return run;
}

export function selectRun(db: Database, runId: string): SyncRunRecord | null {
  if (!hasTable(db, 'orchestrator_git_runs')) return null;
  let run: SyncRunRecord | null = null;
  forEachRow(db, `${RUN_SELECT} WHERE run_id = ?`, [runId], (r) => {
    run = toRun(r);
  });
  return run;
}

/** Records (or replaces) a run and keeps the newest RUNS_KEPT_PER_REPOSITORY runs of its platform + repository. */
export function writeRun(db: Database, run: SyncRunRecord): void {
  db.run(
    `INSERT OR REPLACE INTO orchestrator_git_runs
       (run_id, platform, repository, started_at, finished_at, full_reconcile, outcome, counts, seen_until)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      run.runId,
      run.platform,
      run.repository,
      run.startedAt,
      run.finishedAt,
      run.fullReconcile ? 1 : 0,
      run.outcome,
      run.counts === null ? null : JSON.stringify(run.counts),
      run.seenUntil,
    ],
  );
  db.run(
    `DELETE FROM orchestrator_git_runs WHERE platform = ? AND repository = ? AND run_id NOT IN (
       SELECT run_id FROM orchestrator_git_runs WHERE platform = ? AND repository = ?
       ORDER BY started_at DESC, rowid DESC LIMIT ?)`,
    [run.platform, run.repository, run.platform, run.repository, RUNS_KEPT_PER_REPOSITORY],
  );
}

/** The same pruning rules for the JSON document's arrays (array order stands in for rowid). */
export function pruneJournal(journal: JournalEntry[]): JournalEntry[] {
  const latest = new Map<string, { at: string; index: number }>();
  journal.forEach((e, index) => {
    const seen = latest.get(e.runId);
    if (!seen || e.at > seen.at || (e.at === seen.at && index > seen.index))
      latest.set(e.runId, { at: e.at, index });
  });
  const keep = new Set(
    [...latest.entries()]
      .sort(([, a], [, b]) => (a.at === b.at ? b.index - a.index : a.at < b.at ? 1 : -1))
      .slice(0, JOURNAL_RUNS_KEPT)
      .map(([runId]) => runId),
  );
  return journal.filter((e) => keep.has(e.runId));
}

export function pruneRuns(runs: SyncRunRecord[], platform: string, repository: string): SyncRunRecord[] {
  const mine = runs
    .map((run, index) => ({ run, index }))
    .filter(({ run }) => run.platform === platform && run.repository === repository)
    .sort((a, b) =>
      a.run.startedAt === b.run.startedAt ? b.index - a.index : a.run.startedAt < b.run.startedAt ? 1 : -1,
    );
  const drop = new Set(mine.slice(RUNS_KEPT_PER_REPOSITORY).map(({ run }) => run.runId));
  return runs.filter((r) => !drop.has(r.runId));
}
