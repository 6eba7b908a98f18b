/**
 * `orchestrator-git mcp`: serves the seed's three MCP tools on stdio, with the settings flags of `sync` as every
 * call's defaults. The MCP SDK is loaded only when this command runs, so the other commands start as fast as before.
 */
import type { Command } from 'commander';
import { consoleLogger } from './logger.js';
import { addSyncOptions, settingsFrom } from './options.js';

export function addMcpCommand(program: Command): void {
  const command = program
    .command('mcp')
    .description(
      'Serve the MCP tools orchestrator_git_integration, orchestrator_project_board_manager and orchestrator_release_coordinator on stdio (for an MCP client); the flags are the defaults of every call',
    );
  addSyncOptions(command, {
    output: false,
    tokenNote: ' and in MCP client configs',
  }).action(async (options: Record<string, unknown>) => {
    const { serveStdio } = await import('../mcp/server.js');
    await serveStdio({
      settings: settingsFrom(options),
      configPath: typeof options.config === 'string' ? options.config : null,
      env: process.env,
      cwd: process.cwd(),
      log: consoleLogger({ quiet: Boolean(options.quiet) }),
    });
  });
}
