import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../api/types';

const COLOURS: Record<string, string> = { PENDING: 'gold', ACCEPTED: 'green', DECLINED: 'default', REVOKED: 'default' };

/** An invitation's state: pending, accepted (a membership since then), declined or revoked. */
export function InvitationStatus({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[invitation.status]} data-testid="invitation-status">
      {t(`invitations.statuses.${invitation.status as 'PENDING'}`)}
    </Tag>
  );
}
