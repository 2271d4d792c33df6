import { Button, Card, Descriptions, Form, Input, Popconfirm, Select, Space, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../api/client';
import { useAction } from '../api/hooks';
import { keys, useTeam, useTeamHistory, useTeamInvitations } from '../api/queries';
import { TEAM_ROLES, type Invitation, type MembershipPeriod, type TeamMember, type TeamRole } from '../api/types';
import { InvitationStatus } from '../components/InvitationStatus';
import { useAuth } from '../auth/AuthProvider';
import { ErrorAlert, useApiForm } from '../components/ErrorAlert';
import { QueryTable } from '../components/QueryTable';
import { useLanguage } from '../i18n';
import { formatDateTime } from '../lib/format';

interface NewMember {
  email: string;
  role: TeamRole;
}

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
  const language = useLanguage();
  const navigate = useNavigate();
  const team = useTeam(id);
  const { form, report, reset, alert } = useApiForm<NewMember>();
  const invalidate = [keys.team(id), keys.teams({ mine: true })];
  const add = useAction((values: NewMember) => api.post<Invitation>(`/api/teams/${id}/members`, values), {
    invalidate: [...invalidate, keys.teamInvitations(id)],
    successText: t('team.invited'),
    onSuccess: () => form.resetFields(),
    onError: report,
  });
  const revoke = useAction((invitationId: string) => api.post<Invitation>(`/api/invitations/${invitationId}/revoke`), { invalidate: [keys.teamInvitations(id)] });
  const invitations = useTeamInvitations(id, team.data?.myRole === 'LEAD');
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
      {isLead && (
        <Card title={t('team.addMember')}>
          <Form
            form={form}
            layout="inline"
            initialValues={{ role: 'MEMBER' }}
            onFinish={(values) => {
              reset();
              add.mutate(values);
            }}
          >
            <Form.Item name="email" label={t('auth.email')} rules={[{ required: true, message: t('common.required') }]}>
              <Input style={{ width: 260 }} />
            </Form.Item>
            <Form.Item name="role" label={t('team.role')}>
              <Select style={{ width: 120 }} options={TEAM_ROLES.map((value) => ({ value, label: t(`teamRole.${value}`) }))} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={add.isPending}>
              {t('team.invite')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" className="block-gap">
            {t('team.inviteHint')}
          </Typography.Paragraph>
          <QueryTable<Invitation>
            result={invitations}
            rowKey="id"
            data-testid="team-invitations"
            columns={[
              { title: t('team.member'), dataIndex: 'inviteeName' },
              { title: t('team.role'), dataIndex: 'role', render: (role: TeamRole) => t(`teamRole.${role}`) },
              { title: t('invitations.invitedAt'), dataIndex: 'invitedAt', render: (at: string) => formatDateTime(at, language) },
              { title: t('bid.status'), render: (_, i) => <InvitationStatus invitation={i} /> },
              {
                title: t('common.actions'),
                render: (_, i) =>
                  i.status === 'PENDING' && (
                    <Button size="small" onClick={() => revoke.mutate(i.id)}>
                      {t('invitations.revoke')}
                    </Button>
                  ),
              },
            ]}
          />
          {alert}
        </Card>
      )}
      {team.data.myRole && (
        <Card title={t('team.history')}>
          <History teamId={id} />
        </Card>
      )}
    </Space>
  );
}
