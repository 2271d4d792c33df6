import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import request from 'supertest';
import { createDataSource } from '@app/database';
import type { TestApp } from '../../support/app';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { startService, type RunningService } from '../../support/processes';

export const ADMIN = { email: 'admin@test.jiebang.local', password: 'admin-password-1' };
export const PASSWORD = 'correct-horse-battery';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** One test file's world: a private database, the platform serving the built client, one Chromium. */
export interface World {
  url: string;
  browser: Browser;
  /** A fresh browser profile (its own storage) in `locale`, English unless told. */
  context(locale?: string): Promise<BrowserContext>;
  /** A page in a fresh context. */
  page(locale?: string): Promise<Page>;
  /** For the shared fixtures (test/support): HTTP to the running platform and SQL on its database. */
  fixtures(): Promise<TestApp>;
  /** Called by the test environment when a test fails: screenshots of every open page and the browsers' log. */
  captureFailure(testName: string): Promise<void>;
  close(): Promise<void>;
}

/** Where a failed test's screenshots go (not committed). */
const FAILURES = join(process.cwd(), 'test', 'browser', 'failures');

/** What the pages said that a reader of a failure needs: console errors, failed requests, 4xx/5xx answers. */
function listen(page: Page, log: string[]): void {
  const at = () => new Date().toISOString().slice(11, 23);
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') log.push(`${at()} console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => log.push(`${at()} page error: ${error.message}`));
  page.on('requestfailed', (request) => log.push(`${at()} request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => {
    if (response.status() >= 400) log.push(`${at()} ${response.status()} ${response.request().method()} ${response.url()}`);
  });
}

export async function startWorld(): Promise<World> {
  const database: TestDatabase = await createTestDatabase();
  let service: RunningService | undefined;
  let browser: Browser | undefined;
  try {
    service = await startService('platform', { DATABASE_URL: database.url });
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  } catch (error) {
    await service?.stop();
    await database.drop();
    throw error;
  }
  const url = service.url;
  const started = browser;
  const running = service;
  const log: string[] = [];
  const context = async (locale = 'en-GB') => {
    const created = await started.newContext({ baseURL: url, locale, viewport: { width: 1366, height: 900 } });
    created.setDefaultTimeout(15_000);
    created.on('page', (page) => listen(page, log));
    return created;
  };
  const dataSource = createDataSource({ url: database.url, poolSize: 2 });
  const world: World = {
    url,
    browser: started,
    context,
    page: async (locale) => (await context(locale)).newPage(),
    fixtures: async () => {
      if (!dataSource.isInitialized) await dataSource.initialize();
      // The fixtures use only these two members of a TestApp.
      const app: Pick<TestApp, 'dataSource' | 'http' | 'url'> = { dataSource, http: () => request(url), url };
      return app as TestApp;
    },
    captureFailure: async (testName) => {
      mkdirSync(FAILURES, { recursive: true });
      const slug = testName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
      const pages = started.contexts().flatMap((each) => each.pages());
      const shots = await Promise.all(
        pages.map(async (page, index) => {
          const path = join(FAILURES, `${slug}-${index + 1}.png`);
          await page.screenshot({ path, fullPage: true }).catch(() => undefined);
          return `  page ${index + 1} at ${page.url()}: ${path}`;
        }),
      );
      console.error([`✖ ${testName}`, ...shots, 'what the browsers logged in this file so far:', ...log.map((line) => `  ${line}`)].join('\n'));
    },
    close: async () => {
      delete (globalThis as { __browserWorld?: World }).__browserWorld;
      await started.close();
      if (dataSource.isInitialized) await dataSource.destroy();
      await running.stop();
      await database.drop();
    },
  };
  (globalThis as { __browserWorld?: World }).__browserWorld = world;
  return world;
}

type Scope = Page | Locator;
const pageOf = (scope: Scope): Page => ('keyboard' in scope ? scope : scope.page());

/** The form item labelled `label` (within `scope`: a page, or e.g. one row of a list). */
export function formItem(scope: Scope, label: string): Locator {
  return scope.locator('.ant-form-item').filter({ has: pageOf(scope).locator(`label:text-is("${label}")`) });
}

/** The error shown at the form item labelled `label`. */
export function fieldError(scope: Scope, label: string): Locator {
  return formItem(scope, label).locator('.ant-form-item-explain-error');
}

export async function fill(scope: Scope, label: string, value: string): Promise<void> {
  await formItem(scope, label).locator('input, textarea').first().fill(value);
}

/**
 * Fills several fields of a form just opened, then checks they all still hold their text before
 * going on: on a loaded machine a field filled while the page was still settling was once found
 * empty at submission (a first field lost, the later ones kept). Refills what was lost, twice at most.
 */
export async function fillAll(scope: Scope, fields: Record<string, string>): Promise<void> {
  const input = (label: string) => formItem(scope, label).locator('input, textarea').first();
  for (let pass = 1; ; pass += 1) {
    for (const [label, value] of Object.entries(fields)) if ((await input(label).inputValue()) !== value) await input(label).fill(value);
    const lost: string[] = [];
    for (const [label, value] of Object.entries(fields)) if ((await input(label).inputValue()) !== value) lost.push(label);
    if (lost.length === 0) return;
    if (pass === 3) throw new Error(`these fields lost their text three times: ${lost.join(', ')}`);
  }
}

/**
 * Picks the option showing `option` in the Select labelled `label`, with the keyboard as a user
 * can: focus (or type `search` into a searching Select and wait for the option), ArrowDown opens
 * the list and walks it, Enter takes the active option. Clicking an option instead races the
 * dropdown's opening animation, which a loaded machine draws slowly.
 */
export async function pick(scope: Scope, label: string, option: string, search?: string): Promise<void> {
  await choose(formItem(scope, label).getByRole('combobox'), formItem(scope, label).locator('.ant-select'), option, search);
}

/** As `pick`, for a Select given by its combobox and the element that shows its value (a Select outside a form). */
export async function choose(combobox: Locator, select: Locator, option: string, search?: string): Promise<void> {
  const page = combobox.page();
  // This Select's own list (another Select's may still be open or closing): the popup holding the listbox the combobox controls.
  const list = async () => {
    const id = await combobox.getAttribute('aria-controls');
    const popups = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    return id ? popups.filter({ has: page.locator(`[id="${id}"]`) }) : popups;
  };
  if (search === undefined) {
    await combobox.focus();
  } else {
    await combobox.fill(search);
    await (await list()).locator('.ant-select-item-option').filter({ hasText: option }).first().waitFor();
  }
  let seen = '';
  for (let step = 0; step < 50; step += 1) {
    await combobox.press('ArrowDown');
    const text = await (await list()).locator('.ant-select-item-option-active').innerText();
    if (text.includes(option)) {
      await combobox.press('Enter');
      await select.getByText(option).first().waitFor();
      return;
    }
    if (text === seen) break;
    seen = text;
  }
  throw new Error(`the Select has no option "${option}" (the last option reached: "${seen}")`);
}

/**
 * Clicks OK in the open confirmation (a Popconfirm or a Modal) until it has closed. A click that
 * lands while it is still zooming open can be lost on a loaded machine; clicking again is safe,
 * since an OK that took effect closes it.
 */
export async function confirm(page: Page): Promise<void> {
  const ok = page.locator('.ant-popover:visible, .ant-modal-wrap:visible').getByRole('button', { name: 'OK', exact: true });
  for (let attempt = 1; ; attempt += 1) {
    await ok.first().click();
    if (await eventually(async () => (await ok.count()) === 0, 3_000)) return;
    if (attempt === 3) throw new Error('the confirmation is still open after three clicks on OK');
  }
}

/** Polls `check` every 100 ms until it holds (true) or `timeoutMs` has passed (false). */
async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/** Waits until an input shows `value` (e.g. a share rebalanced after its neighbour was left). */
export async function waitForValue(input: Locator, value: string, timeoutMs = 10_000): Promise<void> {
  if (!(await eventually(async () => (await input.inputValue()) === value, timeoutMs))) {
    throw new Error(`the input still shows "${await input.inputValue()}", not "${value}"`);
  }
}

/** Clicks the button named `name` (the last one, so a form's own button wins over the header's). */
export async function press(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('button', { name }).last().click();
}

export async function signUp(page: Page, name: string, email: string): Promise<void> {
  await page.goto('/register');
  await formItem(page, 'Name').locator('input').fill(name);
  await formItem(page, 'Email').locator('input').fill(email);
  await formItem(page, 'Password').locator('input').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up' }).last().click();
  await page.waitForURL((url) => url.pathname !== '/register');
  await page.getByTestId('user-menu').filter({ hasText: name }).waitFor();
}

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/login');
  await formItem(page, 'Email').locator('input').fill(email);
  await formItem(page, 'Password').locator('input').fill(password);
  await page.locator('form').getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  await page.getByTestId('user-menu').waitFor();
}

/** With UPDATE_SCREENSHOTS=1, keeps a full-page screenshot as docs/screenshots/<name>.png (shown in the README). */
export async function snap(page: Page, name: string): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(process.cwd(), 'docs', 'screenshots', `${name}.png`), fullPage: true });
}

let counter = 0;
export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}.${Date.now().toString(36)}${counter}@example.org`;
}
