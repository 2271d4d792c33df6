// `npm start [app]`: compiles with SWC (about a second) and runs the app; platform is the default.
// The platform also serves the web client, built first when missing or stale.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const app = process.argv[2] || 'platform';
const known = ['platform', 'challenges', 'bidding', 'evaluation'];
if (!known.includes(app)) {
  console.error(`unknown app "${app}"; one of ${known.join(', ')}`);
  process.exit(1);
}
const root = path.resolve(__dirname, '..');
execFileSync(process.execPath, [path.join(__dirname, 'build.js')], { stdio: 'inherit', cwd: root });
if (app === 'platform') require('./web-client').ensureWebClient();
process.chdir(root);
require(path.join(root, 'dist', 'apps', app, 'src', 'main.js'));
