/** The changelog benchmark helper at a small N, so `npm run bench` cannot rot unnoticed. */
import {
  benchChangelog,
  benchCommitMessage,
  fastImportStream,
} from '../../../test-support/release/bench-changelog.js';

describe('benchChangelog', () => {
  it('builds N conventional commits and times both generators over them', async () => {
    const result = await benchChangelog(50);
    expect(result.commits).toBe(50);
    expect(result.ours.ms).toBeGreaterThan(0);
    expect(result.cli.ms).toBeGreaterThan(0);
  }, 60_000);

  it('generates conventional messages, some breaking, and a fast-import stream of exactly N commits', () => {
    expect(benchCommitMessage(1)).toBe('fix(sync): change number 1\n');
    expect(benchCommitMessage(97)).toMatch(/^\w+(\(\w+\))?!: change number 97[\s\S]*BREAKING CHANGE: /);
    expect(fastImportStream(3).match(/^commit refs\/heads\/main$/gm)).toHaveLength(3);
  });

  it('refuses a count that is not a positive whole number', async () => {
    await expect(benchChangelog(0)).rejects.toThrow(/positive whole number of commits, not 0/);
  });
});
