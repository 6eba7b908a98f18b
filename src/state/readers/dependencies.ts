/** The v2 generations' task_dependencies tables, read as dependent → prerequisites (their column names differ). */
import { forEachRow, tableColumns, type Database } from '../sqlite.js';

/** dependent → prerequisites, in the order they were recorded; empty when the table lacks either column. */
export function readDependencies(
  db: Database,
  dependentColumn: string,
  prerequisiteColumn: string,
): Map<string, string[]> {
  const deps = new Map<string, string[]>();
  const columns = tableColumns(db, 'task_dependencies');
  if (!columns.has(dependentColumn) || !columns.has(prerequisiteColumn)) return deps;
  forEachRow(
    db,
    `SELECT ${dependentColumn}, ${prerequisiteColumn} FROM task_dependencies`,
    null,
    ([dependent, prerequisite]) => {
      if (dependent === null || prerequisite === null) return;
      const key = String(dependent);
      const list = deps.get(key);
      if (list) list.push(String(prerequisite));
      else deps.set(key, [String(prerequisite)]);
    },
  );
  return deps;
}
