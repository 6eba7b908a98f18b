import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readV1Tasks } from '../../../src/state/readers/v1.js';
import { readV2GenericTasks } from '../../../src/state/readers/v2-generic.js';
import { fallbackTitle, readV2Tasks } from '../../../src/state/readers/v2-tasks.js';
import { openDatabase } from '../../../src/state/sqlite.js';
import { readState } from '../../../src/state/store.js';
import type { OrchestratorState, TaskRecord } from '../../../src/state/types.js';
import {
  SAMPLES_DIR,
  buildDatabase,
  type FixtureGeneration,
  type Tables,
} from '../../../test-support/fixtures/build-db.js';

function byId(state: { tasks: TaskRecord[] }, id: string): TaskRecord {
  const task = state.tasks.find((t) => t.id === id);
  if (!task) throw new Error(`no task ${id}`);
  return task;
}

async function readBuilt(generation: FixtureGeneration, tables: Tables, extraSql?: string) {
  const db = await openDatabase(
    await buildDatabase(generation, tables, extraSql ? { extraSql } : {}),
    'built.db',
  );
  try {
    return generation === 'v1'
      ? readV1Tasks(db)
      : generation === 'v2-generic'
        ? readV2GenericTasks(db)
        : readV2Tasks(db);
  } finally {
    db.close();
  }
}

