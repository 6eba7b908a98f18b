/**
 * The HTML report rendered by headless Chromium (no JavaScript needed, no network allowed): the screenshot must show
 * the charts — not one flat colour, and the status colours of the donut and bars present. Skipped with a message when
 * Chromium is not installed on a developer's machine; in CI (CI=true) a missing Chromium fails, so the check cannot
 * silently stop running. REPORT_SCREENSHOT_OUT=<file> keeps the screenshot (docs/images/report.png is made so).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { renderProgressHtml, STATUS_COLOURS } from '../../src/report/html.js';
import { buildProgressReport } from '../../src/report/progress.js';
import { readState } from '../../src/state/store.js';
import { SAMPLES_DIR, SAMPLE_FEATURES_DIR } from '../../test-support/fixtures/build-db.js';
import { coloursIn, readPng, type DecodedPng } from '../../test-support/png/read-png.js';

function findChromium(): string | null {
  const named = process.env.CHROMIUM_PATH;
  if (named) return existsSync(named) ? named : null;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
      const candidate = path.join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return null;
}

const chromium = findChromium();
const inCi = process.env.CI === 'true' || process.env.CI === '1';
if (!chromium && !inCi) {
  process.stderr.write(
    'report-screenshot: SKIPPED — Chromium is not installed (apt-get install -y chromium, or set CHROMIUM_PATH).\n',
  );
}
const describeWithBrowser = chromium || inCi ? describe : describe.skip;

function run(
  command: string,
  args: string[],
  timeoutMs: number,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

function hex(colour: string): [number, number, number] {
  const value = Number.parseInt(colour.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** How many pixels are (nearly) exactly this colour. */
function pixelsOf(png: DecodedPng, colour: string): number {
  const [r, g, b] = hex(colour);
  let count = 0;
  for (let at = 0; at < png.rgba.length; at += 4) {
    if (
      Math.abs((png.rgba[at] ?? 0) - r) <= 3 &&
      Math.abs((png.rgba[at + 1] ?? 0) - g) <= 3 &&
      Math.abs((png.rgba[at + 2] ?? 0) - b) <= 3
    )
      count += 1;
  }
  return count;
}

describeWithBrowser('the HTML report in headless Chromium', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'og-report-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('renders the charts without JavaScript or network', async () => {
    if (!chromium) {
      throw new Error(
        'Chromium is required in CI for the report screenshot test: install it with `apt-get install -y chromium` (or set CHROMIUM_PATH).',
      );
    }
    const state = await readState({
      stateFile: path.join(SAMPLES_DIR, 'v1.db'),
      featuresDir: SAMPLE_FEATURES_DIR,
    });
    const html = renderProgressHtml(buildProgressReport(state, { now: new Date('2025-06-10T12:00:00Z') }));
    const page = path.join(dir, 'report.html');
    const shot = path.join(dir, 'report.png');
    await writeFile(page, html);
    const result = await run(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--no-first-run',
        '--hide-scrollbars',
        '--disable-javascript',
        // Any request beyond the file itself would fail to resolve: the page must not need one.
        '--host-resolver-rules=MAP * ~NOTFOUND',
        `--user-data-dir=${path.join(dir, 'profile')}`,
        '--window-size=1000,1400',
        `--screenshot=${shot}`,
        `file://${page}`,
      ],
      60_000,
    );
    expect({ code: result.code, exists: existsSync(shot) }).toEqual({ code: 0, exists: true });
    const png = readPng(await readFile(shot));
    expect([png.width, png.height]).toEqual([1000, 1400]);

    // Not blank: many colours over the page, and the chart area (status donut, then burn-up) holds several.
    expect(coloursIn(png).size).toBeGreaterThan(20);
    expect(coloursIn(png, { x: 40, y: 280, width: 920, height: 760 }).size).toBeGreaterThan(8);
    // The status colours of this state (2 completed, 3 in progress, 2 pending, 1 failed) are drawn in quantity.
    for (const status of ['completed', 'in_progress', 'pending', 'failed'] as const) {
      expect({ status, drawn: pixelsOf(png, STATUS_COLOURS[status]) > 500 }).toEqual({ status, drawn: true });
    }
    // No blocked task: its colour is not drawn (so the check above is not just matching anything).
    expect(pixelsOf(png, STATUS_COLOURS.blocked)).toBe(0);

    if (process.env.REPORT_SCREENSHOT_OUT) await copyFile(shot, process.env.REPORT_SCREENSHOT_OUT);
  }, 90_000);
});
