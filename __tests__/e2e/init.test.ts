/**
 * `orchestrator-git init` in real git repositories with a GitHub, a GitLab and a Bitbucket remote: it writes the
 * config row and the pipeline, the pipeline's own command then syncs against the matching emulator, and a second
 * init changes nothing. Existing pipeline files keep their content and comments.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import {
  CLI_BUNDLE,
  Workspace,
  itemKeyOf,
  querySql,
  runCli,
  runNode,
} from '../../test-support/e2e/harness.js';
import { PLATFORM_FIXTURES, type PlatformFixture } from '../../test-support/e2e/platforms.js';

const git = promisify(execFile);
const STATE = '.task_orchestrator/task_orchestrator.db';

async function repositoryWith(remote: string | null): Promise<Workspace> {
  const workspace = await Workspace.create();
  await git('git', ['init', '--quiet'], { cwd: workspace.dir });
  if (remote) await git('git', ['remote', 'add', 'origin', remote], { cwd: workspace.dir });
  await workspace.copySample('v2-generic', STATE);
  await workspace.copyFeatures('docs/developers/planning/features');
  return workspace;
}

/** The orchestrator-git command lines in a pipeline file, wherever they are. */
function commandsIn(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) commandsIn(item, found);
  else if (typeof node === 'string' && node.startsWith('npx --yes orchestrator-git@0 ')) found.push(node);
  else if (node !== null && typeof node === 'object')
    for (const value of Object.values(node)) commandsIn(value, found);
  return found;
}

const CASES = [
  {
    platform: 'github' as const,
    remote: 'https://github.com/acme/widgets.git',
    file: '.github/workflows/orchestrator-git.yml',
    env: (fixture: PlatformFixture, workspace: Workspace): Record<string, string> => ({
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_API_URL: String(fixture.inputs()['api-url']),
      GITHUB_TOKEN: String(fixture.inputs().token),
      GITHUB_STEP_SUMMARY: workspace.path('summary.md'),
    }),
  },
  {
    platform: 'gitlab' as const,
    remote: 'git@gitlab.com:acme/widgets.git',
    file: '.gitlab-ci.yml',
    env: (fixture: PlatformFixture): Record<string, string> => ({
      CI: 'true',
      GITLAB_CI: 'true',
      CI_PROJECT_PATH: 'acme/widgets',
      CI_SERVER_URL: String(fixture.inputs()['api-url']),
      GITLAB_TOKEN: String(fixture.inputs().token),
    }),
  },
  {
    platform: 'bitbucket' as const,
    remote: 'https://bitbucket.org/acme/widgets.git',
    file: 'bitbucket-pipelines.yml',
    env: (fixture: PlatformFixture): Record<string, string> => ({
      CI: 'true',
      BITBUCKET_BUILD_NUMBER: '3',
      BITBUCKET_REPO_FULL_NAME: 'acme/widgets',
      BITBUCKET_API_URL: String(fixture.inputs()['api-url']),
      BITBUCKET_TOKEN: String(fixture.inputs().token),
    }),
  },
];

