import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configureEvaluation } from '@app/evaluation';
import { startTestApp, TestApp } from '../../../test/support/app';
import { PlatformModule } from './platform.module';

describe('the web client served by the platform (integration)', () => {
  let t: TestApp;
  let dist: string;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>揭榜挂帅</title>');
    writeFileSync(join(dist, 'assets', 'app-1a2b.js'), 'console.log(1)');
    t = await startTestApp({ module: (context) => PlatformModule.forRoot(context, { webDist: dist }), configure: configureEvaluation, listen: true });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html for the client routes (revalidated), hashed assets for a year, and JSON 404s under /api', async () => {
    for (const path of ['/', '/rooms/42/screen']) {
      const page = await t.http().get(path).expect(200);
      expect(page.text).toContain('揭榜挂帅');
      expect(page.headers['cache-control']).toBe('no-cache');
    }
    expect((await t.http().get('/assets/app-1a2b.js').expect(200)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await t.http().get('/api/no-such-route').expect(404)).body).toMatchObject({ code: 'NOT_FOUND' });
    await t.http().get('/assets/missing.js').expect(404);
  });

  it('keeps the platform’s refusals beside it: text PostgreSQL cannot store is a field-by-field 400, not a 500', async () => {
    const res = await t.http().post('/api/auth/login').set('content-type', 'application/json').send('{"email":"\\u0000","password":"x"}').expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'email' }] });
    const key = await t.http().post('/api/auth/register').set('content-type', 'application/json').send('{"email":"a@b.cn","\\ud800":1}').expect(400);
    expect(key.body.code).toBe('VALIDATION_FAILED');
  });
});
