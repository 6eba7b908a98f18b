/**
 * The CLI's board commands, one per action of the orchestrator's project board manager: `board sync|create|add|move|
 * progress|milestones` (and the kebab-case aliases create-board, add-to-board, move-card, update-progress,
 * sync-milestones).
 */
import { Command, Option } from 'commander';
import { BOARD_SYNC_SETTINGS, type BoardSettingName } from '../board/config.js';
import type { BoardAction } from '../board/plan.js';
import { describeWrite } from '../board/plan.js';
import type { RawSettings } from '../config/issue-sync.js';
import { executeBoardAction, type BoardOutcome } from '../engine/board-sync.js';
import { isOrchestratorGitError } from '../errors.js';
import { EXIT_ITEMS_FAILED, EXIT_OK, exitCodeFor } from './exit-codes.js';
import { consoleLogger } from './logger.js';

/** Shared settings a board command takes (the rest of issue-sync's settings do not concern boards). */
const SHARED: [string, string][] = [
  ['state-file', 'Path of the orchestrator SQLite database or its JSON export'],
  ['features-dir', 'Folder of feature specification files'],
  ['platform', 'github, gitlab or bitbucket'],
  ['repository', 'The repository whose issues the cards hold (owner/name)'],
  ['api-url', 'API URL (GitHub Enterprise Server: https://HOST/api/v3)'],
  ['tasks', 'top-level (default) or all: which tasks have issues, as in issue-sync'],
  ['write-delay-ms', 'Minimum milliseconds between writes'],
  ['gitlab-group', 'GitLab: full path of the group for group milestones and --board-scope group'],
];

const COMMANDS: { name: string; alias: string; action: BoardAction; description: string; items: boolean }[] =
  [
    {
      name: 'sync',
      alias: 'board-sync',
      action: 'sync',
      description: 'Create the board when missing, add every card and keep columns and fields in step',
      items: true,
    },
    {
      name: 'create',
      alias: 'create-board',
      action: 'create_board',
      description: 'Find or create the board with its Status options and fields, and add no card',
      items: false,
    },
    {
      name: 'add',
      alias: 'add-to-board',
      action: 'add_to_board',
      description: 'Add the cards of items that have an issue but no card (all, or the items named)',
      items: true,
    },
    {
      name: 'move',
      alias: 'move-card',
      action: 'move_card',
      description: "Move cards to the column of their item's status (all, or the items named)",
      items: true,
    },
    {
      name: 'progress',
      alias: 'update-progress',
      action: 'update_progress',
      description: 'Update Progress, Target date, Release and Sprint of cards (all, or the items named)',
      items: true,
    },
    {
      name: 'milestones',
      alias: 'sync-milestones',
      action: 'sync_milestones',
      description:
        'Keep milestones in step with release_milestones: create the missing, set due dates (target_date) and open/closed',
      items: false,
    },
  ];

function addOptions(command: Command): Command {
  for (const [name, help] of SHARED) command.addOption(new Option(`--${name} <value>`, help));
  for (const [name, { help }] of Object.entries(BOARD_SYNC_SETTINGS)) {
    if (name !== 'board-action') command.addOption(new Option(`--${name} <value>`, help));
  }
  command.addOption(new Option('--state <path>', 'Alias of --state-file'));
  command.addOption(
    new Option(
      '--token <token>',
      'Token (prefer GITHUB_TOKEN in the environment: flags show in process lists)',
    ),
  );
  command.addOption(new Option('--config <path>', 'Config file (default: .github/orchestrator-git.yml)'));
  command.addOption(new Option('--dry-run', 'Print the plan and change nothing'));
  command.addOption(new Option('--json', 'Print the outcome as JSON on stdout'));
  command.addOption(new Option('--quiet', 'Only warnings and errors on stderr'));
  return command;
}

function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

