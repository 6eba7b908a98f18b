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
import { Document, isMap, isSeq, parseDocument } from 'yaml';
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
  if (platform === 'bitbucket' && tier === 2) {
    throw new OrchestratorGitError(
      'NOT_SUPPORTED',
      'Tier 2 adds project boards, and Bitbucket Cloud has none in its API.',
      'Choose tier 1 (issues), or tier 3 (issues and releases: tags and CHANGELOG.md; boards are left out on Bitbucket).',
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
  const commands = commandsFor(tier, platform);
  const updated = pipeline.merge(existing, stateFile, commands, tier);
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
    next: [...pipeline.next, ...(tier === 1 ? [] : pipeline.nextForTier(tier))],
  };
}

const SYNC = `${COMMAND}`;
const BOARD = 'npx --yes orchestrator-git@0 board sync';
const RELEASE_PLAN = 'npx --yes orchestrator-git@0 release-plan';

/** The commands of a tier's pipeline, in order: issues, then the board, then release planning. */
function commandsFor(tier: 1 | 2 | 3, platform: PlatformName): string[] {
  const commands = [SYNC];
  if (tier >= 2 && platform !== 'bitbucket') commands.push(BOARD);
  if (tier >= 3) commands.push(RELEASE_PLAN);
  return commands;
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
  /** The file with the tier's commands added, or null when they are all there already. */
  merge(existing: string | null, stateFile: string, commands: string[], tier: 1 | 2 | 3): string | null;
  next: string[];
  nextForTier(tier: 2 | 3): string[];
}

/** The step (GitHub) or script line (GitLab, Bitbucket) of each command, as init writes it. */
function githubStep(command: string): Record<string, unknown> {
  if (command === SYNC)
    return {
      run: `${SYNC} --summary "$GITHUB_STEP_SUMMARY"`,
      env: { GITHUB_TOKEN: '${{ secrets.GITHUB_TOKEN }}' },
    };
  if (command === BOARD)
    // The workflow token cannot reach user or organisation projects: a token with the project scope is needed.
    return { run: BOARD, env: { GITHUB_TOKEN: '${{ secrets.ORCHESTRATOR_GIT_PROJECTS_TOKEN }}' } };
  return {
    run: `${command} --summary "$GITHUB_STEP_SUMMARY"`,
    env: { GITHUB_TOKEN: '${{ secrets.GITHUB_TOKEN }}' },
  };
}

function githubWorkflow(stateFile: string, commands: string[], tier: 1 | 2 | 3): string {
  const folder = path.posix.dirname(stateFile.split(path.sep).join('/'));
  const watched = folder === '.' ? stateFile : `${folder}/**`;
  const doc = new Document({
    name: 'orchestrator-git',
    on: {
      push: { branches: ['main', 'master'], paths: [watched, 'docs/**/features/**'] },
      schedule: [{ cron: '17 3 * * *' }],
      workflow_dispatch: {},
    },
    concurrency: 'orchestrator-git',
    // contents: read for the checkout; issues: write for the sync.
    permissions: { contents: 'read', issues: 'write' },
    jobs: {
      sync: {
        'runs-on': 'ubuntu-latest',
        steps: [
          tier >= 3
            ? { uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } }
            : { uses: 'actions/checkout@v4' },
          ...commands.map(githubStep),
        ],
      },
    },
  });
  doc.commentBefore =
    " orchestrator-git: keeps this repository's issues in step with the MCP Task Orchestrator's plan.";
  return doc.toString({ lineWidth: 0 });
}

/**
 * Adds what a tier needs to a YAML pipeline in place (other content and its comments stay): the commands missing from
 * the list at `script`, and `extra` settings of the job. Returns null when nothing was missing.
 */
function addCommands(
  existing: string,
  file: string,
  job: (string | number)[],
  script: (string | number)[],
  entry: (command: string) => unknown,
  commands: string[],
  extra: { path: (string | number)[]; value: unknown }[] = [],
): string | null {
  const doc = parseMapping(existing, file);
  let changed = false;
  const list = doc.getIn([...job, ...script]);
  if (!isSeq(list)) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `${file} has an orchestrator-git job that init did not write (no list at ${[...job, ...script].join('.')}).`,
      `Add the commands by hand (${commands.join('; ')}), or remove the job and run init again.`,
    );
  }
  const present = JSON.stringify(list.toJSON());
  for (const command of commands) {
    if (present.includes(JSON.stringify(command).slice(0, -1))) continue;
    list.add(doc.createNode(entry(command)));
    changed = true;
  }
  for (const { path: where, value } of extra) {
    if (doc.hasIn([...job, ...where])) continue;
    doc.setIn([...job, ...where], doc.createNode(value));
    changed = true;
  }
  return changed ? doc.toString({ lineWidth: 0 }) : null;
}

function gitlabJob(commands: string[], tier: 1 | 2 | 3): Record<string, unknown> {
  return {
    image: 'node:20-alpine',
    resource_group: 'orchestrator-git',
    ...(tier >= 3 ? { variables: { GIT_DEPTH: '0' } } : {}),
    rules: [
      { if: '$CI_PIPELINE_SOURCE == "schedule" || $CI_PIPELINE_SOURCE == "web"' },
      {
        if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH',
        changes: ['.task_orchestrator/**/*', 'docs/**/features/**/*'],
      },
    ],
    script: commands,
  };
}

