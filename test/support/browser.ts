// A real headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core,
// with a fresh profile every time, that records every request the page makes.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  page: Page;
  /** Every URL requested by the page or its workers, in order. */
  requests: string[];
  /** Console errors and uncaught page errors (a CSP violation shows here). */
  errors: string[];
  screenshot(name: string): Promise<string>;
  /** Another tab of the same profile (its storage shared with `page`), its errors recorded with the first's. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function openBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'tenantgraph-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1400, height: 860 },
  });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const watch = (tab: Page) => {
    tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    tab.on('pageerror', (error) => errors.push(error.message));
    tab.on('worker', (worker) => requests.push(worker.url()));
    return tab;
  };
  const page = watch(context.pages()[0] ?? (await context.newPage()));
  return {
    page,
    newPage: async () => watch(await context.newPage()),
    requests,
    errors,
    async screenshot(name) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const file = path.join(ARTIFACTS, name);
      await page.screenshot({ path: file });
      return file;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
