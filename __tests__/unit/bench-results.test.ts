import {
  changedVerdict,
  coldStartDisabledVerdict,
  coldStartNoOpVerdict,
  countRequests,
  fullReconcileVerdict,
  largeNoOpVerdict,
  median,
  noOpVerdict,
  ratioVerdict,
  renderMarkdown,
  stateLoadVerdict,
  type BenchResults,
  type RequestCounts,
  type ScenarioResult,
} from '../../scripts/bench/results.js';

const requests = (fields: Partial<RequestCounts>): RequestCounts => ({
  total: 0,
  reads: 0,
  writes: 0,
  graphql: 0,
  notModified: 0,
  oneOff: 0,
  ...fields,
});

describe('countRequests', () => {
  it('counts reads, writes, GraphQL, 304s and one-off label or milestone creates apart', () => {
    expect(
      countRequests([
        { method: 'GET', path: '/repos/o/r/issues', status: 200 },
        { method: 'GET', path: '/repos/o/r/issues', status: 304 },
        { method: 'HEAD', path: '/repos/o/r', status: 200 },
        { method: 'POST', path: '/graphql', status: 200 },
        { method: 'POST', path: '/repos/o/r/labels', status: 201 },
        { method: 'POST', path: '/projects/bench%2Fwidgets/milestones', status: 201 },
        { method: 'POST', path: '/repos/o/r/issues', status: 201 },
        { method: 'PATCH', path: '/repos/o/r/issues/1', status: 200 },
        { method: 'PUT', path: '/repositories/o/r/issues/1', status: 200 },
      ]),
    ).toEqual({ total: 9, reads: 3, writes: 5, graphql: 1, notModified: 1, oneOff: 2 });
  });

  it('counts nothing for no requests', () => {
    expect(countRequests([])).toEqual(requests({}));
  });
});

describe('verdicts', () => {
  it.each([
    [requests({ total: 1, reads: 1 }), true],
    [requests({ total: 2, reads: 2 }), true],
    [requests({ total: 3, reads: 3 }), false],
    [requests({ total: 2, reads: 1, writes: 1 }), false],
  ])('no-op: %j → %s', (counts, met) => {
    expect(noOpVerdict(counts).met).toBe(met);
  });

  it('holds the 10,000-item no-op to 2 s and 256 MB as well', () => {
    const one = requests({ total: 1, reads: 1 });
    expect(largeNoOpVerdict(one, 1999, 255).met).toBe(true);
    expect(largeNoOpVerdict(one, 2000, 100).met).toBe(false);
    expect(largeNoOpVerdict(one, 100, 256).met).toBe(false);
  });

  it.each([
    [1000, 13, true],
    [1000, 14, false],
    [10_000, 103, true],
    [10, 4, true],
    [101, 5, true],
    [101, 6, false],
  ])('full reconcile at N = %i with %i requests: %s', (n, total, met) => {
    const verdict = fullReconcileVerdict(n, requests({ total, reads: total }));
    expect(verdict.met).toBe(met);
    expect(verdict.target).toBe(`≤ ${Math.ceil(n / 100) + 3} requests, 0 writes`);
  });

  it('a full reconcile that writes misses its target', () => {
    expect(fullReconcileVerdict(1000, requests({ total: 2, reads: 1, writes: 1 })).met).toBe(false);
  });

  it.each([
    [10, requests({ writes: 11, oneOff: 1 }), true],
    [10, requests({ writes: 10 }), true],
    [10, requests({ writes: 20 }), false],
    [10, requests({ writes: 9 }), false],
  ])('%i changed items with %j', (changed, counts, met) => {
    expect(changedVerdict(changed, counts).met).toBe(met);
  });

  it('compares the naive baseline with the engine, counting an engine run of 0 requests as 1', () => {
    expect(ratioVerdict(2000, 1)).toMatchObject({ met: true, ratio: 2000 });
    expect(ratioVerdict(2000, 21)).toMatchObject({ met: false });
    expect(ratioVerdict(200, 0)).toMatchObject({ met: true, ratio: 200 });
  });

  it('cold start and state load budgets', () => {
    expect(coldStartDisabledVerdict(60, 40).met).toBe(true);
    expect(coldStartDisabledVerdict(61, 40).met).toBe(false);
    expect(coldStartNoOpVerdict(299).met).toBe(true);
    expect(coldStartNoOpVerdict(300).met).toBe(false);
    expect(stateLoadVerdict(999).met).toBe(true);
    expect(stateLoadVerdict(1000).met).toBe(false);
  });
});

