import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BidStatus } from '../api/types';

const COLOURS: Record<BidStatus, string> = {
  SUBMITTED: 'blue',
  WITHDRAWN: 'default',
  SHORTLISTED: 'purple',
  NOT_SHORTLISTED: 'default',
  AWARDED: 'green',
  NOT_AWARDED: 'default',
};

export function BidStatusTag({ status }: { status: BidStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid="bid-status">
      {t(`bidStatus.${status}`)}
    </Tag>
  );
}

/** A SHA-256 in hex: shortened on screen, copied whole. */
export function Hash({ value }: { value: string }) {
  return (
    <Typography.Text code copyable={{ text: value }} title={value} data-testid="hash">
      {`${value.slice(0, 12)}…`}
    </Typography.Text>
  );
}
