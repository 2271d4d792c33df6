// One definition of how TypeScript is compiled outside tsc: SWC's settings (.swcrc) and the @app/*
// aliases, which live in tsconfig.json's `paths` only. The build (scripts/build.js) and Jest read them here.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const readJson = (file) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

/** tsconfig.json's paths, e.g. `'@app/core/*': ['./libs/core/src/*']` (plain JSON: no comments in that file). */
const aliases = readJson('tsconfig.json').compilerOptions.paths;

const { $schema: _schema, ...swcrc } = readJson('.swcrc');

/** SWC options that also rewrite the aliases to relative paths. */
const swcOptions = { ...swcrc, jsc: { ...swcrc.jsc, baseUrl: root, paths: aliases } };

/** The aliases as Jest's moduleNameMapper (used for module names SWC does not rewrite, e.g. jest.mock's). */
const moduleNameMapper = Object.fromEntries(
  Object.entries(aliases).map(([alias, [target]]) => [
    `^${alias.replace('*', '(.*)')}$`,
    `<rootDir>/${target.replace(/^\.\//, '').replace('*', '$1')}`,
  ]),
);

module.exports = { swcOptions, moduleNameMapper };
