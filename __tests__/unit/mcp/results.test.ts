/** Tool answers: text and structured content, failures as tool errors, and no known secret in either. */
import { OrchestratorGitError } from '../../../src/errors.js';
import { failureReport, Redactor, toToolResult, withNotes } from '../../../src/mcp/results.js';

describe('Redactor', () => {
  it('masks every known secret in text, nested values and keys', () => {
    const redactor = new Redactor();
    redactor.add('ghp_secret123');
    redactor.add('glpat-other456');
    expect(redactor.redact('a ghp_secret123 b ghp_secret123')).toBe('a *** b ***');
    expect(
      redactor.redactValue({ list: ['x glpat-other456', 3, null], nested: { ghp_secret123: true } }),
    ).toEqual({ list: ['x ***', 3, null], nested: { '***': true } });
  });

  it('ignores empty and very short values, which would mask ordinary words', () => {
    const redactor = new Redactor();
    redactor.add('');
    redactor.add(undefined);
    redactor.add('abc');
    expect(redactor.redact('abc def')).toBe('abc def');
  });
});

describe('toToolResult', () => {
  const redactor = new Redactor();
  redactor.add('ghs_token000');

  it('answers a success with the summary and the data', () => {
    expect(toToolResult({ summary: 'done', data: { counts: { created: 1 } } }, redactor)).toEqual({
      content: [{ type: 'text', text: 'done' }],
      structuredContent: { counts: { created: 1 } },
    });
  });

  it('answers a catalogue error as a tool error with its code, message and fix, masked', () => {
    const report = failureReport(
      new OrchestratorGitError('TOKEN_INVALID', 'The token ghs_token000 was refused.', 'Use another.'),
      { action: 'create_issue' },
    );
    expect(toToolResult(report, redactor)).toEqual({
      content: [
        { type: 'text', text: 'TOKEN_INVALID: The token *** was refused.\nHow to fix: Use another.' },
      ],
      structuredContent: {
        action: 'create_issue',
        error: { code: 'TOKEN_INVALID', message: 'The token *** was refused.', fix: 'Use another.' },
      },
      isError: true,
    });
  });

  it('answers anything else as UNEXPECTED, asking for a report', () => {
    const result = toToolResult(failureReport(new TypeError('x is undefined')), redactor);
    expect(result.isError).toBe(true);
    expect(result.structuredContent.error).toEqual({
      code: 'UNEXPECTED',
      message: 'x is undefined',
      fix: "This is a defect of orchestrator-git: report it with the server's log (its stderr).",
    });
  });

  it('marks a run with failed items as a tool error without a catalogue error', () => {
    const result = toToolResult({ summary: 'task:1: failed', data: {}, failed: true }, redactor);
    expect(result).toEqual({
      content: [{ type: 'text', text: 'task:1: failed' }],
      structuredContent: {},
      isError: true,
    });
  });
});

describe('withNotes', () => {
  it('adds Note lines to the summary and the notes to the data', () => {
    const once = withNotes({ summary: 'done', data: {} }, ['a']);
    expect(withNotes(once, ['b'])).toEqual({
      summary: 'done\nNote: a\nNote: b',
      data: { notes: ['a', 'b'] },
    });
    expect(withNotes(once, [])).toBe(once);
  });
});
