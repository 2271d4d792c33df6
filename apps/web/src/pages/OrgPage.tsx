import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api } from '../api/client';
import type { OrgMember, Organisation } from '../api/types';
import { useAuth } from '../auth/AuthProvider';
import { ErrorAlert } from '../components/ErrorAlert';
import { InvitePanel } from '../components/InvitePanel';
import { QueryTable } from '../components/QueryTable';
import { VerifiedTag } from '../components/ChallengeTags';

/** An organisation: its members (for its members); its owners invite people, who join only by accepting. */
export default function OrgPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { me } = useAuth();
  const membersKey = ['org', id, 'members'] as const;
  const org = useQuery({ queryKey: ['org', id], queryFn: () => api.get<Organisation>(`/api/orgs/${id}`) });
  const members = useQuery({ queryKey: membersKey, queryFn: () => api.get<OrgMember[]>(`/api/orgs/${id}/members`) });
  const owner = me?.organisations.some((membership) => membership.orgId === id && membership.role === 'OWNER') ?? false;
  if (org.error) return <ErrorAlert error={org.error} onRetry={() => void org.refetch()} />;
  if (!org.data) return <Spin size="large" className="page-spin" />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2}>{org.data.name}</Typography.Title>
      <Descriptions size="small">
        <Descriptions.Item label={t('org.kind')}>{t(`orgKind.${org.data.kind as 'ENTERPRISE'}`)}</Descriptions.Item>
        <Descriptions.Item label={t('org.country')}>{org.data.country}</Descriptions.Item>
        <Descriptions.Item label={t('org.creditCode')}>{org.data.creditCode ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('org.status')}>
          <VerifiedTag verified={org.data.verified} />
        </Descriptions.Item>
      </Descriptions>
      <Card title={t('team.members')}>
        <QueryTable<OrgMember>
          result={members}
          rowKey="userId"
          data-testid="org-members"
          columns={[
            { title: t('team.member'), dataIndex: 'displayName' },
            { title: t('auth.email'), dataIndex: 'email' },
            { title: t('team.role'), dataIndex: 'role', render: (role: 'OWNER' | 'MEMBER') => t(`orgRole.${role}`) },
          ]}
        />
      </Card>
      {owner && <InvitePanel base={`/api/orgs/${id}`} withRole={false} membersKey={membersKey} testId="org-invitations" />}
    </Space>
  );
}
