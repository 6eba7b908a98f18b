/** `orchestrator-git export`: writes the JSON export of a state file, leaving the file alone when only the date would change. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomically } from './atomic-write.js';
import { exportState, parseStateDocument } from './json-export.js';
import { openStateStore } from './store.js';
import type { SchemaGeneration, StateWarning } from './types.js';

export interface JsonExportResult {
  /** False when the existing export already held the same state (only `exportedAt` would have changed). */
  written: boolean;
  outPath: string;
  generation: SchemaGeneration;
  tasks: number;
  features: number;
  warnings: StateWarning[];
}

/**
 * Reads `dbPath` (a database or another export), adds features from `featuresDir` when given, and writes the
 * export to `outPath` atomically. `source.file` is recorded relative to the working folder (never an absolute
 * path, which would leak the machine's layout into a committed file).
 */
export async function writeJsonExport(
  dbPath: string,
  outPath: string,
  featuresDir?: string | null,
  now: () => Date = () => new Date(),
): Promise<JsonExportResult> {
  const store = await openStateStore({ stateFile: dbPath, featuresDir: featuresDir ?? null });
  let text: string;
  try {
    text = exportState(store.state, store.syncRecords(), {
      exportedAt: now().toISOString(),
      sourceFile: store.kind === 'json' ? undefined : portablePath(dbPath),
    });
  } finally {
    store.close();
  }
  const written = !(await sameExceptDate(outPath, text));
  if (written) {
    await writeFileAtomically(outPath, text, {
      verify: async (temp) => {
        parseStateDocument(await readFile(temp, 'utf8'), temp);
      },
    });
  }
  return {
    written,
    outPath,
    generation: store.state.generation,
    tasks: store.state.tasks.length,
    features: store.state.features.length,
    warnings: store.state.warnings,
  };
}

function portablePath(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  const usable = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return (usable ? relative : path.basename(file)).split(path.sep).join('/');
}

const EXPORTED_AT = /^ {2}"exportedAt": ".*",$/m;

async function sameExceptDate(file: string, text: string): Promise<boolean> {
  const existing = await readFile(file, 'utf8').catch(() => null);
  if (existing === null) return false;
  return existing.replace(EXPORTED_AT, '') === text.replace(EXPORTED_AT, '');
}
