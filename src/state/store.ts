/** The state store: the orchestrator's state plus this product's links and sync records, saved back atomically. */
import { readFile } from 'node:fs/promises';
import { OrchestratorGitError, quote } from '../errors.js';
import { writeFileAtomically } from './atomic-write.js';
import { detectGeneration, readStateFile } from './detect.js';
import { readFeatures } from './features.js';
import {
  linkKey,
  parseStateDocument,
  serializeStateDocument,
  stateFromDocument,
  type StateDocument,
} from './json-export.js';
import { LATEST_MIGRATION, PRODUCT_TABLES, applyMigrations } from './migrations.js';
import { readDatabaseState } from './read-database.js';
import { forEachRow, hasTable, listTables, openDatabase, type Database } from './sqlite.js';
import {
  deleteItem,
  pruneJournal,
  pruneRuns,
  sameItem,
  sameRun,
  selectItems,
  selectJournal,
  selectLastRun,
  selectRun,
  selectRuns,
  writeItem,
  writeJournal,
  writeRun,
  type JournalEntry,
  type SyncRecords,
  type SyncRunRecord,
  type SyncedItemRecord,
  sameRelease,
  selectReleases,
  writeRelease,
  type ReleaseRecord,
} from './sync-records.js';
import type { GitIntegrationConfigRow, IssueLink, OrchestratorState, ReleaseMilestone } from './types.js';

function sameConfig(a: GitIntegrationConfigRow | null, b: GitIntegrationConfigRow): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}

export type ReleaseMilestoneInput = Pick<ReleaseMilestone, 'name'> &
  Partial<Omit<ReleaseMilestone, 'id' | 'name'>>;

/** The row a milestone upsert leaves: the existing one with the given fields changed, or a new one. */
function mergedMilestone(
  milestones: ReleaseMilestone[],
  input: ReleaseMilestoneInput,
): { merged: ReleaseMilestone; existing: ReleaseMilestone | undefined } {
  const existing = milestones.find((milestone) => milestone.name === input.name);
  const base: ReleaseMilestone = existing ?? {
    id: Math.max(0, ...milestones.map((milestone) => milestone.id)) + 1,
    name: input.name,
    targetDate: null,
    platformMilestoneId: null,
    includedFeatures: [],
    status: 'planning',
  };
  const merged: ReleaseMilestone = {
    ...base,
    ...Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)),
    includedFeatures: [...(input.includedFeatures ?? base.includedFeatures)],
  };
  return { merged, existing };
}

function sameMilestone(a: ReleaseMilestone, b: ReleaseMilestone): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export type {
  JournalEntry,
  ReleaseRecord,
  SyncRecords,
  SyncRunRecord,
  SyncedItemRecord,
} from './sync-records.js';
export { readAutoSyncEnabled } from './auto-sync.js';

export interface StateStore {
  readonly path: string;
  readonly kind: 'sqlite' | 'json';
  readonly state: OrchestratorState;
  /** Items synced to one repository, by item key (`feature:<id>` / `task:<id>`). */
  syncedItems(platform: string, repository: string): Map<string, SyncedItemRecord>;
  /** The most recently started run for the repository, if any. */
  lastRun(platform: string, repository: string): SyncRunRecord | null;
  /** Every sync record held (all platforms and repositories), as a JSON export carries them. */
  syncRecords(): SyncRecords;
  /** Replaces the link for the same task (or feature, when taskId is null) + platform + repository. */
  upsertLink(link: IssueLink): void;
  upsertSyncedItem(record: SyncedItemRecord): void;
  removeSyncedItem(itemKey: string, platform: string, repository: string): void;
  /**
   * Adds a release_milestones row, or changes the row with the same name (the seed's table; fields not given keep
   * their value). Returns the row as stored.
   */
  upsertReleaseMilestone(milestone: ReleaseMilestoneInput): ReleaseMilestone;
  /** Sets the git_integration_config row (the first one by id); returns false when it already said the same. */
  setIntegrationConfig(row: GitIntegrationConfigRow): boolean;
  /** Appends entries; only the newest 20 runs' journal is kept. */
  appendJournal(entries: JournalEntry[]): void;
  /** Records or replaces a run (by runId); the newest 20 runs per platform + repository are kept. */
  recordRun(run: SyncRunRecord): void;
  /** The releases the tag step recorded for one repository, oldest first. */
  releases(platform: string, repository: string): ReleaseRecord[];
  /**
   * Records a completed release and its items (the same tag again replaces it; an identical record changes nothing,
   * and the date first recorded is kept).
   */
  recordRelease(release: ReleaseRecord): void;
  /** Atomic; writes nothing when nothing changed. Resolves true when the file was written. */
  save(): Promise<boolean>;
  close(): void;
}