async function runBoardCommand(
  action: BoardAction,
  items: string[],
  options: Record<string, unknown>,
): Promise<number> {
  const log = consoleLogger({ quiet: Boolean(options.quiet) });
  const inputs: RawSettings & Partial<Record<BoardSettingName, unknown>> = { 'board-action': action };
  for (const name of [...SHARED.map(([setting]) => setting), ...Object.keys(BOARD_SYNC_SETTINGS)]) {
    const value = options[camel(name)];
    if (value !== undefined) (inputs as Record<string, unknown>)[name] = value;
  }
  inputs['board-action'] = action;
  if (options.state !== undefined && inputs['state-file'] === undefined) inputs['state-file'] = options.state;
  if (options.token !== undefined) inputs.token = options.token;
  if (options.dryRun) inputs['dry-run'] = 'true';
  try {
    const result = await executeBoardAction({
      inputs,
      configPath: typeof options.config === 'string' ? options.config : null,
      env: process.env,
      cwd: process.cwd(),
      log,
      itemKeys: items.length > 0 ? items : null,
    });
    if (result.kind === 'disabled') {
      log.info(`orchestrator-git is disabled (${result.reason}): nothing to do.`);
      if (options.json)
        process.stdout.write(`${JSON.stringify({ disabled: true, reason: result.reason })}\n`);
      return EXIT_OK;
    }
    if (result.kind === 'milestones') {
      const { counts } = result.outcome;
      log.info(
        `Milestones: created ${counts.created}, updated ${counts.updated}, unchanged ${counts.unchanged}, failed ${counts.failed}, reported ${counts.reported}.`,
      );
      if (options.json) {
        process.stdout.write(
          `${JSON.stringify({
            platform: result.config.platform,
            action: 'sync_milestones',
            counts,
            results: result.outcome.results,
            plan: result.outcome.plan,
            requests: result.outcome.stats,
          })}\n`,
        );
      }
      return counts.failed > 0 ? EXIT_ITEMS_FAILED : EXIT_OK;
    }
    const { outcome } = result;
    if (outcome.dryRun) printPlan(outcome, log.info);
    const { counts } = outcome;
    log.info(
      `${outcome.board ? `Board ${outcome.board.url}: ` : 'Board to be created: '}added ${counts.added}, moved ${counts.moved}, updated ${counts.updated}, unchanged ${counts.unchanged}, failed ${counts.failed}, without issue ${counts.skipped}.`,
    );
    if (options.json) {
      process.stdout.write(
        `${JSON.stringify({
          platform: result.config.platform,
          repository: outcome.repository,
          action: outcome.action,
          board: outcome.board,
          created: outcome.created,
          counts,
          results: outcome.results,
          plan: outcome.plan,
          requests: outcome.stats,
        })}\n`,
      );
    }
    return counts.failed > 0 ? EXIT_ITEMS_FAILED : EXIT_OK;
  } catch (error) {
    if (!isOrchestratorGitError(error)) throw error;
    log.error(error.describe());
    return exitCodeFor(error.code);
  }
}

function printPlan(outcome: BoardOutcome, info: (message: string) => void): void {
  const { plan } = outcome;
  info(`Plan: ${plan.setup.length + plan.cards.length} operations (dry run)`);
  for (const operation of plan.setup) {
    if (operation.kind === 'createBoard') info(`Create board ${JSON.stringify(operation.title)}`);
    else if (operation.kind === 'createField') info(`Create field ${JSON.stringify(operation.field.name)}`);
    else if (operation.kind === 'scopeBoard')
      info(`Scope the board to milestone ${JSON.stringify(operation.milestone)}`);
    else if (operation.kind === 'restoreStatusStash')
      info(
        `Restore ${operation.restore.length} ${operation.fieldName} values from the stash of a run that died, then delete the stash field`,
      );
    else
      info(
        `Add ${operation.added.join(', ')} to ${operation.fieldName} (${operation.restore.length} values kept)`,
      );
  }
  for (const operation of plan.cards) {
    const values = operation.writes.map((write) => `${write.field}=${describeWrite(write.value)}`).join(', ');
    info(`${operation.kind === 'addCard' ? 'Add' : 'Update'} ${operation.itemKey}: ${values}`);
  }
}

/** Registers `board …` and the kebab-case aliases on the program. */
export function addBoardCommands(program: Command, setExitCode: (code: number) => void): void {
  const board = program
    .command('board')
    .description(
      'Keep a project board (GitHub Projects v2) in step with the orchestrator: see docs/board-sync.md',
    );
  for (const spec of COMMANDS) {
    for (const command of [board.command(spec.name), program.command(spec.alias)]) {
      if (spec.items)
        command.argument('[items...]', 'Only these items (task:<id>, feature:<id> or a bare id)');
      addOptions(command.description(spec.description)).action(async (...args: unknown[]) => {
        const items = spec.items ? ((args[0] as string[] | undefined) ?? []) : [];
        const options = (spec.items ? args[1] : args[0]) as Record<string, unknown>;
        setExitCode(await runBoardCommand(spec.action, items, options));
      });
    }
  }
}
