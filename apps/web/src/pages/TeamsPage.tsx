import { Button, Card, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import { useAction } from '../api/hooks';
import { keys, useTeams } from '../api/queries';
import { TEAM_KINDS, type Team, type TeamKind, type TeamSummary } from '../api/types';
import { useAuth } from '../auth/AuthProvider';
import { useApiForm } from '../components/ErrorAlert';
import { QueryTable } from '../components/QueryTable';

interface NewTeam {
  name: string;
  kind: TeamKind;
  country: string;
  orgId?: string;
}

/** Signed in: the teams I belong to, and founding a new one (I become its lead). */
export default function TeamsPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const navigate = useNavigate();
  const teams = useTeams({ mine: true });
  const { form, report, reset, alert } = useApiForm<NewTeam>();
  const create = useAction((values: NewTeam) => api.post<Team>('/api/teams', values), {
    invalidate: [keys.teams({ mine: true })],
    onSuccess: (team) => {
      navigate(`/teams/${team.id}`);
    },
    onError: report,
  });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('team.title')}</Typography.Title>
      <QueryTable<TeamSummary>
        result={teams}
        rowKey="id"
        columns={[
          { title: t('team.name'), render: (_, team) => <Link to={`/teams/${team.id}`}>{team.name}</Link> },
          { title: t('team.kind'), dataIndex: 'kind', render: (kind: TeamKind) => t(`teamKind.${kind}`) },
          { title: t('org.country'), dataIndex: 'country' },
          { title: t('team.members'), dataIndex: 'memberCount' },
          { title: t('team.myRole'), dataIndex: 'myRole', render: (role: string | null) => role && <Tag>{t(`teamRole.${role as 'LEAD'}`)}</Tag> },
        ]}
      />
      <Card title={t('team.create')}>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'RESEARCH_GROUP', country: 'CN' }}
          onFinish={(values) => {
            reset();
            create.mutate(values);
          }}
        >
          <Form.Item name="name" label={t('team.name')} rules={[{ required: true, message: t('common.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('team.kind')}>
            <Select options={TEAM_KINDS.map((value) => ({ value, label: t(`teamKind.${value}`) }))} />
          </Form.Item>
          <Form.Item name="country" label={t('org.country')}>
            <Input maxLength={2} style={{ width: 80 }} />
          </Form.Item>
          <Form.Item name="orgId" label={t('team.org')} extra={t('team.orgHint')}>
            <Select allowClear options={(me?.organisations ?? []).map((org) => ({ value: org.orgId, label: org.name }))} />
          </Form.Item>
          {alert}
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('team.createButton')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