describe('the orchestrator sample databases', () => {
  let v1: OrchestratorState;
  let generic: OrchestratorState;
  let tasks: OrchestratorState;
  beforeAll(async () => {
    v1 = await readState({ stateFile: path.join(SAMPLES_DIR, 'v1.db') });
    generic = await readState({ stateFile: path.join(SAMPLES_DIR, 'v2-generic.db') });
    tasks = await readState({ stateFile: path.join(SAMPLES_DIR, 'v2-tasks.db') });
  });

  describe('v1', () => {
    it('is recognised as v1, breakdowns as top-level tasks and subtasks as their children', () => {
      expect(v1.generation).toBe('v1');
      expect(v1.source?.description).toContain('v1');
      expect(v1.tasks.map((t) => [t.id, t.parentId])).toEqual([
        ['architect_1a2b3c', 'task_6f1e2a9b'],
        ['debugger_0c1d2e', 'task_6f1e2a9b'],
        ['documenter_3f4a5b', 'task_0b7c44d1'],
        ['implementer_4d5e6f', 'task_6f1e2a9b'],
        ['reviewer_6c7d8e', 'task_0b7c44d1'],
        ['task_0b7c44d1', null],
        ['task_6f1e2a9b', null],
        ['tester_7a8b9c', 'task_6f1e2a9b'],
      ]);
    });

    it('titles a breakdown by the first line of its description and keeps its complexity', () => {
      expect(byId(v1, 'task_0b7c44d1')).toMatchObject({
        title: 'Write user documentation for v2 — guides & API',
        complexity: 'moderate',
        createdAt: '2025-06-03T10:00:00.000Z',
        position: 1,
      });
      expect(byId(v1, 'task_6f1e2a9b').createdAt).toBe('2025-06-02T09:14:03.512Z');
    });

    it('derives a breakdown status from its subtasks', () => {
      expect(byId(v1, 'task_6f1e2a9b').status).toBe('in_progress');
      expect(byId(v1, 'task_0b7c44d1').status).toBe('in_progress');
    });

    it.each([
      ['architect_1a2b3c', 'completed', 'completed', 'architect', '3 hours', []],
      ['implementer_4d5e6f', 'in_progress', 'active', 'implementer', '1-2 days', ['architect_1a2b3c']],
      ['tester_7a8b9c', 'pending', 'pending', 'tester', '4 hours', ['implementer_4d5e6f']],
      ['debugger_0c1d2e', 'failed', 'failed', 'debugger', '2 hours', []],
      ['documenter_3f4a5b', 'pending', 'pending', 'documenter', '1 day', []],
      ['reviewer_6c7d8e', 'completed', 'completed', 'reviewer', '2 hours', []],
    ])('reads subtask %s', (id, status, rawStatus, specialist, effort, dependencies) => {
      expect(byId(v1, id)).toMatchObject({
        status,
        rawStatus,
        specialist,
        estimatedEffort: effort,
        dependencies,
      });
    });

    it('keeps unicode titles and completion times', () => {
      expect(byId(v1, 'debugger_0c1d2e').title).toBe('Fix rate-limit crash 🐛');
      expect(byId(v1, 'documenter_3f4a5b').title).toBe('Guide: 五分钟 setup');
      expect(byId(v1, 'architect_1a2b3c').completedAt).toBe('2025-06-02T13:40:12.000Z');
      expect(byId(v1, 'implementer_4d5e6f').position).toBe(1);
    });

    it('warns about the dependencies column that is not JSON', () => {
      expect(v1.warnings).toEqual([
        {
          code: 'STATE_JSON_COLUMN_INVALID',
          message: 'dependencies of task "debugger_0c1d2e" is not valid JSON ("not json"); read as empty.',
          subject: 'debugger_0c1d2e',
        },
      ]);
    });
  });

  describe('v2 generic', () => {
    it('reads every row with its parent, status and fields', () => {
      expect(generic.generation).toBe('v2-generic');
      expect(generic.tasks.map((t) => [t.id, t.parentId, t.status])).toEqual([
        ['gt_0002', 'gt_root_0001', 'completed'],
        ['gt_0003', 'gt_root_0001', 'in_progress'],
        ['gt_0004', 'gt_0003', 'blocked'],
        ['gt_0005', 'gt_root_0001', 'cancelled'],
        ['gt_root_0001', null, 'in_progress'],
      ]);
      expect(byId(generic, 'gt_root_0001')).toMatchObject({
        title: 'Release 2.1: Git integration',
        specialist: 'coordinator',
        complexity: 'very_complex',
        estimatedEffort: '3 weeks',
        featureId: 'GIT_INTEGRATION_V1',
        priority: 'high',
        dueDate: '2025-07-21T00:00:00.000Z',
        createdAt: '2025-07-01T08:00:00.000Z',
      });
      expect(byId(generic, 'gt_0002')).toMatchObject({
        assignee: 'alice',
        completedAt: '2025-07-04T17:00:00.000Z',
        position: 0,
      });
      expect(byId(generic, 'gt_0003')).toMatchObject({ position: 1, dependencies: ['gt_0002'] });
      expect(byId(generic, 'gt_0004')).toMatchObject({
        specialist: 'optimizer',
        featureId: null,
        priority: null,
      });
    });

    it('reads the soft-deleted task as cancelled and warns; warns about bad JSON', () => {
      expect(byId(generic, 'gt_0005')).toMatchObject({ status: 'cancelled', rawStatus: 'cancelled' });
      expect(generic.warnings.map((w) => [w.code, w.subject])).toEqual([
        ['STATE_JSON_COLUMN_INVALID', 'gt_0004'],
        ['STATE_SOFT_DELETED', 'gt_0005'],
      ]);
      expect(generic.warnings[0]?.message).toContain('"{bad json"');
    });
  });

  describe('v2 tasks', () => {
    const root = '7d0f3c1e-2b4a-4c8e-9f10-1a2b3c4d5e6f';
    it('reads metadata, parents and dependencies', () => {
      expect(tasks.generation).toBe('v2-tasks');
      expect(byId(tasks, root)).toMatchObject({
        parentId: null,
        status: 'in_progress',
        priority: 'critical',
        complexity: 'complex',
        specialist: 'architect',
        featureId: 'GIT_INTEGRATION_V1',
        createdAt: '2025-08-01T07:00:00.000Z',
        updatedAt: '2025-08-02T07:00:00.000Z',
      });
      expect(byId(tasks, 'a1b2c3d4-0000-4000-8000-000000000001')).toMatchObject({
        parentId: root,
        status: 'completed',
        specialist: 'implementer',
        estimatedEffort: '3 hours',
        completedAt: '2025-08-01T12:00:00.000Z',
      });
      expect(byId(tasks, 'a1b2c3d4-0000-4000-8000-000000000002').dependencies).toEqual([
        'a1b2c3d4-0000-4000-8000-000000000001',
      ]);
    });

    it('keeps the hostile title verbatim', () => {
      expect(byId(tasks, 'a1b2c3d4-0000-4000-8000-000000000002').title).toBe(
        'Test ::add-mask::x and <script>alert(1)</script>',
      );
    });

    it('gives the untitled task a fallback title and reads its empty metadata quietly', () => {
      expect(byId(tasks, 'a1b2c3d4-0000-4000-8000-000000000003')).toMatchObject({
        title: 'Review a1b2c3d4…00000003',
        description: '',
        status: 'failed',
        specialist: null,
      });
      expect(tasks.warnings).toEqual([expect.objectContaining({ code: 'STATE_TITLE_MISSING' })]);
    });
  });

  it('reads no links, config or milestones when the seed tables are absent', () => {
    for (const state of [v1, generic, tasks]) {
      expect(state).toMatchObject({ links: [], config: null, milestones: [], features: [] });
    }
  });
});

