/**
 * The MCP server on stdio: the protocol alone on stdout (newline-delimited JSON-RPC), the log on stderr, calls still
 * running when the client closes stdin answered before the server ends — in-process through serveStdio on a pair of
 * streams, and as `orchestrator-git mcp` from the CLI bundle (dist/cli/index.js, rebuilt by `npm run package`).
 */
import { spawn } from 'node:child_process';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { serveStdio } from '../../src/mcp/server.js';
import type { GitHubEmulator } from '../../test-support/emulators/github/index.js';
import {
  CLI_BUNDLE,
  FEATURES,
  REPO,
  STATE_DB,
  TOKEN,
  Workspace,
  issuesOf,
  itemKeyOf,
  recordingLogger,
  startEmulator,
} from '../../test-support/e2e/harness.js';

/** A client transport over a server's stdin and stdout that keeps every line the server printed. */
class StreamTransport implements Transport {
  readonly lines: string[] = [];
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  private pending = '';

  constructor(
    private readonly serverIn: Writable,
    private readonly serverOut: Readable,
  ) {}

  async start(): Promise<void> {
    this.serverOut.setEncoding('utf8');
    this.serverOut.on('data', (chunk: string) => {
      this.pending += chunk;
      let end: number;
      while ((end = this.pending.indexOf('\n')) >= 0) {
        const line = this.pending.slice(0, end);
        this.pending = this.pending.slice(end + 1);
        this.lines.push(line);
        try {
          this.onmessage?.(JSON.parse(line) as JSONRPCMessage);
        } catch (error) {
          this.onerror?.(error as Error);
        }
      }
    });
    this.serverOut.on('end', () => this.onclose?.());
  }

  async send(message: JSONRPCMessage): Promise<void> {
    this.serverIn.write(serializeMessage(message));
  }

  async close(): Promise<void> {
    this.serverIn.end();
  }
}

/** Every line a server printed on stdout is one JSON-RPC 2.0 message. */
function expectProtocolOnly(lines: string[]): void {
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: '2.0' });
}

let emulator: GitHubEmulator;
let workspace: Workspace;

beforeEach(async () => {
  emulator = await startEmulator();
  workspace = await Workspace.create();
  await workspace.copySample('v2-generic');
  await workspace.copyFeatures();
});
afterEach(async () => {
  await emulator.stop();
  await workspace.dispose();
});

describe('serveStdio, in-process', () => {
  it('answers a call still running when stdin ends, then ends; stdout carries only the protocol', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const { log, lines: logged } = recordingLogger();
    const serving = serveStdio(
      {
        settings: {
          'state-file': STATE_DB,
          'features-dir': FEATURES,
          repository: REPO,
          'api-url': emulator.url,
          'write-delay-ms': '0',
        },
        configPath: null,
        env: { GITHUB_TOKEN: TOKEN },
        cwd: workspace.dir,
        log,
      },
      { stdin, stdout },
    );
    const transport = new StreamTransport(stdin, stdout);
    const received: JSONRPCMessage[] = [];
    transport.onmessage = (message) => received.push(message);
    await transport.start();
    await transport.send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
    });
    await transport.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    await transport.send({
      jsonrpc: '2.0',
      id: 2,
      method: 'tools/call',
      params: {
        name: 'orchestrator_git_integration',
        arguments: { action: 'create_issue', task_id: 'gt_root_0001' },
      },
    });
    await transport.close();
    await serving;

    expectProtocolOnly(transport.lines);
    const answer = received.find((message) => 'id' in message && message.id === 2) as
      | { result: { isError?: boolean; structuredContent: { items: { itemKey: string; result: string }[] } } }
      | undefined;
    expect(answer?.result.isError).toBeUndefined();
    expect(answer?.result.structuredContent.items).toMatchObject([
      { itemKey: 'task:gt_root_0001', result: 'created' },
    ]);
    expect(issuesOf(emulator).map((issue) => itemKeyOf(issue))).toEqual(['task:gt_root_0001']);
    expect(logged.map((line) => line.message)).toContainEqual(
      expect.stringContaining('orchestrator-git MCP server on stdio'),
    );
    expect(JSON.stringify(received) + JSON.stringify(logged)).not.toContain(TOKEN);
  });
});

// Needs the CLI bundle rebuilt (`npm run package`) once addMcpCommand is wired into src/cli/main.ts.
describe('orchestrator-git mcp (the CLI bundle)', () => {
  it('serves the tools to an MCP client over stdio, logs on stderr only, and exits 0 when the client closes', async () => {
    const child = spawn(
      process.execPath,
      [
        CLI_BUNDLE,
        'mcp',
        '--state-file',
        STATE_DB,
        '--features-dir',
        FEATURES,
        '--repository',
        REPO,
        '--api-url',
        emulator.url,
        '--write-delay-ms',
        '0',
      ],
      {
        cwd: workspace.dir,
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { PATH: process.env.PATH ?? '', GITHUB_TOKEN: TOKEN },
      },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    try {
      const transport = new StreamTransport(child.stdin, child.stdout);
      const errors: Error[] = [];
      const client = new Client({ name: 'orchestrator-git-e2e', version: '1.0.0' });
      client.onerror = (error) => errors.push(error);
      await client.connect(transport);
      expect(client.getServerVersion()).toMatchObject({ name: 'orchestrator-git' });

      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toEqual([
        'orchestrator_git_integration',
        'orchestrator_project_board_manager',
        'orchestrator_release_coordinator',
      ]);
      const created = await client.callTool({
        name: 'orchestrator_git_integration',
        arguments: { action: 'create_issue', feature_id: 'GIT_INTEGRATION_V1' },
      });
      expect(created.isError).toBeFalsy();
      expect(created.structuredContent).toMatchObject({
        items: [{ itemKey: 'feature:GIT_INTEGRATION_V1', result: 'created' }],
      });
      const bad = await client.callTool({
        name: 'orchestrator_git_integration',
        arguments: { action: 'update_issue', task_id: 'nope' },
      });
      expect(bad.isError).toBe(true);
      expect(JSON.stringify(bad.content)).toContain('CONFIG_INVALID');

      await client.close();
      expect(await exited).toBe(0);
      expect(errors).toEqual([]);
      expectProtocolOnly(transport.lines);
      expect(transport.lines.join('\n')).not.toContain(TOKEN);
      expect(stderr).toContain('orchestrator-git MCP server on stdio');
      expect(stderr).toContain('── orchestrator_git_integration create_issue');
      expect(stderr).not.toContain(TOKEN);
      expect(issuesOf(emulator).map((issue) => itemKeyOf(issue))).toEqual(['feature:GIT_INTEGRATION_V1']);
    } finally {
      clearTimeout(timer);
      child.kill();
    }
  });
});
