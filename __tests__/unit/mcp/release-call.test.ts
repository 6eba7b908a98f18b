/** The release notes in the text of a release answer: their beginning, cut at a line, saying how much is left out. */
import { truncateNotes } from '../../../src/mcp/release-call.js';

describe('truncateNotes', () => {
  it('keeps short notes whole', () => {
    expect(truncateNotes('### Features\n\n* one\n')).toBe('### Features\n\n* one');
  });

  it.each([
    ['lines', Array.from({ length: 50 }, (_, index) => `* change ${index}`).join('\n'), 40, 10_000],
    ['characters', Array.from({ length: 10 }, (_, index) => `${index}`.repeat(300)).join('\n'), 40, 2000],
  ])('cuts long notes at a line (too many %s) and says how much is left', (_what, notes, lines, chars) => {
    const text = truncateNotes(notes, lines, chars);
    const [shown, tail] = text.split('\n… (');
    expect(notes.startsWith(`${shown ?? ''}\n`)).toBe(true);
    expect((shown ?? '').split('\n').length).toBeLessThanOrEqual(lines);
    expect((shown ?? '').length).toBeLessThanOrEqual(chars);
    expect(tail).toBe(
      `${notes.length - (shown ?? '').length} more characters: structuredContent.releaseNotes has the whole notes)`,
    );
  });
});
