// `npm test`: type check, lint, then every Jest suite (unit, integration on a real PostgreSQL,
// cross-service stories), the web client's component tests and the browser tests. Without DATABASE_URL the suite starts its own embedded PostgreSQL.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const env = { ...process.env, TZ: 'UTC' };

function step(title, command, args) {
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${title} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${title} (${seconds} s)`);
}

step('type check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
step('type check (web client)', bin('tsc'), ['--noEmit', '-p', 'apps/web/tsconfig.json']);
step('lint', bin('eslint'), ['--max-warnings', '0', '.']);

const report = path.join(os.tmpdir(), `jiebang-jest-${process.pid}.json`);
const jestArgs = ['--maxWorkers=2', '--json', `--outputFile=${report}`, ...process.argv.slice(2)];
const started = Date.now();
console.log(`\n▶ tests (${process.env.DATABASE_URL ? 'PostgreSQL at DATABASE_URL' : 'embedded PostgreSQL'})`);
const jest = spawnSync(bin('jest'), jestArgs, { cwd: root, env, stdio: 'inherit' });
let summary = null;
try {
  summary = JSON.parse(fs.readFileSync(report, 'utf8'));
  fs.rmSync(report, { force: true });
} catch {
  // Jest could not write its report: its own output above says why.
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (summary) {
  console.log(`\ntest suites: ${summary.numPassedTestSuites} passed, ${summary.numFailedTestSuites} failed (${seconds} s)`);
  console.log(`${summary.numPassedTests} passed, ${summary.numFailedTests} failed`);
}
if (jest.status !== 0 || !summary || summary.numFailedTests > 0 || summary.numTotalTests === 0) process.exit(jest.status || 1);

step('web client component tests', bin('vitest'), ['run', '--config', 'apps/web/vitest.config.ts']);
// Chromium against the platform; without Chromium it says so and passes, except under CI (see test/browser/run.js).
step('browser tests', process.execPath, [path.join(root, 'test', 'browser', 'run.js')]);
