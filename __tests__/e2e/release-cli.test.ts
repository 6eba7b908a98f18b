/**
 * The release commands (release-plan, release-milestone, changelog, release-tag) through commander, in process, with
 * absolute paths: JSON on stdout, exit codes 0 / 1 / 2, and the message a user acts on.
 */
import { cp, copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { addReleaseCommands } from '../../src/cli/release-commands.js';
import { GitHubEmulator } from '../../test-support/emulators/github/index.js';
import { SAMPLES_DIR, SAMPLE_FEATURES_DIR } from '../../test-support/fixtures/build-db.js';
import { GitRepo } from '../../test-support/release/git-repo.js';

const REPO = 'acme/widgets';
const TOKEN = 'ghs_releaseCliToken00000000000000000';

let gh: GitHubEmulator;
let repo: GitRepo;

beforeAll(async () => {
  gh = await GitHubEmulator.start({ secondaryLimits: false });
  gh.addRepository(REPO);
  gh.addToken(TOKEN, {
    repositories: [REPO],
    permissions: { issues: 'write', contents: 'write', metadata: 'read' },
  });
  repo = await GitRepo.create('og-release-cli-');
  await copyFile(path.join(SAMPLES_DIR, 'v1.db'), path.join(repo.dir, 'task_orchestrator.db'));
  await cp(SAMPLE_FEATURES_DIR, path.join(repo.dir, 'features'), { recursive: true });
  await repo.commit('feat: first');
  await repo.tag('v1.0.0');
  await repo.commit('fix: second');
  gh.addCommits(REPO, ...(await repo.git(['rev-list', '--all'])).split('\n').filter(Boolean));
});

afterAll(async () => {
  await gh.stop();
  await repo.dispose();
});

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let code = -1;
  const program = new Command('orchestrator-git').exitOverride();
  addReleaseCommands(program, (value) => {
    code = value;
  });
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => ((stderr += chunk), true)) as typeof process.stderr.write;
  try {
    await program.parseAsync(
      [
        ...args,
        '--working-directory',
        repo.dir,
        '--state-file',
        path.join(repo.dir, 'task_orchestrator.db'),
        '--features-dir',
        path.join(repo.dir, 'features'),
        '--repository',
        REPO,
        '--api-url',
        gh.url,
        '--token',
        TOKEN,
        '--write-delay-ms',
        '0',
      ],
      { from: 'user' },
    );
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
  return { code, stdout, stderr };
}

describe('release commands', () => {
  it('release-plan --json prints the plan, exit 0, nothing written', async () => {
    const { code, stdout } = await cli(['release-plan', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      action: 'plan',
      version: '1.1.0',
      tag: 'v1.1.0',
      bump: 'minor',
    });
    expect(gh.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('changelog --dry-run writes no file; release-tag --dry-run creates nothing', async () => {
    const changelog = await cli(['changelog', '--version', '1.1.0', '--dry-run', '--json']);
    expect(JSON.parse(changelog.stdout)).toMatchObject({ changelogChanged: true, dryRun: true });
    await expect(readFile(path.join(repo.dir, 'CHANGELOG.md'))).rejects.toMatchObject({ code: 'ENOENT' });
    const tag = await cli(['release-tag', '--version', '1.1.0', '--dry-run', '--json']);
    expect(JSON.parse(tag.stdout).publish).toMatchObject({ tag: 'would-create', release: 'would-create' });
    expect(gh.listTags(REPO)).toEqual([]);
  });

  it('exits 2 with the fix for bad input', async () => {
    const { code, stderr, stdout } = await cli(['release-tag', '--version', '1.0', '--json']);
    expect(code).toBe(2);
    expect(stderr).toContain('RELEASE_VERSION_INVALID: release-version "1.0" is not a semantic version.');
    expect(stderr).toContain('How to fix:');
    expect(JSON.parse(stdout)).toMatchObject({ error: { code: 'RELEASE_VERSION_INVALID' } });
  });

  it('exits 1 when the platform fails', async () => {
    // A create is never retried blindly: the release is looked up, not found, and the run fails.
    gh.injectFault({
      method: 'POST',
      path: /\/releases$/,
      kind: 'status',
      status: 500,
      body: { message: 'boom' },
    });
    const { code, stderr } = await cli(['release-tag', '--version', '1.1.0']);
    expect(code).toBe(1);
    expect(stderr).toContain('PLATFORM_ERROR');
    expect(gh.listTags(REPO)).toHaveLength(1);
    expect(gh.listReleases(REPO)).toEqual([]);
  });
});
