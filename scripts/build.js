// Compiles apps/*/src and libs/*/src to dist/ with SWC (the same settings Jest uses),
// rewriting the @app/* aliases to relative paths. Type checking is `npm run typecheck`.
const fs = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');

const root = path.resolve(__dirname, '..');
// `--out <dir>` builds elsewhere (the tests build a private copy inside the repository, so modules still resolve).
const outFlag = process.argv.indexOf('--out');
const out = outFlag > 0 ? path.resolve(process.argv[outFlag + 1]) : path.join(root, 'dist');
const { swcOptions } = require('./compile-options');

/** The files under `dir` that `keep` accepts, at any depth. */
function files(dir, keep) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...files(full, keep));
    else if (keep(entry.name)) found.push(full);
  }
  return found;
}
const sources = (dir) => files(dir, (name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && !/\.(int-|e2e-)?spec\.ts$/.test(name));
// Data the code reads beside itself (e.g. libs/auth/src/data/common-passwords.txt), copied as is.
const dataFiles = (dir) => files(dir, (name) => name.endsWith('.txt'));

const roots = ['apps', 'libs', 'bench', 'scripts'].flatMap((top) => {
  const dir = path.join(root, top);
  if (!fs.existsSync(dir)) return [];
  if (top === 'apps' || top === 'libs') {
    return fs
      .readdirSync(dir)
      .map((name) => path.join(dir, name, 'src'))
      .filter((src) => fs.existsSync(src));
  }
  return [dir];
});

const started = Date.now();
fs.rmSync(out, { recursive: true, force: true });
let count = 0;
for (const file of roots.flatMap(sources)) {
  const relative = path.relative(root, file);
  const target = path.join(out, relative.replace(/\.ts$/, '.js'));
  const { code, map } = swc.transformFileSync(file, {
    ...swcOptions,
    swcrc: false,
    filename: file,
    sourceFileName: path.relative(path.dirname(target), file),
  });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
  if (map) fs.writeFileSync(`${target}.map`, map);
  count += 1;
}
for (const file of roots.flatMap(dataFiles)) {
  const target = path.join(out, path.relative(root, file));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(file, target);
}
console.log(`built ${count} files into ${path.relative(root, out) || out} in ${Date.now() - started} ms`);
