// The proof that `gridledger report --format html` opens in a real browser with its charts
// drawn: headless Chromium (Debian's `chromium`, installed by .ci/run) loads the file, the
// charts have a size, their labels are visible, and a screenshot is not blank.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '@gridledger/cli';
import { EXPECTED } from '../__fixtures__/history.js';
import { xuzhaiFiles, type XuzhaiFiles } from '../__fixtures__/store.js';
import { captureIo } from '../../test-io.js';
import { summarisePng } from './__fixtures__/png.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env['CI']) {
  // In CI a missing browser is a failure, never a quiet skip: .ci/run installs it.
  throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium package (.ci/run)`);
}
const suite = available ? describe : describe.skip;
const title = available
  ? 'the HTML report in headless Chromium'
  : `the HTML report in headless Chromium (skipped: ${CHROMIUM} is not installed; apt-get install chromium)`;

suite(title, () => {
  let files: XuzhaiFiles;
  let browser: Browser;
  let page: Page;
  let file: string;
  const requests: string[] = [];

  beforeAll(async () => {
    files = await xuzhaiFiles();
    file = join(files.dir, 'report.html');
    const io = captureIo({ cwd: files.dir });
    const store = files.copy('chromium.db');
    expect(await main(['report', '--format', 'html', '--out', file, '--store', store], io)).toBe(0);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href);
  });

  afterAll(async () => {
    await browser?.close();
    files?.remove();
  });

  it('loads the one file and nothing else', () => {
    expect(requests).toEqual([pathToFileURL(file).href]);
  });

  it('draws every chart with a size, named for screen readers', async () => {
    const charts = page.locator('svg.chart');
    expect(await charts.count()).toBe(5);
    for (const chart of await charts.all()) {
      const box = await chart.boundingBox();
      expect(box?.width).toBeGreaterThan(300);
      expect(box?.height).toBeGreaterThan(100);
    }
    for (const name of [
      'Resolution rate by month',
      'Disputes reported per month',
      'Public-order incidents per month',
      'Where disputes were settled',
      'Satisfied residents by month',
    ]) {
      const chart = page.getByRole('img', { name, exact: true });
      await expect(chart.isVisible()).resolves.toBe(true);
      // The description says in words what the chart shows.
      expect(await chart.getAttribute('aria-describedby')).toMatch(/-desc$/);
    }
  });

  it('labels the resolution rate of each month on its bar, bars in proportion', async () => {
    const chart = page.locator('#resolution-rate-chart-1');
    const box = await chart.boundingBox();
    for (const label of EXPECTED.rateLabels) {
      // The bar's own label, not the axis tick of the same text.
      const text = chart.locator('text.value').filter({ hasText: new RegExp(`^${label}$`) });
      await expect(text.isVisible()).resolves.toBe(true);
      const at = await text.boundingBox();
      expect(at!.y).toBeGreaterThan(box!.y);
      expect(at!.y + at!.height).toBeLessThan(box!.y + box!.height);
    }
    const heights = await chart
      .locator('rect.bar')
      .evaluateAll((bars) => bars.map((bar) => bar.getBoundingClientRect().height));
    expect(heights).toHaveLength(3);
    expect(heights[1]! / heights[0]!).toBeCloseTo(11 / 12, 2);
    expect(heights[2]! / heights[0]!).toBeCloseTo(0.9, 2);
  });

  it('shows incidence with the change on the month before', async () => {
    const disputes = page.locator('#incidence-chart-1');
    for (const label of EXPECTED.disputeChangeLabels) {
      await expect(disputes.getByText(label, { exact: true }).isVisible()).resolves.toBe(true);
    }
    const publicOrder = page.locator('#incidence-chart-2');
    for (const label of ['▼ 20%', '▼ 50%']) {
      await expect(publicOrder.getByText(label, { exact: true }).isVisible()).resolves.toBe(true);
    }
  });

  it('shows where disputes were settled, with shares written on the bars', async () => {
    const chart = page.locator('#where-settled-chart-1');
    const { grid, community, policeStation } = EXPECTED.settled;
    for (const label of [
      `In the grid (${grid})`,
      `In the community (${community})`,
      `Police station (${policeStation})`,
      // 25 of the 35 accepted disputes (not of the 33 resolved): the denominator can fail.
      '71.4%',
      'n=35',
    ]) {
      await expect(chart.getByText(label, { exact: true }).first().isVisible()).resolves.toBe(true);
    }
  });

  it('puts the headline figures first, where they are seen', async () => {
    const glance = page.locator('#at-a-glance');
    await expect(glance.getByText('94.3%', { exact: true }).isVisible()).resolves.toBe(true);
    const box = await glance.boundingBox();
    expect(box!.y).toBeLessThan(900);
  });

  it('makes a screenshot that is not blank', async () => {
    const path = join(files.dir, 'report.png');
    await page.screenshot({ path, fullPage: true });
    const png = summarisePng(readFileSync(path));
    expect(png.width).toBe(1200);
    expect(png.height).toBeGreaterThan(2000);
    expect(png.colours).toBeGreaterThan(50);
    expect(png.inked).toBeGreaterThan(0.05);
  });
});