describe('median', () => {
  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[7], 7],
  ])('%j → %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('is NaN for no values', () => {
    expect(median([])).toBeNaN();
  });
});

describe('renderMarkdown', () => {
  const scenario = (fields: Partial<ScenarioResult>): ScenarioResult => ({
    group: 'issue-sync',
    name: 'no-op re-sync (incremental)',
    platform: 'github',
    n: 1000,
    latencyMs: 30,
    requests: requests({ total: 1, reads: 1 }),
    wallMs: 412,
    peakRssMb: 120.4,
    target: '≤ 2 requests, 0 writes',
    met: true,
    status: 'measured',
    note: null,
    detail: {},
    ...fields,
  });
  const results: BenchResults = {
    generatedAt: '2026-01-05T09:00:00.000Z',
    machine: {
      cpus: 2,
      cpuModel: 'AMD EPYC',
      memoryGiB: 24,
      node: 'v20.20.2',
      os: 'Linux 6.1',
      loadAverage: { start: 0.5, end: 1.25 },
    },
    settings: {
      latencyMs: 30,
      sizes: [1000],
      platformSizes: [1000],
      seedAboveN: 10_000,
      naiveUpToN: 1000,
      platformNaiveSample: 200,
      coldStartRuns: 7,
      changelogCommits: [1000],
      stateTasks: 100_000,
    },
    totalMs: 301_000,
    scenarios: [
      scenario({}),
      scenario({
        name: 'no-op full reconcile',
        platform: 'gitlab',
        requests: requests({ total: 14, reads: 14 }),
        met: false,
        target: '≤ 13 requests, 0 writes',
      }),
      scenario({
        group: 'naive',
        name: 'naive per-item re-sync',
        status: 'estimated',
        requests: requests({ total: 2000, reads: 1000, writes: 1000 }),
        target: null,
        met: null,
      }),
      scenario({
        group: 'board-sync',
        name: 'board-sync no-op run',
        platform: null,
        n: null,
        requests: null,
        wallMs: null,
        peakRssMb: null,
        target: null,
        met: null,
        status: 'not-built',
        note: 'being built',
      }),
    ],
  };
  const markdown = renderMarkdown(results);

  it('describes the machine, the load on it and the total time', () => {
    expect(markdown).toContain('2 × AMD EPYC, 24 GiB RAM, Linux 6.1, Node v20.20.2');
    expect(markdown).toContain('load average 0.5 at the start, 1.3 at the end');
    expect(markdown).toContain('the whole bench took 301.00 s');
  });

  it('counts the targets and names the missed ones', () => {
    expect(markdown).toContain('**Targets: 1 of 2 met.** Missed: no-op full reconcile (GitLab, N = 1000).');
  });

  it('has one table per platform, with every request count and the verdict', () => {
    expect(markdown).toContain('## issue-sync on GitHub');
    expect(markdown).toContain('## issue-sync on GitLab');
    expect(markdown).not.toContain('## issue-sync on Bitbucket');
    expect(markdown).toContain(
      '| 1000 | no-op re-sync (incremental) | 1 | 1 | 0 | 0 | 0 | 412 ms | 120 MB | met (≤ 2 requests, 0 writes) |',
    );
    expect(markdown).toContain('| **missed** (≤ 13 requests, 0 writes) |');
    expect(markdown).toContain('| naive per-item re-sync (estimated) | 2000 |');
  });

  it('marks what is not built yet', () => {
    expect(markdown).toContain('| board-sync no-op run | – | – | – | being built | not in the bench yet |');
  });
});
