/**
 * `orchestrator-git init`: from the repository's git remote and the orchestrator's database, writes the state's
 * git_integration_config row and the pipeline that runs the sync (a GitHub workflow, a GitLab CI job, a Bitbucket
 * Pipelines pipeline). Idempotent: a second run finds everything in place and changes nothing.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Document, isMap, parseDocument } from 'yaml';
import { locateStateFile } from '../config/file.js';
import { PLATFORMS, parseRepositoryUrl } from '../config/issue-sync.js';
import { OrchestratorGitError, quote } from '../errors.js';
import type { PlatformName } from '../platforms/types.js';
import { openStateStore } from '../state/store.js';
import type { GitIntegrationConfigRow } from '../state/types.js';

const run = promisify(execFile);

export interface InitOptions {
  cwd: string;
  platform?: string;
  repository?: string;
  stateFile?: string;
  tier?: string;
  dryRun?: boolean;
  /** Asks for the tier when none was given (an interactive terminal); null: tier 1. */
  ask?: ((question: string) => Promise<string>) | null;
}

export interface InitResult {
  platform: PlatformName;
  repository: string;
  stateFile: string;
  pipelineFile: string;
  tier: 1 | 2 | 3;
  /** What was (or, in a dry run, would be) changed; empty when everything was in place. */
  changes: string[];
  /** What the user still has to do by hand (secrets, schedules). */
  next: string[];
}

const TOKEN_VARIABLE: Record<PlatformName, string> = {
  github: 'GITHUB_TOKEN',
  gitlab: 'GITLAB_TOKEN',
  bitbucket: 'BITBUCKET_TOKEN',
};

const COMMAND = 'npx --yes orchestrator-git@0 sync';

export async function runInit(options: InitOptions): Promise<InitResult> {
  const { cwd } = options;
  const remote = await remoteUrl(cwd);
  const wantedPlatform = options.platform ? platformOf(options.platform) : null;
  const location = remote ? parseRepositoryUrl(remote, wantedPlatform) : null;
  const platform = wantedPlatform ?? location?.platform ?? null;
  if (!platform) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      remote
        ? `The platform of the remote ${quote(remote)} is not known (not github.com, gitlab.com or bitbucket.org).`
        : 'This folder has no git remote to take the platform and repository from.',
      'Pass --platform github|gitlab|bitbucket (and --repository) for a self-hosted or a missing remote.',
    );
  }
  const repository = options.repository ?? location?.repository ?? null;
  if (!repository) {
    throw new OrchestratorGitError(
      'REPOSITORY_MALFORMED',
      remote ? `The remote ${quote(remote)} does not name a repository.` : 'No repository was given.',
      'Pass --repository (GitHub owner/name, GitLab group/project, Bitbucket workspace/repo-slug).',
    );
  }
  const tier = await chooseTier(options);
  if (tier !== 1) {
    throw new OrchestratorGitError(
      'NOT_SUPPORTED',
      `Tier ${tier} (${tier === 2 ? 'board-sync' : 'release'}) cannot be set up by init yet.`,
      'Run init with --tier 1 (issue-sync) now; boards and releases are added to the same pipeline when available.',
    );
  }

  const stateFile = locateStateFile(options.stateFile ?? null, cwd);
  const statePath = path.resolve(cwd, stateFile);
  if (!existsSync(statePath)) {
    throw new OrchestratorGitError(
      'STATE_NOT_FOUND',
      `The orchestrator's database was not found (looked for ${quote(stateFile)}).`,
      'Run init in the repository the orchestrator works in (it keeps .task_orchestrator/task_orchestrator.db), or pass --state.',
    );
  }

  const changes: string[] = [];
  const host = remote ? hostOf(remote) : null;
  const row: GitIntegrationConfigRow = {
    platform,
    repositoryUrl: host ? `https://${host}/${repository}` : repository,
    apiTokenName: TOKEN_VARIABLE[platform],
    defaultLabels: ['orchestrator'],
    autoSyncEnabled: true,
    issueTemplate: null,
  };
  const store = await openStateStore({ stateFile: statePath, featuresDir: null });
  try {
    const current = store.state.config;
    const merged: GitIntegrationConfigRow = current
      ? // Keep what a person chose (labels, template, on/off); set where the issues go.
        {
          ...current,
          platform,
          repositoryUrl: row.repositoryUrl,
          apiTokenName: current.apiTokenName ?? row.apiTokenName,
        }
      : row;
    if (
      options.dryRun ? JSON.stringify(current) !== JSON.stringify(merged) : store.setIntegrationConfig(merged)
    ) {
      changes.push(
        `git_integration_config in ${stateFile}: ${platform} ${repository}, token from ${merged.apiTokenName ?? row.apiTokenName}`,
      );
      if (!options.dryRun) await store.save();
    }
  } finally {
    store.close();
  }

  const pipeline = PIPELINES[platform];
  const pipelinePath = path.join(cwd, pipeline.file);
  const existing = existsSync(pipelinePath) ? await readFile(pipelinePath, 'utf8') : null;
  const updated = pipeline.merge(existing, stateFile);
  if (updated !== null) {
    changes.push(`${pipeline.file}: ${existing === null ? 'written' : 'orchestrator-git added'}`);
    if (!options.dryRun) {
      await mkdir(path.dirname(pipelinePath), { recursive: true });
      await writeFile(pipelinePath, updated);
    }
  }
  return {
    platform,
    repository,
    stateFile,
    pipelineFile: pipeline.file,
    tier,
    changes,
    next: pipeline.next,
  };
}

