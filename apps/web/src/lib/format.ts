import type { Language } from '../i18n';

const locale = (language: Language) => (language === 'en' ? 'en-GB' : 'zh-CN');

/** Integer fen as yuan, e.g. 50000000 -> ¥500,000.00 (formatting only; amounts stay integers). */
export function formatFen(fen: number, language: Language): string {
  return new Intl.NumberFormat(locale(language), { style: 'currency', currency: 'CNY' }).format(fen / 100);
}

export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** Milliseconds as "3d 04:05:06" (days only when there are some). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const clock = [Math.floor((total % 86_400) / 3600), Math.floor((total % 3600) / 60), total % 60]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');
  return days > 0 ? `${days}d ${clock}` : clock;
}
