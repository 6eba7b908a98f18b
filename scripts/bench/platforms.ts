/**
 * The three emulators as the bench starts them: a per-request latency the bench sets per run, a clock it moves
 * between runs, no rate limits (the bench measures the tool, not the platform's throttle), one repository and a
 * write token each. The shape follows test-support/e2e/platforms.ts, which starts them without latency or clock.
 */
import type { RawSettings } from '../../src/config/issue-sync.js';
import type { PlatformName } from '../../src/platforms/types.js';
import { BitbucketEmulator } from '../../test-support/emulators/bitbucket/index.js';
import { GitHubEmulator } from '../../test-support/emulators/github/index.js';
import { GitLabEmulator } from '../../test-support/emulators/gitlab/index.js';

export const BENCH_REPOSITORY = 'bench/widgets';

export interface EmulatorRequest {
  method: string;
  path: string;
  status: number;
  /** Time the emulator spent on it, its added latency included. */
  durationMs: number;
}

export interface BenchPlatform {
  readonly name: PlatformName;
  readonly url: string;
  readonly token: string;
  /** Settings of a run against this emulator (a write token, no write delay). */
  inputs(overrides?: RawSettings): RawSettings;
  /** Numbers of the repository's issues, in creation order. */
  issueNumbers(): number[];
  requests(): EmulatorRequest[];
  clearRequests(): void;
  /**
   * Adds `ms` to every request from now on. `real`: the request waits that long (the emulators' `delay` fault armed
   * for every request; their `latencyMs` option is fixed at start). `clock`: nothing waits, but the emulator's clock
   * moves on by `ms` per request, so a fast seeding run leaves the timestamps a run at that latency would.
   */
  setLatency(ms: number, mode?: 'real' | 'clock'): void;
  /** Moves the emulator's clock an hour on: runs in a repository are hours apart, and `since` reads depend on it. */
  later(): void;
  stop(): Promise<void>;
}

/** What the bench uses of every emulator besides its own setup. */
interface Emulator {
  readonly url: string;
  readonly requests: readonly EmulatorRequest[];
  clearRequests(): void;
  injectFault(fault: { kind: 'delay'; ms: number; times: number }): void;
  clearFaults(): void;
  stop(): Promise<void>;
}

/**
 * The emulator's clock: real time from a fixed date, plus the hours `later` added, plus the `clock`-mode latency
 * of each request received.
 */
class BenchClock {
  private readonly base = Date.parse('2026-01-05T09:00:00Z') - Date.now();
  private offset = 0;
  private perRequest = 0;
  private countedFrom = 0;

  constructor(private readonly requestCount: () => number) {}

  readonly now = (): number =>
    Date.now() + this.base + this.offset + this.perRequest * (this.requestCount() - this.countedFrom);

  /** Folds the advance so far into the offset, then counts `perRequest` per request from here. */
  settle(perRequest = this.perRequest): void {
    this.offset += this.perRequest * (this.requestCount() - this.countedFrom);
    this.perRequest = perRequest;
    this.countedFrom = this.requestCount();
  }

  later(): void {
    this.settle();
    this.offset += 3_600_000;
  }
}

type Described = Pick<BenchPlatform, 'name' | 'token' | 'inputs' | 'issueNumbers'>;

/** The half every platform shares, over an emulator started with the clock's `now`. */
async function benchPlatform<E extends Emulator>(
  start: (now: () => number) => Promise<E>,
  describe: (emulator: E) => Described,
): Promise<BenchPlatform> {
  let started: E | undefined;
  const clock = new BenchClock(() => started?.requests.length ?? 0);
  const emulator = await start(clock.now);
  started = emulator;
  return {
    ...describe(emulator),
    url: emulator.url,
    requests: () =>
      emulator.requests.map(({ method, path, status, durationMs }) => ({ method, path, status, durationMs })),
    clearRequests: () => {
      clock.settle();
      emulator.clearRequests();
      clock.settle();
    },
    setLatency: (ms, mode = 'real') => {
      emulator.clearFaults();
      clock.settle(mode === 'clock' ? ms : 0);
      if (mode === 'real' && ms > 0) {
        emulator.injectFault({ kind: 'delay', ms, times: Number.POSITIVE_INFINITY });
      }
    },
    later: () => clock.later(),
    stop: () => emulator.stop(),
  };
}

const TOKENS: Record<PlatformName, string> = {
  github: 'ghs_benchToken00000000000000000000000',
  gitlab: 'glpat-benchToken000000000000',
  bitbucket: 'bb-bench-access-token',
};

function inputsFor(name: PlatformName, url: string): (overrides?: RawSettings) => RawSettings {
  return (overrides = {}) => ({
    platform: name,
    repository: BENCH_REPOSITORY,
    'api-url': url,
    token: TOKENS[name],
    'write-delay-ms': '0',
    ...overrides,
  });
}

const github = (): Promise<BenchPlatform> =>
  benchPlatform(
    async (now) => {
      const emulator = await GitHubEmulator.start({
        now,
        secondaryLimits: false,
        rateLimit: { limit: 10_000_000 },
      });
      emulator.addRepository(BENCH_REPOSITORY);
      emulator.addToken(TOKENS.github, {
        repositories: [BENCH_REPOSITORY],
        permissions: { issues: 'write', metadata: 'read' },
      });
      return emulator;
    },
    (emulator) => ({
      name: 'github',
      token: TOKENS.github,
      inputs: inputsFor('github', emulator.url),
      issueNumbers: () =>
        emulator
          .listIssues(BENCH_REPOSITORY)
          .filter((issue) => !issue.pull_request)
          .map((issue) => issue.number),
    }),
  );

const gitlab = (): Promise<BenchPlatform> =>
  benchPlatform(
    async (now) => {
      const emulator = await GitLabEmulator.start({ now, rateLimit: false });
      emulator.addGroup('bench', { name: 'Bench' });
      emulator.addProject(BENCH_REPOSITORY);
      emulator.addUser('sync-bot');
      // Reporter: enough to set labels, milestones and assignees.
      emulator.addMember(BENCH_REPOSITORY, 'sync-bot', 20);
      emulator.addToken(TOKENS.gitlab, { user: 'sync-bot', scopes: ['api'] });
      return emulator;
    },
    (emulator) => ({
      name: 'gitlab',
      token: TOKENS.gitlab,
      inputs: inputsFor('gitlab', emulator.url),
      issueNumbers: () => emulator.listIssues(BENCH_REPOSITORY).map((issue) => issue.iid),
    }),
  );

const bitbucket = (): Promise<BenchPlatform> =>
  benchPlatform(
    async (now) => {
      const emulator = await BitbucketEmulator.start({ now, rateLimit: false });
      emulator.addRepository(BENCH_REPOSITORY);
      emulator.addToken(TOKENS.bitbucket, {
        kind: 'repository',
        repository: BENCH_REPOSITORY,
        scopes: ['issue:write'],
      });
      return emulator;
    },
    (emulator) => ({
      name: 'bitbucket',
      token: TOKENS.bitbucket,
      inputs: inputsFor('bitbucket', emulator.url),
      issueNumbers: () => emulator.listIssues(BENCH_REPOSITORY).map((issue) => issue.id),
    }),
  );

export const START_PLATFORM: Record<PlatformName, () => Promise<BenchPlatform>> = {
  github,
  gitlab,
  bitbucket,
};
