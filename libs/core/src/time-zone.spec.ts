/** The suites run in UTC whatever the machine's zone (jest.config.js), as the servers do. */
describe('the test time zone', () => {
  it('is UTC', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('UTC');
    expect(new Date('2026-07-01T12:00:00Z').getTimezoneOffset()).toBe(0);
    expect(new Date(2026, 0, 1).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});
