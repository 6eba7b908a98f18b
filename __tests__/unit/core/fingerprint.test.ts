/** The plan's shortcut for issues in step: fields judged the same must hash the same, and fields that differ must not. */
import fc from 'fast-check';
import { fingerprint, sameFingerprintFields, type FingerprintFields } from '../../../src/core/plan.js';

const fields: fc.Arbitrary<FingerprintFields> = fc.record(
  {
    title: fc.constantFrom('A', 'B', 'a'),
    block: fc.constantFrom('', 'x', 'x\n', 'null'),
    labels: fc.array(fc.constantFrom('status:pending', 'Status:Pending', 'type:task', 'bug'), {
      maxLength: 3,
    }),
    milestone: fc.constantFrom(null, 'v1', 'null'),
    state: fc.constantFrom('open' as const, 'closed' as const),
    attributes: fc.dictionary(
      fc.constantFrom('kind', 'priority', 'state'),
      fc.constantFrom('', 'task', 'bug'),
    ),
  },
  { requiredKeys: ['title', 'block', 'labels', 'milestone', 'state'] },
);

describe('sameFingerprintFields', () => {
  it('agrees with comparing the fingerprints themselves', () => {
    fc.assert(
      fc.property(fields, fields, (a, b) => {
        expect(sameFingerprintFields(a, b)).toBe(fingerprint(a) === fingerprint(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('ignores label case and order and attribute order, as the fingerprint does', () => {
    const base: FingerprintFields = {
      title: 'T',
      block: 'B',
      labels: ['type:task', 'Status:Pending'],
      milestone: null,
      state: 'open',
      attributes: { kind: 'task', priority: 'major' },
    };
    const same = {
      ...base,
      labels: ['status:pending', 'TYPE:task'],
      attributes: { priority: 'major', kind: 'task' },
    };
    expect(sameFingerprintFields(base, same)).toBe(true);
    expect(sameFingerprintFields(base, { ...base, attributes: {} })).toBe(false);
    expect(sameFingerprintFields({ ...base, attributes: {} }, { ...base, attributes: undefined })).toBe(true);
    expect(sameFingerprintFields(base, { ...base, block: 'B\n' })).toBe(false);
  });
});
