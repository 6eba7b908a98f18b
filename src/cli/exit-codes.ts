/** The command line's exit codes, the same for every command: 0 done, 1 some items failed, 2 bad input. */
import type { ErrorCode } from '../errors.js';

export const EXIT_OK = 0;
export const EXIT_ITEMS_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

/** Errors that mean the input (settings, state, token, permissions, platform choice) must change. */
const BAD_INPUT: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'CONFIG_INVALID',
  'CONFIG_UNKNOWN_KEY',
  'CONFIG_FILE_UNREADABLE',
  'STATE_NOT_FOUND',
  'STATE_UNREADABLE',
  'STATE_NOT_SQLITE',
  'STATE_UNKNOWN_SCHEMA',
  'STATE_JSON_INVALID',
  'FEATURES_DIR_NOT_FOUND',
  'FEATURE_UNKNOWN',
  'TOKEN_MISSING',
  'TOKEN_INVALID',
  'REPOSITORY_MALFORMED',
  'REPOSITORY_NOT_FOUND',
  'PERMISSION_DENIED',
  'ISSUES_DISABLED',
  'NOT_SUPPORTED',
  'GIT_CHECKOUT_INVALID',
  'RELEASE_VERSION_INVALID',
  'RELEASE_NOTHING_TO_RELEASE',
  'RELEASE_TAG_CONFLICT',
]);

/** Whether an error with this code means the input must change (exit 2). */
export function isBadInput(code: ErrorCode): boolean {
  return BAD_INPUT.has(code);
}

/** The exit code of a run that ended with this error: 2 when the input must change, else 1. */
export function exitCodeFor(code: ErrorCode): number {
  return isBadInput(code) ? EXIT_BAD_INPUT : EXIT_ITEMS_FAILED;
}
