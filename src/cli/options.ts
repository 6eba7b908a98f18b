/** The settings flags every platform command shares (sync, plan, the item commands, doctor, mcp), and their reading. */
import { Option, type Command } from 'commander';
import { ISSUE_SYNC_SETTINGS, type RawSettings, type SettingName } from '../config/issue-sync.js';

const BOOLEAN_SETTINGS: readonly SettingName[] = [
  'dry-run',
  'create-completed',
  'neutralize-mentions',
  'enabled',
  'multiple-assignees',
];

/**
 * Adds a flag per setting, the aliases (--state, --gitlab-url), --config and --quiet; with `output`, also --json and
 * --summary (commands that print an outcome).
 */
export function addSyncOptions(
  command: Command,
  options: { output?: boolean; tokenNote?: string } = {},
): Command {
  for (const [name, { help }] of Object.entries(ISSUE_SYNC_SETTINGS) as [SettingName, { help: string }][]) {
    if (name === 'token') {
      command.addOption(
        new Option(
          '--token <token>',
          `Token (prefer GITHUB_TOKEN, GITLAB_TOKEN or BITBUCKET_TOKEN in the environment: flags show in process lists${options.tokenNote ?? ''})`,
        ),
      );
    } else if (name === 'dry-run') {
      command.addOption(new Option('--dry-run', help));
    } else if (BOOLEAN_SETTINGS.includes(name)) {
      command.addOption(new Option(`--${name} <true|false>`, help));
    } else {
      command.addOption(new Option(`--${name} <value>`, help));
    }
  }
  command.addOption(new Option('--state <path>', 'Alias of --state-file'));
  command.addOption(
    new Option('--gitlab-url <url>', 'GitLab instance URL (alias of --api-url with --platform gitlab)'),
  );
  command.addOption(
    new Option('--config <path>', 'Config file (default: .github/orchestrator-git.yml when present)'),
  );
  if (options.output !== false) {
    command.addOption(new Option('--json', 'Print the outcome as JSON on stdout'));
    command.addOption(new Option('--summary <path>', 'Also write the Markdown summary to this file'));
  }
  command.addOption(new Option('--quiet', 'Only warnings and errors on stderr'));
  return command;
}

/** The parsed flags as raw settings (the highest-precedence layer), aliases resolved. */
export function settingsFrom(options: Record<string, unknown>): RawSettings {
  const inputs: RawSettings = {};
  for (const name of Object.keys(ISSUE_SYNC_SETTINGS) as SettingName[]) {
    const key = name.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
    const value = options[key];
    if (value !== undefined) inputs[name] = value === true ? 'true' : value;
  }
  if (options.state !== undefined && inputs['state-file'] === undefined) inputs['state-file'] = options.state;
  if (options.gitlabUrl !== undefined && inputs['api-url'] === undefined) {
    inputs['api-url'] = options.gitlabUrl;
    if (inputs.platform === undefined) inputs.platform = 'gitlab';
  }
  return inputs;
}
