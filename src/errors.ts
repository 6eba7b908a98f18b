/** The error catalogue: every failure a user can act on has a code, a message naming the bad value, and a fix. */

/** Every code a failure can carry; docs/troubleshooting.md explains each. */
export const ERROR_CODES = [
  'STATE_NOT_FOUND',
  'STATE_UNREADABLE',
  'STATE_NOT_SQLITE',
  'STATE_UNKNOWN_SCHEMA',
  'STATE_JSON_INVALID',
  'STATE_WRITE_FAILED',
  'FEATURES_DIR_NOT_FOUND',
  'FEATURE_UNKNOWN',
  'GIT_CHECKOUT_INVALID',
  'CONFIG_INVALID',
  'CONFIG_UNKNOWN_KEY',
  'CONFIG_FILE_UNREADABLE',
  'TOKEN_MISSING',
  'TOKEN_INVALID',
  'REPOSITORY_MALFORMED',
  'REPOSITORY_NOT_FOUND',
  'PERMISSION_DENIED',
  'ISSUES_DISABLED',
  'VALIDATION_FAILED',
  'RATE_LIMITED',
  'PLATFORM_ERROR',
  'NOT_SUPPORTED',
  'RELEASE_VERSION_INVALID',
  'RELEASE_NOTHING_TO_RELEASE',
  'RELEASE_TAG_CONFLICT',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class OrchestratorGitError extends Error {
  readonly code: ErrorCode;
  /** One or two sentences on how to fix it. */
  readonly fix: string;

  constructor(code: ErrorCode, message: string, fix: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OrchestratorGitError';
    this.code = code;
    this.fix = fix;
  }

  /** The message and the fix, as printed by the action and the CLI. */
  describe(): string {
    return `${this.code}: ${this.message}\nHow to fix: ${this.fix}`;
  }
}

export function isOrchestratorGitError(error: unknown): error is OrchestratorGitError {
  return error instanceof OrchestratorGitError;
}

/** Quotes an untrusted value for an error message: one line, bounded, visibly delimited. */
export function quote(value: unknown, max = 120): string {
  const text = String(value).replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

/** Errors after which no later request of the run can succeed (credentials, access, limits): the run stops. */
export function isFatal(error: OrchestratorGitError): boolean {
  return [
    'TOKEN_INVALID',
    'REPOSITORY_NOT_FOUND',
    'ISSUES_DISABLED',
    'PERMISSION_DENIED',
    'RATE_LIMITED',
  ].includes(error.code);
}

/** Features named (by a release or a milestone) that the state does not have, or null when all are known. */
export function unknownFeaturesError(
  requested: readonly string[],
  known: readonly string[],
): OrchestratorGitError | null {
  const knownIds = new Set(known);
  const unknown = [...new Set(requested.filter((id) => !knownIds.has(id)))];
  if (unknown.length === 0) return null;
  return new OrchestratorGitError(
    'FEATURE_UNKNOWN',
    `Unknown feature ${unknown.map((id) => quote(id)).join(', ')}: the state has no such feature.`,
    `Name features by their Feature ID; the state has ${known.slice(0, 10).join(', ') || 'none'}${known.length > 10 ? ', …' : ''}.`,
  );
}
