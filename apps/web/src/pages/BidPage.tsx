import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, List, Popconfirm, Space, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useChallenge } from '../api/challenges';
import { api } from '../api/client';
import { useAction } from '../api/hooks';
import { keys, useBid, useBidRevisions } from '../api/queries';
import type { Bid, BidFeedback, BidRevision } from '../api/types';
import { BidContent } from '../components/BidContent';
import { BidStatusTag, Hash } from '../components/BidBits';
import { ErrorAlert } from '../components/ErrorAlert';
import { QueryTable } from '../components/QueryTable';
import { useLanguage } from '../i18n';
import { formatDateTime } from '../lib/format';

function Revisions({ bidId }: { bidId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <QueryTable<BidRevision>
      result={useBidRevisions(bidId)}
      rowKey="revision"
      columns={[
        { title: t('bid.revision'), dataIndex: 'revision' },
        { title: t('bid.receivedAt'), dataIndex: 'receivedAt', render: (at: string) => formatDateTime(at, language) },
        { title: t('bid.receipt'), dataIndex: 'contentHash', render: (hash: string) => <Hash value={hash} /> },
      ]}
    />
  );
}

/** After finalisation: the team's own scorecard (panel averages per criterion, rank, anonymous comments). */
function Feedback({ bidId }: { bidId: string }) {
  const { t } = useTranslation();
  const feedback = useQuery({ queryKey: [...keys.bid(bidId), 'feedback'], queryFn: () => api.get<BidFeedback>(`/api/bids/${bidId}/feedback`) });
  if (feedback.error) return <ErrorAlert error={feedback.error} onRetry={() => void feedback.refetch()} />;
  if (!feedback.data) return <Spin />;
  const f = feedback.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="feedback">
      <Descriptions column={{ xs: 1, md: 3 }} size="small">
        <Descriptions.Item label={t('room.rank')}>{t('feedback.rankOf', { rank: f.rank, of: f.of })}</Descriptions.Item>
        <Descriptions.Item label={t('room.panelScore')}>{f.panelPoints ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('room.awarded')}>
          {f.awarded ? <Tag color="green">{t('room.winner')}</Tag> : <Tag>{f.eligible ? t('feedback.notAwarded') : t('feedback.belowPassMark')}</Tag>}
        </Descriptions.Item>
      </Descriptions>
      <Table<BidFeedback['criteria'][number]>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={f.criteria}
        columns={[
          { title: t('rubric.name'), dataIndex: 'name' },
          { title: t('feedback.average', { judges: f.judges }), render: (_, c) => (c.average === null ? '—' : `${c.average.toFixed(2)} / ${c.maxScore}`) },
        ]}
      />
      <List size="small" header={t('feedback.comments')} locale={{ emptyText: t('feedback.noComments') }} dataSource={f.comments} renderItem={(comment) => <List.Item className="pre-wrap">{comment}</List.Item>} />
    </Space>
  );
}

/** A bid of my team: its terms, the latest receipt, every revision's hash; revise or withdraw while bidding is open. */
export default function BidPage() {
  const { bidId = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const bid = useBid(bidId);
  const challenge = useChallenge(bid.data?.challengeId ?? '', Boolean(bid.data));
  const withdraw = useAction(() => api.post<Bid>(`/api/bids/${bidId}/withdraw`), { invalidate: [keys.bid(bidId), keys.bids], successText: t('bid.withdrawn') });
  if (bid.error) return <ErrorAlert error={bid.error} onRetry={() => void bid.refetch()} />;
  if (!bid.data) return <Spin size="large" className="page-spin" />;
  const b = bid.data;
  const open = Boolean(challenge.data?.biddingOpen);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space align="center" wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {challenge.data ? <Link to={`/challenges/${b.challengeId}`}>{challenge.data.title}</Link> : t('bid.title')}
        </Typography.Title>
        <BidStatusTag status={b.status} />
      </Space>
      <Card
        title={t('bid.receiptTitle')}
        extra={
          open && (
            <Space>
              <Link to={`/bids/${b.id}/revise`}>
                <Button>{b.status === 'WITHDRAWN' ? t('bid.resubmit') : t('bid.revise')}</Button>
              </Link>
              {b.status === 'SUBMITTED' && (
                <Popconfirm title={t('bid.withdrawConfirm')} onConfirm={() => withdraw.mutate(undefined)}>
                  <Button danger loading={withdraw.isPending}>
                    {t('bid.withdraw')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          )
        }
      >
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('bid.team')}>{b.teamName}</Descriptions.Item>
          <Descriptions.Item label={t('bid.revision')}>{b.receipt.revision}</Descriptions.Item>
          <Descriptions.Item label={t('bid.receivedAt')}>{formatDateTime(b.receipt.receivedAt, language)}</Descriptions.Item>
          <Descriptions.Item label={t('bid.receipt')}>
            <Typography.Text code copyable data-testid="receipt-hash">
              {b.receipt.contentHash}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('bid.terms')}>
        <BidContent {...b} />
      </Card>
      {(b.status === 'AWARDED' || b.status === 'NOT_AWARDED') && (
        <Card title={t('feedback.title')}>
          <Feedback bidId={b.id} />
        </Card>
      )}
      <Card title={t('bid.revisions')}>
        <Revisions bidId={b.id} />
      </Card>
    </Space>
  );
}
