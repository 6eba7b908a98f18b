/** The release's one edge to git: the checkout's commit, cleanliness, depth and release tags, through the git CLI. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { OrchestratorGitError, quote } from '../errors.js';
import type { ReleaseTag } from './types.js';
import { tagVersion } from './version.js';

const HISTORY_FIX =
  'Fetch the whole history and the tags: on GitHub Actions set `fetch-depth: 0` on actions/checkout; in GitLab CI set the variable `GIT_DEPTH: 0`; in Bitbucket Pipelines set `clone: { depth: full }`; locally run `git fetch --unshallow --tags`.';

export class GitRepository {
  private constructor(readonly dir: string) {}

  /** The repository whose work tree holds `dir`; a catalogue error when git is missing or `dir` is not in one. */
  static async open(dir: string): Promise<GitRepository> {
    const repository = new GitRepository(dir);
    try {
      await repository.git(['rev-parse', '--is-inside-work-tree']);
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      throw new OrchestratorGitError(
        'GIT_CHECKOUT_INVALID',
        missing
          ? 'git was not found: releases read the commits and tags with the git command.'
          : `${quote(dir)} is not inside a git work tree: releases read the commits and tags of the checkout.`,
        missing
          ? 'Install git on the runner (it is on GitHub-hosted runners and in the usual CI images).'
          : 'Run the release step in the checked-out repository (after actions/checkout), or set `working-directory` to it.',
        { cause: error },
      );
    }
    return repository;
  }

  git(args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile(
        'git',
        args,
        {
          cwd: this.dir,
          maxBuffer: 64 * 1024 * 1024,
          env: { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' },
        },
        (error, stdout, stderr) => {
          if (error) {
            reject(Object.assign(error, { stderr: String(stderr) }));
            return;
          }
          resolve(String(stdout));
        },
      );
    });
  }

  async isShallow(): Promise<boolean> {
    return (await this.git(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  }

  /** The checked-out commit; a catalogue error for a repository without commits. */
  async head(): Promise<string> {
    try {
      return (await this.git(['rev-parse', '--verify', 'HEAD^{commit}'])).trim();
    } catch (error) {
      throw new OrchestratorGitError(
        'GIT_CHECKOUT_INVALID',
        `The repository at ${quote(this.dir)} has no commit checked out.`,
        'Commit something first; a release tags a commit.',
        { cause: error },
      );
    }
  }

  /** Tracked files with changes not committed (untracked files do not count). */
  async dirtyFiles(): Promise<string[]> {
    const out = await this.git(['status', '--porcelain=v1', '-z', '--untracked-files=no']);
    return out
      .split('\0')
      .filter((entry) => entry.length > 3)
      .map((entry) => entry.slice(3));
  }

  /** Every tag named prefix + semantic version that points (through an annotated tag) at a commit. */
  async releaseTags(prefix: string): Promise<ReleaseTag[]> {
    const format = [
      '%(refname:strip=2)',
      '%(objecttype)',
      '%(objectname)',
      '%(*objecttype)',
      '%(*objectname)',
      // When the tag was made: the tagger's date for an annotated tag, the commit's for a lightweight one.
      '%(creatordate:iso-strict)',
    ].join('%00');
    const out = await this.git(['for-each-ref', `--format=${format}`, 'refs/tags']);
    const merged = new Set(
      (await this.git(['tag', '--merged', 'HEAD']))
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    );
    const tags: ReleaseTag[] = [];
    for (const line of out.split('\n')) {
      if (line === '') continue;
      const [name = '', type, object = '', peeledType, peeled = '', date = ''] = line.split('\0');
      const version = tagVersion(name, prefix);
      if (version === null) continue;
      const isCommit = type === 'commit' || (type === 'tag' && peeledType === 'commit');
      if (!isCommit) continue;
      tags.push({
        name,
        version,
        commit: type === 'tag' ? peeled : object,
        reachable: merged.has(name),
        date: date || null,
      });
    }
    return tags;
  }

  /**
   * Checks that the clone can be released from: not shallow (the commits since the last release and its tag would be
   * missing), and — when `clean` — no uncommitted changes to tracked files (they would not be in the tagged commit),
   * except the `ignore`d ones: the orchestrator's state file changes with every run and is not release content.
   */
  async verifyReleasable(options: { clean: boolean; ignore?: readonly string[] }): Promise<void> {
    if (await this.isShallow()) {
      throw new OrchestratorGitError(
        'GIT_CHECKOUT_INVALID',
        `The clone at ${quote(this.dir)} is shallow: the commits since the last release and the release tags are not all there (actions/checkout fetches a single commit by default), so the changelog and the version would be wrong.`,
        HISTORY_FIX,
      );
    }
    if (!options.clean) return;
    const top = (await this.git(['rev-parse', '--show-toplevel'])).trim();
    const ignored = new Set((options.ignore ?? []).map((file) => path.resolve(file)));
    const dirty = (await this.dirtyFiles()).filter((file) => !ignored.has(path.resolve(top, file)));
    if (dirty.length > 0) {
      throw new OrchestratorGitError(
        'GIT_CHECKOUT_INVALID',
        `The work tree has uncommitted changes to ${dirty
          .slice(0, 5)
          .map((file) => quote(file))
          .join(
            ', ',
          )}${dirty.length > 5 ? ` and ${dirty.length - 5} more` : ''}: the tag would point at a commit without them.`,
        'Commit (and push) the changes first — typically the CHANGELOG.md written by the changelog step — then tag; or discard them with `git checkout -- <file>`.',
      );
    }
  }
}
