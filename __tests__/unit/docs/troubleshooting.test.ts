import { readFileSync } from 'node:fs';
import { isBadInput } from '../../../src/cli/exit-codes.js';
import { ERROR_CODES, type ErrorCode } from '../../../src/errors.js';

/** Each code of the "By code" table of docs/troubleshooting.md, and whether its row marks it _input_ (exit 2). */
function documentedCodes(): Map<string, boolean> {
  const text = readFileSync('docs/troubleshooting.md', 'utf8');
  const table = text.slice(text.indexOf('## By code'), text.indexOf('## Situations'));
  const codes = new Map<string, boolean>();
  for (const row of table.split('\n').filter((line) => line.startsWith('| `'))) {
    const first = row.split('|')[1] ?? '';
    for (const [, code] of first.matchAll(/`([A-Z_]+)`/g)) codes.set(code!, first.includes('_input_'));
  }
  return codes;
}

describe('docs/troubleshooting.md', () => {
  const documented = documentedCodes();

  it('explains every error code, and no code that does not exist', () => {
    expect([...documented.keys()].sort()).toEqual([...ERROR_CODES].sort());
  });

  it.each([...ERROR_CODES])('marks %s as input exactly when the CLI exits 2 for it', (code: ErrorCode) => {
    expect(documented.get(code)).toBe(isBadInput(code));
  });
});
