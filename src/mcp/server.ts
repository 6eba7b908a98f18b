/**
 * The orchestrator-git MCP server: the seed's three tools over the low-level SDK Server, so that every bad input
 * (including a schema violation) is answered as a tool error with the catalogue's code, message and fix, rather
 * than the SDK's generic validation text. Calls that write the same state file run one at a time; the log goes to
 * the given Logger (stderr in the CLI), never to stdout, which carries the protocol.
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
} from '@modelcontextprotocol/sdk/types.js';
import type { RawSettings } from '../config/issue-sync.js';
import type { Logger } from '../engine/logger.js';
import { quote } from '../errors.js';
import { CallQueue } from './call-queue.js';
import { withCapabilities, type Capabilities, type CallContext } from './capabilities.js';
import { runGitIntegration } from './git-integration.js';
import { runBoardManager, runReleaseCoordinator } from './registry-tools.js';
import { failureReport, Redactor, toToolResult, type ToolReport, type ToolResult } from './results.js';
import { callInputs, stateKey } from './settings.js';
import {
  isToolName,
  parseBoardManager,
  parseGitIntegration,
  parseReleaseCoordinator,
  toolDefinitions,
  TOOL_NAMES,
  type ToolName,
} from './tools.js';

export const SERVER_NAME = 'orchestrator-git';
/** The package version (a unit test keeps it equal to package.json's). */
export const SERVER_VERSION = '0.1.0';

/** Environment variables that hold secrets the server may use: masked in every answer and log line. */
const SECRET_VARIABLES = [
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'GITLAB_TOKEN',
  'BITBUCKET_TOKEN',
  'BITBUCKET_APP_PASSWORD',
  'BITBUCKET_API_TOKEN',
  'INPUT_TOKEN',
];

const MAX_WARNINGS = 20;

export interface OrchestratorMcpOptions {
  /** The command's settings flags, as `sync` takes them; every call starts from them. */
  settings: RawSettings;
  configPath: string | null;
  env: NodeJS.ProcessEnv;
  /** Where relative state files and the config file are found. */
  cwd: string;
  /** The server's log (the CLI: stderr). */
  log: Logger;
  /** Board and release actions served in place of (or besides) the defaults. */
  capabilities?: Partial<Capabilities>;
}

export function createOrchestratorMcpServer(options: OrchestratorMcpOptions): Server {
  const redactor = new Redactor();
  if (typeof options.settings.token === 'string') redactor.add(options.settings.token);
  for (const name of SECRET_VARIABLES) redactor.add(options.env[name]);
  const log = redactingLogger(options.log, redactor);
  const capabilities = withCapabilities(options.capabilities);
  const queue = new CallQueue();
  let calls = 0;

  const server = new Server(
    { name: SERVER_NAME, version: SERVER_VERSION, title: 'orchestrator-git' },
    {
      capabilities: { tools: {} },
      instructions:
        "Keeps GitHub, GitLab or Bitbucket issues, project boards and releases in step with the MCP Task Orchestrator's plan. Name items by task_id or feature_id; the orchestrator owns each issue's title, status labels, milestone and state, and each card's column, so change those in the orchestrator and call update_issue or move_card. Releases are planned from the git checkout the server runs in.",
    },
  );
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: toolDefinitions() }));
  server.setRequestHandler(CallToolRequestSchema, async (request): Promise<ToolResult> => {
    const { name } = request.params;
    if (!isToolName(name)) {
      throw new McpError(
        ErrorCode.InvalidParams,
        `Unknown tool ${quote(name)}: this server has ${TOOL_NAMES.join(', ')}.`,
      );
    }
    calls += 1;
    const runId = `mcp-${Date.now().toString(36)}-${calls}`;
    return toToolResult(await callTool(name, request.params.arguments, runId), redactor);
  });

  async function callTool(name: ToolName, args: unknown, runId: string): Promise<ToolReport> {
    let parsed: ParsedCall;
    try {
      parsed = parseCall(name, args);
    } catch (error) {
      const report = failureReport(error);
      log.warning(`${name}: ${report.error?.code}: ${report.error?.message}`);
      return report;
    }
    const inputs = callInputs(options.settings, parsed.args);
    return queue.run(stateKey(inputs, options.cwd), async () => {
      const warnings: string[] = [];
      const context: CallContext = {
        inputs,
        configPath: options.configPath,
        env: options.env,
        cwd: options.cwd,
        log: collectingWarnings(log, warnings),
        runId,
        onSecret: (secret) => redactor.add(secret),
      };
      log.info(`── ${name} ${parsed.args.action} (${runId})`);
      let report: ToolReport;
      try {
        report = await parsed.run(context);
      } catch (error) {
        report = failureReport(error, { action: parsed.args.action });
      }
      if (report.error)
        log.error(`${name} ${parsed.args.action}: ${report.error.code}: ${report.error.message}`);
      return withWarnings(report, warnings);
    });
  }

  function parseCall(name: ToolName, args: unknown): ParsedCall {
    switch (name) {
      case 'orchestrator_git_integration': {
        const parsed = parseGitIntegration(args);
        return { args: parsed, run: (context) => runGitIntegration(parsed, context, capabilities) };
      }
      case 'orchestrator_project_board_manager': {
        const parsed = parseBoardManager(args);
        return { args: parsed, run: (context) => runBoardManager(parsed, context, capabilities) };
      }
      case 'orchestrator_release_coordinator': {
        const parsed = parseReleaseCoordinator(args);
        return { args: parsed, run: (context) => runReleaseCoordinator(parsed, context, capabilities) };
      }
    }
  }

  return server;
}

