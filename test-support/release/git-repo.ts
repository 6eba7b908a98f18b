/**
 * Real git repositories for the release tests, built with the git CLI in temporary folders: deterministic authors,
 * dates and therefore commit hashes, so changelogs generated from them can be snapshot-tested.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** 2024-03-01T12:00:00Z; each commit is one hour after the one before. */
const BASE_TIME = Date.parse('2024-03-01T12:00:00Z');

export interface CommitOptions {
  /** Files to write before committing (path → content); default: one file of its own. Everything changed is committed. */
  files?: Record<string, string>;
  allowEmpty?: boolean;
}

export class GitRepo {
  private tick = 0;

  private constructor(readonly dir: string) {}

  static async create(prefix = 'og-release-'): Promise<GitRepo> {
    const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    const repo = new GitRepo(dir);
    await repo.git(['init', '-q', '-b', 'main']);
    return repo;
  }

  /** An isolated environment: no user or system config, fixed identity, dates from the repo's own clock. */
  env(): NodeJS.ProcessEnv {
    const date = new Date(BASE_TIME + this.tick * 3_600_000).toISOString();
    return {
      PATH: process.env.PATH ?? '',
      HOME: this.dir,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Release Tester',
      GIT_AUTHOR_EMAIL: 'tester@example.com',
      GIT_COMMITTER_NAME: 'Release Tester',
      GIT_COMMITTER_EMAIL: 'tester@example.com',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
      LC_ALL: 'C',
    };
  }

  git(args: string[], cwd = this.dir): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile(
        'git',
        args,
        { cwd, env: this.env(), maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => {
          if (error) reject(new Error(`git ${args.join(' ')} failed: ${String(stderr)}`, { cause: error }));
          else resolve(String(stdout));
        },
      );
    });
  }

  async write(file: string, content: string): Promise<void> {
    await mkdir(path.dirname(path.join(this.dir, file)), { recursive: true });
    await writeFile(path.join(this.dir, file), content);
  }

  /** Commits the message (with changes to `files`, or to a file of its own); returns the hash. */
  async commit(message: string, options: CommitOptions = {}): Promise<string> {
    this.tick += 1;
    const files = options.files ?? { [`changes/${this.tick}.txt`]: `change ${this.tick}\n` };
    for (const [file, content] of Object.entries(files)) await this.write(file, content);
    await this.git(['add', '-A']);
    const messageFile = path.join(this.dir, '.git', 'OG_TEST_MESSAGE');
    await writeFile(messageFile, message);
    await this.git([
      'commit',
      '-q',
      '--cleanup=whitespace',
      ...(options.allowEmpty ? ['--allow-empty'] : []),
      '-F',
      messageFile,
    ]);
    return this.head();
  }

  async head(): Promise<string> {
    return (await this.git(['rev-parse', 'HEAD'])).trim();
  }

  async tag(name: string, options: { annotated?: boolean; ref?: string } = {}): Promise<void> {
    this.tick += 1;
    const ref = options.ref ?? 'HEAD';
    if (options.annotated === false) await this.git(['tag', name, ref]);
    else await this.git(['tag', '-a', name, '-m', `Release ${name}`, ref]);
  }

  async branch(name: string): Promise<void> {
    await this.git(['checkout', '-q', '-b', name]);
  }

  async checkout(ref: string): Promise<void> {
    await this.git(['checkout', '-q', ref]);
  }

  /** A merge commit (never fast-forward) of `branch` into the current branch. */
  async merge(branch: string, message: string): Promise<string> {
    this.tick += 1;
    await this.git(['merge', '-q', '--no-ff', '-m', message, branch]);
    return this.head();
  }

  /** `git revert` of a commit, with git's own message. */
  async revert(hash: string): Promise<string> {
    this.tick += 1;
    await this.git(['revert', '--no-edit', hash]);
    return this.head();
  }

  /** A shallow clone (depth 1) of this repository, as actions/checkout makes by default. */
  async shallowClone(): Promise<GitRepo> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'og-release-shallow-'));
    await this.git(['clone', '-q', '--depth', '1', `file://${this.dir}`, dir]);
    return new GitRepo(dir);
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
