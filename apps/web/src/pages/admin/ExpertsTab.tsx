import { Button, Card, Form, Input, Select, Space, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction } from '../../api/hooks';
import { useOrgs } from '../../api/queries';
import type { Expert } from '../../api/types';
import { useApiForm } from '../../components/ErrorAlert';
import { QueryTable } from '../../components/QueryTable';

interface NewExpert {
  userId: string;
  title: string;
  fields: string[];
  affiliationOrgId?: string;
  bio?: string;
}

export const useExperts = () => useQuery({ queryKey: ['experts'], queryFn: () => api.get<Expert[]>('/api/experts?limit=100') });

/** Bureau: the expert pool (each expert gets the judge role; the affiliation drives automatic recusal). */
export default function ExpertsTab() {
  const { t } = useTranslation();
  const experts = useExperts();
  const orgs = useOrgs({});
  const { form, report, reset, alert } = useApiForm<NewExpert>();
  const add = useAction((values: NewExpert) => api.post<Expert>('/api/experts', values), {
    invalidate: [['experts']],
    successText: t('experts.added'),
    onSuccess: () => form.resetFields(),
    onError: report,
  });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <QueryTable<Expert>
        result={experts}
        rowKey="userId"
        columns={[
          { title: t('experts.name'), dataIndex: 'displayName' },
          { title: t('auth.email'), dataIndex: 'email' },
          { title: t('experts.title'), dataIndex: 'title' },
          { title: t('experts.fields'), dataIndex: 'fields', render: (fields: string[]) => fields.map((field) => <Tag key={field}>{field}</Tag>) },
          { title: t('experts.affiliation'), render: (_, expert) => expert.affiliation?.name ?? '—' },
        ]}
      />
      <Card title={t('experts.add')}>
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => {
            reset();
            add.mutate(values);
          }}
        >
          <Form.Item name="userId" label={t('experts.userId')} extra={t('experts.userIdHint')} rules={[{ required: true, message: t('common.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="title" label={t('experts.title')} rules={[{ required: true, message: t('common.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="fields" label={t('experts.fields')}>
            <Select mode="tags" open={false} />
          </Form.Item>
          <Form.Item name="affiliationOrgId" label={t('experts.affiliation')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(orgs.data ?? []).map((org) => ({ value: org.id, label: org.name }))} />
          </Form.Item>
          <Form.Item name="bio" label={t('experts.bio')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          {alert}
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t('experts.addButton')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
