/**
 * Runs `run` every `everyMs` (and at once when started), one run at a time: a tick while the last
 * run is still going is skipped. A failure is reported to `onError` and the next tick runs as usual.
 * The timer does not keep the process alive; `stop` waits for the run in progress.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly everyMs: number,
    private readonly run: () => Promise<void>,
    private readonly onError: (error: Error) => void,
  ) {}

  start(options: { runNow: boolean }): void {
    if (options.runNow) this.tick();
    this.timer = setInterval(() => this.tick(), this.everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.run()
      .catch((error: unknown) => this.onError(error instanceof Error ? error : new Error(String(error))))
      .finally(() => {
        this.running = null;
      });
  }
}
