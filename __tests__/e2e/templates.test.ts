/**
 * The pipeline templates in docs/examples run as written: the orchestrator-git command of each (the GitLab CI job,
 * the Bitbucket Pipelines steps) is run through the bundled CLI with the variables that CI system sets, against the
 * matching emulator, on a workspace laid out the way the orchestrator leaves a repository.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { CLI_BUNDLE, ROOT, Workspace, itemKeyOf, runNode } from '../../test-support/e2e/harness.js';
import { PLATFORM_FIXTURES, REPOSITORY, type PlatformFixture } from '../../test-support/e2e/platforms.js';

const PACKAGE_COMMAND = 'npx --yes orchestrator-git@0 ';

/** The orchestrator-git command lines of a template's scripts, in order. */
function commandsOf(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) commandsOf(item, found);
  else if (typeof node === 'string' && node.startsWith(PACKAGE_COMMAND)) found.push(node);
  else if (node !== null && typeof node === 'object')
    for (const value of Object.values(node)) commandsOf(value, found);
  return found;
}

function template(name: string): unknown {
  return parse(readFileSync(`${ROOT}/docs/examples/${name}`, 'utf8'), { merge: true }) as unknown;
}

/** A repository as the orchestrator leaves it: the database and the feature files at their default places. */
async function orchestratorWorkspace(): Promise<Workspace> {
  const workspace = await Workspace.create();
  await workspace.copySample('v2-generic', '.task_orchestrator/task_orchestrator.db');
  await workspace.copyFeatures('docs/developers/planning/features');
  return workspace;
}

async function runTemplateCommand(
  command: string,
  workspace: Workspace,
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  const args = command.slice(PACKAGE_COMMAND.length).split(/\s+/).filter(Boolean);
  return runNode(CLI_BUNDLE, args, { cwd: workspace.dir, env });
}

describe.each([
  {
    platform: 'gitlab' as const,
    file: '.gitlab-ci.yml',
    commands: ['npx --yes orchestrator-git@0 sync'],
    env: (fixture: PlatformFixture) => ({
      CI: 'true',
      GITLAB_CI: 'true',
      CI_PIPELINE_SOURCE: 'schedule',
      CI_PROJECT_PATH: REPOSITORY,
      CI_SERVER_URL: String(fixture.inputs()['api-url']),
      CI_JOB_TOKEN: 'job-token-that-cannot-write',
      GITLAB_TOKEN: String(fixture.inputs().token),
    }),
  },
  {
    platform: 'bitbucket' as const,
    file: 'bitbucket-pipelines.yml',
    commands: ['npx --yes orchestrator-git@0 sync', 'npx --yes orchestrator-git@0 sync --reconcile full'],
    env: (fixture: PlatformFixture) => ({
      CI: 'true',
      BITBUCKET_BUILD_NUMBER: '17',
      BITBUCKET_REPO_FULL_NAME: REPOSITORY,
      BITBUCKET_API_URL: String(fixture.inputs()['api-url']),
      BITBUCKET_TOKEN: String(fixture.inputs().token),
    }),
  },
])('docs/examples/$file', ({ platform, file, commands, env }) => {
  let fixture: PlatformFixture;
  let workspace: Workspace;

  beforeEach(async () => {
    fixture = await PLATFORM_FIXTURES[platform]();
    workspace = await orchestratorWorkspace();
  });
  afterEach(async () => {
    await fixture.stop();
    await workspace.dispose();
  });

  it('holds the expected orchestrator-git commands', () => {
    expect(commandsOf(template(file))).toEqual(expect.arrayContaining(commands));
    expect(new Set(commandsOf(template(file)))).toEqual(new Set(commands));
  });

  it.each(commands)('`%s` syncs the repository, and a second run writes nothing', async (command) => {
    const first = await runTemplateCommand(command, workspace, env(fixture));
    expect([first.code, first.stderr]).toEqual([0, expect.stringContaining('Created 3,')]);
    expect(
      fixture
        .issues()
        .map((issue) => itemKeyOf(issue))
        .sort(),
    ).toEqual(['feature:GIT_INTEGRATION_V1', 'feature:SESSION_MANAGEMENT_V2', 'task:gt_root_0001']);

    fixture.clearRequests();
    const second = await runTemplateCommand(command, workspace, env(fixture));
    expect(second.code).toBe(0);
    expect(fixture.requests().filter((request) => request.method !== 'GET')).toEqual([]);
    expect(fixture.requests().every((request) => fixture.isIssueList(request))).toBe(true);
  });
});
