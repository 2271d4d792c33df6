import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serverNow } from '../api/client';
import { formatDuration } from '../lib/format';

/** A clock (the server's by default) read every `intervalMs`, re-rendering the caller. */
export function useClock(intervalMs = 1000, clock: () => number = serverNow): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, clock]);
  return now;
}

/** Time left until `until` by the server's clock; `endedText` once it has passed. */
export function Countdown({ until, endedText }: { until: string | number; endedText?: string }) {
  const { t } = useTranslation();
  const now = useClock();
  const left = (typeof until === 'number' ? until : Date.parse(until)) - now;
  return (
    <Typography.Text strong type={left <= 0 ? 'secondary' : left < 5 * 60_000 ? 'danger' : undefined} data-testid="countdown">
      {left > 0 ? formatDuration(left) : (endedText ?? t('common.ended'))}
    </Typography.Text>
  );
}
