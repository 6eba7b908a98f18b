/**
 * The changelog scenarios: a generated git repository of N conventional commits (a release tag every 100), and the
 * conventional-changelog CLI over all of it as the baseline; then orchestrator-git's changelog and the CLI's for one
 * release over the same history (test-support/release/bench-changelog.ts), side by side.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchChangelog } from '../../test-support/release/bench-changelog.js';
import { formatMs, type ScenarioResult } from './results.js';

const TYPES = [
  'feat(core)',
  'fix(api)',
  'docs',
  'chore(deps)',
  'refactor(engine)',
  'perf',
  'fix',
  'feat(cli)',
];

function run(
  command: string,
  args: string[],
  options: { cwd: string; input?: string },
): Promise<{ wallMs: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH ?? '',
        HOME: options.cwd,
        GIT_CONFIG_NOSYSTEM: '1',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr}`));
      else resolve({ wallMs: performance.now() - started, stdout });
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** A git fast-import stream of `count` commits on main, with a lightweight tag v0.<k>.0 after every 100th. */
function fastImportStream(count: number): string {
  const parts: string[] = [];
  const start = Date.parse('2025-01-01T00:00:00Z') / 1000;
  for (let index = 1; index <= count; index += 1) {
    const type = TYPES[index % TYPES.length] ?? 'chore';
    const message = `${type}: change number ${index}\n\nGenerated commit ${index} for the changelog benchmark.\n`;
    const content = `${index}\n`;
    parts.push(
      'commit refs/heads/main',
      `mark :${index}`,
      `committer Bench <bench@example.invalid> ${start + index * 600} +0000`,
      `data ${Buffer.byteLength(message)}`,
      message,
      ...(index > 1 ? [`from :${index - 1}`] : []),
      `M 644 inline file-${index % 50}.txt`,
      `data ${Buffer.byteLength(content)}`,
      content,
    );
    if (index % 100 === 0) parts.push(`reset refs/tags/v0.${index / 100}.0`, `from :${index}`, '');
  }
  return `${parts.join('\n')}\n`;
}

async function generateRepository(dir: string, commits: number): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await run('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  await run('git', ['fast-import', '--quiet'], { cwd: dir, input: fastImportStream(commits) });
  await run('git', ['checkout', '-q', '-f', 'main'], { cwd: dir });
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({
      name: 'bench-changelog',
      version: `0.${Math.floor(commits / 100)}.0`,
      repository: 'https://github.com/bench/widgets',
    }),
  );
}

const base = ({
  name,
  ...fields
}: Pick<ScenarioResult, 'name'> & Partial<ScenarioResult>): ScenarioResult => ({
  name,
  group: 'changelog',
  platform: null,
  n: null,
  latencyMs: null,
  requests: null,
  wallMs: null,
  peakRssMb: null,
  target: null,
  met: null,
  status: 'measured',
  note: null,
  detail: {},
  ...fields,
});

export async function measureChangelogs(options: {
  root: string;
  workdir: string;
  commits: number[];
  progress: (message: string) => void;
}): Promise<ScenarioResult[]> {
  const cli = path.join(options.root, 'node_modules', 'conventional-changelog-cli', 'cli.js');
  const results: ScenarioResult[] = [];
  for (const commits of options.commits) {
    const dir = path.join(options.workdir, `changelog-${commits}`);
    await generateRepository(dir, commits);
    // -r 0: every release, from the first commit (what a first changelog, or a regenerated one, costs).
    const baseline = await run(process.execPath, [cli, '-p', 'conventionalcommits', '-r', '0'], { cwd: dir });
    const releases = (baseline.stdout.match(/^##? \[?\d/gm) ?? []).length;
    // One release over the whole history, ours and the CLI's, on one generated repository (test-support/release).
    const pair = await benchChangelog(commits);
    results.push(
      base({
        name: 'conventional-changelog CLI (every release, -r 0)',
        n: commits,
        wallMs: baseline.wallMs,
        note: `${releases} releases, ${Math.round(baseline.stdout.length / 1024)} KiB of Markdown; process start included`,
        detail: { releases, bytes: baseline.stdout.length },
      }),
      base({
        name: 'conventional-changelog CLI (one release, -r 1)',
        n: commits,
        wallMs: pair.cli.ms,
        note: 'the same history as the row below; process start included',
      }),
      base({
        name: 'orchestrator-git release changelog',
        n: commits,
        wallMs: pair.ours.ms,
        target: 'no slower than the conventional-changelog CLI on the same repository',
        met: pair.ours.ms <= pair.cli.ms,
        note: 'conventional-changelog-core with the conventionalcommits preset, in process (the CLI row pays a process start)',
      }),
    );
    options.progress(
      `changelog: ${commits} commits, ours ${formatMs(pair.ours.ms)}, conventional-changelog CLI ${formatMs(pair.cli.ms)}`,
    );
  }
  return results;
}
