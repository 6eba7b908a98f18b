/**
 * One end-to-end fixture per platform, so a scenario is written once and runs against the GitHub, GitLab and
 * Bitbucket emulators alike: each starts its emulator with the repository `acme/widgets` and a write token, gives the
 * settings a run needs, and reads and edits the issues as the platform holds them.
 */
import type { RawSettings } from '../../src/config/issue-sync.js';
import type { PlatformName } from '../../src/platforms/types.js';
import { BitbucketEmulator } from '../emulators/bitbucket/index.js';
import type { FaultSpec } from '../emulators/shared/faults.js';
import { GitHubEmulator } from '../emulators/github/index.js';
import { GitLabEmulator } from '../emulators/gitlab/index.js';
import { FEATURES, STATE_DB } from './harness.js';

export const REPOSITORY = 'acme/widgets';

/** An issue as every platform has one. */
export interface PlatformIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  /** The platform's own word for the state (GitHub: state_reason; GitLab: opened / closed; Bitbucket: its workflow state). */
  detail: string | null;
  labels: string[];
}

export interface RequestLine {
  method: string;
  path: string;
  status: number;
}

export interface PlatformFixture {
  readonly name: PlatformName;
  /** Settings for a run against this emulator (a write token, no write delay). */
  inputs(overrides?: RawSettings): RawSettings;
  issues(): PlatformIssue[];
  /** A person edits an issue's body in the web UI. */
  editBody(number: number, body: string): void;
  /** Milestones by title (GitLab: the project's and the group `acme`'s), with the issues that carry each. */
  milestones(): {
    title: string;
    state: 'open' | 'closed';
    where: 'repository' | 'group';
    issues: number[];
  }[];
  /** A person creates a milestone in the web UI. */
  addMilestone(title: string): void;
  requests(): RequestLine[];
  clearRequests(): void;
  /** Whether a request is one page of the repository's issue list. */
  isIssueList(request: RequestLine): boolean;
  /** The platform's requests for one issue operation (paths as the emulator sees them, without the API prefix). */
  routes: Record<'listIssues' | 'createIssue' | 'updateIssue', { method: string; path: RegExp }>;
  injectFault(fault: FaultSpec): void;
  stop(): Promise<void>;
}

const GITHUB_TOKEN = 'ghs_e2ePlatformToken000000000000000';
const GITLAB_TOKEN = 'glpat-e2ePlatformToken00000';
const BITBUCKET_TOKEN = 'bb-e2e-platform-access-token';

function baseInputs(platform: PlatformName, url: string, token: string, overrides: RawSettings): RawSettings {
  return {
    platform,
    'state-file': STATE_DB,
    'features-dir': FEATURES,
    repository: REPOSITORY,
    'api-url': url,
    token,
    'write-delay-ms': '0',
    ...overrides,
  };
}

async function github(): Promise<PlatformFixture> {
  const emulator = await GitHubEmulator.start({ secondaryLimits: false });
  emulator.addRepository(REPOSITORY);
  emulator.addToken(GITHUB_TOKEN, {
    repositories: [REPOSITORY],
    permissions: { issues: 'write', metadata: 'read' },
  });
  return {
    name: 'github',
    inputs: (overrides = {}) => baseInputs('github', emulator.url, GITHUB_TOKEN, overrides),
    issues: () =>
      emulator
        .listIssues(REPOSITORY)
        .filter((issue) => !issue.pull_request)
        .map((issue) => ({
          number: issue.number,
          title: issue.title,
          body: issue.body ?? '',
          state: issue.state === 'closed' ? 'closed' : 'open',
          detail: issue.state_reason ?? null,
          labels: issue.labels.map((label) => label.name).sort(),
        })),
    editBody: (number, body) => emulator.editIssue(REPOSITORY, number, { body }),
    milestones: () =>
      emulator.listMilestones(REPOSITORY).map((milestone) => ({
        title: milestone.title,
        state: milestone.state === 'closed' ? 'closed' : 'open',
        where: 'repository',
        issues: emulator
          .listIssues(REPOSITORY)
          .filter((issue) => issue.milestone?.number === milestone.number)
          .map((issue) => issue.number),
      })),
    addMilestone: () => {
      throw new Error('the GitHub fixture creates milestones through the API only');
    },
    requests: () => emulator.requests.map(({ method, path, status }) => ({ method, path, status })),
    clearRequests: () => emulator.clearRequests(),
    // Later pages follow GitHub's Link header, which names the repository by id.
    isIssueList: (request) =>
      request.method === 'GET' &&
      (request.path === `/repos/${REPOSITORY}/issues` || /^\/repositories\/\d+\/issues$/.test(request.path)),
    routes: {
      listIssues: { method: 'GET', path: /^\/repos\/acme\/widgets\/issues$/ },
      createIssue: { method: 'POST', path: /^\/repos\/acme\/widgets\/issues$/ },
      updateIssue: { method: 'PATCH', path: /^\/repos\/acme\/widgets\/issues\/\d+$/ },
    },
    injectFault: (fault) => emulator.injectFault(fault),
    stop: () => emulator.stop(),
  };
}

