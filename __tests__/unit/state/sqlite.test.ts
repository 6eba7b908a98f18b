import { loadSqlJs, openDatabase, selectList } from '../../../src/state/sqlite.js';

describe('sql.js loading', () => {
  it('loads once and shares the module', async () => {
    const [a, b] = await Promise.all([loadSqlJs(), loadSqlJs()]);
    expect(a).toBe(b);
    expect(typeof a.Database).toBe('function');
  });

  it('turns bytes SQLite cannot read into STATE_UNREADABLE with its message', async () => {
    const header = new TextEncoder().encode('SQLite format 3\u0000');
    const bytes = new Uint8Array(200);
    bytes.set(header);
    await expect(openDatabase(bytes, 'broken.db')).rejects.toMatchObject({
      code: 'STATE_UNREADABLE',
      message: expect.stringMatching(/"broken\.db".*(malformed|not a database)/),
    });
  });

  it('selects a missing optional column as NULL', () => {
    expect(selectList(new Set(['a']), ['a', 'b'])).toBe('"a", NULL AS "b"');
  });
});
