import { randomBytes } from 'node:crypto';
import { creditCodeCheckChar } from '@app/domain';
import type { TestApp } from './app';
import { TEST_ADMIN } from './app';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  token: string;
  refreshToken: string;
  auth: { Authorization: string };
}

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}.${randomBytes(5).toString('hex')}@example.org`;
}

function asUser(body: { accessToken: string; refreshToken: string; user: { id: string; email: string } }, password: string): TestUser {
  return {
    id: body.user.id,
    email: body.user.email,
    password,
    token: body.accessToken,
    refreshToken: body.refreshToken,
    auth: { Authorization: `Bearer ${body.accessToken}` },
  };
}

export async function register(t: TestApp, prefix = 'user', displayName = '测试用户'): Promise<TestUser> {
  const password = 'correct-horse-battery';
  const res = await t.http().post('/api/auth/register').send({ email: uniqueEmail(prefix), password, displayName });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return asUser(res.body, password);
}

export async function login(t: TestApp, email: string, password: string): Promise<TestUser> {
  const res = await t.http().post('/api/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return asUser(res.body, password);
}

export function loginAdmin(t: TestApp): Promise<TestUser> {
  return login(t, TEST_ADMIN.email, TEST_ADMIN.password);
}

/** Registers a user holding the JUDGE role (granted in the database, then signed in again for a fresh token). */
export async function registerJudge(t: TestApp, prefix = 'judge'): Promise<TestUser> {
  const user = await register(t, prefix, '评审专家');
  await t.dataSource.query(`UPDATE user_account SET roles = array_append(roles, 'JUDGE') WHERE id = $1`, [user.id]);
  return login(t, user.email, user.password);
}

/** A member of a verified ENTERPRISE organisation, i.e. someone who acts as `enterprise`. */
export async function registerEnterprise(t: TestApp, admin: TestUser, name = '昆明高新传感科技有限公司'): Promise<TestUser & { orgId: string }> {
  const user = await register(t, 'enterprise', '企业用户');
  const org = await t
    .http()
    .post('/api/orgs')
    .set(user.auth)
    .send({ name: `${name} ${randomBytes(2).toString('hex')}`, kind: 'ENTERPRISE', country: 'CN', creditCode: randomCreditCode() });
  if (org.status !== 201) throw new Error(`org failed: ${org.status} ${JSON.stringify(org.body)}`);
  const verified = await t.http().post(`/api/orgs/${org.body.id}/verify`).set(admin.auth);
  if (verified.status !== 200) throw new Error(`verify failed: ${verified.status}`);
  return { ...user, orgId: org.body.id as string };
}

const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A random, valid unified social credit code (91 = enterprise registered with the market regulator). */
export function randomCreditCode(): string {
  const digits = Array.from({ length: 6 }, () => String(randomBytes(1)[0] % 10)).join('');
  const rest = Array.from({ length: 9 }, () => CREDIT_CODE_CHARS[randomBytes(1)[0] % CREDIT_CODE_CHARS.length]).join('');
  const first17 = `91${digits}${rest}`;
  return `${first17}${creditCodeCheckChar(first17)}`;
}
