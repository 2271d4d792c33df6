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
  close(): Promise<void>;
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
  const context = async (locale = 'en-GB') => {
    const created = await started.newContext({ baseURL: url, locale, viewport: { width: 1366, height: 900 } });
    created.setDefaultTimeout(15_000);
    return created;
  };
  const dataSource = createDataSource({ url: database.url, poolSize: 2 });
  return {
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
    close: async () => {
      await started.close();
      if (dataSource.isInitialized) await dataSource.destroy();
      await running.stop();
      await database.drop();
    },
  };
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

/** Opens the Select labelled `label` and picks the option showing `option`. */
export async function pick(scope: Scope, label: string, option: string): Promise<void> {
  await formItem(scope, label).locator('.ant-select').click();
  await pageOf(scope).locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** Waits until an input shows `value` (e.g. a share rebalanced after its neighbour was left). */
export async function waitForValue(input: Locator, value: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while ((await input.inputValue()) !== value) {
    if (Date.now() > until) throw new Error(`the input still shows "${await input.inputValue()}", not "${value}"`);
    await new Promise((resolve) => setTimeout(resolve, 100));
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
  await page.getByTestId('user-menu').filter({ hasText: name }).waitFor();
}

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/login');
  await formItem(page, 'Email').locator('input').fill(email);
  await formItem(page, 'Password').locator('input').fill(password);
  await page.locator('form').getByRole('button', { name: 'Sign in' }).click();
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