async function gitlab(): Promise<PlatformFixture> {
  const emulator = await GitLabEmulator.start({ rateLimit: false });
  emulator.addGroup('acme', { name: 'ACME' });
  emulator.addProject(REPOSITORY);
  emulator.addUser('sync-bot');
  // Reporter of the group (and so of its projects): enough to set labels, assignees and project or group milestones.
  emulator.addMember('acme', 'sync-bot', 20, { target: 'group' });
  emulator.addToken(GITLAB_TOKEN, { user: 'sync-bot', scopes: ['api'] });
  return {
    name: 'gitlab',
    inputs: (overrides = {}) => baseInputs('gitlab', emulator.url, GITLAB_TOKEN, overrides),
    issues: () =>
      emulator.listIssues(REPOSITORY).map((issue) => ({
        number: issue.iid,
        title: issue.title,
        body: issue.description ?? '',
        state: issue.state === 'closed' ? 'closed' : 'open',
        detail: issue.state,
        labels: [...issue.labels].sort(),
      })),
    editBody: (number, body) => {
      emulator.editIssue(REPOSITORY, number, { description: body });
    },
    milestones: () =>
      [
        ...emulator.listMilestones(REPOSITORY).map((m) => ({ ...m, where: 'repository' as const })),
        ...emulator
          .listMilestones('acme', { target: 'group' })
          .map((m) => ({ ...m, where: 'group' as const })),
      ].map((milestone) => ({
        title: milestone.title,
        state: milestone.state === 'closed' ? 'closed' : 'open',
        where: milestone.where,
        issues: emulator
          .listIssues(REPOSITORY)
          .filter((issue) => issue.milestone?.id === milestone.id)
          .map((issue) => issue.iid),
      })),
    addMilestone: (title) => {
      emulator.addMilestone(REPOSITORY, title);
    },
    requests: () => emulator.requests.map(({ method, path, status }) => ({ method, path, status })),
    clearRequests: () => emulator.clearRequests(),
    isIssueList: (request) => request.method === 'GET' && /\/projects\/[^/]+\/issues$/.test(request.path),
    routes: {
      listIssues: { method: 'GET', path: /^\/projects\/[^/]+\/issues$/ },
      createIssue: { method: 'POST', path: /^\/projects\/[^/]+\/issues$/ },
      updateIssue: { method: 'PUT', path: /^\/projects\/[^/]+\/issues\/\d+$/ },
    },
    injectFault: (fault) => emulator.injectFault(fault),
    stop: () => emulator.stop(),
  };
}

async function bitbucket(): Promise<PlatformFixture> {
  const emulator = await BitbucketEmulator.start({ rateLimit: false });
  emulator.addRepository(REPOSITORY);
  emulator.addUser('alice', { workspaces: ['acme'] });
  /** Milestones made through addMilestone (the emulator lists them over HTTP only). */
  const added: string[] = [];
  emulator.addToken(BITBUCKET_TOKEN, { kind: 'repository', repository: REPOSITORY, scopes: ['issue:write'] });
  return {
    name: 'bitbucket',
    inputs: (overrides = {}) => baseInputs('bitbucket', emulator.url, BITBUCKET_TOKEN, overrides),
    issues: () =>
      emulator.listIssues(REPOSITORY).map((issue) => ({
        number: issue.id,
        title: issue.title,
        body: issue.content.raw ?? '',
        state: ['new', 'open', 'on hold', 'submitted'].includes(issue.state) ? 'open' : 'closed',
        detail: issue.state,
        labels: [],
      })),
    editBody: (number, body) => emulator.editIssue(REPOSITORY, number, { content: body }, 'alice'),
    milestones: () => {
      const issues = emulator.listIssues(REPOSITORY);
      const titles = new Set(issues.flatMap((issue) => (issue.milestone ? [issue.milestone.name] : [])));
      for (const title of added) titles.add(title);
      return [...titles].map((title) => ({
        title,
        state: 'open' as const,
        where: 'repository' as const,
        issues: issues.filter((issue) => issue.milestone?.name === title).map((issue) => issue.id),
      }));
    },
    addMilestone: (title) => {
      emulator.addMilestone(REPOSITORY, title);
      added.push(title);
    },
    requests: () => emulator.requests.map(({ method, path, status }) => ({ method, path, status })),
    clearRequests: () => emulator.clearRequests(),
    isIssueList: (request) =>
      request.method === 'GET' && /\/repositories\/acme\/widgets\/issues$/.test(request.path),
    routes: {
      listIssues: { method: 'GET', path: /^\/repositories\/acme\/widgets\/issues$/ },
      createIssue: { method: 'POST', path: /^\/repositories\/acme\/widgets\/issues$/ },
      // A state change is its own request (POST …/changes); the other fields are a PUT.
      updateIssue: { method: 'PUT', path: /^\/repositories\/acme\/widgets\/issues\/\d+$/ },
    },
    injectFault: (fault) => emulator.injectFault(fault),
    stop: () => emulator.stop(),
  };
}

export const PLATFORM_FIXTURES: Record<PlatformName, () => Promise<PlatformFixture>> = {
  github,
  gitlab,
  bitbucket,
};
