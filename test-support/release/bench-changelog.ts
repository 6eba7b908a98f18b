/**
 * The changelog benchmark for `npm run bench`: one generated repository of N conventional commits (made with `git
 * fast-import`, so 10,000 commits take a second), then our changelog generation and conventional-changelog-cli's
 * (`conventional-changelog -p conventionalcommits`, the same preset) over the same history, timed in one process run.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateConventionalEntry } from '../../src/release/conventional.js';
import { repositoryRoot } from '../repository-root.js';

// From the sources or from build/ (npm run bench compiles this file there).
const ROOT = repositoryRoot(import.meta.url);
/** The CLI's bin (`conventional-changelog` → cli.js in conventional-changelog-cli 5). */
export const CHANGELOG_CLI = path.join(ROOT, 'node_modules', 'conventional-changelog-cli', 'cli.js');

const TYPES = ['feat', 'fix', 'docs', 'refactor', 'perf', 'chore', 'test', 'fix'] as const;
const SCOPES = [null, 'sync', 'board', 'release', 'state'] as const;

export interface ChangelogBenchResult {
  ours: { ms: number };
  cli: { ms: number };
  commits: number;
}

function env(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Bench',
    GIT_AUTHOR_EMAIL: 'bench@example.com',
    GIT_COMMITTER_NAME: 'Bench',
    GIT_COMMITTER_EMAIL: 'bench@example.com',
    LC_ALL: 'C',
  };
}

function run(
  command: string,
  args: string[],
  cwd: string,
  input?: string,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      command,
      args,
      { cwd, env: { ...env(), HOME: cwd }, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${path.basename(command)} ${args.join(' ')} failed: ${String(stderr)}`));
        else resolve({ stdout: String(stdout), stderr: String(stderr) });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** The message of commit n: a conventional header, every 7th with a body, every 97th breaking. */
export function benchCommitMessage(n: number): string {
  const type = TYPES[n % TYPES.length] ?? 'fix';
  const scope = SCOPES[n % SCOPES.length] ?? null;
  const breaking = n % 97 === 0;
  const header = `${type}${scope ? `(${scope})` : ''}${breaking ? '!' : ''}: change number ${n}`;
  const body = n % 7 === 0 ? `\n\nWhy change ${n} was needed.\n\nCloses #${n}` : '';
  return `${header}${body}${breaking ? `\n\nBREAKING CHANGE: change ${n} breaks things` : ''}\n`;
}

/** A fast-import stream of `count` commits on refs/heads/main, one file changed in each. */
export function fastImportStream(count: number): string {
  const parts: string[] = [];
  const start = Date.parse('2024-01-01T00:00:00Z') / 1000;
  for (let n = 1; n <= count; n += 1) {
    const message = benchCommitMessage(n);
    const content = `change ${n}\n`;
    parts.push(
      'commit refs/heads/main',
      `mark :${n}`,
      `committer Bench <bench@example.com> ${start + n * 60} +0000`,
      `data ${Buffer.byteLength(message)}`,
      message,
      ...(n > 1 ? [`from :${n - 1}`] : []),
      `M 644 inline changes/${n % 100}.txt`,
      `data ${Buffer.byteLength(content)}`,
      content,
    );
  }
  return `${parts.join('\n')}\n`;
}

/** Builds the repository, runs both generators over it, and removes it. */
export async function benchChangelog(commits: number): Promise<ChangelogBenchResult> {
  if (!Number.isInteger(commits) || commits < 1)
    throw new Error(`benchChangelog needs a positive whole number of commits, not ${String(commits)}.`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'og-bench-changelog-'));
  try {
    await run('git', ['init', '-q', '-b', 'main'], dir);
    await run('git', ['fast-import', '--quiet'], dir, fastImportStream(commits));
    await run('git', ['reset', '-q', '--hard', 'main'], dir);

    let started = performance.now();
    const entry = await generateConventionalEntry({
      dir,
      platform: 'github',
      web: { host: 'https://github.com', owner: 'acme', repository: 'widgets' },
      version: '1.0.0',
      tag: 'v1.0.0',
      previousTag: null,
      date: '2024-12-31',
      tagPrefix: 'v',
    });
    const ours = performance.now() - started;
    if (entry.commits.length !== commits)
      throw new Error(`our changelog saw ${entry.commits.length} commits, not ${commits}.`);

    started = performance.now();
    const cli = await run(process.execPath, [CHANGELOG_CLI, '-p', 'conventionalcommits', '-r', '1'], dir);
    const theirs = performance.now() - started;
    if (!cli.stdout.includes('change number 1'))
      throw new Error('conventional-changelog-cli printed no changelog for the generated history.');
    return { ours: { ms: ours }, cli: { ms: theirs }, commits };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