function platformOf(value: string): PlatformName {
  const lower = value.trim().toLowerCase();
  if ((PLATFORMS as readonly string[]).includes(lower)) return lower as PlatformName;
  throw new OrchestratorGitError(
    'CONFIG_INVALID',
    `--platform ${quote(value)} is not a platform.`,
    `Use one of ${PLATFORMS.join(', ')}.`,
  );
}

async function chooseTier(options: InitOptions): Promise<1 | 2 | 3> {
  let answer = options.tier;
  if (answer === undefined && options.ask) {
    answer =
      (
        await options.ask('Which tier? 1 = issues (issue-sync), 2 = + project boards, 3 = + releases [1]: ')
      ).trim() || '1';
  }
  if (answer === undefined) return 1;
  if (answer === '1' || answer === '2' || answer === '3') return Number(answer) as 1 | 2 | 3;
  throw new OrchestratorGitError(
    'CONFIG_INVALID',
    `Tier ${quote(answer)} is not 1, 2 or 3.`,
    'Choose 1 (issues), 2 (issues and boards) or 3 (issues, boards and releases).',
  );
}

/** The URL of the `origin` remote (else the first remote), or null outside a git repository or without remotes. */
async function remoteUrl(cwd: string): Promise<string | null> {
  try {
    const { stdout } = await run('git', ['remote'], { cwd });
    const remotes = stdout
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const name = remotes.includes('origin') ? 'origin' : remotes[0];
    if (!name) return null;
    const url = await run('git', ['remote', 'get-url', name], { cwd });
    return url.stdout.trim() || null;
  } catch {
    return null;
  }
}

function hostOf(remote: string): string | null {
  const ssh = /^[^@\s]+@([^:\s]+):/.exec(remote);
  if (ssh) return ssh[1] ?? null;
  try {
    return new URL(remote).host || null;
  } catch {
    return null;
  }
}

interface PipelineTemplate {
  file: string;
  /** The file with orchestrator-git added, or null when it is already there. */
  merge(existing: string | null, stateFile: string): string | null;
  next: string[];
}

