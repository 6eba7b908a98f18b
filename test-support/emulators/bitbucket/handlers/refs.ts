/**
 * Tags: `POST /repositories/{workspace}/{repo_slug}/refs/tags` and `GET …/refs/tags/{name}`. The repository's commits
 * are those a test registered (the emulator holds no git objects): anything else is not on Bitbucket, as an unpushed
 * commit would be.
 *
 * Documented behaviour followed (swagger operations "Create a tag" and "Get a tag", component `tag`;
 * developer.atlassian.com/cloud/bitbucket/rest/api-group-refs):
 * - The POST body is `{"name": …, "target": {"hash": …}}` plus an optional `message` ("will create annotated tag if
 *   specified"); the hash may be a prefix of a commit's (an ambiguous prefix is a 400). 201 with the tag.
 * - The tag: `type: "tag"`, `name`, `target` (the commit: `type: "commit"`, `hash`, `date`, `author`, `message`,
 *   `links`), `message` and `date` and `tagger` (annotated tags; null for lightweight ones), `links` (`self`,
 *   `commits`, `html`).
 * - Reading needs the `repository` scope (`read:repository:bitbucket`), creating `repository:write`
 *   (`write:repository:bitbucket`) and write access to the repository.
 * - Unverified, chosen here: an existing tag is 400 `tag "v1.0.0" already exists`; a target that is not a commit of
 *   the repository is 400 `The target hash does not exist.`; a missing name or target is 400 `Bad request` with
 *   `fields`; a missing tag is 404 `Tag "x" does not exist.`.
 */

import { apiError, badRequest, bbTime, isPlainObject } from '../http.js';
import { repoApi, repoWeb, type Urls } from '../render.js';
import type { RepoRoute } from '../router.js';
import type { RepoRecord, Store } from '../store.js';
import { objectBody } from './common.js';

export interface CommitRecord {
  hash: string;
  message: string;
  date: number;
  parents: string[];
}

export interface TagRecord {
  name: string;
  commit: string;
  /** Annotated tags only. */
  message: string | null;
  date: number | null;
}

export interface RefData {
  commits: Map<string, CommitRecord>;
  tags: Map<string, TagRecord>;
}

const DATA = new WeakMap<RepoRecord, RefData>();

export function refData(repo: RepoRecord): RefData {
  let data = DATA.get(repo);
  if (!data) {
    data = { commits: new Map(), tags: new Map() };
    DATA.set(repo, data);
  }
  return data;
}

/** Registers commits as pushed (oldest first: each one's parent is the one before). */
export function addCommits(store: Store, repo: RepoRecord, hashes: readonly string[]): void {
  const data = refData(repo);
  let parent: string | undefined;
  for (const hash of hashes) {
    if (!/^[0-9a-f]{40}$/.test(hash)) throw new Error(`Not a full commit hash: ${JSON.stringify(hash)}.`);
    if (!data.commits.has(hash))
      data.commits.set(hash, {
        hash,
        message: `Commit ${hash.slice(0, 12)}\n`,
        date: store.now(),
        parents: parent ? [parent] : [],
      });
    parent = hash;
  }
}

function renderCommit(repo: RepoRecord, commit: CommitRecord, urls: Urls): Record<string, unknown> {
  return {
    type: 'commit',
    hash: commit.hash,
    date: bbTime(commit.date),
    author: { type: 'author', raw: 'Release Tester <tester@example.com>' },
    message: commit.message,
    parents: commit.parents.map((hash) => ({
      type: 'commit',
      hash,
      links: {
        self: { href: `${repoApi(repo, urls)}/commit/${hash}` },
        html: { href: `${repoWeb(repo, urls)}/commits/${hash}` },
      },
    })),
    links: {
      self: { href: `${repoApi(repo, urls)}/commit/${commit.hash}` },
      html: { href: `${repoWeb(repo, urls)}/commits/${commit.hash}` },
    },
  };
}

export function renderTag(repo: RepoRecord, tag: TagRecord, urls: Urls): Record<string, unknown> {
  const commit = refData(repo).commits.get(tag.commit);
  const name = encodeURIComponent(tag.name);
  return {
    type: 'tag',
    name: tag.name,
    target: commit ? renderCommit(repo, commit, urls) : null,
    message: tag.message,
    date: tag.date === null ? null : bbTime(tag.date),
    tagger: tag.message === null ? null : { type: 'author', raw: 'Release Tester <tester@example.com>' },
    links: {
      self: { href: `${repoApi(repo, urls)}/refs/tags/${name}` },
      commits: { href: `${repoApi(repo, urls)}/commits/${name}` },
      html: { href: `${repoWeb(repo, urls)}/commits/tag/${name}` },
    },
  };
}

/** A tag pushed with git, outside the API. */
export function pushTag(
  store: Store,
  repo: RepoRecord,
  name: string,
  commit: string,
  message: string | null = null,
): void {
  const data = refData(repo);
  if (!data.commits.has(commit)) addCommits(store, repo, [commit]);
  data.tags.set(name, { name, commit, message, date: message === null ? null : store.now() });
}

const READ = { scopes: ['repository'], apiTokenScopes: ['read:repository:bitbucket'] };
const WRITE = { scopes: ['repository:write'], apiTokenScopes: ['write:repository:bitbucket'] };

export const refRoutes: RepoRoute[] = [
  {
    method: 'POST',
    template: '/repositories/{workspace}/{repo_slug}/refs/tags',
    scopes: WRITE,
    repo: true,
    write: true,
    handler: (ctx) => {
      const body = objectBody(ctx.body);
      const data = refData(ctx.repo);
      const name = body['name'];
      const target = isPlainObject(body['target']) ? body['target']['hash'] : undefined;
      const fields: Record<string, string[]> = {};
      if (typeof name !== 'string' || name.trim() === '') fields['name'] = ['This field is required.'];
      if (typeof target !== 'string' || target === '') fields['target'] = ['This field is required.'];
      if (Object.keys(fields).length > 0) throw badRequest(fields);
      const tagName = String(name);
      if (data.tags.has(tagName)) throw apiError(400, `tag "${tagName}" already exists`);
      const prefix = String(target).toLowerCase();
      const matches = [...data.commits.keys()].filter((hash) => hash.startsWith(prefix));
      if (matches.length > 1) throw apiError(400, `The target hash "${prefix}" is ambiguous.`);
      const commit = matches[0];
      if (!/^[0-9a-f]{4,40}$/.test(prefix) || commit === undefined)
        throw apiError(400, 'The target hash does not exist.');
      const message = typeof body['message'] === 'string' && body['message'] !== '' ? body['message'] : null;
      const tag: TagRecord = {
        name: tagName,
        commit,
        message,
        date: message === null ? null : ctx.store.now(),
      };
      data.tags.set(tagName, tag);
      return { status: 201, body: renderTag(ctx.repo, tag, ctx.urls) };
    },
  },
  {
    method: 'GET',
    template: '/repositories/{workspace}/{repo_slug}/refs/tags/{name}',
    scopes: READ,
    repo: true,
    handler: (ctx) => {
      const name = ctx.params['name'] ?? '';
      const tag = refData(ctx.repo).tags.get(name);
      if (!tag) throw apiError(404, `Tag "${name}" does not exist.`);
      return { status: 200, body: renderTag(ctx.repo, tag, ctx.urls) };
    },
  },
];
