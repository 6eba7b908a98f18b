/**
 * The bundled release action (dist/release/index.js) run as a runner runs it, against the GitHub emulator and a real
 * git checkout: outputs for deployment jobs, the job summary, a disabled step, and a bad input's message.
 */
import { copyFile, cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseGithubOutput, ROOT, runNode } from '../../test-support/e2e/harness.js';
import { GitHubEmulator } from '../../test-support/emulators/github/index.js';
import { SAMPLES_DIR, SAMPLE_FEATURES_DIR } from '../../test-support/fixtures/build-db.js';
import { GitRepo } from '../../test-support/release/git-repo.js';

const BUNDLE = path.join(ROOT, 'dist', 'release', 'index.js');
const REPO = 'acme/widgets';
const TOKEN = 'ghs_releaseActionToken0000000000000';

let gh: GitHubEmulator;
let repo: GitRepo;

beforeEach(async () => {
  gh = await GitHubEmulator.start({ secondaryLimits: false });
  gh.addRepository(REPO);
  gh.addToken(TOKEN, {
    repositories: [REPO],
    permissions: { issues: 'write', contents: 'write', metadata: 'read' },
  });
  repo = await GitRepo.create('og-release-action-');
  await copyFile(path.join(SAMPLES_DIR, 'v2-tasks.db'), path.join(repo.dir, 'task_orchestrator.db'));
  await cp(SAMPLE_FEATURES_DIR, path.join(repo.dir, 'features'), { recursive: true });
  await repo.commit('feat: first');
  await repo.tag('v0.1.0');
  await repo.commit('feat(api)!: new api\n\nBREAKING CHANGE: the old one is gone');
  gh.addCommits(REPO, ...(await repo.git(['rev-list', '--all'])).split('\n').filter(Boolean));
});

afterEach(async () => {
  await gh.stop();
  await repo.dispose();
});

async function runAction(inputs: Record<string, string>) {
  const runner = path.join(repo.dir, '.git', 'runner');
  await mkdir(runner, { recursive: true });
  const output = path.join(runner, 'output');
  const summary = path.join(runner, 'summary.md');
  await writeFile(output, '');
  await writeFile(summary, '');
  const env: Record<string, string> = {
    GITHUB_REPOSITORY: REPO,
    GITHUB_API_URL: gh.url,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    'INPUT_STATE-FILE': 'task_orchestrator.db',
    'INPUT_FEATURES-DIR': 'features',
    INPUT_TOKEN: TOKEN,
    'INPUT_API-URL': gh.url,
    INPUT_REPOSITORY: REPO,
    'INPUT_WRITE-DELAY-MS': '0',
    'INPUT_TAG-PREFIX': 'v',
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const result = await runNode(BUNDLE, [], { cwd: repo.dir, env, timeoutMs: 60_000 });
  return {
    ...result,
    outputs: parseGithubOutput(await readFile(output, 'utf8')),
    summary: await readFile(summary, 'utf8'),
  };
}

describe('release action bundle', () => {
  it('plans (0.x breaking change → minor), then tags and releases with outputs for deployment jobs', async () => {
    const plan = await runAction({ action: 'plan' });
    expect(plan.code).toBe(0);
    expect(plan.outputs).toMatchObject({
      version: '0.2.0',
      tag: 'v0.2.0',
      'previous-tag': 'v0.1.0',
      bump: 'minor',
    });
    expect(plan.summary).toContain('## Release plan: v0.2.0');
    expect(JSON.parse(plan.outputs['plan'] ?? '{}')).toMatchObject({
      version: '0.2.0',
      commits: { breaking: 1 },
    });

    const tag = await runAction({ action: 'tag', 'release-version': '0.2.0' });
    expect(tag.stderr).toBe('');
    expect(tag.code).toBe(0);
    expect(tag.outputs['release-url']).toBe(`${gh.url}/acme/widgets/releases/tag/v0.2.0`);
    expect(tag.outputs['notes']).toContain('⚠ BREAKING CHANGES');
    expect(tag.outputs['state-changed']).toBe('true');
    expect(gh.listReleases(REPO)).toHaveLength(1);
    // The token appears only in the runner's mask command, which hides it from every later line.
    expect(tag.stdout.split('\n').filter((line) => line.includes(TOKEN))).toEqual([`::add-mask::${TOKEN}`]);
  });

  it('exits at once when disabled, and fails with the fix on bad input', async () => {
    const disabled = await runAction({ action: 'tag', enabled: 'false' });
    expect(disabled.stdout).toContain('disabled');
    expect(gh.requests).toHaveLength(0);
    const bad = await runAction({ action: 'tag', 'release-version': 'next' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(
      '::error::RELEASE_VERSION_INVALID: release-version "next" is not a semantic version.',
    );
    expect(bad.stdout).toContain('How to fix:');
  });
});
