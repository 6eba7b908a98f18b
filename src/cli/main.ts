/** The orchestrator-git command line: the same engine as the actions, for GitLab CI, Bitbucket Pipelines and local use. */
import { Command } from 'commander';
import { executeIssueSync, type ExecuteOptions } from '../engine/execute-issue-sync.js';
import { describeOperation, type SyncScope } from '../engine/sync.js';
import { isOrchestratorGitError, OrchestratorGitError } from '../errors.js';
import { EXIT_BAD_INPUT, EXIT_ITEMS_FAILED, EXIT_OK, exitCodeFor } from './exit-codes.js';
import { DOCTOR_JOBS, formatDoctorReport, runDoctor, type DoctorJob } from './doctor.js';
import { addBoardCommands } from './board-commands.js';
import { runInit } from './init.js';
import { addMcpCommand } from './mcp-command.js';
import { addSyncOptions, settingsFrom } from './options.js';
import { addReleaseCommands } from './release-commands.js';
import { addReportCommand } from './report-command.js';
import { itemResults } from './items.js';
import { milestoneRequest, prepareMilestone } from './milestone.js';
import { progressReporter } from './progress.js';
import { planJson, renderSummary } from '../report/summary.js';
import { writeJsonExport } from '../state/export-command.js';
import { consoleLogger } from './logger.js';

export { EXIT_BAD_INPUT, EXIT_ITEMS_FAILED, EXIT_OK } from './exit-codes.js';

interface RunRequest {
  forceDryRun?: boolean;
  scope?: SyncScope;
  initialText?: string;
  prepare?: ExecuteOptions['prepare'];
  /** Per-item lines (and JSON) instead of the plan: the item commands. */
  itemReport?: boolean;
}

