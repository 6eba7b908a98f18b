import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readState } from '../../../src/state/store.js';
import {
  LARGE_SPECIALISTS,
  LARGE_STATUSES,
  buildLargeV2GenericDatabase,
  writeFixture,
} from '../../../test-support/fixtures/build-db.js';

describe('a 100,000-task v2 generic database', () => {
  let dir: string;
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is read completely and correctly', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'og-large-'));
    const file = await writeFixture(dir, 'large.db', await buildLargeV2GenericDatabase(100_000));
    const state = await readState({ stateFile: file });

    expect(state.generation).toBe('v2-generic');
    expect(state.tasks).toHaveLength(100_000);
    expect(state.tasks[0]?.id).toBe('gt_000001');
    expect(state.tasks[99_999]?.id).toBe('gt_100000');

    const byId = new Map(state.tasks.map((t) => [t.id, t]));
    expect(byId.get('gt_000011')).toMatchObject({
      parentId: null,
      position: 0,
      status: LARGE_STATUSES[11 % 6],
      dependencies: [],
    });
    expect(byId.get('gt_000012')).toMatchObject({
      parentId: 'gt_000011',
      position: 1,
      status: LARGE_STATUSES[12 % 6],
      specialist: LARGE_SPECIALISTS[12 % 5],
      featureId: 'F5',
      priority: 'high',
      dependencies: ['gt_000011'],
      createdAt: '2025-01-01T00:00:12.000Z',
    });
    expect(byId.get('gt_000013')).toMatchObject({
      featureId: null,
      priority: null,
      dependencies: ['gt_000012'],
    });
    expect(byId.get('gt_050000')).toMatchObject({ status: 'cancelled' });

    expect(state.tasks.filter((t) => t.parentId === null)).toHaveLength(10_000);
    expect(state.warnings).toHaveLength(100);
    expect(state.warnings.every((w) => w.code === 'STATE_SOFT_DELETED')).toBe(true);
  });
});
