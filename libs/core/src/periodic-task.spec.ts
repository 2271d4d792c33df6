import { PeriodicTask } from './periodic-task';

describe('PeriodicTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs at once when asked, then every period, one run at a time, and reports failures without stopping', async () => {
    const finish: (() => void)[] = [];
    const errors: string[] = [];
    let runs = 0;
    const task = new PeriodicTask(
      1000,
      () => {
        runs += 1;
        if (runs === 2) return Promise.reject(new Error('database away'));
        return new Promise<void>((resolve) => finish.push(resolve));
      },
      (error) => errors.push(error.message),
    );
    task.start({ runNow: true });
    expect(runs).toBe(1);
    await jest.advanceTimersByTimeAsync(3000);
    expect(runs).toBe(1); // the first run is still going: its ticks are skipped
    finish.shift()?.();
    await jest.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(2);
    expect(errors).toEqual(['database away']);
    await jest.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(3);
    let stopped = false;
    const stopping = task.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(5000);
    expect(stopped).toBe(false); // stop waits for the run in progress
    finish.shift()?.();
    await stopping;
    expect(runs).toBe(3);
  });

  it('waits for the first period when not asked to run at once', async () => {
    let runs = 0;
    const task = new PeriodicTask(1000, async () => void (runs += 1), () => undefined);
    task.start({ runNow: false });
    expect(runs).toBe(0);
    await jest.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(1);
    await task.stop();
  });
});
