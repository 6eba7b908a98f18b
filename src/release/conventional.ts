/**
 * The conventional-commit changelog of one release, by conventional-changelog-core with the conventionalcommits
 * preset, and the parsed commits it read (for the bump). The edge where git history becomes text.
 */
import conventionalChangelogCore, { type ParsedCommit } from 'conventional-changelog-core';
import createPreset, { type PresetConfig } from 'conventional-changelog-conventionalcommits';
import { OrchestratorGitError } from '../errors.js';
import type { PlatformName } from '../platforms/types.js';
import type { ReleaseCommit } from './types.js';

/** Where commits, issues and comparisons are seen on the web; null: no links. */
export interface WebRepository {
  /** e.g. https://github.com, https://gitlab.example.com */
  host: string;
  /** GitHub owner, GitLab group path (subgroups included), Bitbucket workspace. */
  owner: string;
  repository: string;
}

export interface ConventionalRequest {
  /** The repository's work tree. */
  dir: string;
  platform: PlatformName;
  web: WebRepository | null;
  version: string;
  tag: string;
  /** The previous release's tag: commits after it are this release's; null: every commit (a first release). */
  previousTag: string | null;
  /** YYYY-MM-DD */
  date: string;
  tagPrefix: string;
  warn?: (message: string) => void;
}

export interface ConventionalEntry {
  /** `## [1.2.0](compare-url) (date)` */
  heading: string;
  /** The sections below the heading; empty when no commit is worth listing. */
  changes: string;
  compareUrl: string | null;
  /** Every commit in the range (merge commits excluded), newest first. */
  commits: ReleaseCommit[];
}

/** The preset's link formats for each platform (GitHub's are the preset's defaults). */
function presetConfig(platform: PlatformName): PresetConfig {
  switch (platform) {
    case 'github':
      return {};
    case 'gitlab':
      return {
        commitUrlFormat: '{{host}}/{{owner}}/{{repository}}/-/commit/{{hash}}',
        compareUrlFormat: '{{host}}/{{owner}}/{{repository}}/-/compare/{{previousTag}}...{{currentTag}}',
        issueUrlFormat: '{{host}}/{{owner}}/{{repository}}/-/issues/{{id}}',
      };
    case 'bitbucket':
      return {
        commitUrlFormat: '{{host}}/{{owner}}/{{repository}}/commits/{{hash}}',
        compareUrlFormat:
          '{{host}}/{{owner}}/{{repository}}/branches/compare/{{currentTag}}%0D{{previousTag}}',
        issueUrlFormat: '{{host}}/{{owner}}/{{repository}}/issues/{{id}}',
      };
  }
}

function toReleaseCommit(commit: ParsedCommit): ReleaseCommit {
  const header = (commit.header ?? '').trim();
  return {
    hash: commit.hash ?? '',
    type: commit.type ? String(commit.type) : null,
    scope: commit.scope ? String(commit.scope) : null,
    header,
    breaking: commit.notes.some((note) => /^BREAKING[ -]CHANGES?$/i.test(note.title)),
    revert: Boolean(commit.revert) || /^revert\b/i.test(header),
  };
}

export async function generateConventionalEntry(request: ConventionalRequest): Promise<ConventionalEntry> {
  const commits: ReleaseCommit[] = [];
  const web = request.web;
  const context: Record<string, unknown> = {
    version: request.version,
    currentTag: request.tag,
    date: request.date,
    ...(request.previousTag ? { previousTag: request.previousTag } : { linkCompare: false }),
    ...(web
      ? {
          host: web.host,
          owner: web.owner,
          repository: web.repository,
          repoUrl: `${web.host}/${web.owner}/${web.repository}`,
        }
      : { host: '', linkReferences: false, linkCompare: false }),
  };
  const stream = conventionalChangelogCore(
    {
      cwd: request.dir,
      config: createPreset(presetConfig(request.platform)),
      tagPrefix: request.tagPrefix,
      // The repository's package.json must not decide anything (version, links): the context above does.
      pkg: { transform: () => ({}) },
      warn: request.warn ?? (() => undefined),
      transform: (commit, callback) => {
        commits.push(toReleaseCommit(commit));
        // One release block: tags inside the range must not split it (a re-run releases a commit already tagged).
        delete commit.gitTags;
        delete commit.version;
        if (typeof commit.committerDate === 'string')
          commit.committerDate = commit.committerDate.slice(0, 10);
        callback(null, commit);
      },
    },
    context,
    // `from` undefined (not absent) overrides the library's default of the newest tag.
    { from: request.previousTag ?? undefined },
    undefined,
    // Write the block even when the version's tag already exists (a re-run), instead of nothing.
    { doFlush: true },
  );
  let text = '';
  try {
    for await (const chunk of stream) text += String(chunk);
  } catch (error) {
    throw new OrchestratorGitError(
      'GIT_CHECKOUT_INVALID',
      `The commits since ${request.previousTag ?? 'the first commit'} could not be read: ${error instanceof Error ? error.message : String(error)}.`,
      'Run the release in a full clone of the repository (fetch-depth: 0) whose tags are fetched.',
      { cause: error },
    );
  }
  const normalized = text.replace(/\r\n/g, '\n').trim();
  const newline = normalized.indexOf('\n');
  const heading = newline === -1 ? normalized : normalized.slice(0, newline);
  const changes = newline === -1 ? '' : normalized.slice(newline + 1).trim();
  const compareUrl = /^#+ \[[^\]]*\]\(([^)\s]+)\)/.exec(heading)?.[1] ?? null;
  return { heading, changes, compareUrl, commits };
}