describe('readers on built databases', () => {
  it('treats a task whose parent does not exist as top-level, with a warning', async () => {
    const { tasks, warnings } = await readBuilt('v2-generic', {
      generic_tasks: [
        { task_id: 'a', parent_task_id: 'ghost' },
        { task_id: 'b', parent_task_id: 'a' },
      ],
    });
    expect(tasks.map((t) => [t.id, t.parentId])).toEqual([
      ['a', null],
      ['b', 'a'],
    ]);
    expect(warnings).toEqual([expect.objectContaining({ code: 'STATE_PARENT_MISSING', subject: 'a' })]);
  });

  it('breaks a parent cycle at its smallest id', async () => {
    const { tasks, warnings } = await readBuilt('v2-tasks', {
      tasks: [
        { id: 'c', parent_task_id: 'b', title: 'C' },
        { id: 'b', parent_task_id: 'a', title: 'B' },
        { id: 'a', parent_task_id: 'c', title: 'A' },
        { id: 'd', parent_task_id: 'd', title: 'D' },
        { id: 'e', parent_task_id: 'a', title: 'E' },
      ],
    });
    expect(tasks.map((t) => [t.id, t.parentId])).toEqual([
      ['a', null],
      ['b', 'a'],
      ['c', 'b'],
      ['d', null],
      ['e', 'a'],
    ]);
    expect(warnings.map((w) => [w.code, w.subject])).toEqual([
      ['STATE_PARENT_CYCLE', 'd'],
      ['STATE_PARENT_CYCLE', 'a'],
    ]);
  });

  it('drops dependencies on missing tasks and on the task itself', async () => {
    const { tasks, warnings } = await readBuilt('v1', {
      task_breakdowns: [{ parent_task_id: 'p' }],
      subtasks: [
        { task_id: 's1', parent_task_id: 'p', dependencies: '["s2","ghost","s1","s2"]' },
        { task_id: 's2', parent_task_id: 'p', dependencies: '' },
      ],
    });
    expect(tasks.find((t) => t.id === 's1')?.dependencies).toEqual(['s2']);
    expect(warnings.map((w) => w.code)).toEqual(['STATE_DEPENDENCY_MISSING', 'STATE_DEPENDENCY_MISSING']);
  });

  it('maps v1 statuses, warns on unknown ones and derives the breakdown status', async () => {
    const { tasks, warnings } = await readBuilt('v1', {
      task_breakdowns: [
        { parent_task_id: 'done', description: 'All done' },
        { parent_task_id: 'stuck', description: 'Stuck' },
        { parent_task_id: 'empty', description: 'Nothing yet' },
      ],
      subtasks: [
        { task_id: 'd1', parent_task_id: 'done', status: 'completed', completed_at: '2025-06-01 10:00:00' },
        { task_id: 'd2', parent_task_id: 'done', status: 'completed', completed_at: '2025-06-03 10:00:00' },
        { task_id: 's1', parent_task_id: 'stuck', status: 'blocked' },
        { task_id: 's2', parent_task_id: 'stuck', status: 'on_hold' },
      ],
    });
    const get = (id: string) => tasks.find((t) => t.id === id);
    expect(get('done')).toMatchObject({ status: 'completed', completedAt: '2025-06-03T10:00:00.000Z' });
    expect(get('stuck')?.status).toBe('blocked');
    expect(get('empty')?.status).toBe('pending');
    expect(get('s2')).toMatchObject({ status: 'pending', rawStatus: 'on_hold' });
    expect(warnings).toEqual([expect.objectContaining({ code: 'STATE_STATUS_UNKNOWN', subject: 's2' })]);
  });

  it('trims a long v1 description to a 120-character title', async () => {
    const long = `${'word '.repeat(40)}\nsecond line`;
    const { tasks } = await readBuilt('v1', {
      task_breakdowns: [{ parent_task_id: 'p', description: long }],
    });
    const title = tasks[0]?.title ?? '';
    expect(Array.from(title)).toHaveLength(120);
    expect(title.endsWith('…')).toBe(true);
    expect(tasks[0]?.description).toBe(long);
  });

  it('reads timestamps in every form, warning on unparseable ones', async () => {
    const { tasks, warnings } = await readBuilt('v2-generic', {
      generic_tasks: [
        {
          task_id: 'a',
          created_at: '2025-07-01T08:00:00.123456',
          due_date: 'next week',
          completed_at: '2025-07-02',
        },
      ],
    });
    expect(tasks[0]).toMatchObject({
      createdAt: '2025-07-01T08:00:00.123Z',
      dueDate: null,
      completedAt: '2025-07-02T00:00:00.000Z',
    });
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'STATE_TIMESTAMP_INVALID',
        subject: 'a',
        message: expect.stringContaining('due_date'),
      }),
    ]);
  });

  it('normalises priorities from v2 generic context and warns on unknown ones', async () => {
    const { tasks, warnings } = await readBuilt('v2-generic', {
      generic_tasks: [
        { task_id: 'a', context: '{"priority":"HIGH"}' },
        { task_id: 'b', context: '{"priority":"someday"}' },
        { task_id: 'c', context: '[]' },
      ],
    });
    expect(tasks.map((t) => t.priority)).toEqual(['high', null, null]);
    expect(warnings).toEqual([expect.objectContaining({ code: 'STATE_PRIORITY_UNKNOWN', subject: 'b' })]);
  });

  it('skips v2 generic template rows', async () => {
    const { tasks, warnings } = await readBuilt('v2-generic', {
      generic_tasks: [{ task_id: 'real' }, { task_id: 'tpl', is_template: 1 }],
    });
    expect(tasks.map((t) => t.id)).toEqual(['real']);
    expect(warnings).toEqual([expect.objectContaining({ code: 'STATE_TEMPLATE_SKIPPED' })]);
  });

  it('reads a v2 generic table from a release without the newer columns as NULL', async () => {
    const { tasks } = await readBuilt(
      'v2-generic',
      { generic_tasks: [{ task_id: 'a', title: 'Old' }] },
      'ALTER TABLE generic_tasks DROP COLUMN deleted_at; ALTER TABLE generic_tasks DROP COLUMN due_date;',
    );
    expect(tasks[0]).toMatchObject({ id: 'a', title: 'Old', dueDate: null, status: 'pending' });
  });

  it('reads v2 tasks metadata fields and positions by creation order', async () => {
    const { tasks } = await readBuilt('v2-tasks', {
      tasks: [
        { id: 'p', title: 'Parent', created_at: '2025-01-01T00:00:00' },
        { id: 'k2', parent_task_id: 'p', title: 'Second', created_at: '2025-01-03T00:00:00' },
        {
          id: 'k1',
          parent_task_id: 'p',
          title: 'First',
          created_at: '2025-01-02T00:00:00',
          metadata: '{"assignee":"octocat","due_date":"2025-02-01","priority":"low","feature_id":"F1"}',
        },
      ],
    });
    expect(tasks.map((t) => [t.id, t.position])).toEqual([
      ['k1', 0],
      ['k2', 1],
      ['p', 0],
    ]);
    expect(tasks[0]).toMatchObject({
      assignee: 'octocat',
      dueDate: '2025-02-01T00:00:00.000Z',
      priority: 'low',
      featureId: 'F1',
    });
  });

  it.each([
    ['review', '7d0f3c1e-2b4a-4c8e-9f10-1a2b3c4d5e6f', false, 'Review 7d0f3c1e'],
    ['code_review', 'abc', false, 'Code review abc'],
    [null, '1234567890abcdef12345678', true, 'Task 12345678…12345678'],
  ])('fallback title for type %j and id %s', (type, id, ambiguous, expected) => {
    expect(fallbackTitle(type, id, ambiguous)).toBe(expected);
  });
});

