import { Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Milestone } from '../api/types';
import { useLanguage } from '../i18n';
import { formatFen } from '../lib/format';
import { SafeMarkdown } from './SafeMarkdown';

export interface BidContentProps {
  /** null while the price envelope is sealed. */
  quotedPriceFen: number | null;
  durationDays: number;
  technicalApproach: string;
  proposal: string;
  milestones: Milestone[];
  keyPersonnel?: { userId: string; displayName: string }[];
}

/** A bid's terms as the team wrote them: price, duration, approach, the proposal as Markdown, milestones with shares and due days. */
export function BidContent({ quotedPriceFen, durationDays, technicalApproach, proposal, milestones, keyPersonnel }: BidContentProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <Descriptions column={1} size="small" className="bid-terms">
        <Descriptions.Item label={t('bid.price')}>
          <span data-testid="bid-price">{quotedPriceFen === null ? <Typography.Text type="secondary">{t('room.priceSealed')}</Typography.Text> : formatFen(quotedPriceFen, language)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('bid.duration')}>{`${durationDays} ${t('bid.days')}`}</Descriptions.Item>
        {keyPersonnel && <Descriptions.Item label={t('bid.personnel')}>{keyPersonnel.map((person) => person.displayName).join('、')}</Descriptions.Item>}
        <Descriptions.Item label={t('bid.approach')}>
          <span className="pre-wrap">{technicalApproach}</span>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('bid.proposal')}</Typography.Title>
      <SafeMarkdown text={proposal} />
      <Typography.Title level={5}>{t('bid.milestones')}</Typography.Title>
      <Table<Milestone>
        size="small"
        pagination={false}
        rowKey="title"
        dataSource={milestones}
        scroll={{ x: true }}
        columns={[
          { title: t('bid.milestone'), dataIndex: 'title' },
          { title: t('bid.dueDay'), dataIndex: 'dueDay', className: 'nowrap' },
          { title: t('bid.deliverable'), dataIndex: 'deliverable' },
          { title: t('bid.share'), dataIndex: 'paymentBasisPoints', className: 'nowrap', render: (bp: number) => `${(bp / 100).toFixed(2)}%` },
        ]}
      />
    </>
  );
}
