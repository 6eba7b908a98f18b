/** The tables this product adds to an orchestrator database, created only when writing; orchestrator tables are never altered. */
import type { Database } from './sqlite.js';

/** The seed's schema extension, verbatim from the orchestrator's Git integration spec (created only if absent). */
export const SEED_TABLES_SQL: Readonly<
  Record<'git_integration_config' | 'feature_issue_links' | 'release_milestones', string>
> = {
  git_integration_config: `CREATE TABLE IF NOT EXISTS git_integration_config (
    id INTEGER PRIMARY KEY,
    platform TEXT CHECK (platform IN ('github', 'gitlab', 'bitbucket')),
    repository_url TEXT NOT NULL,
    api_token_name TEXT,            -- name of the secret / env var holding the token, never the token
    default_labels TEXT,            -- JSON array
    auto_sync_enabled BOOLEAN DEFAULT TRUE,
    issue_template TEXT,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP
)`,
  feature_issue_links: `CREATE TABLE IF NOT EXISTS feature_issue_links (
    id INTEGER PRIMARY KEY,
    feature_id TEXT,                -- feature file's Feature ID
    task_id TEXT REFERENCES tasks(task_id),
    platform TEXT,
    repository TEXT,
    issue_number INTEGER,
    issue_url TEXT,
    sync_status TEXT CHECK (sync_status IN ('synced', 'pending', 'failed', 'manual')),
    last_synced DATETIME,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP
)`,
  release_milestones: `CREATE TABLE IF NOT EXISTS release_milestones (
    id INTEGER PRIMARY KEY,
    milestone_name TEXT NOT NULL,
    target_date DATE,
    platform_milestone_id TEXT,
    included_features TEXT,         -- JSON array of feature ids
    status TEXT CHECK (status IN ('planning', 'active', 'completed', 'cancelled')),
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP
)`,
};

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The product's own tables, in order. Append new migrations; never edit an applied one. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'sync items, journal and runs',
    sql: `
CREATE TABLE orchestrator_git_items (
  item_key TEXT NOT NULL,          -- 'feature:<id>' or 'task:<id>'
  platform TEXT NOT NULL, repository TEXT NOT NULL,
  issue_number INTEGER NOT NULL, issue_id TEXT,
  content_hash TEXT NOT NULL,       -- hash of the managed fields last written
  owned_assignees TEXT NOT NULL DEFAULT '[]',  -- JSON array of logins the tool assigned
  synced_at TEXT NOT NULL,
  PRIMARY KEY (item_key, platform, repository));
CREATE TABLE orchestrator_git_journal (
  run_id TEXT NOT NULL, seq INTEGER NOT NULL, item_key TEXT NOT NULL, operation TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('planned','done','failed','skipped')),
  issue_number INTEGER, detail TEXT, at TEXT NOT NULL, PRIMARY KEY (run_id, seq));
CREATE TABLE orchestrator_git_runs (
  run_id TEXT PRIMARY KEY, platform TEXT NOT NULL, repository TEXT NOT NULL, started_at TEXT NOT NULL,
  finished_at TEXT, full_reconcile INTEGER NOT NULL DEFAULT 1, outcome TEXT, counts TEXT, seen_until TEXT);`,
  },
  {
    version: 2,
    name: 'release records',
    sql: `
CREATE TABLE orchestrator_git_releases (
  platform TEXT NOT NULL, repository TEXT NOT NULL, tag TEXT NOT NULL, version TEXT NOT NULL,
  commit_sha TEXT NOT NULL, previous_tag TEXT, milestone TEXT, release_url TEXT,
  released_at TEXT NOT NULL,        -- when the tag step first recorded it (ISO 8601)
  PRIMARY KEY (platform, repository, tag));
CREATE TABLE orchestrator_git_released_items (
  platform TEXT NOT NULL, repository TEXT NOT NULL, tag TEXT NOT NULL,
  item_key TEXT NOT NULL,           -- 'feature:<id>' or 'task:<id>'
  PRIMARY KEY (platform, repository, tag, item_key));`,
  },
];

export const MIGRATIONS_TABLE_SQL = `CREATE TABLE IF NOT EXISTS orchestrator_git_migrations (
  version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`;

/** Tables a database written by this version must have (checked when verifying a saved file). */
export const PRODUCT_TABLES = [
  'orchestrator_git_migrations',
  'orchestrator_git_items',
  'orchestrator_git_journal',
  'orchestrator_git_runs',
  'orchestrator_git_releases',
  'orchestrator_git_released_items',
  ...Object.keys(SEED_TABLES_SQL),
] as const;

/**
 * Creates the seed tables if absent and applies the migrations not yet recorded, in one transaction.
 * Returns the versions applied (empty when the database was up to date).
 */
export function applyMigrations(db: Database, now: () => Date = () => new Date()): number[] {
  // The seed's feature_issue_links references tasks(task_id), which no generation has; SQLite would reject
  // writes with foreign keys on, so keep them off for this connection (the default in sql.js).
  db.run('PRAGMA foreign_keys = OFF');
  const applied: number[] = [];
  db.run('BEGIN');
  try {
    for (const sql of Object.values(SEED_TABLES_SQL)) db.run(sql);
    db.run(MIGRATIONS_TABLE_SQL);
    const done = new Set(
      (db.exec('SELECT version FROM orchestrator_git_migrations')[0]?.values ?? []).map((r) => Number(r[0])),
    );
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      db.exec(migration.sql);
      db.run('INSERT INTO orchestrator_git_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        now().toISOString(),
      ]);
      applied.push(migration.version);
    }
    db.run('COMMIT');
  } catch (error) {
    db.run('ROLLBACK');
    throw error;
  }
  return applied;
}

/** Highest migration this code knows: a database recording a higher one was written by a newer version. */
export const LATEST_MIGRATION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
