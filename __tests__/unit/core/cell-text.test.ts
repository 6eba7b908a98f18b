/** The derive step's shortcuts for cells, checklist lines and descriptions: always what text.ts gives, only faster. */
import fc from 'fast-check';
import { cellText, markdownText } from '../../../src/core/desired.js';
import { inlineText, safeMarkdown } from '../../../src/core/text.js';

const tricky = fc.constantFrom(
  ' ',
  '  ',
  '\t',
  '\n',
  '\r',
  '\u00a0',
  '\u2028',
  '\u3000',
  '\ufeff',
  '\u0000',
  '\u007f',
  '|',
  '@a',
  '#1',
  '!2',
  '&3',
  'GH-4',
  '<!--',
  '-->',
  'a',
  'Task',
  '_',
  '·',
  '😀',
);
const text = fc.oneof(
  fc.string(),
  fc.array(tricky, { maxLength: 6 }).map((parts) => parts.join('')),
);

describe('cellText', () => {
  it('equals inlineText for any text, with and without neutralised mentions', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (value, neutralise) => {
        expect(cellText(value, neutralise)).toBe(inlineText(value, neutralise));
      }),
      { numRuns: 5000 },
    );
  });

  it('markdownText equals safeMarkdown for any text', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (value, neutralise) => {
        expect(markdownText(value, neutralise)).toBe(safeMarkdown(value, neutralise));
      }),
      { numRuns: 5000 },
    );
  });

  it('returns plain titles as they are', () => {
    expect(cellText('Benchmark task 12', true)).toBe('Benchmark task 12');
    expect(cellText(' padded ', true)).toBe('padded');
    expect(cellText('a | b', false)).toBe('a \\| b');
  });
});
