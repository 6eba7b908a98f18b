import { copyFile, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { exportState } from '../../../src/state/json-export.js';
import { readAutoSyncEnabled } from '../../../src/state/auto-sync.js';
import {
  openStateStore,
  readState,
  type JournalEntry,
  type StateStore,
  type SyncRunRecord,
  type SyncedItemRecord,
} from '../../../src/state/store.js';
import type { IssueLink } from '../../../src/state/types.js';
import {
  SAMPLES_DIR,
  buildDatabase,
  queryDatabase,
  writeFixture,
} from '../../../test-support/fixtures/build-db.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'og-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function sampleCopy(name: string): Promise<string> {
  const file = path.join(dir, name);
  await copyFile(path.join(SAMPLES_DIR, name), file);
  return file;
}

/** A JSON export of the v2-tasks sample, written to the temp folder. */
async function jsonCopy(): Promise<string> {
  const state = await readState({ stateFile: path.join(SAMPLES_DIR, 'v2-tasks.db') });
  return writeFixture(
    dir,
    'state.json',
    exportState(state, {}, { exportedAt: '2025-09-01T00:00:00.000Z', sourceFile: 'task_orchestrator.db' }),
  );
}

const featureLink: IssueLink = {
  featureId: 'GIT_INTEGRATION_V1',
  taskId: null,
  platform: 'github',
  repository: 'acme/widgets',
  issueNumber: 12,
  issueUrl: 'https://github.com/acme/widgets/issues/12',
  syncStatus: 'synced',
  lastSynced: '2025-09-01T10:00:00.000Z',
};
const taskLink: IssueLink = {
  featureId: 'GIT_INTEGRATION_V1',
  taskId: 'gt_0002',
  platform: 'github',
  repository: 'acme/widgets',
  issueNumber: 13,
  issueUrl: 'https://github.com/acme/widgets/issues/13',
  syncStatus: 'pending',
  lastSynced: null,
};
const item: SyncedItemRecord = {
  itemKey: 'feature:GIT_INTEGRATION_V1',
  platform: 'github',
  repository: 'acme/widgets',
  issueNumber: 12,
  issueId: 'I_kwDOA',
  contentHash: 'sha256:abc',
  ownedAssignees: ['octocat'],
  syncedAt: '2025-09-01T10:00:00.000Z',
};

function journal(runId: string, count: number, at: string): JournalEntry[] {
  return Array.from({ length: count }, (_, seq) => ({
    runId,
    seq,
    itemKey: `task:t${seq}`,
    operation: 'create',
    status: 'done' as const,
    issueNumber: seq + 1,
    detail: seq === 0 ? null : `created #${seq + 1}`,
    at,
  }));
}

function run(runId: string, startedAt: string, repository = 'acme/widgets'): SyncRunRecord {
  return {
    runId,
    platform: 'github',
    repository,
    startedAt,
    finishedAt: startedAt.replace('00.000Z', '30.000Z'),
    fullReconcile: true,
    outcome: 'ok',
    counts: { created: 2, updated: 0 },
    seenUntil: startedAt.replace('00.000Z', '20.000Z'),
  };
}

async function writeAll(store: StateStore): Promise<void> {
  store.upsertLink(featureLink);
  store.upsertLink(taskLink);
  store.upsertSyncedItem(item);
  store.upsertSyncedItem({ ...item, itemKey: 'task:gt_0002', issueNumber: 13, ownedAssignees: [] });
  store.appendJournal(journal('run-1', 2, '2025-09-01T10:00:00.000Z'));
  store.recordRun(run('run-1', '2025-09-01T10:00:00.000Z'));
  expect(await store.save()).toBe(true);
}

describe.each([
  ['sqlite', () => sampleCopy('v2-generic.db')],
  ['json', () => jsonCopy()],
] as const)('the %s store', (kind, makeFile) => {
  it('round-trips links, synced items, journal and runs', async () => {
    const file = await makeFile();
    const store = await openStateStore({ stateFile: file });
    expect(store.kind).toBe(kind);
    await writeAll(store);
    store.close();

    const again = await openStateStore({ stateFile: file });
    expect(again.state.links).toEqual(expect.arrayContaining([featureLink, taskLink]));
    expect(again.state.links).toHaveLength(2);
    expect(again.syncedItems('github', 'acme/widgets')).toEqual(
      new Map([
        ['feature:GIT_INTEGRATION_V1', item],
        ['task:gt_0002', { ...item, itemKey: 'task:gt_0002', issueNumber: 13, ownedAssignees: [] }],
      ]),
    );
    expect(again.syncedItems('gitlab', 'acme/widgets').size).toBe(0);
    expect(again.lastRun('github', 'acme/widgets')).toEqual(run('run-1', '2025-09-01T10:00:00.000Z'));
    expect(again.lastRun('github', 'acme/other')).toBeNull();
    expect(again.syncRecords().journal).toEqual(journal('run-1', 2, '2025-09-01T10:00:00.000Z'));
    again.close();
  });

  it('replaces a link for the same task (or feature) and repository', async () => {
    const file = await makeFile();
    const store = await openStateStore({ stateFile: file });
    store.upsertLink(featureLink);
    store.upsertLink({ ...featureLink, issueNumber: 99, syncStatus: 'failed' });
    store.upsertLink({ ...featureLink, repository: 'acme/other' });
    store.upsertLink(taskLink);
    store.upsertLink({ ...taskLink, featureId: null, issueNumber: 100 });
    await store.save();
    store.close();
    const links = (await readState({ stateFile: file })).links;
    expect(
      links.map((l) => [l.featureId, l.taskId, l.repository, l.issueNumber, l.syncStatus]).sort(),
    ).toEqual(
      [
        ['GIT_INTEGRATION_V1', null, 'acme/widgets', 99, 'failed'],
        ['GIT_INTEGRATION_V1', null, 'acme/other', 12, 'synced'],
        [null, 'gt_0002', 'acme/widgets', 100, 'pending'],
      ].sort(),
    );
  });

  it('removes synced items', async () => {
    const file = await makeFile();
    const store = await openStateStore({ stateFile: file });
    store.upsertSyncedItem(item);
    await store.save();
    store.removeSyncedItem(item.itemKey, 'github', 'acme/widgets');
    expect(store.syncedItems('github', 'acme/widgets').size).toBe(0);
    await store.save();
    store.close();
    const again = await openStateStore({ stateFile: file });
    expect(again.syncedItems('github', 'acme/widgets').size).toBe(0);
    again.close();
  });

  it('writes nothing when nothing changed, also after no-op writes', async () => {
    const file = await makeFile();
    const first = await openStateStore({ stateFile: file });
    await writeAll(first);
    first.close();
    const bytes = await readFile(file);
    const { mtimeMs } = await stat(file);

    const store = await openStateStore({ stateFile: file });
    store.upsertLink(featureLink);
    store.upsertSyncedItem(item);
    store.removeSyncedItem('task:never-synced', 'github', 'acme/widgets');
    store.appendJournal([]);
    store.recordRun(run('run-1', '2025-09-01T10:00:00.000Z'));
    expect(await store.save()).toBe(false);
    store.close();
    expect(await readFile(file)).toEqual(bytes);
    expect((await stat(file)).mtimeMs).toBe(mtimeMs);
  });

  it("keeps only the newest 20 runs' journal and 20 runs per repository", async () => {
    const file = await makeFile();
    const store = await openStateStore({ stateFile: file });
    for (let i = 0; i < 25; i++) {
      const at = `2025-09-${String(i + 1).padStart(2, '0')}T10:00:00.000Z`;
      store.appendJournal(journal(`run-${i}`, 2, at));
      store.recordRun(run(`run-${i}`, at));
    }
    store.recordRun(run('other-repo', '2025-08-01T00:00:00.000Z', 'acme/other'));
    await store.save();
    store.close();
    const again = await openStateStore({ stateFile: file });
    const records = again.syncRecords();
    const runsWithJournal = [...new Set(records.journal.map((e) => e.runId))];
    expect(runsWithJournal.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `run-${i + 5}`).sort());
    expect(records.journal).toHaveLength(40);
    expect(records.runs.filter((r) => r.repository === 'acme/widgets')).toHaveLength(20);
    expect(again.lastRun('github', 'acme/widgets')?.runId).toBe('run-24');
    expect(again.lastRun('github', 'acme/other')?.runId).toBe('other-repo');
    again.close();
  });

  it('leaves the original untouched and removes the temp file when verification fails', async () => {
    const file = await makeFile();
    const original = await readFile(file);
    let temp = '';
    const store = await openStateStore({
      stateFile: file,
      onTempFileWritten: async (tempPath) => {
        temp = tempPath;
        await writeFile(tempPath, 'garbage');
      },
    });
    store.upsertLink(featureLink);
    await expect(store.save()).rejects.toMatchObject({
      code: 'STATE_WRITE_FAILED',
      message: expect.stringContaining('left unchanged'),
    });
    store.close();
    expect(temp).not.toBe('');
    expect(path.dirname(temp)).toBe(dir);
    expect(await readFile(file)).toEqual(original);
    expect(await readdir(dir)).toEqual([path.basename(file)]);
  });
});