describe.each(CASES)('init with a $platform remote', ({ platform, remote, file, env }) => {
  let fixture: PlatformFixture;
  let workspace: Workspace;

  beforeEach(async () => {
    fixture = await PLATFORM_FIXTURES[platform]();
    workspace = await repositoryWith(remote);
  });
  afterEach(async () => {
    await fixture.stop();
    await workspace.dispose();
  });

  it('writes the config row and the pipeline; the pipeline syncs; a second init changes nothing', async () => {
    const first = await runCli(workspace, ['init', '--tier', '1', '--json'], { CI: 'true' });
    expect(first.code).toBe(0);
    const result = JSON.parse(first.stdout) as { platform: string; repository: string; changes: string[] };
    expect(result).toMatchObject({
      platform,
      repository: 'acme/widgets',
      stateFile: STATE,
      pipelineFile: file,
    });
    expect(result.changes).toHaveLength(2);
    expect(first.stderr).toContain('Next: ');

    const rows = await querySql(
      workspace.path(STATE),
      'SELECT platform, repository_url, api_token_name, default_labels, auto_sync_enabled FROM git_integration_config',
    );
    const host = { github: 'github.com', gitlab: 'gitlab.com', bitbucket: 'bitbucket.org' }[platform];
    expect(rows).toEqual([
      {
        platform,
        repository_url: `https://${host}/acme/widgets`,
        api_token_name: { github: 'GITHUB_TOKEN', gitlab: 'GITLAB_TOKEN', bitbucket: 'BITBUCKET_TOKEN' }[
          platform
        ],
        default_labels: '["orchestrator"]',
        auto_sync_enabled: 1,
      },
    ]);

    // The pipeline's own command, with the variables its CI system sets, against the emulator.
    const [command] = commandsIn(parse(await readFile(workspace.path(file), 'utf8')));
    expect(command).toBeDefined();
    const args = (command ?? '')
      .replace('"$GITHUB_STEP_SUMMARY"', workspace.path('summary.md'))
      .split(/\s+/)
      .slice(3);
    const synced = await runNode(CLI_BUNDLE, args, { cwd: workspace.dir, env: env(fixture, workspace) });
    expect([synced.code, synced.stderr]).toEqual([0, expect.stringContaining('Created 3,')]);
    expect(
      fixture
        .issues()
        .map((issue) => itemKeyOf(issue))
        .sort(),
    ).toEqual(['feature:GIT_INTEGRATION_V1', 'feature:SESSION_MANAGEMENT_V2', 'task:gt_root_0001']);

    const pipelineBefore = await workspace.read(file);
    const stateBefore = await workspace.read(STATE);
    const second = await runCli(workspace, ['init', '--tier', '1'], { CI: 'true' });
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('Nothing to change: orchestrator-git is already set up here.');
    expect((await workspace.read(file)).equals(pipelineBefore)).toBe(true);
    expect((await workspace.read(STATE)).equals(stateBefore)).toBe(true);
  });
});

