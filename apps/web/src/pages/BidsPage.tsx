import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMyBids } from '../api/queries';
import type { BidSummary } from '../api/types';
import { BidStatusTag, Hash } from '../components/BidBits';
import { QueryTable } from '../components/QueryTable';
import { useLanguage } from '../i18n';
import { formatDateTime, formatFen } from '../lib/format';

/** Team members: the bids of my teams with their latest receipts. */
export default function BidsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('nav.bids')}</Typography.Title>
      <QueryTable<BidSummary>
        result={useMyBids()}
        rowKey="id"
        columns={[
          { title: t('bid.challenge'), render: (_, bid) => <Link to={`/bids/${bid.id}`}>{bid.challengeTitle}</Link> },
          { title: t('bid.team'), dataIndex: 'teamName' },
          { title: t('bid.status'), dataIndex: 'status', render: (status: BidSummary['status']) => <BidStatusTag status={status} /> },
          { title: t('bid.price'), dataIndex: 'quotedPriceFen', render: (fen: number) => formatFen(fen, language) },
          { title: t('bid.revision'), render: (_, bid) => bid.receipt.revision },
          { title: t('bid.receipt'), render: (_, bid) => <Hash value={bid.receipt.contentHash} /> },
          { title: t('bid.receivedAt'), render: (_, bid) => formatDateTime(bid.receipt.receivedAt, language) },
        ]}
      />
    </Space>
  );
}
