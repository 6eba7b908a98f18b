import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { OrchestratorGitError } from '../../../src/errors.js';
import { readState } from '../../../src/state/store.js';
import {
  SAMPLES_DIR,
  buildDatabase,
  schemaSql,
  writeFixture,
} from '../../../test-support/fixtures/build-db.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'og-detect-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function failure(stateFile: string): Promise<OrchestratorGitError> {
  try {
    await readState({ stateFile });
  } catch (error) {
    if (error instanceof OrchestratorGitError) return error;
    throw error;
  }
  throw new Error(`reading ${stateFile} did not fail`);
}

describe('state file errors', () => {
  it('a missing file is STATE_NOT_FOUND naming the path', async () => {
    const error = await failure(path.join(dir, 'nope.db'));
    expect(error.code).toBe('STATE_NOT_FOUND');
    expect(error.message).toContain('nope.db');
    expect(error.fix).toContain('.task_orchestrator/task_orchestrator.db');
  });

  it('a directory is STATE_UNREADABLE', async () => {
    const folder = path.join(dir, 'folder.db');
    await mkdir(folder);
    const error = await failure(folder);
    expect(error.code).toBe('STATE_UNREADABLE');
    expect(error.message).toContain('is a directory');
  });

  it.each([
    ['text', 'hello, this is not a database\n', /starts with "hello, this is n"/],
    ['random bytes', randomBytes(4096), /neither a SQLite database nor a JSON export/],
    ['an empty file', '', /it is empty/],
    [
      'a Git LFS pointer',
      'version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 12\n',
      /Git LFS pointer/,
    ],
  ])('%s is STATE_NOT_SQLITE', async (name, content, message) => {
    const file = await writeFixture(dir, `${name.replace(/\W/g, '_')}.db`, content);
    const error = await failure(file);
    expect(error.code).toBe('STATE_NOT_SQLITE');
    expect(error.message).toMatch(message);
  });

  it('a truncated SQLite file is STATE_UNREADABLE with sql.js message', async () => {
    const bytes = await readFile(path.join(SAMPLES_DIR, 'v2-generic.db'));
    const file = await writeFixture(dir, 'truncated.db', bytes.subarray(0, 6000));
    const error = await failure(file);
    expect(error.code).toBe('STATE_UNREADABLE');
    expect(error.message).toMatch(/malformed|not a database/);
  });

  it('a SQLite database without orchestrator tables is STATE_UNKNOWN_SCHEMA naming its tables', async () => {
    const file = await writeFixture(
      dir,
      'other.db',
      await buildDatabase(
        'none',
        {},
        { extraSql: 'CREATE TABLE users (id INTEGER); CREATE TABLE orders (id INTEGER);' },
      ),
    );
    const error = await failure(file);
    expect(error.code).toBe('STATE_UNKNOWN_SCHEMA');
    expect(error.message).toContain('tables orders, users');
    expect(error.message).toContain('generic_tasks');
    expect(error.message).toContain('task_breakdowns + subtasks');
  });

  it('a database with half of v1 says what is missing', async () => {
    const file = await writeFixture(
      dir,
      'half.db',
      await buildDatabase(
        'none',
        {},
        { extraSql: 'CREATE TABLE subtasks (task_id TEXT, parent_task_id TEXT, status TEXT);' },
      ),
    );
    const error = await failure(file);
    expect(error.code).toBe('STATE_UNKNOWN_SCHEMA');
    expect(error.message).toContain('table task_breakdowns is missing');
  });

  it("a `tasks` table that is not the orchestrator's is not taken for v2", async () => {
    const file = await writeFixture(
      dir,
      'todo.db',
      await buildDatabase('none', {}, { extraSql: 'CREATE TABLE tasks (name TEXT, done INTEGER);' }),
    );
    const error = await failure(file);
    expect(error.code).toBe('STATE_UNKNOWN_SCHEMA');
    expect(error.message).toContain('tasks lacks column(s) id, status');
  });

  it('an empty database is STATE_UNKNOWN_SCHEMA saying it has no tables', async () => {
    const file = await writeFixture(dir, 'empty.db', await buildDatabase('none'));
    const error = await failure(file);
    expect(error.message).toContain('it has no tables');
  });

  it('a JSON file that fails the export schema is STATE_JSON_INVALID naming the JSON paths', async () => {
    const file = await writeFixture(
      dir,
      'state.json',
      JSON.stringify({
        format: 'orchestrator-git-state',
        version: 1,
        exportedAt: '2025-01-01T00:00:00.000Z',
        source: { generation: 'v2-generic' },
        tasks: [
          { id: 'a', title: 'A', status: 'pending' },
          { id: 'b', title: 'B', status: 'paused' },
        ],
        links: [{ featureId: 'F', taskId: null, platform: 'gitea', repository: 'x/y', issueNumber: 0 }],
      }),
    );
    const error = await failure(file);
    expect(error.code).toBe('STATE_JSON_INVALID');
    expect(error.message).toContain('$.tasks[1].status');
    expect(error.message).toContain('$.links[0].platform');
    expect(error.message).toContain('$.links[0].issueNumber');
  });

  it('broken JSON is STATE_JSON_INVALID', async () => {
    const file = await writeFixture(dir, 'broken.json', '{"format": ');
    const error = await failure(file);
    expect(error.code).toBe('STATE_JSON_INVALID');
    expect(error.message).toContain('not valid JSON');
  });

  it('a JSON export from a newer version says so', async () => {
    const file = await writeFixture(dir, 'newer.json', '{"format":"orchestrator-git-state","version":2}');
    const error = await failure(file);
    expect(error.code).toBe('STATE_JSON_INVALID');
    expect(error.message).toContain('format version 2');
  });
});

describe('generation precedence', () => {
  it('prefers the newest generation that has rows, and warns about the others', async () => {
    const bytes = await buildDatabase(
      'v2-generic',
      {
        generic_tasks: [{ task_id: 'g1' }],
        task_breakdowns: [{ parent_task_id: 'old' }],
      },
      { extraSql: schemaSql('v1') },
    );
    const file = await writeFixture(dir, 'mixed.db', bytes);
    const state = await readState({ stateFile: file });
    expect(state.generation).toBe('v2-generic');
    expect(state.tasks.map((t) => t.id)).toEqual(['g1']);
    expect(state.warnings).toEqual([
      expect.objectContaining({
        code: 'STATE_SCHEMA_AMBIGUOUS',
        message: expect.stringContaining('ignoring v1 (1.x)'),
      }),
    ]);
  });

  it('skips an empty newer table in favour of an older one with rows', async () => {
    const extra =
      'CREATE TABLE tasks (id TEXT PRIMARY KEY, parent_task_id TEXT, type TEXT, status TEXT, title TEXT);';
    const file = await writeFixture(
      dir,
      'empty-newer.db',
      await buildDatabase('v2-generic', { generic_tasks: [{ task_id: 'g1' }] }, { extraSql: extra }),
    );
    const state = await readState({ stateFile: file });
    expect(state.generation).toBe('v2-generic');
    expect(state.warnings[0]?.message).toContain('v2 clean architecture (tasks: 0 rows)');
  });

  it('with no rows anywhere, takes the newest generation', async () => {
    const file = await writeFixture(
      dir,
      'all-empty.db',
      await buildDatabase('v1', {}, { extraSql: schemaSql('v2-tasks') }),
    );
    const state = await readState({ stateFile: file });
    expect(state.generation).toBe('v2-tasks');
  });
});
