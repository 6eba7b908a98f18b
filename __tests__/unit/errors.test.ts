import { OrchestratorGitError, quote } from '../../src/errors.js';

describe('error catalogue', () => {
  it('describes an error with its code, message and fix', () => {
    const error = new OrchestratorGitError('TOKEN_MISSING', 'No token was given.', 'Pass `token`.');
    expect(error.describe()).toBe('TOKEN_MISSING: No token was given.\nHow to fix: Pass `token`.');
  });

  it('quotes untrusted values on one bounded line', () => {
    expect(quote('a\nb')).toBe('"a b"');
    expect(quote('x'.repeat(200), 5)).toBe('"xxxxx…"');
  });
});