function githubWorkflow(stateFile: string): string {
  const folder = path.posix.dirname(stateFile.split(path.sep).join('/'));
  const watched = folder === '.' ? stateFile : `${folder}/**`;
  return `# orchestrator-git: keeps this repository's issues in step with the MCP Task Orchestrator's plan.
name: orchestrator-git
on:
  push: { branches: [main, master], paths: ['${watched}', 'docs/**/features/**'] }
  schedule: [{ cron: '17 3 * * *' }] # the nightly full reconcile
  workflow_dispatch: {}
concurrency: orchestrator-git
permissions: { issues: write }
jobs:
  sync:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: ${COMMAND} --summary "$GITHUB_STEP_SUMMARY"
        env: { GITHUB_TOKEN: '\${{ secrets.GITHUB_TOKEN }}' }
`;
}

const GITLAB_JOB = {
  image: 'node:20-alpine',
  resource_group: 'orchestrator-git',
  rules: [
    { if: '$CI_PIPELINE_SOURCE == "schedule" || $CI_PIPELINE_SOURCE == "web"' },
    {
      if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH',
      changes: ['.task_orchestrator/**/*', 'docs/**/features/**/*'],
    },
  ],
  script: [COMMAND],
};

const BITBUCKET_STEP = { step: { name: 'orchestrator-git', image: 'node:20', script: [COMMAND] } };

/** Adds `key: value` at the top of a YAML mapping document, keeping everything else (and its comments) as it was. */
function addToYaml(existing: string, keys: string[], value: unknown, file: string): string | null {
  const doc = parseDocument(existing);
  if (doc.errors.length > 0 || (doc.contents !== null && !isMap(doc.contents))) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `${file} is not a YAML mapping init can add to (${doc.errors[0]?.message ?? 'not a mapping'}).`,
      `Fix ${file}, or add the orchestrator-git job by hand from docs/examples.`,
    );
  }
  if (doc.hasIn(keys)) return null;
  doc.setIn(keys, doc.createNode(value));
  return String(doc);
}

const PIPELINES: Record<PlatformName, PipelineTemplate> = {
  github: {
    file: path.join('.github', 'workflows', 'orchestrator-git.yml'),
    merge: (existing, stateFile) => (existing === null ? githubWorkflow(stateFile) : null),
    next: [
      'Commit .github/workflows/orchestrator-git.yml and push: the workflow token (issues: write) is all it needs.',
    ],
  },
  gitlab: {
    file: '.gitlab-ci.yml',
    merge: (existing) =>
      existing === null
        ? `# orchestrator-git: keeps the project's issues in step with the MCP Task Orchestrator's plan.\n${stringifyYaml({ 'orchestrator-git': GITLAB_JOB })}`
        : addToYaml(existing, ['orchestrator-git'], GITLAB_JOB, '.gitlab-ci.yml'),
    next: [
      'Settings → Access tokens: a project access token with the api scope and the Reporter role; store it as the masked CI/CD variable GITLAB_TOKEN (CI_JOB_TOKEN cannot write issues).',
      'Build → Pipeline schedules: a daily schedule runs the full reconcile.',
    ],
  },
  bitbucket: {
    file: 'bitbucket-pipelines.yml',
    merge: (existing) =>
      existing === null
        ? `# orchestrator-git: keeps the repository's issues in step with the MCP Task Orchestrator's plan.\n${stringifyYaml({ pipelines: { custom: { 'orchestrator-git': [BITBUCKET_STEP] } } })}`
        : addToYaml(
            existing,
            ['pipelines', 'custom', 'orchestrator-git'],
            [BITBUCKET_STEP],
            'bitbucket-pipelines.yml',
          ),
    next: [
      'Repository settings → Access tokens: a token with Issues: Write; store it as the secured repository variable BITBUCKET_TOKEN.',
      'Pipelines → Schedules: schedule the custom pipeline orchestrator-git (daily), or run it after changes to the state.',
    ],
  },
};

function stringifyYaml(value: unknown): string {
  return new Document(value).toString();
}
