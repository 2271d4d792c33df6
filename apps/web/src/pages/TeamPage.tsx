import { Button, Card, Descriptions, Popconfirm, Space, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../api/client';
import { useAction } from '../api/hooks';
import { keys, useTeam, useTeamHistory } from '../api/queries';
import type { MembershipPeriod, TeamMember, TeamRole } from '../api/types';
import { useAuth } from '../auth/AuthProvider';
import { ErrorAlert } from '../components/ErrorAlert';
import { InvitePanel } from '../components/InvitePanel';
import { QueryTable } from '../components/QueryTable';
import { useLanguage } from '../i18n';
import { formatDateTime } from '../lib/format';

function History({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <QueryTable<MembershipPeriod>
      result={useTeamHistory(teamId)}
      rowKey={(period) => `${period.userId}-${period.joinedAt}`}
      columns={[
        { title: t('team.member'), dataIndex: 'displayName' },
        { title: t('team.role'), dataIndex: 'role', render: (role: TeamRole) => t(`teamRole.${role}`) },
        { title: t('team.joinedAt'), dataIndex: 'joinedAt', render: (at: string) => formatDateTime(at, language) },
        { title: t('team.leftAt'), dataIndex: 'leftAt', render: (at: string | null) => (at ? formatDateTime(at, language) : '—') },
      ]}
    />
  );
}

/** A team: its members; leads add and remove, anyone may leave; the membership history for members. */
export default function TeamPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { me } = useAuth();
  const navigate = useNavigate();
  const team = useTeam(id);
  const invalidate = [keys.team(id), keys.teams({ mine: true })];
  const remove = useAction((userId: string) => api.delete<void>(`/api/teams/${id}/members/${userId}`), {
    invalidate,
    onSuccess: () => undefined,
  });
  if (team.error) return <ErrorAlert error={team.error} onRetry={() => void team.refetch()} />;
  if (!team.data) return <Spin size="large" className="page-spin" />;
  const isLead = team.data.myRole === 'LEAD';
  const leave = () => remove.mutate(me?.id ?? '', { onSuccess: () => { navigate('/teams'); } });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2}>{team.data.name}</Typography.Title>
      <Descriptions size="small">
        <Descriptions.Item label={t('team.kind')}>{t(`teamKind.${team.data.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('org.country')}>{team.data.country}</Descriptions.Item>
        <Descriptions.Item label={t('team.org')}>{team.data.orgName ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Card
        title={t('team.members')}
        extra={
          team.data.myRole && (
            <Popconfirm title={t('team.leaveConfirm')} onConfirm={leave}>
              <Button danger>{t('team.leave')}</Button>
            </Popconfirm>
          )
        }
      >
        <Table<TeamMember>
          pagination={false}
          dataSource={team.data.members}
          data-testid="team-members"
          rowKey="userId"
          columns={[
            { title: t('team.member'), dataIndex: 'displayName' },
            { title: t('auth.email'), dataIndex: 'email' },
            { title: t('team.role'), dataIndex: 'role', render: (role: TeamRole) => t(`teamRole.${role}`) },
            {
              title: t('common.actions'),
              render: (_, member) =>
                isLead &&
                member.userId !== me?.id && (
                  <Popconfirm title={t('team.removeConfirm', { name: member.displayName })} onConfirm={() => remove.mutate(member.userId)}>
                    <Button size="small" danger>
                      {t('common.remove')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      {isLead && <InvitePanel base={`/api/teams/${id}`} withRole membersKey={keys.team(id)} testId="team-invitations" />}
      {team.data.myRole && (
        <Card title={t('team.history')}>
          <History teamId={id} />
        </Card>
      )}
    </Space>
  );
}
