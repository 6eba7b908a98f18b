/**
 * The release-coordinator's commands: release-plan, release-milestone, changelog and release-tag (the seed's
 * plan_release, create_milestone, generate_changelog and tag_release), over the same engine as the release action.
 */
import { writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { isOrchestratorGitError } from '../errors.js';
import { releaseSettingHelp, releaseSettingNames, type ReleaseAction } from '../release/config.js';
import { executeRelease, type ReleaseRunResult } from '../release/engine.js';
import { planJson, renderPlanSummary } from '../release/summary.js';
import { EXIT_ITEMS_FAILED, EXIT_OK, exitCodeFor } from './exit-codes.js';
import { consoleLogger } from './logger.js';

const BOOLEAN = new Set(['dry-run', 'enabled', 'multiple-assignees', 'prerelease']);

const COMMANDS: { name: string; action: ReleaseAction; description: string }[] = [
  {
    name: 'release-plan',
    action: 'plan',
    description:
      'plan_release: the completed features and tasks not yet released, by category, and the version (requested and checked, or suggested from them and the conventional commits since the last release tag)',
  },
  {
    name: 'release-milestone',
    action: 'milestone',
    description:
      "create_milestone: the release milestone in the state and on the platform (due date, state), with the included features' issues assigned to it",
  },
  {
    name: 'changelog',
    action: 'changelog',
    description:
      'generate_changelog: the conventional-commit changelog merged with the orchestrator features, written to CHANGELOG.md (new release on top)',
  },
  {
    name: 'release-tag',
    action: 'tag',
    description:
      'tag_release: the annotated tag at the checked-out commit, the platform release with the notes, the milestone closed, the features marked released in the state',
  },
];

function toKey(name: string): string {
  return name.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

function addOptions(command: Command): Command {
  for (const name of releaseSettingNames()) {
    if (name === 'token') {
      command.addOption(
        new Option(
          '--token <token>',
          'Token (prefer GITHUB_TOKEN, GITLAB_TOKEN or BITBUCKET_TOKEN in the environment)',
        ),
      );
    } else if (name === 'dry-run') {
      command.addOption(new Option('--dry-run', 'Print what would change, and change nothing'));
    } else if (BOOLEAN.has(name)) {
      command.addOption(new Option(`--${name} <true|false>`, releaseSettingHelp(name)));
    } else {
      command.addOption(new Option(`--${name} <value>`, releaseSettingHelp(name)));
    }
  }
  command.addOption(new Option('--state <path>', 'Alias of --state-file'));
  command.addOption(new Option('--version <version>', 'Alias of --release-version'));
  command.addOption(
    new Option('--config <path>', 'Config file (default: .github/orchestrator-git.yml when present)'),
  );
  command.addOption(new Option('--json', 'Print the outcome as JSON on stdout'));
  command.addOption(new Option('--summary <path>', 'Also write the Markdown summary to this file'));
  command.addOption(new Option('--quiet', 'Only warnings and errors on stderr'));
  return command;
}

function inputsFrom(options: Record<string, unknown>): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const name of releaseSettingNames()) {
    const value = options[toKey(name)];
    if (value !== undefined) inputs[name] = value === true ? 'true' : value;
  }
  if (options.state !== undefined && inputs['state-file'] === undefined) inputs['state-file'] = options.state;
  if (options.version !== undefined && inputs['release-version'] === undefined)
    inputs['release-version'] = options.version;
  return inputs;
}

/** The outcome for machines: the action's outputs, the plan, and what the platform steps did. */
export function releaseJson(result: Extract<ReleaseRunResult, { kind: 'done' }>): Record<string, unknown> {
  return {
    action: result.action,
    dryRun: result.dryRun,
    ...result.outputs,
    plan: JSON.parse(planJson(result.plan)) as unknown,
    ...(result.publish ? { publish: result.publish } : {}),
    ...(result.sync ? { sync: result.sync.counts } : {}),
    requests: result.requests,
  };
}

async function runRelease(action: ReleaseAction, options: Record<string, unknown>): Promise<number> {
  const log = consoleLogger({ quiet: Boolean(options.quiet) });
  let result: ReleaseRunResult;
  try {
    result = await executeRelease({
      action,
      inputs: inputsFrom(options),
      configPath: typeof options.config === 'string' ? options.config : null,
      env: process.env,
      cwd: process.cwd(),
      log,
      runId: `cli-${Date.now().toString(36)}`,
    });
  } catch (error) {
    if (!isOrchestratorGitError(error)) throw error;
    log.error(error.describe());
    if (options.json)
      process.stdout.write(
        `${JSON.stringify({ action, error: { code: error.code, message: error.message, fix: error.fix } })}\n`,
      );
    return exitCodeFor(error.code);
  }
  if (result.kind === 'disabled') {
    log.info(`orchestrator-git is disabled (${result.reason}): nothing to do.`);
    if (options.json) process.stdout.write(`${JSON.stringify({ disabled: true, reason: result.reason })}\n`);
    return EXIT_OK;
  }
  if (result.action === 'plan' || options.summary !== undefined) {
    const summary = renderPlanSummary(result.plan, result.report);
    if (typeof options.summary === 'string') await writeFile(options.summary, summary);
    if (result.action === 'plan' && !options.json && !options.quiet) process.stderr.write(summary);
  }
  if (options.json) process.stdout.write(`${JSON.stringify(releaseJson(result))}\n`);
  const failed = result.sync && (result.sync.counts.failed > 0 || result.sync.stoppedBy);
  if (result.sync?.stoppedBy) log.error(result.sync.stoppedBy.describe());
  return failed ? EXIT_ITEMS_FAILED : EXIT_OK;
}

/** Adds release-plan, release-milestone, changelog and release-tag to the program. */
export function addReleaseCommands(program: Command, setExitCode: (code: number) => void): void {
  for (const { name, action, description } of COMMANDS) {
    addOptions(program.command(name).description(description)).action(
      async (options: Record<string, unknown>) => setExitCode(await runRelease(action, options)),
    );
  }
}
