import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serverNow } from '../api/client';
import { formatDuration } from '../lib/format';

/** The server's clock, ticking every second. */
export function useServerNow(intervalMs = 1000): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** Time left until `until` by the server's clock; `endedText` once it has passed. */
export function Countdown({ until, endedText }: { until: string | number; endedText?: string }) {
  const { t } = useTranslation();
  const now = useServerNow();
  const left = (typeof until === 'number' ? until : Date.parse(until)) - now;
  return (
    <Typography.Text strong type={left <= 0 ? 'secondary' : left < 5 * 60_000 ? 'danger' : undefined} data-testid="countdown">
      {left > 0 ? formatDuration(left) : (endedText ?? t('common.ended'))}
    </Typography.Text>
  );
}
