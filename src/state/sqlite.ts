/** Loads sql.js once, from beside an ncc bundle when there is one, and opens SQLite bytes with catalogue errors. */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import type { Database, InitSqlJsStatic, SqlJsStatic, SqlValue } from 'sql.js';
import { OrchestratorGitError, quote } from '../errors.js';

export type { Database, SqlJsStatic, SqlValue };

let sqlJs: Promise<SqlJsStatic> | undefined;

/*
 * The bundle ships sql.js as `sql-wasm.cjs` + `sql-wasm.wasm` beside `index.js` (see TOOLCHAIN.md: webpack breaks
 * emscripten's loader). The names are assembled at run time so ncc neither rewrites the path (asset relocator)
 * nor pulls sql.js into the bundle.
 */
const BUNDLED_LOADER = ['sql-wasm', 'cjs'].join('.');
const BUNDLED_WASM = ['sql-wasm', 'wasm'].join('.');
const PACKAGE_NAME = ['sql', 'js'].join('.');

/**
 * Keeps WebAssembly (sql.js's SQLite) on V8's baseline compiler, Liftoff. By default V8 also recompiles the hot
 * functions with TurboFan on background threads: on a short run that is CPU spent for nothing (a no-op run of the
 * action started ~100 ms slower with it), and reading a 100,000-task state was measured no faster with it. The flag is
 * process-wide, so entries (the actions) call this, before the first loadSqlJs; a library importing this module does
 * not get its flags changed.
 */
export function preferBaselineWasm(): void {
  setFlagsFromString('--liftoff-only');
}

/** Resolves sql.js: the copy beside the bundle if present, else the `sql.js` package. Cached. */
export function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= initialise().catch((error: unknown) => {
    sqlJs = undefined;
    throw error;
  });
  return sqlJs;
}

async function initialise(): Promise<SqlJsStatic> {
  const require = createRequire(import.meta.url);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const bundled = path.join(here, BUNDLED_LOADER);
  if (existsSync(bundled)) {
    const init = require(bundled) as InitSqlJsStatic;
    // sql-wasm.cjs asks for `sql-wasm.wasm`, which the package script copies beside it.
    return init({ locateFile: (file: string) => path.join(here, file) });
  }
  let init: InitSqlJsStatic;
  try {
    init = require(PACKAGE_NAME) as InitSqlJsStatic;
  } catch (error) {
    // A bundle without its sql.js files: a packaging fault, so say which files are missing and where.
    throw new Error(
      `sql.js is missing: neither ${bundled} (with ${BUNDLED_WASM} beside it) nor the sql.js package was found.`,
      { cause: error },
    );
  }
  return init();
}

/**
 * Opens SQLite bytes and touches the schema, so that a truncated or corrupt file fails here with
 * STATE_UNREADABLE (sql.js only notices on the first query).
 */
export async function openDatabase(bytes: Uint8Array, file: string): Promise<Database> {
  const SQL = await loadSqlJs();
  let db: Database | undefined;
  try {
    db = new SQL.Database(bytes);
    db.exec('SELECT count(*) FROM sqlite_master');
    return db;
  } catch (error) {
    db?.close();
    throw unreadable(file, error);
  }
}

/** The catalogue error for a database sql.js cannot read, carrying sql.js's own message. */
export function unreadable(file: string, error: unknown): OrchestratorGitError {
  const reason = error instanceof Error ? error.message : String(error);
  return new OrchestratorGitError(
    'STATE_UNREADABLE',
    `The state file ${quote(file)} could not be read as SQLite: ${reason}.`,
    "The database looks truncated or corrupt. Restore it from git history (git checkout -- <file>) or from the orchestrator's backup, then run again.",
    { cause: error },
  );
}

/** Names of the database's tables (not views, not sqlite internals), sorted. */
export function listTables(db: Database): string[] {
  const result = db.exec(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  return (result[0]?.values ?? []).map((row) => String(row[0]));
}

/** Column names of a table, lower-cased; empty when the table does not exist. */
export function tableColumns(db: Database, table: string): Set<string> {
  const result = db.exec(`PRAGMA table_info(${quoteIdentifier(table)})`);
  const first = result[0];
  if (!first) return new Set();
  const nameIndex = first.columns.indexOf('name');
  return new Set(first.values.map((row) => String(row[nameIndex]).toLowerCase()));
}

export function hasTable(db: Database, table: string): boolean {
  const stmt = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  try {
    stmt.bind([table]);
    return stmt.step();
  } finally {
    stmt.free();
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * A SELECT list naming each wanted column, or `NULL AS col` for a column this table lacks: the orchestrator's
 * schemas varied between releases, and a missing optional column should read as NULL rather than fail.
 */
export function selectList(columns: Set<string>, wanted: readonly string[]): string {
  return wanted
    .map((c) => (columns.has(c) ? quoteIdentifier(c) : `NULL AS ${quoteIdentifier(c)}`))
    .join(', ');
}

/** Runs a query and calls `onRow` with each row's values in SELECT order (fast path: no per-row objects). */
export function forEachRow(
  db: Database,
  sql: string,
  params: SqlValue[] | null,
  onRow: (row: SqlValue[]) => void,
): void {
  const stmt = db.prepare(sql);
  try {
    if (params) stmt.bind(params);
    while (stmt.step()) onRow(stmt.get());
  } finally {
    stmt.free();
  }
}
