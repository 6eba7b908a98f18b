/**
 * Every setting a config file may hold: one file serves issue-sync, board-sync and release, each reading its own
 * keys (an input or flag still wins over the file).
 */
import { BOARD_SYNC_SETTINGS } from '../board/config.js';
import { RELEASE_SETTINGS } from '../release/config.js';
import { ISSUE_SYNC_SETTINGS } from './issue-sync.js';

export function fileSettingNames(): string[] {
  return [
    ...new Set([
      ...Object.keys(ISSUE_SYNC_SETTINGS),
      ...Object.keys(BOARD_SYNC_SETTINGS),
      ...Object.keys(RELEASE_SETTINGS),
    ]),
  ];
}

/** The file's values for the given settings, under the inputs (which win). */
export function withFileDefaults<T extends Record<string, unknown>>(
  inputs: T,
  file: Record<string, unknown>,
  names: readonly string[],
): T {
  const merged: Record<string, unknown> = {};
  for (const name of names) if (file[name] !== undefined) merged[name] = file[name];
  for (const [name, value] of Object.entries(inputs))
    if (value !== undefined && value !== null && value !== '') merged[name] = value;
  return merged as T;
}
