import { expect } from '@jest/globals';
import { fieldError, formItem, PASSWORD, signIn, signUp, startWorld, uniqueEmail, type World } from './support/browser';

describe('signing up and in, languages and form errors (Chromium)', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world?.close());

  it('speaks Chinese to a browser that prefers it, switches to English and keeps the choice', async () => {
    const page = await world.page('zh-CN');
    await page.goto('/');
    await page.getByRole('heading', { name: '揭榜挂帅榜单' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.getByTestId('language-switch').getByText('EN').click();
    await page.getByRole('heading', { name: 'Open challenges' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Open challenges' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByTestId('language-switch').getByText('中文').click();
    await page.getByRole('heading', { name: '揭榜挂帅榜单' }).waitFor();
  });

  it("shows the API's field messages at the fields, then signs up, survives a reload and signs out", async () => {
    const page = await world.page();
    await page.goto('/register');
    await formItem(page, 'Name').locator('input').fill('李伟');
    await formItem(page, 'Email').locator('input').fill('not-an-email');
    await formItem(page, 'Password').locator('input').fill('short');
    await page.getByRole('button', { name: 'Sign up' }).last().click();
    await fieldError(page, 'Email').getByText('email must be a valid email address').waitFor();
    await fieldError(page, 'Password').getByText('password must be at least 8 characters').waitFor();
    expect(await fieldError(page, 'Name').count()).toBe(0);

    const email = uniqueEmail('li.wei');
    await formItem(page, 'Email').locator('input').fill(email);
    await formItem(page, 'Password').locator('input').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign up' }).last().click();
    await page.getByTestId('user-menu').filter({ hasText: '李伟' }).waitFor();

    // The access token lives in memory only: a reload signs in again with the kept refresh token.
    await page.reload();
    await page.getByTestId('user-menu').filter({ hasText: '李伟' }).waitFor();

    await page.getByTestId('user-menu').hover();
    await page.getByText('Sign out').click();
    await page.locator('header').getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate('localStorage.getItem("jiebang.refreshToken")')).toBeNull();

    await page.goto('/login');
    await formItem(page, 'Email').locator('input').fill(email);
    await formItem(page, 'Password').locator('input').fill('a-wrong-password');
    await page.locator('form').getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('The email or password is wrong').waitFor();
    await signIn(page, email);
  });

  it('refuses a page of another role cleanly', async () => {
    const page = await world.page();
    await signUp(page, 'Visitor', uniqueEmail('visitor'));
    await page.goto('/admin');
    await page.getByText('This page is for the bureau administrators only.').waitFor();
  });
});
