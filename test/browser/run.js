// The browser tests: the built web client in real Chromium (playwright-core), against the platform
// started as a process on a private database. Without Chromium they are skipped with a message,
// except where BROWSER_TESTS_REQUIRED=1 or CI=true makes a missing browser a failure.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ensureWebClient } = require('../../scripts/web-client');

const root = path.resolve(__dirname, '..', '..');
const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
const chromium = candidates.find((file) => fs.existsSync(file));
const required = process.env.BROWSER_TESTS_REQUIRED === '1' || process.env.CI === 'true';

if (!chromium) {
  const how = 'install Chromium (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH, then run npm test or npm run test:browser';
  if (required) {
    console.error(`✖ the browser tests need Chromium and found none (looked at ${candidates.join(', ')}): ${how}`);
    process.exit(1);
  }
  console.warn(`⚠ the browser tests did NOT run: no Chromium found (looked at ${candidates.join(', ')}).\n  To run them, ${how}.`);
  process.exit(0);
}

ensureWebClient();
const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const result = spawnSync(process.execPath, [jest, '--config', path.join(__dirname, 'jest.config.js'), ...process.argv.slice(2)], {
  cwd: root,
  env: { ...process.env, CHROMIUM_PATH: chromium, TZ: 'UTC' },
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