async function runCommand(options: Record<string, unknown>, request: RunRequest = {}): Promise<number> {
  const log = consoleLogger({ quiet: Boolean(options.quiet) });
  const inputs = settingsFrom(options);
  if (request.forceDryRun) inputs['dry-run'] = 'true';
  const progress = progressReporter(process.stderr, process.env);
  const result = await executeIssueSync({
    inputs,
    configPath: typeof options.config === 'string' ? options.config : null,
    env: process.env,
    cwd: process.cwd(),
    log: progress.wrap(log),
    runId: `cli-${Date.now().toString(36)}`,
    onProgress: progress.update,
    ...(request.scope ? { scope: request.scope } : {}),
    ...(request.initialText !== undefined ? { initialText: request.initialText } : {}),
    ...(request.prepare ? { prepare: request.prepare } : {}),
  });
  progress.done();
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
  const items = request.itemReport ? itemResults(outcome) : null;
  for (const item of items ?? []) {
    log.info(
      `${item.itemKey}: ${item.result}${item.issue ? ` #${item.issue.number} ${item.issue.url}` : ''}${item.detail ? ` (${item.detail})` : ''}`,
    );
  }
  log.info(
    `Created ${counts.created}, updated ${counts.updated}, closed ${counts.closed}, reopened ${counts.reopened}, unchanged ${counts.unchanged}, failed ${counts.failed}.`,
  );
  if (typeof options.summary === 'string') {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(options.summary, renderSummary(outcome));
  }
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({
        platform: result.config.platform,
        repository: outcome.repository,
        counts,
        ...(items ? { items } : {}),
        links: outcome.links,
        plan: JSON.parse(planJson(outcome.plan)) as unknown,
        requests: outcome.stats,
      })}\n`,
    );
  }
  if (outcome.stoppedBy) {
    log.error(outcome.stoppedBy.describe());
    return exitCodeFor(outcome.stoppedBy.code);
  }
  return counts.failed > 0 ? EXIT_ITEMS_FAILED : EXIT_OK;
}

function list(value: unknown): string[] {
  return typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : [];
}

export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('orchestrator-git')
    .description("Keep the Git platform in step with the MCP Task Orchestrator's plan.")
    .showHelpAfterError()
    .exitOverride();
  addSyncOptions(
    program.command('sync').description("Make the platform's issues match the orchestrator state"),
  ).action(async (options: Record<string, unknown>) => setExitCode(await runCommand(options)));
  addSyncOptions(
    program.command('plan').description('Print what sync would change, and change nothing'),
  ).action(async (options: Record<string, unknown>) =>
    setExitCode(await runCommand(options, { forceDryRun: true })),
  );
  addSyncOptions(
    program
      .command('create-issue')
      .description(
        'Create the issue of one or more items (task:<id>, feature:<id> or a bare id); an item that has one is brought in step',
      )
      .argument('<items...>', 'Items to create issues for')
      .option(
        '--body <text>',
        'Free text placed below the managed block of each issue created (kept by later syncs)',
      )
      .option(
        '--add-labels <names>',
        'Labels added to each issue created, comma-separated (kept by later syncs)',
      )
      .option(
        '--add-assignees <logins>',
        'Assignees added to each issue created, comma-separated (kept by later syncs)',
      ),
  ).action(async (items: string[], options: Record<string, unknown>) =>
    setExitCode(
      await runCommand(options, {
        itemReport: true,
        scope: {
          itemKeys: items,
          createIssues: true,
          extraLabels: list(options.addLabels),
          extraAssignees: list(options.addAssignees),
        },
        ...(typeof options.body === 'string' ? { initialText: options.body } : {}),
      }),
    ),
  );
  addSyncOptions(
    program
      .command('update-issue')
      .description('Bring the issues of these items in step with the orchestrator; creates nothing')
      .argument('<items...>', 'Items whose issues are updated (task:<id>, feature:<id> or a bare id)'),
  ).action(async (items: string[], options: Record<string, unknown>) =>
    setExitCode(
      await runCommand(options, { itemReport: true, scope: { itemKeys: items, createIssues: false } }),
    ),
  );
  addSyncOptions(
    program
      .command('sync-status')
      .description(
        "Bring every existing issue's status, progress and fields in step, create none, and report each item's sync status",
      )
      .argument('[items...]', 'Only these items (default: every synced item)'),
  ).action(async (items: string[], options: Record<string, unknown>) =>
    setExitCode(
      await runCommand(options, {
        itemReport: true,
        scope: { itemKeys: items.length > 0 ? items : null, createIssues: false },
      }),
    ),
  );
  addSyncOptions(
    program
      .command('link-task')
      .description('Link an item to an existing issue, which gets the managed block (instead of a new issue)')
      .argument('<item>', 'The item (task:<id>, feature:<id> or a bare id)')
      .argument('<issue>', 'The issue number'),
  ).action(async (item: string, issue: string, options: Record<string, unknown>) => {
    const number = /^#?(\d+)$/.exec(issue.trim())?.[1];
    if (!number) {
      throw new OrchestratorGitError(
        'CONFIG_INVALID',
        `Issue ${JSON.stringify(issue)} is not an issue number.`,
        'Give the number of an existing issue, e.g. `orchestrator-git link-task task:42 17`.',
      );
    }
    const key = /^(task|feature):/.test(item) ? item : `task:${item}`;
    setExitCode(
      await runCommand(options, {
        itemReport: true,
        scope: { itemKeys: [key], createIssues: false, adopt: { itemKey: key, number: Number(number) } },
      }),
    );
  });
  addSyncOptions(
    program
      .command('create-milestone')
      .description(
        "Create (or update) a release milestone in the state and on the platform, and assign its features' issues",
      )
      .argument('<name>', 'Milestone title, e.g. v1.2.0')
      .option('--due-on <date>', 'Target date, YYYY-MM-DD')
      .option('--features <ids>', 'Feature ids the release includes, comma-separated')
      .option('--milestone-status <status>', 'planning, active, completed or cancelled', 'active'),
  ).action(async (name: string, options: Record<string, unknown>) => {
    const request = milestoneRequest(name, options);
    setExitCode(
      await runCommand(options, {
        itemReport: true,
        scope: { itemKeys: null, createIssues: false },
        prepare: (store, tracker, log, run) => prepareMilestone(store, tracker, request, log, run.dryRun),
      }),
    );
  });
  program
    .command('init')
    .description(
      "Set up a repository: the state's git_integration_config row and the pipeline (GitHub workflow, .gitlab-ci.yml job, Bitbucket pipeline), from the git remote",
    )
    .option('--platform <name>', 'github, gitlab or bitbucket (default: from the git remote)')
    .option(
      '--repository <path>',
      'owner/name, group/project or workspace/repo-slug (default: from the git remote)',
    )
    .option('--state <path>', "The orchestrator's database (default: its usual places)")
    .option('--tier <n>', '1 issues, 2 + boards, 3 + releases (asked on a terminal; default 1 in CI)')
    .option('--dry-run', 'Print what would change, and change nothing')
    .option('--json', 'Print the result as JSON on stdout')
    .action(async (options: Record<string, string | boolean | undefined>) => {
      const interactive = Boolean(process.stdin.isTTY && process.stderr.isTTY && !process.env.CI);
      const result = await runInit({
        cwd: process.cwd(),
        ...(typeof options.platform === 'string' ? { platform: options.platform } : {}),
        ...(typeof options.repository === 'string' ? { repository: options.repository } : {}),
        ...(typeof options.state === 'string' ? { stateFile: options.state } : {}),
        ...(typeof options.tier === 'string' ? { tier: options.tier } : {}),
        dryRun: options.dryRun === true,
        ask: interactive ? askOnTerminal : null,
      });
      if (options.json) process.stdout.write(`${JSON.stringify(result)}\n`);
      const say = (line: string) => process.stderr.write(`${line}\n`);
      say(`${result.platform} ${result.repository}, state ${result.stateFile}, tier ${result.tier}`);
      if (result.changes.length === 0) say('Nothing to change: orchestrator-git is already set up here.');
      for (const change of result.changes) say(`${options.dryRun ? 'Would change' : 'Changed'}: ${change}`);
      if (result.changes.length > 0) for (const step of result.next) say(`Next: ${step}`);
      setExitCode(EXIT_OK);
    });
  addSyncOptions(
    program
      .command('doctor')
      .description(
        'Check everything a sync needs (state file, settings, token, repository, permissions); exit 0 only when ready',
      )
      .option(
        '--jobs <list>',
        'The jobs to check for: issue-sync (default), board-sync, release (comma-separated)',
      ),
  ).action(async (options: Record<string, unknown>) => {
    const jobs =
      typeof options.jobs === 'string' ? options.jobs.split(',').map((job) => job.trim()) : undefined;
    const unknown = (jobs ?? []).filter((job) => !(DOCTOR_JOBS as readonly string[]).includes(job));
    if (unknown.length > 0) {
      throw new OrchestratorGitError(
        'CONFIG_INVALID',
        `--jobs names ${unknown.map((job) => JSON.stringify(job)).join(', ')}, which is not a job.`,
        `Use a comma-separated list of ${DOCTOR_JOBS.join(', ')}.`,
      );
    }
    const report = await runDoctor({
      ...(jobs ? { jobs: jobs as DoctorJob[] } : {}),
      inputs: settingsFrom(options),
      configPath: typeof options.config === 'string' ? options.config : null,
      env: process.env,
      cwd: process.cwd(),
    });
    if (options.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else process.stdout.write(formatDoctorReport(report));
    setExitCode(report.ready ? EXIT_OK : EXIT_ITEMS_FAILED);
  });
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
  addBoardCommands(program, setExitCode);
  addReleaseCommands(program, setExitCode);
  addReportCommand(program, setExitCode);
  addMcpCommand(program);
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

async function askOnTerminal(question: string): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await prompt.question(question);
  } finally {
    prompt.close();
  }
}
