import { Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useAction } from '../api/hooks';
import { keys, useMyInvitations } from '../api/queries';
import type { Invitation } from '../api/types';
import { InvitationStatus } from '../components/InvitationStatus';
import { QueryTable } from '../components/QueryTable';
import { useLanguage } from '../i18n';
import { formatDateTime } from '../lib/format';

/**
 * My invitations (Membership by consent): nobody joins a team or an organisation without accepting,
 * and only an accepted membership counts, from the moment of acceptance, for conflicts of interest.
 */
export default function InvitationsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const invitations = useMyInvitations(true);
  const invalidate = [keys.myInvitations, ['teams'], ['orgs'], ['me']];
  const accept = useAction((id: string) => api.post<Invitation>(`/api/invitations/${id}/accept`), { invalidate, successText: t('invitations.accepted') });
  const decline = useAction((id: string) => api.post<Invitation>(`/api/invitations/${id}/decline`), { invalidate, successText: t('invitations.declined') });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('invitations.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('invitations.hint')}</Typography.Paragraph>
      <QueryTable<Invitation>
        result={invitations}
        rowKey="id"
        data-testid="invitations"
        columns={[
          { title: t('invitations.to'), render: (_, i) => <Space><Tag>{t(`invitations.kinds.${i.kind}`)}</Tag>{i.name}</Space> },
          { title: t('team.role'), dataIndex: 'role', render: (role: 'LEAD' | 'MEMBER') => t(`teamRole.${role}`) },
          { title: t('invitations.invitedBy'), dataIndex: 'invitedByName' },
          { title: t('invitations.invitedAt'), dataIndex: 'invitedAt', render: (at: string) => formatDateTime(at, language) },
          { title: t('bid.status'), render: (_, i) => <InvitationStatus invitation={i} /> },
          {
            title: t('common.actions'),
            render: (_, i) =>
              i.status === 'PENDING' && (
                <Space>
                  <Button type="primary" size="small" loading={accept.isPending && accept.variables === i.id} onClick={() => accept.mutate(i.id)}>
                    {t('invitations.accept')}
                  </Button>
                  <Popconfirm title={t('invitations.declineConfirm', { name: i.name })} onConfirm={() => decline.mutate(i.id)}>
                    <Button size="small">{t('invitations.decline')}</Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
    </Space>
  );
}
