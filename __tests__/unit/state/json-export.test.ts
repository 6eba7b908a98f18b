import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeJsonExport } from '../../../src/state/export-command.js';
import { exportState, parseStateDocument, stateFromDocument } from '../../../src/state/json-export.js';
import { readState } from '../../../src/state/store.js';
import type { OrchestratorState } from '../../../src/state/types.js';
import { SAMPLES_DIR, SAMPLE_FEATURES_DIR } from '../../../test-support/fixtures/build-db.js';

const EXPORTED_AT = '2025-09-01T00:00:00.000Z';

describe('exportState', () => {
  let state: OrchestratorState;
  beforeAll(async () => {
    state = await readState({
      stateFile: path.join(SAMPLES_DIR, 'v2-generic.db'),
      featuresDir: SAMPLE_FEATURES_DIR,
    });
  });

  it('writes the documented shape: fixed key order, sorted tasks, 2-space indent, trailing newline', () => {
    const text = exportState(
      { ...state, tasks: [...state.tasks].reverse() },
      {
        items: [
          {
            itemKey: 'task:b',
            platform: 'github',
            repository: 'a/b',
            issueNumber: 2,
            issueId: null,
            contentHash: 'h2',
            ownedAssignees: [],
            syncedAt: EXPORTED_AT,
          },
          {
            itemKey: 'task:a',
            platform: 'github',
            repository: 'a/b',
            issueNumber: 1,
            issueId: null,
            contentHash: 'h1',
            ownedAssignees: ['x'],
            syncedAt: EXPORTED_AT,
          },
        ],
      },
      { exportedAt: EXPORTED_AT, sourceFile: '.task_orchestrator/task_orchestrator.db' },
    );
    expect(text.endsWith('}\n')).toBe(true);
    expect(
      text.startsWith(
        '{\n  "format": "orchestrator-git-state",\n  "version": 1,\n  "exportedAt": "2025-09-01T00:00:00.000Z",\n  "source": {\n    "generation": "v2-generic",\n    "file": ".task_orchestrator/task_orchestrator.db"\n  },\n  "tasks": [\n    {\n      "id": "gt_0002",\n',
      ),
    ).toBe(true);
    const doc = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual([
      'format',
      'version',
      'exportedAt',
      'source',
      'tasks',
      'features',
      'milestones',
      'links',
      'config',
      'sync',
    ]);
    const tasks = doc.tasks as { id: string }[];
    expect(tasks.map((t) => t.id)).toEqual(['gt_0002', 'gt_0003', 'gt_0004', 'gt_0005', 'gt_root_0001']);
    expect(Object.keys(tasks[0] ?? {})).toEqual([
      'id',
      'parentId',
      'title',
      'description',
      'status',
      'rawStatus',
      'specialist',
      'priority',
      'complexity',
      'estimatedEffort',
      'assignee',
      'featureId',
      'position',
      'createdAt',
      'updatedAt',
      'completedAt',
      // Only when recorded (v2 generic started_at), so older exports and other generations keep their shape.
      'startedAt',
      'dueDate',
      'dependencies',
    ]);
    expect((doc.sync as { items: { itemKey: string }[] }).items.map((i) => i.itemKey)).toEqual([
      'task:a',
      'task:b',
    ]);
  });

  it('is stable: the same state gives the same text whatever the input order', () => {
    const a = exportState(state, {}, { exportedAt: EXPORTED_AT });
    const b = exportState(
      { ...state, tasks: [...state.tasks].reverse(), features: [...state.features].reverse() },
      {},
      { exportedAt: EXPORTED_AT },
    );
    expect(a).toBe(b);
  });

  it('round-trips through parse and stateFromDocument', () => {
    const text = exportState(state, {}, { exportedAt: EXPORTED_AT });
    const back = stateFromDocument(parseStateDocument(text, 'state.json'), 'state.json');
    expect(back.generation).toBe('json-export');
    expect(back.tasks).toEqual(state.tasks);
    expect(back.features).toEqual([...state.features].sort((x, y) => (x.id < y.id ? -1 : 1)));
    expect(back.source?.exportedFrom).toEqual({ generation: 'v2-generic', exportedAt: EXPORTED_AT });
    expect(back.warnings).toEqual([]);
    // Re-exporting keeps the original generation.
    expect(exportState(back, {}, { exportedAt: EXPORTED_AT })).toBe(text);
  });

  it('fills defaults for optional fields of hand-written exports', () => {
    const doc = parseStateDocument(
      JSON.stringify({
        format: 'orchestrator-git-state',
        version: 1,
        exportedAt: EXPORTED_AT,
        source: { generation: 'v1' },
        tasks: [{ id: 't', title: 'T', status: 'pending', createdAt: '2025-01-02 03:04:05' }],
      }),
      'x.json',
    );
    const state = stateFromDocument(doc, 'x.json');
    expect(state.tasks[0]).toMatchObject({
      parentId: null,
      dependencies: [],
      position: 0,
      createdAt: '2025-01-02T03:04:05.000Z',
    });
    expect(state).toMatchObject({ features: [], links: [], milestones: [], config: null });
    expect(doc.sync).toEqual({ items: [], journal: [], runs: [] });
  });

  it.each([
    [{ format: 'something-else' }, '$.format'],
    [{ tasks: 'none' }, '$.tasks'],
    [{ tasks: [{ id: '', title: 'x', status: 'pending' }] }, '$.tasks[0].id'],
    [{ sync: { items: [{ itemKey: 'k' }] } }, '$.sync.items[0].platform'],
    [{ config: { repositoryUrl: 5 } }, '$.config.repositoryUrl'],
  ])('names the JSON path of a problem (%j)', (patch, where) => {
    const base = {
      format: 'orchestrator-git-state',
      version: 1,
      exportedAt: EXPORTED_AT,
      source: { generation: 'v1' },
      tasks: [],
    };
    expect(() => parseStateDocument(JSON.stringify({ ...base, ...patch }), 'x.json')).toThrow(
      expect.objectContaining({ code: 'STATE_JSON_INVALID', message: expect.stringContaining(where) }),
    );
  });

  it('lists at most five problems', () => {
    const tasks = Array.from({ length: 8 }, (_, i) => ({ id: `t${i}`, title: 'x', status: 'nope' }));
    const text = JSON.stringify({
      format: 'orchestrator-git-state',
      version: 1,
      exportedAt: EXPORTED_AT,
      source: { generation: 'v1' },
      tasks,
    });
    expect(() => parseStateDocument(text, 'x.json')).toThrow(/\$\.tasks\[4\]\.status.*; and 3 more\./);
  });
});

