/** Reads a whole orchestrator database (tasks of its generation, plus the seed's tables) into an OrchestratorState. */
import { isOrchestratorGitError } from '../errors.js';
import { detectGeneration } from './detect.js';
import { readV1Tasks } from './readers/v1.js';
import { readV2GenericTasks } from './readers/v2-generic.js';
import { readV2Tasks } from './readers/v2-tasks.js';
import type { TaskReadResult } from './readers/types.js';
import { readGitIntegrationConfig, readIssueLinks, readReleaseMilestones } from './seed-tables.js';
import { unreadable, type Database } from './sqlite.js';
import type { OrchestratorState, StateWarning } from './types.js';

/** Features are not in the database: they come from the feature files (see features.ts) and start empty here. */
export function readDatabaseState(db: Database, file: string): OrchestratorState {
  try {
    const detection = detectGeneration(db, file);
    const read: TaskReadResult =
      detection.generation === 'v1'
        ? readV1Tasks(db)
        : detection.generation === 'v2-generic'
          ? readV2GenericTasks(db)
          : readV2Tasks(db);
    const warnings: StateWarning[] = [...detection.warnings, ...read.warnings];
    const links = readIssueLinks(db, warnings);
    const config = readGitIntegrationConfig(db, warnings);
    const milestones = readReleaseMilestones(db, warnings);
    return {
      generation: detection.generation,
      source: { description: `${detection.description}, ${read.tasks.length} tasks read` },
      tasks: read.tasks,
      features: [],
      milestones,
      links,
      config,
      warnings,
    };
  } catch (error) {
    // A corrupt page can surface on any query, not only at open.
    if (isOrchestratorGitError(error)) throw error;
    throw unreadable(file, error);
  }
}