export interface OpenStateStoreOptions {
  stateFile: string;
  /** Feature specification folder; when given, features come from it (also for a JSON export). */
  featuresDir?: string | null;
  /** For tests: runs after the temp file is written and before it is verified. */
  onTempFileWritten?: (tempPath: string) => void | Promise<void>;
}

/** Opens a SQLite database or a JSON export for reading and writing back. */
export async function openStateStore(options: OpenStateStoreOptions): Promise<StateStore> {
  const content = await readStateFile(options.stateFile);
  const features = options.featuresDir ? await readFeatures(options.featuresDir) : null;
  if (content.kind === 'json') {
    const doc = parseStateDocument(content.text, options.stateFile);
    const state = stateFromDocument(doc, options.stateFile);
    if (features) {
      state.features = features.features;
      state.warnings.push(...features.warnings);
    }
    return new JsonStateStore(options, doc, content.text, state);
  }
  const db = await openDatabase(content.bytes, options.stateFile);
  try {
    const state = readDatabaseState(db, options.stateFile);
    if (features) {
      state.features = features.features;
      state.warnings.push(...features.warnings);
    }
    return new SqliteStateStore(options, db, state);
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Reads the state without keeping anything open. */
export async function readState(
  options: Omit<OpenStateStoreOptions, 'onTempFileWritten'>,
): Promise<OrchestratorState> {
  const store = await openStateStore(options);
  store.close();
  return store.state;
}

function sameLink(a: IssueLink, b: IssueLink): boolean {
  return (
    linkKey(a) === linkKey(b) &&
    a.featureId === b.featureId &&
    a.issueNumber === b.issueNumber &&
    a.issueUrl === b.issueUrl &&
    a.syncStatus === b.syncStatus &&
    a.lastSynced === b.lastSynced
  );
}

/**
 * Replaces (or adds) a link in a list by its key; returns false when an identical link was already there. With
 * `positions` (key → index in `links`, kept up to date here), a run that records thousands of links stays linear.
 */
function replaceLink(links: IssueLink[], link: IssueLink, positions?: Map<string, number>): boolean {
  const key = linkKey(link);
  const index = positions ? (positions.get(key) ?? -1) : links.findIndex((l) => linkKey(l) === key);
  if (index >= 0 && sameLink(links[index] as IssueLink, link)) return false;
  const copy = { ...link };
  if (index >= 0) links.splice(index, 1, copy);
  else {
    links.push(copy);
    positions?.set(key, links.length - 1);
  }
  return true;
}

/** Key → position of each link in a list (the first, when a key repeats, as findIndex would find it). */
function positionsOf(links: IssueLink[]): Map<string, number> {
  const positions = new Map<string, number>();
  links.forEach((link, index) => {
    const key = linkKey(link);
    if (!positions.has(key)) positions.set(key, index);
  });
  return positions;
}

/** The feature_issue_links rows one link replaces: by task (or feature, for a feature's own link), platform, repository. */
function linkRowKey(
  taskId: string | null,
  featureId: string | null,
  platform: string,
  repository: string,
): string {
  return `${taskId ? `T\u0000${taskId}` : `F\u0000${featureId ?? ''}`}\u0000${platform.toLowerCase()}\u0000${repository}`;
}

class SqliteStateStore implements StateStore {
  readonly kind = 'sqlite' as const;
  readonly path: string;
  readonly state: OrchestratorState;
  private dirty = false;
  private migrated: boolean;
  private readonly itemCache = new Map<string, Map<string, SyncedItemRecord>>();
  private linkRowCache: Map<string, { id: number; link: IssueLink }[]> | null = null;
  private linkPositions: Map<string, number> | null = null;
  private closed = false;

  constructor(
    private readonly options: OpenStateStoreOptions,
    private readonly db: Database,
    state: OrchestratorState,
  ) {
    this.path = options.stateFile;
    this.state = state;
    // feature_issue_links references tasks(task_id), which no generation has: foreign keys must stay off.
    this.db.run('PRAGMA foreign_keys = OFF');
    this.migrated = this.appliedMigration() === LATEST_MIGRATION;
  }

  private appliedMigration(): number {
    if (!hasTable(this.db, 'orchestrator_git_migrations')) return 0;
    const value = this.db.exec('SELECT MAX(version) FROM orchestrator_git_migrations')[0]?.values[0]?.[0];
    return typeof value === 'number' ? value : 0;
  }

  /** Migrations run at the first real change, so a run that changes nothing leaves the file byte-identical. */
  private beginWrite(): void {
    if (this.closed) throw new Error('The state store is closed.');
    if (this.migrated) {
      this.dirty = true;
      return;
    }
    const applied = this.appliedMigration();
    if (applied > LATEST_MIGRATION) {
      throw new OrchestratorGitError(
        'STATE_WRITE_FAILED',
        `The database ${quote(this.path)} was written by a newer orchestrator-git (schema migration ${applied}; this version knows ${LATEST_MIGRATION}).`,
        'Upgrade orchestrator-git (the action version or the CLI) to the version that last wrote this database.',
      );
    }
    applyMigrations(this.db);
    this.migrated = true;
    this.dirty = true;
  }

  syncedItems(platform: string, repository: string): Map<string, SyncedItemRecord> {
    return new Map(this.itemsOf(platform, repository));
  }

  /**
   * The item records of a repository, read once and kept in step by the writes below: recording one item must not
   * re-read all of them (which made a 10,000-item run quadratic).
   */
  private itemsOf(platform: string, repository: string): Map<string, SyncedItemRecord> {
    const key = `${platform}\u0000${repository}`;
    let items = this.itemCache.get(key);
    if (!items) {
      items = new Map(selectItems(this.db, platform, repository).map((i) => [i.itemKey, i]));
      this.itemCache.set(key, items);
    }
    return items;
  }

  lastRun(platform: string, repository: string): SyncRunRecord | null {
    return selectLastRun(this.db, platform, repository);
  }

  syncRecords(): SyncRecords {
    const releases = selectReleases(this.db);
    return {
      items: selectItems(this.db),
      journal: selectJournal(this.db),
      runs: selectRuns(this.db),
      ...(releases.length > 0 ? { releases } : {}),
    };
  }

  upsertLink(link: IssueLink): void {
    const rows = this.matchingLinkRows(link);
    const current = rows[0];
    if (rows.length === 1 && current && sameLink(current.link, link)) return;
    this.beginWrite();
    const values = [
      link.featureId,
      link.taskId,
      link.platform,
      link.repository,
      link.issueNumber,
      link.issueUrl,
      link.syncStatus,
      link.lastSynced,
    ];
    let id: number;
    if (current) {
      this.db.run(
        `UPDATE feature_issue_links SET feature_id = ?, task_id = ?, platform = ?, repository = ?, issue_number = ?,
           issue_url = ?, sync_status = ?, last_synced = ? WHERE id = ?`,
        [...values, current.id],
      );
      for (const extra of rows.slice(1))
        this.db.run('DELETE FROM feature_issue_links WHERE id = ?', [extra.id]);
      id = current.id;
    } else {
      this.db.run(
        `INSERT INTO feature_issue_links
           (feature_id, task_id, platform, repository, issue_number, issue_url, sync_status, last_synced)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        values,
      );
      id = Number(this.db.exec('SELECT last_insert_rowid()')[0]?.values[0]?.[0]);
    }
    this.linkRows().set(linkRowKey(link.taskId, link.featureId, link.platform, link.repository), [
      { id, link: { ...link } },
    ]);
    this.linkPositions ??= positionsOf(this.state.links);
    replaceLink(this.state.links, link, this.linkPositions);
  }

  /** Every feature_issue_links row by what a link replaces, read once and kept in step by upsertLink. */
  private linkRows(): Map<string, { id: number; link: IssueLink }[]> {
    if (this.linkRowCache) return this.linkRowCache;
    const cache = new Map<string, { id: number; link: IssueLink }[]>();
    if (hasTable(this.db, 'feature_issue_links')) {
      forEachRow(
        this.db,
        `SELECT id, feature_id, task_id, platform, repository, issue_number, issue_url, sync_status, last_synced
         FROM feature_issue_links ORDER BY id`,
        null,
        ([id, featureId, taskId, platform, repository, issueNumber, issueUrl, syncStatus, lastSynced]) => {
          const task = taskId === null || taskId === '' ? null : String(taskId);
          const feature = featureId === null ? null : String(featureId);
          const key = linkRowKey(task, feature, String(platform ?? ''), String(repository ?? ''));
          const list = cache.get(key) ?? [];
          list.push({
            id: Number(id),
            link: {
              featureId: feature,
              taskId: task,
              platform: String(platform ?? '').toLowerCase() as IssueLink['platform'],
              repository: String(repository ?? ''),
              issueNumber: Number(issueNumber),
              issueUrl: issueUrl === null ? '' : String(issueUrl),
              syncStatus: String(syncStatus) as IssueLink['syncStatus'],
              lastSynced: lastSynced === null ? null : String(lastSynced),
            },
          });
          cache.set(key, list);
        },
      );
    }
    this.linkRowCache = cache;
    return cache;
  }

  /** Rows for the link's task (or feature) + platform + repository, oldest first. */
  private matchingLinkRows(link: IssueLink): { id: number; link: IssueLink }[] {
    return [
      ...(this.linkRows().get(linkRowKey(link.taskId, link.featureId, link.platform, link.repository)) ?? []),
    ];
  }

  upsertSyncedItem(record: SyncedItemRecord): void {
    const items = this.itemsOf(record.platform, record.repository);
    const current = items.get(record.itemKey);
    if (current && sameItem(current, record)) return;
    this.beginWrite();
    writeItem(this.db, record);
    items.set(record.itemKey, { ...record, ownedAssignees: [...record.ownedAssignees] });
  }

  removeSyncedItem(itemKey: string, platform: string, repository: string): void {
    const items = this.itemsOf(platform, repository);
    if (!items.has(itemKey)) return;
    this.beginWrite();
    deleteItem(this.db, itemKey, platform, repository);
    items.delete(itemKey);
  }

  setIntegrationConfig(row: GitIntegrationConfigRow): boolean {
    if (sameConfig(this.state.config, row)) return false;
    this.beginWrite();
    const values = [
      row.platform,
      row.repositoryUrl,
      row.apiTokenName,
      JSON.stringify(row.defaultLabels),
      row.autoSyncEnabled ? 1 : 0,
      row.issueTemplate,
    ];
    const first = this.db.exec('SELECT min(id) FROM git_integration_config')[0]?.values[0]?.[0];
    if (first !== null && first !== undefined) {
      this.db.run(
        `UPDATE git_integration_config SET platform = ?, repository_url = ?, api_token_name = ?, default_labels = ?,
           auto_sync_enabled = ?, issue_template = ? WHERE id = ?`,
        [...values, first],
      );
    } else {
      this.db.run(
        `INSERT INTO git_integration_config
           (platform, repository_url, api_token_name, default_labels, auto_sync_enabled, issue_template)
         VALUES (?, ?, ?, ?, ?, ?)`,
        values,
      );
    }
    this.state.config = { ...row, defaultLabels: [...row.defaultLabels] };
    return true;
  }

  upsertReleaseMilestone(input: ReleaseMilestoneInput): ReleaseMilestone {
    const { merged, existing } = mergedMilestone(this.state.milestones, input);
    if (existing && sameMilestone(existing, merged)) return existing;
    this.beginWrite();
    const values = [
      merged.name,
      merged.targetDate,
      merged.platformMilestoneId,
      JSON.stringify(merged.includedFeatures),
      merged.status,
    ];
    if (existing) {
      this.db.run(
        `UPDATE release_milestones SET milestone_name = ?, target_date = ?, platform_milestone_id = ?,
           included_features = ?, status = ? WHERE id = ?`,
        [...values, existing.id],
      );
      this.state.milestones.splice(this.state.milestones.indexOf(existing), 1, merged);
    } else {
      this.db.run(
        `INSERT INTO release_milestones (milestone_name, target_date, platform_milestone_id, included_features, status)
         VALUES (?, ?, ?, ?, ?)`,
        values,
      );
      const id = Number(this.db.exec('SELECT last_insert_rowid()')[0]?.values[0]?.[0] ?? merged.id);
      merged.id = id;
      this.state.milestones.push(merged);
    }
    return merged;
  }

  appendJournal(entries: JournalEntry[]): void {
    if (entries.length === 0) return;
    this.beginWrite();
    this.db.run('BEGIN');
    try {
      writeJournal(this.db, entries);
      this.db.run('COMMIT');
    } catch (error) {
      this.db.run('ROLLBACK');
      throw error;
    }
  }

  recordRun(run: SyncRunRecord): void {
    const current = selectRun(this.db, run.runId);
    if (current && sameRun(current, run)) return;
    this.beginWrite();
    writeRun(this.db, run);
  }

  releases(platform: string, repository: string): ReleaseRecord[] {
    return selectReleases(this.db, platform, repository);
  }

  recordRelease(release: ReleaseRecord): void {
    const current = selectReleases(this.db, release.platform, release.repository).find(
      (r) => r.tag === release.tag,
    );
    if (current && sameRelease(current, release)) return;
    this.beginWrite();
    writeRelease(this.db, { ...release, releasedAt: current?.releasedAt ?? release.releasedAt });
  }

  async save(): Promise<boolean> {
    if (!this.dirty) return false;
    const bytes = this.db.export();
    const generation = this.state.generation;
    await writeFileAtomically(this.path, bytes, {
      ...(this.options.onTempFileWritten ? { onTempFileWritten: this.options.onTempFileWritten } : {}),
      verify: async (temp) => {
        const copy = await openDatabase(await readFile(temp), temp);
        try {
          const check = copy.exec('PRAGMA quick_check')[0]?.values[0]?.[0];
          if (check !== 'ok')
            throw new Error(`the written copy fails SQLite's quick_check (${String(check)})`);
          const tables = new Set(listTables(copy));
          const missing = PRODUCT_TABLES.filter((t) => !tables.has(t));
          if (missing.length > 0) throw new Error(`the written copy lacks table(s) ${missing.join(', ')}`);
          const found = detectGeneration(copy, temp).generation;
          if (found !== generation) throw new Error(`the written copy reads as ${found}, not ${generation}`);
        } finally {
          copy.close();
        }
      },
    });
    this.dirty = false;
    return true;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}

class JsonStateStore implements StateStore {
  readonly kind = 'json' as const;
  readonly path: string;
  readonly state: OrchestratorState;
  private dirty = false;

  constructor(
    private readonly options: OpenStateStoreOptions,
    private readonly doc: StateDocument,
    private original: string,
    state: OrchestratorState,
  ) {
    this.path = options.stateFile;
    this.state = state;
  }

  syncedItems(platform: string, repository: string): Map<string, SyncedItemRecord> {
    return new Map(
      this.doc.sync.items
        .filter((i) => i.platform === platform && i.repository === repository)
        .map((i) => [i.itemKey, { ...i, ownedAssignees: [...i.ownedAssignees] }]),
    );
  }

  lastRun(platform: string, repository: string): SyncRunRecord | null {
    let last: SyncRunRecord | null = null;
    for (const run of this.doc.sync.runs) {
      if (run.platform !== platform || run.repository !== repository) continue;
      if (!last || run.startedAt >= last.startedAt) last = run;
    }
    return last ? { ...last, counts: last.counts ? { ...last.counts } : null } : null;
  }

  syncRecords(): SyncRecords {
    return structuredClone(this.doc.sync);
  }

  upsertLink(link: IssueLink): void {
    if (!replaceLink(this.doc.links, link)) return;
    replaceLink(this.state.links, link);
    this.dirty = true;
  }

  upsertSyncedItem(record: SyncedItemRecord): void {
    const items = this.doc.sync.items;
    const index = items.findIndex(
      (i) =>
        i.itemKey === record.itemKey && i.platform === record.platform && i.repository === record.repository,
    );
    const current = items[index];
    if (current && sameItem(current, record)) return;
    const copy = { ...record, ownedAssignees: [...record.ownedAssignees] };
    if (index >= 0) items.splice(index, 1, copy);
    else items.push(copy);
    this.dirty = true;
  }

  removeSyncedItem(itemKey: string, platform: string, repository: string): void {
    const before = this.doc.sync.items.length;
    this.doc.sync.items = this.doc.sync.items.filter(
      (i) => !(i.itemKey === itemKey && i.platform === platform && i.repository === repository),
    );
    if (this.doc.sync.items.length !== before) this.dirty = true;
  }

  setIntegrationConfig(row: GitIntegrationConfigRow): boolean {
    if (sameConfig(this.state.config, row)) return false;
    this.doc.config = { ...row, defaultLabels: [...row.defaultLabels] };
    this.state.config = { ...row, defaultLabels: [...row.defaultLabels] };
    this.dirty = true;
    return true;
  }

  upsertReleaseMilestone(input: ReleaseMilestoneInput): ReleaseMilestone {
    const { merged, existing } = mergedMilestone(this.state.milestones, input);
    if (existing && sameMilestone(existing, merged)) return existing;
    const index = this.doc.milestones.findIndex((milestone) => milestone.name === merged.name);
    if (index >= 0) this.doc.milestones.splice(index, 1, { ...merged });
    else this.doc.milestones.push({ ...merged });
    if (existing) this.state.milestones.splice(this.state.milestones.indexOf(existing), 1, merged);
    else this.state.milestones.push(merged);
    this.dirty = true;
    return merged;
  }

  appendJournal(entries: JournalEntry[]): void {
    if (entries.length === 0) return;
    const replaced = new Set(entries.map((e) => `${e.runId}\u0000${e.seq}`));
    const kept = this.doc.sync.journal.filter((e) => !replaced.has(`${e.runId}\u0000${e.seq}`));
    this.doc.sync.journal = pruneJournal([...kept, ...entries.map((e) => ({ ...e }))]);
    this.dirty = true;
  }

  recordRun(run: SyncRunRecord): void {
    const runs = this.doc.sync.runs;
    const index = runs.findIndex((r) => r.runId === run.runId);
    const current = runs[index];
    if (current && sameRun(current, run)) return;
    const copy = { ...run, counts: run.counts ? { ...run.counts } : null };
    if (index >= 0) runs.splice(index, 1, copy);
    else runs.push(copy);
    this.doc.sync.runs = pruneRuns(runs, run.platform, run.repository);
    this.dirty = true;
  }

  releases(platform: string, repository: string): ReleaseRecord[] {
    return (this.doc.sync.releases ?? [])
      .filter((r) => r.platform === platform && r.repository === repository)
      .map((r) => ({ ...r, items: [...r.items] }));
  }

  recordRelease(release: ReleaseRecord): void {
    const releases = (this.doc.sync.releases ??= []);
    const index = releases.findIndex(
      (r) => r.platform === release.platform && r.repository === release.repository && r.tag === release.tag,
    );
    const current = releases[index];
    if (current && sameRelease(current, release)) return;
    const copy = {
      ...release,
      items: [...release.items],
      releasedAt: current?.releasedAt ?? release.releasedAt,
    };
    if (index >= 0) releases.splice(index, 1, copy);
    else releases.push(copy);
    this.dirty = true;
  }

  async save(): Promise<boolean> {
    if (!this.dirty) return false;
    // exportedAt stays: it dates the task snapshot, which a sync does not change.
    const text = serializeStateDocument(this.doc);
    if (text === this.original) {
      this.dirty = false;
      return false;
    }
    await writeFileAtomically(this.path, text, {
      ...(this.options.onTempFileWritten ? { onTempFileWritten: this.options.onTempFileWritten } : {}),
      verify: async (temp) => {
        parseStateDocument(await readFile(temp, 'utf8'), temp);
      },
    });
    this.original = text;
    this.dirty = false;
    return true;
  }

  close(): void {
    // Nothing is held open.
  }
}
