import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChallengeStatus, IndustryField } from '../api/types';

const STATUS_COLOURS: Partial<Record<ChallengeStatus, string>> = {
  PUBLISHED: 'green',
  SUBMITTED: 'gold',
  REJECTED: 'red',
  CLOSED: 'default',
  EVALUATING: 'purple',
  AWARDED: 'blue',
  CANCELLED: 'default',
};

export function StatusTag({ status }: { status: ChallengeStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="challenge-status">
      {t(`status.${status}`)}
    </Tag>
  );
}

export function FieldTag({ field }: { field: IndustryField }) {
  const { t } = useTranslation();
  return <Tag>{t(`field.${field}`)}</Tag>;
}

export function VerifiedTag({ verified }: { verified: boolean }) {
  const { t } = useTranslation();
  return <Tag color={verified ? 'green' : 'gold'}>{verified ? t('org.verified') : t('org.unverified')}</Tag>;
}
