// The browser tests' Jest environment: when a test fails, the world of its file (support/browser.ts)
// is asked to keep a screenshot of every open page and to print what the browsers logged, so a
// failure on CI can be read without rerunning it.
const { TestEnvironment } = require('jest-environment-node');

class BrowserTestEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    if (event.name !== 'test_fn_failure') return;
    const world = this.global.__browserWorld;
    if (world) await world.captureFailure(fullName(event.test));
  }
}

function fullName(test) {
  const names = [];
  for (let block = test; block && block.name !== 'ROOT_DESCRIBE_BLOCK'; block = block.parent) names.unshift(block.name);
  return names.join(' › ');
}

module.exports = BrowserTestEnvironment;
