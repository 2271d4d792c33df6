import { Button, Card, Form, Input, Select, Space, Spin, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api/client';
import { useAction } from '../../api/hooks';
import { useOrgs } from '../../api/queries';
import type { Expert, UserSummary } from '../../api/types';
import { useApiForm, useErrorText } from '../../components/ErrorAlert';
import { QueryTable } from '../../components/QueryTable';

interface NewExpert {
  userId: string;
  title: string;
  fields: string[];
  affiliationOrgId?: string;
  bio?: string;
}

export const useExperts = () => useQuery({ queryKey: ['experts'], queryFn: () => api.get<Expert[]>('/api/experts?limit=100') });

/** Waits until the search text has rested this long before asking the server. */
const SEARCH_DELAY_MS = 300;

function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

interface UserOption {
  value: string;
  label: string;
  disabled: boolean;
  user: UserSummary;
}

/** Finds a registered user by display name or email (GET /api/users, admins only); its value is the user's id. */
function UserPicker(props: { id?: string; value?: string; onChange?: (userId: string | undefined) => void; expertIds: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [search, setSearch] = useState('');
  // The chosen user stays shown after the search text (and with it the results) is cleared.
  const [chosen, setChosen] = useState<UserSummary | null>(null);
  const q = useSettled(search.trim(), SEARCH_DELAY_MS);
  const users = useQuery({
    queryKey: ['users', q],
    queryFn: () => api.get<UserSummary[]>(`/api/users${query({ q })}`),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
  const found = q.length > 0 ? (users.data ?? []) : [];
  const listed = chosen && chosen.id === props.value && !found.some((user) => user.id === chosen.id) ? [chosen, ...found] : found;
  const options: UserOption[] = listed.map((user) => ({
    value: user.id,
    label: `${user.displayName} · ${user.email}`,
    disabled: props.expertIds.has(user.id),
    user,
  }));
  const waiting = search.trim() !== q || users.isFetching;
  const empty = waiting ? <Spin size="small" /> : users.isError ? errorText(users.error) : q ? t('experts.noUserFound') : t('experts.userSearch');
  return (
    <Select<string, UserOption>
      id={props.id}
      value={props.value}
      allowClear
      placeholder={t('experts.userSearch')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={waiting && search.trim().length > 0}
      notFoundContent={empty}
      options={options}
      onChange={(userId) => {
        setChosen(options.find((option) => option.value === userId)?.user ?? null);
        props.onChange?.(userId);
      }}
      optionRender={({ data: { user } }) => (
        <Space orientation="vertical" size={0}>
          <span>
            {user.displayName} · {user.email}
            {props.expertIds.has(user.id) && <Tag style={{ marginInlineStart: 8 }}>{t('experts.alreadyExpert')}</Tag>}
          </span>
          {user.organisations.length > 0 && (
            <Typography.Text type="secondary">{user.organisations.map((org) => org.name).join(' · ')}</Typography.Text>
          )}
        </Space>
      )}
    />
  );
}

/** Bureau: the expert pool (each expert gets the judge role; the affiliation drives automatic recusal). */
export default function ExpertsTab() {
  const { t } = useTranslation();
  const experts = useExperts();
  const orgs = useOrgs({});
  const expertIds = new Set((experts.data ?? []).map((expert) => expert.userId));
  const { form, report, reset, alert } = useApiForm<NewExpert>();
  const add = useAction((values: NewExpert) => api.post<Expert>('/api/experts', values), {
    invalidate: [['experts'], ['users']],
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
          <Form.Item name="userId" label={t('experts.user')} rules={[{ required: true, message: t('common.required') }]}>
            <UserPicker expertIds={expertIds} />
          </Form.Item>
          <Form.Item name="title" label={t('experts.title')} rules={[{ required: true, message: t('common.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="fields" label={t('experts.fields')} extra={t('experts.fieldsHint')} rules={[{ required: true, message: t('common.required') }]}>
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