describe('the SQLite store', () => {
  it('reads without writing: a database without the product tables stays byte-identical', async () => {
    const file = await sampleCopy('v1.db');
    const before = await readFile(file);
    const store = await openStateStore({ stateFile: file });
    expect(store.syncedItems('github', 'acme/widgets').size).toBe(0);
    expect(store.lastRun('github', 'acme/widgets')).toBeNull();
    expect(store.syncRecords()).toEqual({ items: [], journal: [], runs: [] });
    expect(await store.save()).toBe(false);
    store.close();
    expect(await readFile(file)).toEqual(before);
  });

  it('migrates at the first write and keeps the orchestrator rows', async () => {
    const file = await sampleCopy('v2-tasks.db');
    const store = await openStateStore({ stateFile: file });
    store.upsertLink({ ...taskLink, taskId: 'a1b2c3d4-0000-4000-8000-000000000001' });
    await store.save();
    store.close();
    const bytes = await readFile(file);
    expect(await queryDatabase(bytes, 'SELECT version FROM orchestrator_git_migrations')).toEqual([
      { version: 1 },
      { version: 2 },
    ]);
    expect(await queryDatabase(bytes, 'SELECT count(*) AS n FROM tasks')).toEqual([{ n: 4 }]);
    const rows = await queryDatabase(
      bytes,
      'SELECT task_id, platform, sync_status, created_at FROM feature_issue_links',
    );
    expect(rows).toEqual([
      expect.objectContaining({
        task_id: 'a1b2c3d4-0000-4000-8000-000000000001',
        platform: 'github',
        sync_status: 'pending',
      }),
    ]);
    expect(rows[0]?.created_at).toEqual(expect.any(String));
    const state = await readState({ stateFile: file });
    expect(state.generation).toBe('v2-tasks');
    expect(state.tasks).toHaveLength(4);
  });

  it('refuses to write a database migrated by a newer version', async () => {
    const file = await writeFixture(
      dir,
      'newer.db',
      await buildDatabase(
        'v2-generic',
        { generic_tasks: [{ task_id: 'a' }] },
        {
          extraSql:
            "CREATE TABLE orchestrator_git_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL); INSERT INTO orchestrator_git_migrations VALUES (1, 'a', 'x'), (7, 'future', 'x');",
        },
      ),
    );
    const store = await openStateStore({ stateFile: file });
    expect(() => store.upsertSyncedItem(item)).toThrow(/newer orchestrator-git/);
    store.close();
  });

  it('takes features from the folder when one is given', async () => {
    const store = await openStateStore({
      stateFile: path.join(SAMPLES_DIR, 'v2-generic.db'),
      featuresDir: path.join(SAMPLES_DIR, 'features'),
    });
    expect(store.state.features.map((f) => f.id)).toEqual([
      'GIT_INTEGRATION_V1',
      'AUTOMATION_MAINTENANCE_V1',
      'SESSION_MANAGEMENT_V2',
      'SMART_TASK_ROUTING',
    ]);
    store.close();
  });
});

