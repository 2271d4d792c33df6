import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Space, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api } from '../api/client';
import type { Report, ReportScore, Verification } from '../api/types';
import { ErrorAlert, useNotifyError } from '../components/ErrorAlert';
import { useLanguage } from '../i18n';
import { formatDateTime } from '../lib/format';
import { RankingTable } from './room/RoomParts';

/** 评审报告: ranking, every judge's per-criterion scores, recusals, objections, the audit chain's verification, CSV. */
export default function ReportPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const notify = useNotifyError();
  const report = useQuery({ queryKey: ['report', id], queryFn: () => api.get<Report>(`/api/rooms/${id}/report`) });
  const verification = useQuery({ queryKey: ['report', id, 'verify'], queryFn: () => api.get<Verification>(`/api/rooms/${id}/audit/verify`) });
  const download = async () => {
    try {
      const csv = await api.get<string>(`/api/rooms/${id}/report?format=csv`);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      link.download = `report-${id}.csv`;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (error) {
      notify(error);
    }
  };
  if (report.error) return <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />;
  if (!report.data) return <Spin size="large" className="page-spin" />;
  const r = report.data;
  const bids = [...new Set(r.scores.map((row) => row.bidId))];
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space align="center" wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('report.title')}: {r.challenge.title}
        </Typography.Title>
        <Tag>{r.final ? t('report.final') : t('report.provisional')}</Tag>
        <Button onClick={() => void download()}>{t('report.csv')}</Button>
      </Space>
      <Card title={t('report.chain')}>
        {verification.data ? (
          <Tag color={verification.data.valid ? 'green' : 'red'} data-testid="chain-status">
            {verification.data.valid ? t('report.chainValid', { entries: verification.data.entries }) : t('report.chainBroken', { seq: verification.data.brokenAtSeq, reason: verification.data.reason })}
          </Tag>
        ) : (
          verification.error && <ErrorAlert error={verification.error} />
        )}
        <Typography.Paragraph className="block-gap">
          <Typography.Text code>{r.record.chainHead}</Typography.Text>
        </Typography.Paragraph>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          {Object.entries(r.timestamps).map(([key, at]) => (
            <Descriptions.Item key={key} label={key}>
              {at ? formatDateTime(at, language) : '—'}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
      <Card title={t('room.ranking')}>
        <RankingTable ranking={r.ranking} />
      </Card>
      {bids.map((bidId) => {
        const rows = r.scores.filter((row) => row.bidId === bidId);
        return (
          <Card key={bidId} title={`${t('report.matrix')}: ${rows[0]?.teamName}`}>
            <Table<ReportScore>
              size="small"
              pagination={false}
              rowKey="judgeId"
              dataSource={rows}
              columns={[
                { title: t('room.judge'), dataIndex: 'judgeName' },
                ...r.rubric.map((c) => ({
                  title: `${c.name} (${c.weight}%, /${c.maxScore})`,
                  key: c.key,
                  render: (_: unknown, row: ReportScore) => (row.recused ? <Tag>{t('room.recused')}</Tag> : (row.scores?.[c.key] ?? '—')),
                })),
                { title: t('scoring.total'), dataIndex: 'totalPoints', render: (points: string | null) => points ?? '—' },
                { title: t('room.comment'), dataIndex: 'comment' },
              ]}
            />
          </Card>
        );
      })}
      <Card title={t('report.recusals')}>
        <Table
          size="small"
          pagination={false}
          rowKey={(row) => `${row.judgeName}-${row.teamName}`}
          dataSource={r.recusals}
          columns={[
            { title: t('room.judge'), dataIndex: 'judgeName' },
            { title: t('room.bid'), dataIndex: 'teamName' },
            { title: t('report.automatic'), dataIndex: 'automatic', render: (automatic: boolean) => (automatic ? t('common.yes') : t('common.no')) },
            { title: t('common.reason'), dataIndex: 'reason' },
          ]}
        />
      </Card>
      <Card title={t('report.objections')}>
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={r.objections}
          columns={[
            { title: t('room.bid'), dataIndex: 'teamName' },
            { title: t('report.objection'), dataIndex: 'text' },
            { title: t('report.answer'), dataIndex: 'answer' },
          ]}
        />
      </Card>
    </Space>
  );
}
