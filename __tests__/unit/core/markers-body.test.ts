import { composeBody, splitBody } from '../../../src/core/body.js';
import { BLOCK_END, escapeId, formatMarker, readMarker } from '../../../src/core/markers.js';

describe('markers', () => {
  it.each([
    ['feature:GIT_INTEGRATION_V1', 'feature:GIT_INTEGRATION_V1'],
    ['task:7d0f3c1e-2b4a-4c8e', 'task:7d0f3c1e%2D2b4a%2D4c8e'],
    ['task:a b-->c', 'task:a%20b%2D%2D%3Ec'],
    ['task:五分钟', 'task:%E4%BA%94%E5%88%86%E9%92%9F'],
  ])('escapes %s so it cannot break the comment', (key, escaped) => {
    expect(escapeId(key)).toBe(escaped);
    const reading = readMarker(`text\n${formatMarker(key, 'abcdef0123456789')}\nmore`);
    expect(reading).toMatchObject({ kind: 'marker', itemKey: key, hash: 'abcdef0123456789' });
  });

  it.each([
    ['no marker at all', 'Just a human issue', 'none'],
    ['a marker without a hash', '<!-- orchestrator-git:v1 id=task:x -->', 'malformed'],
    [
      'a marker with an id that is not ours',
      '<!-- orchestrator-git:v1 id=foo hash=abcdef0123456789 -->',
      'malformed',
    ],
    ['a future marker version', '<!-- orchestrator-git:v9 id=task:x hash=abcdef0123456789 -->', 'malformed'],
    ['the end marker alone', BLOCK_END, 'none'],
  ])('reads %s as %s', (_name, body, kind) => {
    expect(readMarker(body).kind).toBe(kind);
  });
});

describe('body blocks', () => {
  const hash = '0123456789abcdef';

  it('creates a body with the block only, or with free text below', () => {
    expect(composeBody('task:a', hash, 'Managed', null)).toBe(
      `${formatMarker('task:a', hash)}\nManaged\n${BLOCK_END}\n`,
    );
    expect(composeBody('task:a', hash, 'Managed', null, 'Notes:')).toContain(`${BLOCK_END}\n\nNotes:`);
  });

  it('keeps every character of free text around the block when the block is replaced', () => {
    const original = `Intro by a human\n${composeBody('task:a', hash, 'Old block\nline 2', null)}\nHuman notes\n\n- keep me`;
    const parts = splitBody(original);
    expect(parts).toMatchObject({
      before: 'Intro by a human\n',
      managed: 'Old block\nline 2',
      unterminated: false,
    });
    const rewritten = composeBody('task:a', 'fedcba9876543210', 'New block', parts);
    expect(rewritten).toBe(
      `Intro by a human\n${formatMarker('task:a', 'fedcba9876543210')}\nNew block\n${BLOCK_END}\n\nHuman notes\n\n- keep me`,
    );
    expect(splitBody(rewritten).after).toBe(parts.after);
  });

  it('reads a body saved from the web editor with CRLF line endings as the same block', () => {
    const body = composeBody('task:a', hash, 'Line 1\nLine 2', null) + '\nHuman\n';
    const parts = splitBody(body.replace(/\n/g, '\r\n'));
    expect(parts.managed).toBe('Line 1\nLine 2');
    expect(parts.after).toBe('\nHuman\n');
  });

  it('treats a block whose end marker was deleted as running to the end', () => {
    const parts = splitBody(`${formatMarker('task:a', hash)}\nBlock and then human text`);
    expect(parts).toMatchObject({ managed: 'Block and then human text', after: '', unterminated: true });
  });
});
