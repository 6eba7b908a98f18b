/**
 * The settings of one tool call: the server's (its flags, as `sync` takes them), with the call's platform,
 * repository, state_file and dry_run applied, and the key of the state file the call writes.
 */
import path from 'node:path';
import { locateStateFile } from '../config/file.js';
import type { RawSettings, SettingName } from '../config/issue-sync.js';

/** Settings that belong to the server's --platform: a call on another platform does not inherit them. */
const PLATFORM_BOUND: readonly SettingName[] = [
  'repository',
  'api-url',
  'token',
  'username',
  'gitlab-group',
  'multiple-assignees',
];

export interface CallTarget {
  platform?: string | undefined;
  repository?: string | undefined;
  state_file?: string | undefined;
  dry_run?: boolean | undefined;
}

export function callInputs(server: RawSettings, call: CallTarget): RawSettings {
  const inputs: RawSettings = { ...server };
  if (call.platform !== undefined) {
    const serverPlatform = typeof server.platform === 'string' ? server.platform.trim() : '';
    // A GitHub token or URL given for the server's platform must never travel to another platform's API.
    if (serverPlatform && serverPlatform !== call.platform)
      for (const name of PLATFORM_BOUND) delete inputs[name];
    inputs.platform = call.platform;
  }
  if (call.repository !== undefined) inputs.repository = call.repository;
  if (call.state_file !== undefined) inputs['state-file'] = call.state_file;
  // A server started with --dry-run stays dry: a call can ask for a dry run, not out of one.
  if (call.dry_run === true) inputs['dry-run'] = 'true';
  return inputs;
}

/** The state file a call reads and writes, as an absolute path: calls with the same key are serialised. */
export function stateKey(inputs: RawSettings, cwd: string): string {
  const given = inputs['state-file'];
  if (typeof given === 'string' && given.trim()) return path.resolve(cwd, given.trim());
  try {
    return path.resolve(cwd, locateStateFile(null, cwd));
  } catch {
    // No state file yet: the call fails with STATE_NOT_FOUND; serialise it with the others of this folder.
    return path.resolve(cwd);
  }
}