describe('init with existing pipeline files', () => {
  let workspace: Workspace;
  afterEach(async () => {
    await workspace.dispose();
  });

  it('adds the job to an existing .gitlab-ci.yml and keeps its jobs and comments', async () => {
    workspace = await repositoryWith('https://gitlab.example.com/acme/tools/widgets.git');
    const original = '# Our pipeline\nstages: [test]\n\nunit:\n  stage: test\n  script: [make test] # fast\n';
    await workspace.write('.gitlab-ci.yml', original);
    const first = await runCli(workspace, ['init', '--platform', 'gitlab', '--tier', '1'], { CI: 'true' });
    expect(first.code).toBe(0);
    const text = (await workspace.read('.gitlab-ci.yml')).toString('utf8');
    // The file is edited, not rewritten: its comments stay where they were.
    expect(text.startsWith('# Our pipeline\n')).toBe(true);
    expect(text).toMatch(/script: \[ ?make test ?\] # fast\n/);
    const parsed = parse(text) as Record<string, { script?: string[] }>;
    expect(Object.keys(parsed)).toEqual(['stages', 'unit', 'orchestrator-git']);
    expect(parsed['orchestrator-git']?.script).toEqual(['npx --yes orchestrator-git@0 sync']);
    const rows = await querySql(
      workspace.path(STATE),
      'SELECT platform, repository_url FROM git_integration_config',
    );
    expect(rows).toEqual([
      { platform: 'gitlab', repository_url: 'https://gitlab.example.com/acme/tools/widgets' },
    ]);
    const again = await runCli(workspace, ['init', '--platform', 'gitlab', '--tier', '1'], { CI: 'true' });
    expect(again.stderr).toContain('Nothing to change');
  });

  it('adds a custom pipeline to an existing bitbucket-pipelines.yml', async () => {
    workspace = await repositoryWith('git@bitbucket.org:acme/widgets.git');
    await workspace.write(
      'bitbucket-pipelines.yml',
      'image: node:20\npipelines:\n  default:\n    - step:\n        script: [npm test]\n',
    );
    expect((await runCli(workspace, ['init', '--tier', '1'], { CI: 'true' })).code).toBe(0);
    const parsed = parse((await workspace.read('bitbucket-pipelines.yml')).toString('utf8')) as {
      pipelines: { default: unknown[]; custom: Record<string, { step: { script: string[] } }[]> };
    };
    expect(parsed.pipelines.default).toHaveLength(1);
    expect(parsed.pipelines.custom['orchestrator-git']?.[0]?.step.script).toEqual([
      'npx --yes orchestrator-git@0 sync',
    ]);
  });

  it('a higher tier adds its commands to the pipeline init wrote, once', async () => {
    workspace = await repositoryWith('https://github.com/acme/widgets.git');
    expect((await runCli(workspace, ['init', '--tier', '1'], { CI: 'true' })).code).toBe(0);
    const upgrade = await runCli(workspace, ['init', '--tier', '3'], { CI: 'true' });
    expect(upgrade.code).toBe(0);
    expect(upgrade.stderr).toContain('Next: Board (tier 2): the workflow token cannot reach projects');
    const workflow = parse(
      (await workspace.read('.github/workflows/orchestrator-git.yml')).toString('utf8'),
    ) as {
      permissions: Record<string, string>;
      jobs: {
        sync: {
          steps: {
            uses?: string;
            with?: Record<string, unknown>;
            run?: string;
            env?: Record<string, string>;
          }[];
        };
      };
    };
    expect(workflow.permissions).toEqual({ contents: 'read', issues: 'write' });
    const steps = workflow.jobs.sync.steps;
    expect(steps[0]).toEqual({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    expect(steps.slice(1).map((step) => step.run)).toEqual([
      'npx --yes orchestrator-git@0 sync --summary "$GITHUB_STEP_SUMMARY"',
      'npx --yes orchestrator-git@0 board sync',
      'npx --yes orchestrator-git@0 release-plan --summary "$GITHUB_STEP_SUMMARY"',
    ]);
    expect(steps[2]?.env).toEqual({ GITHUB_TOKEN: '${{ secrets.ORCHESTRATOR_GIT_PROJECTS_TOKEN }}' });
    const again = await runCli(workspace, ['init', '--tier', '3'], { CI: 'true' });
    expect(again.stderr).toContain('Nothing to change');
  });

  it('tier 3 on GitLab: the three commands and the whole history; on Bitbucket: no board, and tier 2 is refused', async () => {
    workspace = await repositoryWith('git@gitlab.com:acme/widgets.git');
    expect((await runCli(workspace, ['init', '--tier', '3'], { CI: 'true' })).code).toBe(0);
    const gitlab = parse((await workspace.read('.gitlab-ci.yml')).toString('utf8')) as Record<
      string,
      { script: string[]; variables?: Record<string, string> }
    >;
    expect(gitlab['orchestrator-git']?.script).toEqual([
      'npx --yes orchestrator-git@0 sync',
      'npx --yes orchestrator-git@0 board sync',
      'npx --yes orchestrator-git@0 release-plan',
    ]);
    expect(gitlab['orchestrator-git']?.variables).toEqual({ GIT_DEPTH: '0' });
    await workspace.dispose();

    workspace = await repositoryWith('https://bitbucket.org/acme/widgets.git');
    const refused = await runCli(workspace, ['init', '--tier', '2'], { CI: 'true' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Tier 2 adds project boards, and Bitbucket Cloud has none in its API.');
    expect((await runCli(workspace, ['init', '--tier', '3'], { CI: 'true' })).code).toBe(0);
    const bitbucket = parse((await workspace.read('bitbucket-pipelines.yml')).toString('utf8')) as {
      pipelines: { custom: Record<string, { step: { script: string[]; clone?: unknown } }[]> };
    };
    expect(bitbucket.pipelines.custom['orchestrator-git']?.[0]?.step).toMatchObject({
      clone: { depth: 'full' },
      script: ['npx --yes orchestrator-git@0 sync', 'npx --yes orchestrator-git@0 release-plan'],
    });
  });

  it.each([
    [null, ['init'], 'This folder has no git remote to take the platform and repository from.'],
    [
      'https://code.example.com/acme/widgets.git',
      ['init'],
      'is not known (not github.com, gitlab.com or bitbucket.org)',
    ],
    ['https://github.com/acme/widgets.git', ['init', '--tier', '4'], 'Tier "4" is not 1, 2 or 3.'],
    [
      'https://github.com/acme/widgets.git',
      ['init', '--tier', '1', '--state', 'nope.db'],
      "The orchestrator's database was not found",
    ],
  ])('remote %s, %j: exit 2 with what to do', async (remote, args, message) => {
    workspace = await repositoryWith(remote);
    const result = await runCli(workspace, args, { CI: 'true' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toMatch(/How to fix: \S/);
  });
});