function bitbucketStep(commands: string[], tier: 1 | 2 | 3): Record<string, unknown> {
  return {
    step: {
      name: 'orchestrator-git',
      image: 'node:20',
      ...(tier >= 3 ? { clone: { depth: 'full' } } : {}),
      script: commands,
    },
  };
}

/** A pipeline file as a YAML document init can edit in place (comments kept), or an error saying what to do. */
function parseMapping(existing: string, file: string): ReturnType<typeof parseDocument> {
  const doc = parseDocument(existing);
  if (doc.errors.length > 0 || (doc.contents !== null && !isMap(doc.contents))) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `${file} is not a YAML mapping init can add to (${doc.errors[0]?.message ?? 'not a mapping'}).`,
      `Fix ${file}, or add the orchestrator-git job by hand from docs/examples.`,
    );
  }
  return doc;
}

/** Adds `key: value` to a YAML mapping document, keeping everything else (and its comments) as it was. */
function addToYaml(existing: string, keys: string[], value: unknown, file: string): string | null {
  const doc = parseMapping(existing, file);
  if (doc.hasIn(keys)) return null;
  doc.setIn(keys, doc.createNode(value));
  return doc.toString({ lineWidth: 0 });
}

function stringifyYaml(value: unknown, comment: string): string {
  const doc = new Document(value);
  doc.commentBefore = ` ${comment}`;
  return doc.toString({ lineWidth: 0 });
}

const PIPELINES: Record<PlatformName, PipelineTemplate> = {
  github: {
    file: path.join('.github', 'workflows', 'orchestrator-git.yml'),
    merge: (existing, stateFile, commands, tier) =>
      existing === null
        ? githubWorkflow(stateFile, commands, tier)
        : addCommands(
            existing,
            '.github/workflows/orchestrator-git.yml',
            ['jobs', 'sync'],
            ['steps'],
            githubStep,
            commands,
            tier >= 3 ? [{ path: ['steps', 0, 'with', 'fetch-depth'], value: 0 }] : [],
          ),
    next: [
      'Commit .github/workflows/orchestrator-git.yml and push: the workflow token (issues: write) is all issue-sync needs.',
    ],
    nextForTier: (tier) => [
      'Board (tier 2): the workflow token cannot reach projects; add a secret ORCHESTRATOR_GIT_PROJECTS_TOKEN (a fine-grained token with Projects: read and write on the owner, and Issues: read) — see docs/board-sync.md.',
      ...(tier >= 3
        ? [
            'Releases (tier 3): release-plan only plans; tag and publish with docs/examples/release-on-tag.yml or release-dispatch.yml.',
          ]
        : []),
    ],
  },
  gitlab: {
    file: '.gitlab-ci.yml',
    merge: (existing, _stateFile, commands, tier) =>
      existing === null
        ? stringifyYaml(
            { 'orchestrator-git': gitlabJob(commands, tier) },
            "orchestrator-git: keeps the project's issues in step with the MCP Task Orchestrator's plan.",
          )
        : parseDocument(existing).hasIn(['orchestrator-git'])
          ? addCommands(
              existing,
              '.gitlab-ci.yml',
              ['orchestrator-git'],
              ['script'],
              (command) => command,
              commands,
              tier >= 3 ? [{ path: ['variables', 'GIT_DEPTH'], value: '0' }] : [],
            )
          : addToYaml(existing, ['orchestrator-git'], gitlabJob(commands, tier), '.gitlab-ci.yml'),
    next: [
      'Settings → Access tokens: a project access token with the api scope and the Reporter role; store it as the masked CI/CD variable GITLAB_TOKEN (CI_JOB_TOKEN cannot write issues).',
      'Build → Pipeline schedules: a daily schedule runs the full reconcile.',
    ],
    nextForTier: (tier) => [
      'Board (tier 2): the same GITLAB_TOKEN works; scoped labels (status::…) need GitLab Premium to be exclusive — see docs/board-sync.md.',
      ...(tier >= 3
        ? [
            'Releases (tier 3): release-plan only plans; tag and publish with `orchestrator-git release-tag` (docs/release.md).',
          ]
        : []),
    ],
  },
  bitbucket: {
    file: 'bitbucket-pipelines.yml',
    merge: (existing, _stateFile, commands, tier) =>
      existing === null
        ? stringifyYaml(
            { pipelines: { custom: { 'orchestrator-git': [bitbucketStep(commands, tier)] } } },
            "orchestrator-git: keeps the repository's issues in step with the MCP Task Orchestrator's plan.",
          )
        : parseDocument(existing).hasIn(['pipelines', 'custom', 'orchestrator-git'])
          ? addCommands(
              existing,
              'bitbucket-pipelines.yml',
              ['pipelines', 'custom', 'orchestrator-git', 0, 'step'],
              ['script'],
              (command) => command,
              commands,
              tier >= 3 ? [{ path: ['clone', 'depth'], value: 'full' }] : [],
            )
          : addToYaml(
              existing,
              ['pipelines', 'custom', 'orchestrator-git'],
              [bitbucketStep(commands, tier)],
              'bitbucket-pipelines.yml',
            ),
    next: [
      'Repository settings → Access tokens: a token with Issues: Write; store it as the secured repository variable BITBUCKET_TOKEN.',
      'Pipelines → Schedules: schedule the custom pipeline orchestrator-git (daily), or run it after changes to the state.',
    ],
    nextForTier: () => [
      'Releases (tier 3): Bitbucket has no releases and no boards: release-plan plans, `orchestrator-git release-tag` tags and updates CHANGELOG.md (docs/release.md).',
    ],
  },
};
