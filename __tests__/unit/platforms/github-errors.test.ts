import { RequestError } from '@octokit/request-error';
import { isFatal } from '../../../src/errors.js';
import { toCatalogueError } from '../../../src/platforms/github/client.js';

function requestError(status: number, data: unknown, headers: Record<string, string> = {}): RequestError {
  return new RequestError(
    typeof data === 'object' && data && 'message' in data ? String(data.message) : 'error',
    status,
    {
      request: { method: 'GET', url: 'https://api.github.com/repos/acme/widgets/issues', headers: {} },
      response: { status, url: 'https://api.github.com/repos/acme/widgets/issues', headers, data },
    },
  );
}

describe('GitHub errors in the catalogue', () => {
  it.each([
    [requestError(401, { message: 'Bad credentials' }), 'TOKEN_INVALID', true, /401 Bad credentials/],
    [
      requestError(404, { message: 'Not Found' }),
      'REPOSITORY_NOT_FOUND',
      true,
      /"acme\/widgets" was not found/,
    ],
    [
      requestError(410, { message: 'Issues are disabled for this repo' }),
      'ISSUES_DISABLED',
      true,
      /disabled/,
    ],
    [
      requestError(
        403,
        { message: 'Resource not accessible by integration' },
        { 'x-accepted-github-permissions': 'issues=write' },
      ),
      'PERMISSION_DENIED',
      true,
      /needs issues=write/,
    ],
    [
      requestError(
        403,
        { message: 'API rate limit exceeded' },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1767600000' },
      ),
      'RATE_LIMITED',
      true,
      /resets at 2026-01-05T08:00:00.000Z/,
    ],
    [
      requestError(429, { message: 'Too many requests' }, { 'retry-after': '30' }),
      'RATE_LIMITED',
      true,
      /wait 30 s/,
    ],
    [
      requestError(422, {
        message: 'Validation Failed',
        errors: [{ resource: 'Issue', code: 'invalid', field: 'milestone' }],
      }),
      'VALIDATION_FAILED',
      false,
      /Validation Failed \(resource=Issue code=invalid field=milestone\)/,
    ],
    [requestError(502, { message: 'Bad Gateway' }), 'PLATFORM_ERROR', false, /502 Bad Gateway/],
  ])('%#: maps to %s', (error, code, fatal, message) => {
    const mapped = toCatalogueError(error, 'acme/widgets', 'listing issues');
    expect(mapped.code).toBe(code);
    expect(mapped.message).toMatch(message);
    expect(mapped.fix).not.toBe('');
    expect(isFatal(mapped)).toBe(fatal);
  });

  it('does not blame GitHub with a 500 for a connection that failed before any answer', () => {
    const dropped = new RequestError('other side closed', 500, {
      request: { method: 'POST', url: 'https://api.github.com/repos/acme/widgets/issues', headers: {} },
    });
    const mapped = toCatalogueError(dropped, 'acme/widgets', 'creating issue "x"');
    expect(mapped.code).toBe('PLATFORM_ERROR');
    expect(mapped.message).toBe(
      'The connection to GitHub failed while creating issue "x", before a complete answer: other side closed.',
    );
  });
});
