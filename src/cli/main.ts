/** The orchestrator-git command line: the same engine as the actions, for GitLab CI, Bitbucket Pipelines and local use. */
import { Command, Option } from 'commander';
import { ISSUE_SYNC_SETTINGS, type RawSettings, type SettingName } from '../config/issue-sync.js';
import { executeIssueSync } from '../engine/execute-issue-sync.js';
import { describeOperation } from '../engine/sync.js';
import { isOrchestratorGitError } from '../errors.js';
import { planJson, renderSummary } from '../report/summary.js';
import { writeJsonExport } from '../state/export-command.js';
import { consoleLogger } from './logger.js';

export const EXIT_OK = 0;
export const EXIT_ITEMS_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

const BOOLEAN_SETTINGS: SettingName[] = ['dry-run', 'create-completed', 'neutralize-mentions', 'enabled'];

function addSyncOptions(command: Command): Command {
  for (const [name, { help }] of Object.entries(ISSUE_SYNC_SETTINGS) as [SettingName, { help: string }][]) {
    if (name === 'token') {
      command.addOption(
        new Option(
          '--token <token>',
          'Token (prefer the GITHUB_TOKEN environment variable: flags show in process lists)',
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
    new Option('--config <path>', 'Config file (default: .github/orchestrator-git.yml when present)'),
  );
  command.addOption(new Option('--json', 'Print the outcome as JSON on stdout'));
  command.addOption(new Option('--summary <path>', 'Also write the Markdown summary to this file'));
  command.addOption(new Option('--quiet', 'Only warnings and errors on stderr'));
  return command;
}

function settingsFrom(options: Record<string, unknown>): RawSettings {
  const inputs: RawSettings = {};
  for (const name of Object.keys(ISSUE_SYNC_SETTINGS) as SettingName[]) {
    const key = name.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
    const value = options[key];
    if (value !== undefined) inputs[name] = value === true ? 'true' : value;
  }
  if (options.state !== undefined && inputs['state-file'] === undefined) inputs['state-file'] = options.state;
  return inputs;
}

async function syncCommand(options: Record<string, unknown>, forceDryRun: boolean): Promise<number> {
  const log = consoleLogger({ quiet: Boolean(options.quiet) });
  const inputs = settingsFrom(options);
  if (forceDryRun) inputs['dry-run'] = 'true';
  const result = await executeIssueSync({
    inputs,
    configPath: typeof options.config === 'string' ? options.config : null,
    env: process.env,
    cwd: process.cwd(),
    log,
    runId: `cli-${Date.now().toString(36)}`,
  });
  if (result.kind === 'disabled') {
    log.info(`orchestrator-git is disabled (${result.reason}): nothing to do.`);
    if (options.json) process.stdout.write(`${JSON.stringify({ disabled: true, reason: result.reason })}\n`);
    return EXIT_OK;
  }
  const { outcome } = result;
  if (outcome.dryRun) {
    await log.group(`Plan: ${outcome.plan.operations.length} operations (dry run)`, async () => {
      for (const operation of outcome.plan.operations)
        log.info(`${describeOperation(operation)} (${operation.reason})`);
    });
  }
  const { counts } = outcome;
  log.info(
    `Created ${counts.created}, updated ${counts.updated}, closed ${counts.closed}, reopened ${counts.reopened}, unchanged ${counts.unchanged}, failed ${counts.failed}.`,
  );
  if (typeof options.summary === 'string') {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(options.summary, renderSummary(outcome));
  }
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ counts, links: outcome.links, plan: JSON.parse(planJson(outcome.plan)) as unknown, requests: outcome.stats })}\n`,
    );
  }
  if (outcome.stoppedBy) {
    log.error(outcome.stoppedBy.describe());
    return isBadInput(outcome.stoppedBy.code) ? EXIT_BAD_INPUT : EXIT_ITEMS_FAILED;
  }
  return counts.failed > 0 ? EXIT_ITEMS_FAILED : EXIT_OK;
}

function isBadInput(code: string): boolean {
  return ['TOKEN_INVALID', 'REPOSITORY_NOT_FOUND', 'PERMISSION_DENIED', 'ISSUES_DISABLED'].includes(code);
}

export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('orchestrator-git')
    .description("Keep the Git platform in step with the MCP Task Orchestrator's plan.")
    .showHelpAfterError()
    .exitOverride();
  addSyncOptions(
    program.command('sync').description("Make the platform's issues match the orchestrator state"),
  ).action(async (options: Record<string, unknown>) => setExitCode(await syncCommand(options, false)));
  addSyncOptions(
    program.command('plan').description('Print what sync would change, and change nothing'),
  ).action(async (options: Record<string, unknown>) => setExitCode(await syncCommand(options, true)));
  program
    .command('export')
    .description('Write the JSON export of an orchestrator database (the alternative committed state file)')
    .requiredOption('--state <path>', 'The orchestrator SQLite database')
    .requiredOption('--out <path>', 'Where to write the JSON export')
    .option('--features-dir <path>', 'Folder of feature specification files to include')
    .action(async (options: { state: string; out: string; featuresDir?: string }) => {
      await writeJsonExport(options.state, options.out, options.featuresDir);
      process.stderr.write(`Wrote ${options.out}\n`);
      setExitCode(EXIT_OK);
    });
  return program;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = EXIT_OK;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (isOrchestratorGitError(error)) {
      process.stderr.write(`error: ${error.describe()}\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof Error && 'exitCode' in error && typeof error.exitCode === 'number') {
      // commander already printed the usage problem (or the help).
      return error.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
    }
    process.stderr.write(
      `error: unexpected: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT_ITEMS_FAILED;
  }
}