interface ParsedCall {
  args: {
    action: string;
    platform?: string | undefined;
    repository?: string | undefined;
    state_file?: string | undefined;
    dry_run?: boolean | undefined;
  };
  run: (context: CallContext) => Promise<ToolReport>;
}

/**
 * Serves on stdin/stdout until the client closes stdin, answering first every request already received. Anything a
 * dependency prints with console.log goes to stderr, so it cannot corrupt the protocol.
 */
export async function serveStdio(
  options: OrchestratorMcpOptions,
  streams: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream } = {
    stdin: process.stdin,
    stdout: process.stdout,
  },
): Promise<void> {
  console.log = console.error;
  console.info = console.error;
  const server = createOrchestratorMcpServer(options);
  const transport = new StdioServerTransport(
    streams.stdin as typeof process.stdin,
    streams.stdout as typeof process.stdout,
  );
  const closed = new Promise<void>((resolve) => {
    server.onclose = resolve;
  });
  let answered: () => Promise<void> = () => Promise.resolve();
  streams.stdin.once('end', () => {
    void answered().then(() => server.close());
  });
  await server.connect(transport);
  answered = trackRequests(transport);
  options.log.info(`orchestrator-git MCP server on stdio: ${TOOL_NAMES.join(', ')}.`);
  await closed;
}

/** Counts the requests a transport received and not yet answered; the function resolves when none is left. */
function trackRequests(transport: Transport): () => Promise<void> {
  const pending = new Set<string | number>();
  let settled: (() => void) | null = null;
  const receive = transport.onmessage;
  transport.onmessage = (message, extra) => {
    if ('method' in message && 'id' in message) pending.add(message.id);
    receive?.(message, extra);
  };
  const send = transport.send.bind(transport);
  transport.send = async (message, sendOptions) => {
    await send(message, sendOptions);
    if (!('method' in message) && 'id' in message && message.id !== undefined) {
      pending.delete(message.id);
      if (pending.size === 0) settled?.();
    }
  };
  return () =>
    pending.size === 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          settled = resolve;
        });
}

function redactingLogger(log: Logger, redactor: Redactor): Logger {
  return {
    info: (message) => log.info(redactor.redact(message)),
    warning: (message) => log.warning(redactor.redact(message)),
    error: (message) => log.error(redactor.redact(message)),
    debug: (message) => log.debug(redactor.redact(message)),
    group: (name, body) => log.group(redactor.redact(name), body),
  };
}

function collectingWarnings(log: Logger, warnings: string[]): Logger {
  return {
    ...log,
    warning: (message) => {
      warnings.push(message);
      log.warning(message);
    },
  };
}

/** The run's warnings (a milestone left as it is, a state file oddity) go back to the caller too. */
function withWarnings(report: ToolReport, warnings: string[]): ToolReport {
  if (warnings.length === 0) return report;
  const kept = warnings.slice(0, MAX_WARNINGS);
  if (warnings.length > MAX_WARNINGS)
    kept.push(`… and ${warnings.length - MAX_WARNINGS} more (see the server's log)`);
  return {
    ...report,
    // The state file's own oddities are said on every call: in the data and the log, not in the text.
    summary: [
      report.summary,
      ...kept
        .filter((warning) => !warning.startsWith('State: '))
        .slice(0, 5)
        .map((warning) => `Warning: ${warning}`),
    ].join('\n'),
    data: { ...report.data, warnings: kept },
  };
}