describe('writeJsonExport', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'og-export-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the export, then leaves it alone when only the date would change', async () => {
    const out = path.join(dir, 'state.json');
    const first = await writeJsonExport(
      path.join(SAMPLES_DIR, 'v1.db'),
      out,
      SAMPLE_FEATURES_DIR,
      () => new Date(EXPORTED_AT),
    );
    expect(first).toMatchObject({ written: true, generation: 'v1', tasks: 8, features: 4 });
    const text = await readFile(out, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ exportedAt: EXPORTED_AT, source: { generation: 'v1' } });
    const { mtimeMs } = await stat(out);

    const second = await writeJsonExport(
      path.join(SAMPLES_DIR, 'v1.db'),
      out,
      SAMPLE_FEATURES_DIR,
      () => new Date('2026-01-01T00:00:00Z'),
    );
    expect(second.written).toBe(false);
    expect((await stat(out)).mtimeMs).toBe(mtimeMs);
    expect(await readFile(out, 'utf8')).toBe(text);

    const state = await readState({ stateFile: out });
    expect(state.tasks.map((t) => t.id)).toContain('task_6f1e2a9b');
    expect(state.features).toHaveLength(4);
  });

  it('records the source as a relative path, never an absolute one', async () => {
    const out = path.join(dir, 'state.json');
    await writeJsonExport(path.join(SAMPLES_DIR, 'v2-tasks.db'), out);
    const source = (JSON.parse(await readFile(out, 'utf8')) as { source: { file?: string } }).source;
    expect(source.file).toBeDefined();
    expect(path.isAbsolute(source.file ?? '')).toBe(false);
    expect(source.file?.endsWith('v2-tasks.db')).toBe(true);
  });
});
