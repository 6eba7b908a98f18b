/** The disabled fast path: reads only git_integration_config.auto_sync_enabled, without reading any task. */
import { readStateFile } from './detect.js';
import { toAutoSyncEnabled } from './seed-tables.js';
import { hasTable, openDatabase, tableColumns } from './sqlite.js';

/**
 * auto_sync_enabled of the first git_integration_config row (by id), or null when the table or row is absent
 * (for a JSON export: its `config.autoSyncEnabled`, or null without config). A value that is not a boolean reads
 * as true, the column's default. Errors for missing or unreadable files are those of a full read.
 */
export async function readAutoSyncEnabled(stateFile: string): Promise<boolean | null> {
  const content = await readStateFile(stateFile);
  if (content.kind === 'json') {
    let doc: unknown;
    try {
      doc = JSON.parse(content.text.replace(/^\uFEFF/, ''));
    } catch {
      return null; // the full read reports the broken file with its details
    }
    const config = (doc as { config?: { autoSyncEnabled?: unknown } | null } | null)?.config;
    if (config === null || config === undefined || typeof config !== 'object') return null;
    return typeof config.autoSyncEnabled === 'boolean' ? config.autoSyncEnabled : true;
  }
  const db = await openDatabase(content.bytes, stateFile);
  try {
    if (
      !hasTable(db, 'git_integration_config') ||
      !tableColumns(db, 'git_integration_config').has('auto_sync_enabled')
    ) {
      return null;
    }
    const row = db.exec('SELECT auto_sync_enabled FROM git_integration_config ORDER BY id LIMIT 1')[0]
      ?.values[0];
    if (!row) return null;
    return toAutoSyncEnabled(row[0]) ?? true;
  } finally {
    db.close();
  }
}
