// The browser tests reuse the integration project's setup: one PostgreSQL, a migrated template
// database and a private server build; each test file starts its own platform process.
const path = require('node:path');
const { projects } = require('../../jest.config');

const integration = projects.find((project) => project.displayName === 'integration');

module.exports = {
  ...integration,
  rootDir: path.resolve(__dirname, '..', '..'),
  displayName: 'browser',
  testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
  testTimeout: 120000,
  // One file at a time: each starts a platform and up to six browser contexts.
  maxWorkers: 1,
  // Screenshots and the browsers' log when a test fails (support/environment.js).
  testEnvironment: '<rootDir>/test/browser/support/environment.js',
};
