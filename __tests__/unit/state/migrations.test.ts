import { applyMigrations, LATEST_MIGRATION } from '../../../src/state/migrations.js';
import { loadSqlJs, type Database } from '../../../src/state/sqlite.js';
import { buildDatabase, type FixtureGeneration } from '../../../test-support/fixtures/build-db.js';

/** The seed's tables exactly as the orchestrator's README defines them (kept here as the independent reference). */
const README_SEED_DDL = `
CREATE TABLE git_integration_config (
    id INTEGER PRIMARY KEY,
    platform TEXT CHECK (platform IN ('github', 'gitlab', 'bitbucket')),
    repository_url TEXT NOT NULL,
    api_token_name TEXT,
    default_labels TEXT,
    auto_sync_enabled BOOLEAN DEFAULT TRUE,
    issue_template TEXT,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE feature_issue_links (
    id INTEGER PRIMARY KEY,
    feature_id TEXT,
    task_id TEXT REFERENCES tasks(task_id),
    platform TEXT,
    repository TEXT,
    issue_number INTEGER,
    issue_url TEXT,
    sync_status TEXT CHECK (sync_status IN ('synced', 'pending', 'failed', 'manual')),
    last_synced DATETIME,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE release_milestones (
    id INTEGER PRIMARY KEY,
    milestone_name TEXT NOT NULL,
    target_date DATE,
    platform_milestone_id TEXT,
    included_features TEXT,
    status TEXT CHECK (status IN ('planning', 'active', 'completed', 'cancelled')),
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP
);`;

const SEED_TABLES = ['git_integration_config', 'feature_issue_links', 'release_milestones'];

function tableInfo(db: Database, table: string): unknown[][] {
  return db.exec(`PRAGMA table_info(${table})`)[0]?.values ?? [];
}

function foreignKeys(db: Database, table: string): unknown[][] {
  return db.exec(`PRAGMA foreign_key_list(${table})`)[0]?.values ?? [];
}

function schema(db: Database): Map<string, string> {
  const rows =
    db.exec('SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name')[0]?.values ?? [];
  return new Map(rows.map(([name, sql]) => [String(name), String(sql)]));
}

async function open(generation: FixtureGeneration): Promise<Database> {
  const SQL = await loadSqlJs();
  return new SQL.Database(await buildDatabase(generation, {}));
}

describe('migrations', () => {
  it('create the seed tables with exactly the README columns, defaults and references', async () => {
    const SQL = await loadSqlJs();
    const reference = new SQL.Database();
    reference.exec(README_SEED_DDL);
    const db = await open('v2-generic');
    applyMigrations(db);
    for (const table of SEED_TABLES) {
      expect(tableInfo(db, table)).toEqual(tableInfo(reference, table));
      expect(foreignKeys(db, table)).toEqual(foreignKeys(reference, table));
    }
    db.close();
    reference.close();
  });

  it('create the seed tables with the README CHECK constraints', async () => {
    const db = await open('v1');
    applyMigrations(db);
    expect(() =>
      db.run("INSERT INTO git_integration_config (platform, repository_url) VALUES ('gitea', 'x')"),
    ).toThrow(/CHECK constraint failed/);
    expect(() => db.run("INSERT INTO feature_issue_links (sync_status) VALUES ('done')")).toThrow(
      /CHECK constraint failed/,
    );
    expect(() =>
      db.run("INSERT INTO release_milestones (milestone_name, status) VALUES ('m', 'open')"),
    ).toThrow(/CHECK constraint failed/);
    db.run("INSERT INTO feature_issue_links (feature_id, task_id, sync_status) VALUES ('F', 't1', 'synced')");
    db.close();
  });

  it.each(['v1', 'v2-generic', 'v2-tasks'] as const)(
    'never touch the %s orchestrator tables',
    async (generation) => {
      const db = await open(generation);
      const before = schema(db);
      expect(applyMigrations(db)).toEqual([1, 2]);
      const after = schema(db);
      for (const [name, sql] of before) expect(after.get(name)).toBe(sql);
      expect([...after.keys()].filter((name) => !before.has(name)).sort()).toEqual([
        'feature_issue_links',
        'git_integration_config',
        'orchestrator_git_items',
        'orchestrator_git_journal',
        'orchestrator_git_migrations',
        'orchestrator_git_released_items',
        'orchestrator_git_releases',
        'orchestrator_git_runs',
        'release_milestones',
      ]);
      db.close();
    },
  );

  it('are recorded and applied once', async () => {
    const db = await open('v2-tasks');
    const now = () => new Date('2025-09-01T00:00:00Z');
    expect(applyMigrations(db, now)).toEqual([1, 2]);
    expect(applyMigrations(db, now)).toEqual([]);
    expect(db.exec('SELECT version, name, applied_at FROM orchestrator_git_migrations')[0]?.values).toEqual([
      [1, 'sync items, journal and runs', '2025-09-01T00:00:00.000Z'],
      [2, 'release records', '2025-09-01T00:00:00.000Z'],
    ]);
    expect(LATEST_MIGRATION).toBe(2);
    db.close();
  });

  it('keep seed tables the orchestrator already created, with their rows', async () => {
    const SQL = await loadSqlJs();
    const db = new SQL.Database(
      await buildDatabase('v2-generic', {
        git_integration_config: [{ platform: 'gitlab', repository_url: 'https://gitlab.com/a/b' }],
      }),
    );
    const before = schema(db).get('git_integration_config');
    applyMigrations(db);
    expect(schema(db).get('git_integration_config')).toBe(before);
    expect(db.exec('SELECT platform FROM git_integration_config')[0]?.values).toEqual([['gitlab']]);
    db.close();
  });
});
