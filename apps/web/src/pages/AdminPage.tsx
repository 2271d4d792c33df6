import { Button, Space, Table, Tabs, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useChallengePages } from '../api/challenges';
import { api } from '../api/client';
import { useAction } from '../api/hooks';
import { useOrgs } from '../api/queries';
import type { ChallengeListItem, Organisation, OrgKind } from '../api/types';
import { ReviewActions } from '../components/ChallengePanels';
import { ErrorAlert } from '../components/ErrorAlert';
import { QueryTable } from '../components/QueryTable';
import { useLanguage } from '../i18n';
import { formatDateTime, formatFen } from '../lib/format';

const ExpertsTab = lazy(() => import('./admin/ExpertsTab'));
const RoomsTab = lazy(() => import('./admin/RoomsTab'));

function ReviewQueue() {
  const { t } = useTranslation();
  const language = useLanguage();
  const pages = useChallengePages({ status: 'SUBMITTED' });
  return (
    <>
      {pages.error && <ErrorAlert error={pages.error} onRetry={() => void pages.refetch()} />}
      <Table<ChallengeListItem>
        rowKey="id"
        pagination={false}
        loading={pages.isPending}
        dataSource={pages.data?.pages.flatMap((page) => page.items) ?? []}
        columns={[
          { title: t('editor.title'), render: (_, c) => <Link to={`/challenges/${c.id}`}>{c.title}</Link> },
          { title: t('org.name'), dataIndex: 'orgName' },
          { title: t('challenge.reward'), dataIndex: 'rewardFen', render: (fen: number) => formatFen(fen, language) },
          { title: t('challenge.closesAt'), dataIndex: 'closesAt', render: (at: string) => formatDateTime(at, language) },
          { title: t('common.actions'), render: (_, c) => <ReviewActions challenge={c} /> },
        ]}
      />
      {pages.hasNextPage && <Button onClick={() => void pages.fetchNextPage()}>{t('common.more')}</Button>}
    </>
  );
}

function Verification() {
  const { t } = useTranslation();
  const language = useLanguage();
  const verify = useAction((id: string) => api.post<Organisation>(`/api/orgs/${id}/verify`), { invalidate: [['orgs']], successText: t('admin.verifiedDone') });
  return (
    <QueryTable<Organisation>
      result={useOrgs({ verified: false })}
      rowKey="id"
      columns={[
        { title: t('org.name'), dataIndex: 'name' },
        { title: t('org.kind'), dataIndex: 'kind', render: (kind: OrgKind) => t(`orgKind.${kind}`) },
        { title: t('org.country'), dataIndex: 'country' },
        { title: t('org.creditCode'), dataIndex: 'creditCode' },
        { title: t('org.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at, language) },
        {
          title: t('common.actions'),
          render: (_, org) => (
            <Button type="primary" size="small" onClick={() => verify.mutate(org.id)} loading={verify.isPending && verify.variables === org.id}>
              {t('admin.verify')}
            </Button>
          ),
        },
      ]}
    />
  );
}

const TABS = ['review', 'orgs', 'experts', 'rooms'] as const;
type Tab = (typeof TABS)[number];

/** The bureau's desk: review queue, organisation verification, expert pool, evaluation rooms. */
export default function AdminPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'review';
  const content: Record<Tab, React.ReactNode> = {
    review: <ReviewQueue />,
    orgs: <Verification />,
    experts: <ExpertsTab />,
    rooms: <RoomsTab />,
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('admin.title')}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={TABS.map((key) => ({ key, label: t(`admin.tabs.${key}`), children: <Suspense>{content[key]}</Suspense> }))}
        destroyOnHidden
      />
    </Space>
  );
}
