/** Finds and reads the optional YAML config file, and the default locations of the state file and features folder. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { OrchestratorGitError, quote } from '../errors.js';
import { fileSettingNames } from './file-keys.js';
import { checkFileSettings, type RawSettings } from './issue-sync.js';

export const DEFAULT_CONFIG_FILES = [
  '.github/orchestrator-git.yml',
  '.github/orchestrator-git.yaml',
  '.orchestrator-git.yml',
];

/** Where the orchestrator keeps its database, newest layout first (and the JSON export beside it). */
export const DEFAULT_STATE_FILES = [
  '.task_orchestrator/task_orchestrator.db',
  '.task_orchestrator/orchestrator-state.json',
  'task_orchestrator.db',
  'data/task_orchestrator.db',
];

export const DEFAULT_FEATURES_DIRS = [
  'docs/developers/planning/features',
  'docs/planning/features',
  'docs/features',
];

/** Reads the config file named by `configPath`, or the first default one that exists; none at all is fine. */
export function loadConfigFile(
  configPath: string | null,
  cwd: string,
): { file: string | null; settings: RawSettings } {
  const candidates = configPath ? [configPath] : DEFAULT_CONFIG_FILES;
  for (const candidate of candidates) {
    const full = path.resolve(cwd, candidate);
    if (!existsSync(full)) {
      if (configPath) {
        throw new OrchestratorGitError(
          'CONFIG_FILE_UNREADABLE',
          `Config file ${quote(configPath)} does not exist.`,
          'Fix the `config` input, or remove it to use .github/orchestrator-git.yml when present.',
        );
      }
      continue;
    }
    const raw = readYamlFile(full, `Config file ${quote(candidate)}`, 'YAML');
    return { file: candidate, settings: checkFileSettings(raw, candidate, fileSettingNames()) };
  }
  return { file: null, settings: {} };
}

export function locateStateFile(given: string | null, cwd: string): string {
  if (given) return given;
  const found = DEFAULT_STATE_FILES.find((candidate) => existsSync(path.resolve(cwd, candidate)));
  if (found) return found;
  throw new OrchestratorGitError(
    'STATE_NOT_FOUND',
    `No state file was given, and none exists at the orchestrator's usual places (${DEFAULT_STATE_FILES.join(', ')}).`,
    'Set the `state-file` input to the orchestrator database committed in the repository, or to its JSON export.',
  );
}

export function locateFeaturesDir(given: string | null, cwd: string): string | null {
  if (given) return given;
  return (
    DEFAULT_FEATURES_DIRS.find((candidate) => {
      const full = path.resolve(cwd, candidate);
      return existsSync(full) && statSync(full).isDirectory();
    }) ?? null
  );
}

/**
 * The parsed YAML (or JSON, which YAML reads too) of a file the user gave; a syntax error is CONFIG_FILE_UNREADABLE
 * naming `what` (e.g. `Config file "x.yml"`) and the first line of the parser's message.
 */
export function readYamlFile(full: string, what: string, format: 'YAML' | 'YAML or JSON'): unknown {
  try {
    return parse(readFileSync(full, 'utf8'));
  } catch (error) {
    throw new OrchestratorGitError(
      'CONFIG_FILE_UNREADABLE',
      `${what} is not valid ${format}: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`,
      'Fix the syntax (a linter such as yamllint shows where).',
      { cause: error },
    );
  }
}
