// Builds the web client (apps/web -> apps/web/dist) when the build is missing or older than its sources.
// Used by `npm start` (platform) and the browser tests.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const web = path.join(root, 'apps', 'web');
const builtIndex = path.join(web, 'dist', 'index.html');
const sources = ['src', 'vite', 'index.html', 'vite.config.ts', 'tsconfig.json'].map((name) => path.join(web, name));

function newestChange(file) {
  if (!fs.existsSync(file)) return 0;
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(file).map((name) => newestChange(path.join(file, name))));
}

function webClientStale() {
  if (!fs.existsSync(builtIndex)) return 'missing';
  const built = fs.statSync(builtIndex).mtimeMs;
  const changed = Math.max(...sources.map(newestChange), newestChange(path.join(root, 'package-lock.json')));
  return changed > built ? 'stale' : null;
}

function ensureWebClient() {
  const reason = webClientStale();
  if (!reason) return;
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!fs.existsSync(vite)) {
    console.warn(`web client ${reason} and vite is not installed (npm install): serving the API only`);
    return;
  }
  console.log(`web client ${reason}: building it`);
  execFileSync(process.execPath, [vite, 'build', '--config', path.join(web, 'vite.config.ts')], { stdio: 'inherit', cwd: root });
}

module.exports = { ensureWebClient, webClientStale };

if (require.main === module) ensureWebClient();
