import type { AppContext } from '@app/core';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-data';

/** What the demo loader found or did at start. */
export type DemoReport =
  | { state: 'loaded'; ms: number }
  | { state: 'present' }
  | { state: 'skipped'; reason: string }
  | { state: 'failed'; error: string };

/** The report of each app (keyed by the context its module and its announce share). */
const reports = new WeakMap<AppContext, DemoReport>();

export function recordDemoReport(context: AppContext, report: DemoReport): void {
  reports.set(context, report);
}

export function demoReport(context: AppContext): DemoReport | undefined {
  return reports.get(context);
}

/** The lines the start prints about the demo: the logins when it is there, nothing when DEMO_DATA is off. */
export function demoAnnouncement(report: DemoReport | undefined, options: { resetHint?: boolean } = {}): string[] {
  if (!report) return [];
  if (report.state === 'skipped') return [`  Demo data:  not loaded (${report.reason})`];
  if (report.state === 'failed') return [`  Demo data:  loading failed (${report.error}); npm run demo:reset rebuilds it`];
  const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
  return [
    report.state === 'loaded'
      ? `  Demo marketplace loaded in ${(report.ms / 1000).toFixed(1)} s; every demo login uses the password ${DEMO_PASSWORD}:`
      : `  Demo marketplace: every demo login uses the password ${DEMO_PASSWORD}:`,
    ...DEMO_USERS.map((u) => `    ${u.email.padEnd(width)}  ${u.role}`),
    ...(options.resetHint === false ? [] : ['  npm run demo:reset rebuilds it (stop the app first).']),
  ];
}
