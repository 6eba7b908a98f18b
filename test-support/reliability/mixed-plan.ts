/**
 * A state whose next sync has a mixed plan: issues to create (one of them created closed: a create and a close),
 * to update, to close and to reopen, labels and a milestone to create, and an unchanged issue. Built once through
 * the real engine on an emulator; the platform side is kept as the list of writes that produced it, so every
 * iteration of a crash loop can rebuild it on a fresh emulator in milliseconds.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SyncPolicy } from '../../src/core/policy.js';
import { writeJsonExport } from '../../src/state/export-command.js';
import type { GitHubEmulator } from '../emulators/github/index.js';
import { buildDatabase, type Row } from '../fixtures/build-db.js';
import {
  Scenario,
  execSql,
  featureFile,
  replayWrites,
  startEmulator,
  successfulWrites,
  type RecordedWrite,
} from './harness.js';

/** Creates the issue of a completed item (closed at once), so the plan holds a create followed by a close. */
export const MIXED_POLICY: Partial<SyncPolicy> = { createCompleted: true };

export const FEATURE_FILE = 'core.md';

/** Every item that must end with exactly one issue. */
export const MIXED_ITEMS = [
  'feature:F_CORE',
  'task:t_update',
  'task:t_close',
  'task:t_reopen',
  'task:t_same',
  'task:t_new1',
  'task:t_new2',
  'task:t_new3',
].sort();

function task(id: string, title: string, status: string, extra: Row = {}): Row {
  return {
    task_id: id,
    title,
    description: `What ${title} is about.`,
    hierarchy_path: `/${id}`,
    status,
    specialist_type: 'implementer',
    context: JSON.stringify({ feature_id: 'F_CORE', priority: 'high' }),
    ...extra,
  };
}

function feature(status: string): string {
  return featureFile('F_CORE', 'Core workflow', { Status: status, Category: 'Platform' });
}

export interface MixedPlanFixture {
  /** The writes that built the platform side before the mixed sync. */
  writes: RecordedWrite[];
  /** The state file (bytes) holding the orchestrator's changes, before the mixed sync. */
  state: Uint8Array;
  /** The same state as a JSON export (`orchestrator-git export`). */
  stateJson: string;
  /** The feature files as they are for the mixed sync. */
  features: Record<string, string>;
}

/** Builds the fixture: two syncs through the engine (create, then close t_reopen), then the orchestrator's changes. */
export async function buildMixedPlanFixture(): Promise<MixedPlanFixture> {
  const emulator = await startEmulator();
  const scenario = await Scenario.create(
    await buildDatabase('v2-generic', {
      generic_tasks: [
        task('t_update', 'Update me', 'pending'),
        task('t_close', 'Close me', 'in_progress'),
        task('t_reopen', 'Reopen me', 'in_progress'),
        task('t_same', 'Leave me', 'pending'),
        task('t_child', 'A subtask of t_update', 'pending', {
          parent_task_id: 't_update',
          hierarchy_path: '/t_update/t_child',
        }),
      ],
      release_milestones: [
        {
          id: 1,
          milestone_name: 'Release 1.0',
          target_date: '2026-01-31',
          included_features: '["F_CORE"]',
          status: 'active',
        },
      ],
    }),
    { [FEATURE_FILE]: feature('Approved') },
  );
  try {
    const first = await scenario.sync(emulator, { policy: MIXED_POLICY });
    await execSql(
      scenario.stateFile,
      "UPDATE generic_tasks SET status = 'completed' WHERE task_id = 't_reopen'",
    );
    const second = await scenario.sync(emulator, { policy: MIXED_POLICY });
    if (first.counts.failed + second.counts.failed > 0 || second.counts.closed !== 1) {
      throw new Error('the mixed-plan fixture did not build cleanly');
    }
    const writes = successfulWrites(emulator.requests);

    const file = scenario.stateFile;
    await execSql(
      file,
      "UPDATE generic_tasks SET title = 'Updated title', description = 'A new description.' WHERE task_id = 't_update'",
    );
    await execSql(
      file,
      "UPDATE generic_tasks SET status = 'completed' WHERE task_id IN ('t_close', 't_child')",
    );
    await execSql(file, "UPDATE generic_tasks SET status = 'in_progress' WHERE task_id = 't_reopen'");
    const insert = (row: Row) =>
      execSql(
        file,
        `INSERT INTO generic_tasks (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row)
          .map(() => '?')
          .join(', ')})`,
        Object.values(row),
      );
    await insert(
      task('t_new1', 'New with a new label and milestone', 'pending', {
        specialist_type: 'security',
        context: JSON.stringify({ feature_id: 'F_NEXT', priority: 'critical' }),
      }),
    );
    await insert(task('t_new2', 'New and blocked', 'blocked'));
    await insert(task('t_new3', 'New but already done', 'completed'));
    await execSql(
      file,
      "INSERT INTO release_milestones (id, milestone_name, target_date, included_features, status) VALUES (2, 'Release 2.0', '2026-06-30', '[\"F_NEXT\"]', 'planning')",
    );
    const features = { [FEATURE_FILE]: feature('In Progress') };
    await scenario.writeFeature(FEATURE_FILE, features[FEATURE_FILE]);
    const jsonFile = path.join(scenario.dir, 'orchestrator-state.json');
    await writeJsonExport(scenario.stateFile, jsonFile, scenario.featuresDir);
    return {
      writes,
      state: new Uint8Array(await scenario.readState()),
      stateJson: await readFile(jsonFile, 'utf8'),
      features,
    };
  } finally {
    await emulator.stop();
    await scenario.dispose();
  }
}

/** A fresh emulator and workspace in the fixture's state, ready for the mixed sync. */
export async function freshMixedPlan(
  fixture: MixedPlanFixture,
  format: 'sqlite' | 'json' = 'sqlite',
): Promise<{ emulator: GitHubEmulator; scenario: Scenario; dispose: () => Promise<void> }> {
  const emulator = await startEmulator();
  await replayWrites(emulator, fixture.writes);
  const scenario = await Scenario.create(
    format === 'json' ? fixture.stateJson : fixture.state,
    fixture.features,
  );
  return {
    emulator,
    scenario,
    dispose: async () => {
      await emulator.stop();
      await scenario.dispose();
    },
  };
}