describe('the JSON store', () => {
  it('keeps exportedAt and its own features, and reads features from a folder when given', async () => {
    const file = await jsonCopy();
    const store = await openStateStore({ stateFile: file });
    expect(store.state.generation).toBe('json-export');
    expect(store.state.source?.exportedFrom).toEqual({
      generation: 'v2-tasks',
      file: 'task_orchestrator.db',
      exportedAt: '2025-09-01T00:00:00.000Z',
    });
    expect(store.state.features).toEqual([]);
    store.upsertLink(featureLink);
    await store.save();
    store.close();
    const text = await readFile(file, 'utf8');
    expect(text).toContain('"exportedAt": "2025-09-01T00:00:00.000Z"');
    expect(text.endsWith('}\n')).toBe(true);

    const withFeatures = await readState({
      stateFile: file,
      featuresDir: path.join(SAMPLES_DIR, 'features'),
    });
    expect(withFeatures.features).toHaveLength(4);
    expect(withFeatures.tasks).toHaveLength(4);
  });
});

describe('readAutoSyncEnabled', () => {
  it.each([
    [1, true],
    [0, false],
    ['true', true],
    ['false', false],
    [null, true],
    ['maybe', true],
  ])('reads auto_sync_enabled %j as %j', async (value, expected) => {
    const file = await writeFixture(
      dir,
      'config.db',
      await buildDatabase('v2-generic', { git_integration_config: [{ id: 1, auto_sync_enabled: value }] }),
    );
    expect(await readAutoSyncEnabled(file)).toBe(expected);
  });

  it('is null without the table or without a row', async () => {
    expect(await readAutoSyncEnabled(path.join(SAMPLES_DIR, 'v1.db'))).toBeNull();
    const file = await writeFixture(dir, 'no-row.db', await buildDatabase('v1', {}, { seedTables: true }));
    expect(await readAutoSyncEnabled(file)).toBeNull();
  });

  it('does not read tasks: a broken task table does not matter', async () => {
    const file = await writeFixture(
      dir,
      'no-tasks.db',
      await buildDatabase('none', { git_integration_config: [{ id: 1, auto_sync_enabled: 0 }] }),
    );
    expect(await readAutoSyncEnabled(file)).toBe(false);
  });

  it("reads a JSON export's config", async () => {
    const state = await readState({ stateFile: path.join(SAMPLES_DIR, 'v1.db') });
    state.config = {
      platform: 'github',
      repositoryUrl: 'https://github.com/acme/widgets',
      apiTokenName: null,
      defaultLabels: [],
      autoSyncEnabled: false,
      issueTemplate: null,
    };
    const file = await writeFixture(dir, 'state.json', exportState(state));
    expect(await readAutoSyncEnabled(file)).toBe(false);
    await writeFile(file, exportState({ ...state, config: null }));
    expect(await readAutoSyncEnabled(file)).toBeNull();
  });

  it('fails like a full read for a missing file', async () => {
    await expect(readAutoSyncEnabled(path.join(dir, 'missing.db'))).rejects.toMatchObject({
      code: 'STATE_NOT_FOUND',
    });
  });
});
