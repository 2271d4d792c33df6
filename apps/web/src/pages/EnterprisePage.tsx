import { Button, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useChallengePages } from '../api/challenges';
import type { ChallengeListItem, ChallengeStatus } from '../api/types';
import { useAuth } from '../auth/AuthProvider';
import { StatusTag, VerifiedTag } from '../components/ChallengeTags';
import { ErrorAlert } from '../components/ErrorAlert';
import { useLanguage } from '../i18n';
import { formatDateTime, formatFen } from '../lib/format';

/** Enterprise: my organisations' challenges in every status, with what can be done next. */
export default function EnterprisePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { me } = useAuth();
  const pages = useChallengePages({ mine: true });
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const enterprises = (me?.organisations ?? []).filter((org) => org.kind === 'ENTERPRISE');
  const canPost = enterprises.some((org) => org.verified);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space align="center" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('nav.myChallenges')}
        </Typography.Title>
        <Link to="/enterprise/challenges/new">
          <Button type="primary" disabled={!canPost}>
            {t('enterprise.new')}
          </Button>
        </Link>
      </Space>
      <Space wrap>
        {enterprises.map((org) => (
          <span key={org.orgId}>
            {org.name} <VerifiedTag verified={org.verified} />
          </span>
        ))}
      </Space>
      {!canPost && <Typography.Text type="warning">{t('enterprise.needsVerification')}</Typography.Text>}
      {pages.error && <ErrorAlert error={pages.error} onRetry={() => void pages.refetch()} />}
      <Table<ChallengeListItem>
        rowKey="id"
        loading={pages.isPending}
        dataSource={items}
        pagination={false}
        columns={[
          { title: t('editor.title'), render: (_, c) => <Link to={`/challenges/${c.id}`}>{c.title}</Link> },
          { title: t('list.status'), dataIndex: 'status', render: (status: ChallengeStatus) => <StatusTag status={status} /> },
          { title: t('enterprise.version'), dataIndex: 'version' },
          { title: t('challenge.reward'), dataIndex: 'rewardFen', render: (fen: number) => formatFen(fen, language) },
          { title: t('challenge.closesAt'), dataIndex: 'closesAt', render: (at: string) => formatDateTime(at, language) },
          {
            title: t('common.actions'),
            render: (_, c) => (
              <Space>
                {(c.status === 'DRAFT' || c.status === 'REJECTED') && <Link to={`/enterprise/challenges/${c.id}/edit`}>{t('enterprise.edit')}</Link>}
                {c.status === 'PUBLISHED' && <Link to={`/enterprise/challenges/${c.id}/amend`}>{t('enterprise.amend')}</Link>}
              </Space>
            ),
          },
        ]}
      />
      {pages.hasNextPage && (
        <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
          {t('common.more')}
        </Button>
      )}
    </Space>
  );
}
