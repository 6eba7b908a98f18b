/** The orchestrator states the issue-sync scenarios run from, and the change the "1% changed" scenario makes. */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadSqlJs } from '../../src/state/sqlite.js';
import { buildDatabase, type Row } from '../../test-support/fixtures/build-db.js';

/** `count` pending top-level tasks: each becomes one open issue. */
function taskRows(count: number): Row[] {
  return Array.from({ length: count }, (_, index) => ({
    task_id: `bench_${String(index).padStart(6, '0')}`,
    parent_task_id: null,
    title: `Benchmark task ${index}`,
    description: `Generated task ${index} for the benchmark.`,
    hierarchy_path: `/bench_${index}`,
    status: 'pending',
    specialist_type: ['implementer', 'tester', 'reviewer'][index % 3] ?? 'implementer',
    created_at: '2025-01-01 00:00:00',
  }));
}

export async function writeBenchState(file: string, count: number): Promise<void> {
  writeFileSync(file, await buildDatabase('v2-generic', { generic_tasks: taskRows(count) }));
}

/**
 * Moves every 100th task to in progress, in place (the state keeps its sync records, as a real repository's does).
 * Returns how many tasks changed.
 */
export async function progressOnePercent(file: string): Promise<number> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database(readFileSync(file));
  try {
    db.run(
      "UPDATE generic_tasks SET status = 'in_progress' WHERE (CAST(substr(task_id, 7) AS INTEGER) % 100) = 0",
    );
    const changed = db.getRowsModified();
    writeFileSync(file, db.export());
    return changed;
  } finally {
    db.close();
  }
}
