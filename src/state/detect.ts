/** Recognises what a state file is: a SQLite database of one of the orchestrator's generations, or a JSON export. */
import { readFile, stat } from 'node:fs/promises';
import { OrchestratorGitError, quote } from '../errors.js';
import { listTables, tableColumns, type Database } from './sqlite.js';
import type { SchemaGeneration, StateWarning } from './types.js';

export type DatabaseGeneration = Exclude<SchemaGeneration, 'json-export'>;

export type StateFileContent = { kind: 'sqlite'; bytes: Uint8Array } | { kind: 'json'; text: string };

const SQLITE_HEADER = 'SQLite format 3\u0000';

/** Reads a state file and tells SQLite from JSON by content, not by name. */
export async function readStateFile(file: string): Promise<StateFileContent> {
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (info.isDirectory()) {
      throw new OrchestratorGitError(
        'STATE_UNREADABLE',
        `The state file ${quote(file)} is a directory.`,
        'Point the state file setting at the database file itself, e.g. .task_orchestrator/task_orchestrator.db, or at a JSON export.',
      );
    }
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof OrchestratorGitError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new OrchestratorGitError(
        'STATE_NOT_FOUND',
        `The state file ${quote(file)} does not exist.`,
        'Commit the orchestrator database (default .task_orchestrator/task_orchestrator.db; older installs: task_orchestrator.db or data/task_orchestrator.db) or a JSON export made with `orchestrator-git export`, and point the state file setting at it. In a workflow, check the repository out first.',
        { cause: error },
      );
    }
    throw new OrchestratorGitError(
      'STATE_UNREADABLE',
      `The state file ${quote(file)} could not be read: ${(error as Error).message}.`,
      'Check that the file is readable by the user running orchestrator-git.',
      { cause: error },
    );
  }
  if (hasSqliteHeader(bytes)) return { kind: 'sqlite', bytes };
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return { kind: 'json', text };
  throw notSqlite(file, bytes, start);
}

export function hasSqliteHeader(bytes: Uint8Array): boolean {
  if (bytes.length < SQLITE_HEADER.length) return false;
  for (let i = 0; i < SQLITE_HEADER.length; i++) if (bytes[i] !== SQLITE_HEADER.charCodeAt(i)) return false;
  return true;
}

function notSqlite(file: string, bytes: Uint8Array, text: string): OrchestratorGitError {
  if (text.startsWith('version https://git-lfs.github.com/spec/')) {
    return new OrchestratorGitError(
      'STATE_NOT_SQLITE',
      `The state file ${quote(file)} is a Git LFS pointer, not the database.`,
      'Fetch LFS content when checking out (actions/checkout with `lfs: true`, or `git lfs pull`).',
    );
  }
  const shown =
    bytes.length === 0
      ? 'it is empty'
      : `it starts with ${quote(Buffer.from(bytes.subarray(0, 16)).toString('latin1'), 16)}`;
  return new OrchestratorGitError(
    'STATE_NOT_SQLITE',
    `The state file ${quote(file)} is neither a SQLite database nor a JSON export (${shown}; a SQLite file starts with "SQLite format 3").`,
    'Point the state file setting at the orchestrator database (.task_orchestrator/task_orchestrator.db) or at a JSON export made with `orchestrator-git export`.',
  );
}

interface GenerationSignature {
  generation: DatabaseGeneration;
  label: string;
  /** Table → columns the reader cannot do without. */
  tables: Record<string, readonly string[]>;
}

/** Newest first: this order is the precedence when a database holds more than one generation's tables. */
const SIGNATURES: readonly GenerationSignature[] = [
  { generation: 'v2-tasks', label: 'v2 clean architecture', tables: { tasks: ['id', 'status'] } },
  {
    generation: 'v2-generic',
    label: 'v2 generic task model',
    tables: { generic_tasks: ['task_id', 'status'] },
  },
  {
    generation: 'v1',
    label: 'v1 (1.x)',
    tables: {
      task_breakdowns: ['parent_task_id', 'description'],
      subtasks: ['task_id', 'parent_task_id', 'status'],
    },
  },
];

export interface Detection {
  generation: DatabaseGeneration;
  /** For logs, e.g. `v2 generic task model (generic_tasks: 5 rows)`. */
  description: string;
  tables: string[];
  warnings: StateWarning[];
}

/**
 * Picks the generation by the tables present. When several generations' tables are present (a database that was
 * upgraded in place), the newest generation whose task table has rows wins, else the newest; a
 * STATE_SCHEMA_AMBIGUOUS warning names what was ignored.
 */
export function detectGeneration(db: Database, file: string): Detection {
  const tables = listTables(db);
  const present = new Set(tables);
  const found: { signature: GenerationSignature; rows: number }[] = [];
  const incomplete: string[] = [];
  for (const signature of SIGNATURES) {
    const names = Object.keys(signature.tables);
    if (!names.some((t) => present.has(t))) continue;
    const problems: string[] = [];
    for (const name of names) {
      if (!present.has(name)) {
        problems.push(`table ${name} is missing`);
        continue;
      }
      const columns = tableColumns(db, name);
      const missing = (signature.tables[name] ?? []).filter((c) => !columns.has(c));
      if (missing.length > 0) problems.push(`${name} lacks column(s) ${missing.join(', ')}`);
    }
    if (problems.length > 0) {
      incomplete.push(`${signature.label}: ${problems.join('; ')}`);
      continue;
    }
    const counts = names.map((t) => countRows(db, t));
    found.push({ signature, rows: counts[0] ?? 0 });
  }

  const chosen = found.find((f) => f.rows > 0) ?? found[0];
  if (!chosen) {
    const expected = SIGNATURES.map((s) => `${Object.keys(s.tables).join(' + ')} (${s.label})`).join(', ');
    const detail = incomplete.length > 0 ? ` Partly matched: ${incomplete.join('; ')}.` : '';
    throw new OrchestratorGitError(
      'STATE_UNKNOWN_SCHEMA',
      `The database ${quote(file)} is not an MCP Task Orchestrator database: it has ${
        tables.length > 0 ? `tables ${tables.join(', ')}` : 'no tables'
      }, expected ${expected}.${detail}`,
      'Point the state file setting at the orchestrator database (.task_orchestrator/task_orchestrator.db; older installs: task_orchestrator.db or data/task_orchestrator.db).',
    );
  }

  const tableNames = Object.keys(chosen.signature.tables);
  const description = `${chosen.signature.label} (${tableNames[0] ?? ''}: ${chosen.rows} row${chosen.rows === 1 ? '' : 's'})`;
  const warnings: StateWarning[] = [];
  const others = found.filter((f) => f !== chosen);
  if (others.length > 0) {
    warnings.push({
      code: 'STATE_SCHEMA_AMBIGUOUS',
      message: `The database holds tables of several orchestrator generations; reading ${description} and ignoring ${others
        .map((o) => `${o.signature.label} (${Object.keys(o.signature.tables)[0] ?? ''}: ${o.rows} rows)`)
        .join(', ')}.`,
      subject: file,
    });
  }
  return { generation: chosen.signature.generation, description, tables, warnings };
}

function countRows(db: Database, table: string): number {
  const value = db.exec(`SELECT count(*) FROM "${table}"`)[0]?.values[0]?.[0];
  return typeof value === 'number' ? value : 0;
}
