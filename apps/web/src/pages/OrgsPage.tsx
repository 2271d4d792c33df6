import { Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import { useAction } from '../api/hooks';
import { keys, useOrgs } from '../api/queries';
import { ORG_KINDS, type Organisation, type OrgKind } from '../api/types';
import { VerifiedTag } from '../components/ChallengeTags';
import { useApiForm } from '../components/ErrorAlert';
import { QueryTable } from '../components/QueryTable';
import { useLanguage } from '../i18n';
import { formatDateTime } from '../lib/format';

interface NewOrg {
  name: string;
  kind: OrgKind;
  country: string;
  creditCode?: string;
}

/** Signed in: my organisations with their verification status, and registering a new one. */
export default function OrgsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const orgs = useOrgs({ mine: true });
  const { form, report, reset, alert } = useApiForm<NewOrg>();
  const create = useAction((values: NewOrg) => api.post<Organisation>('/api/orgs', { ...values, creditCode: values.creditCode || undefined }), {
    invalidate: [keys.orgs({ mine: true }), ['me']],
    successText: t('org.created'),
    onSuccess: () => form.resetFields(),
    onError: report,
  });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('org.title')}</Typography.Title>
      <QueryTable<Organisation>
        result={orgs}
        rowKey="id"
        columns={[
          { title: t('org.name'), dataIndex: 'name', render: (name: string, org) => <Link to={`/orgs/${org.id}`}>{name}</Link> },
          { title: t('org.kind'), dataIndex: 'kind', render: (kind: OrgKind) => t(`orgKind.${kind}`) },
          { title: t('org.country'), dataIndex: 'country' },
          { title: t('org.creditCode'), dataIndex: 'creditCode' },
          { title: t('org.status'), render: (_, org) => <VerifiedTag verified={org.verified} /> },
          { title: t('org.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at, language) },
        ]}
      />
      <Card title={t('org.register')}>
        <Typography.Paragraph type="secondary">{t('org.registerHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ kind: 'ENTERPRISE', country: 'CN' }} onFinish={(values) => {
            reset();
            create.mutate(values);
          }}>
          <Form.Item name="name" label={t('org.name')} rules={[{ required: true, message: t('common.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('org.kind')}>
            <Select options={ORG_KINDS.map((value) => ({ value, label: t(`orgKind.${value}`) }))} />
          </Form.Item>
          <Form.Item name="country" label={t('org.country')}>
            <Input maxLength={2} style={{ width: 80 }} />
          </Form.Item>
          <Form.Item name="creditCode" label={t('org.creditCode')} extra={t('org.creditCodeHint')}>
            <Input />
          </Form.Item>
          {alert}
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('org.registerButton')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