describe('readState on a file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'og-readers-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the seed tables: links, config and milestones', async () => {
    const { writeFixture } = await import('../../../test-support/fixtures/build-db.js');
    const file = await writeFixture(
      dir,
      'seeded.db',
      await buildDatabase('v2-generic', {
        generic_tasks: [{ task_id: 't1' }],
        feature_issue_links: [
          {
            feature_id: 'F1',
            task_id: null,
            platform: 'github',
            repository: 'acme/widgets',
            issue_number: 7,
            issue_url: 'https://github.com/acme/widgets/issues/7',
            sync_status: 'synced',
            last_synced: '2025-07-01 10:00:00',
          },
          {
            feature_id: null,
            task_id: 't1',
            platform: 'GitLab',
            repository: 'acme/widgets',
            issue_number: 3,
            sync_status: null,
          },
          {
            feature_id: 'F2',
            task_id: null,
            platform: 'jira',
            repository: 'X',
            issue_number: 1,
            sync_status: 'manual',
          },
        ],
        git_integration_config: [
          { id: 2, repository_url: 'https://github.com/acme/second', auto_sync_enabled: 1 },
          {
            id: 1,
            platform: 'github',
            repository_url: 'https://github.com/acme/widgets',
            api_token_name: 'GH_TOKEN',
            default_labels: '["orchestrator","bad',
            auto_sync_enabled: 'false',
            issue_template: 'Body {{title}}',
          },
        ],
        release_milestones: [
          {
            id: 1,
            milestone_name: 'v2.1',
            target_date: '2025-09-01',
            included_features: '["F1","F2"]',
            status: 'active',
            platform_milestone_id: 12,
          },
          { id: 2, milestone_name: 'v2.2', status: null },
        ],
      }),
    );
    const state = await readState({ stateFile: file });
    expect(state.links).toEqual([
      {
        featureId: 'F1',
        taskId: null,
        platform: 'github',
        repository: 'acme/widgets',
        issueNumber: 7,
        issueUrl: 'https://github.com/acme/widgets/issues/7',
        syncStatus: 'synced',
        lastSynced: '2025-07-01T10:00:00.000Z',
      },
      {
        featureId: null,
        taskId: 't1',
        platform: 'gitlab',
        repository: 'acme/widgets',
        issueNumber: 3,
        issueUrl: '',
        syncStatus: 'pending',
        lastSynced: null,
      },
    ]);
    expect(state.config).toEqual({
      platform: 'github',
      repositoryUrl: 'https://github.com/acme/widgets',
      apiTokenName: 'GH_TOKEN',
      defaultLabels: [],
      autoSyncEnabled: false,
      issueTemplate: 'Body {{title}}',
    });
    expect(state.milestones).toEqual([
      {
        id: 1,
        name: 'v2.1',
        targetDate: '2025-09-01',
        platformMilestoneId: '12',
        includedFeatures: ['F1', 'F2'],
        status: 'active',
      },
      {
        id: 2,
        name: 'v2.2',
        targetDate: null,
        platformMilestoneId: null,
        includedFeatures: [],
        status: 'planning',
      },
    ]);
    expect(state.warnings.map((w) => w.code)).toEqual(['STATE_LINK_INVALID', 'STATE_JSON_COLUMN_INVALID']);
  });
});
