import { Button, Card, Col, Popconfirm, Row, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { RoomBid, RoomCommandName, RoomSnapshot } from '../../api/room-types';
import type { Leniency } from '../../api/types';
import type { RoomSend } from '../../api/useRoom';
import { refusalOf } from '../../api/useScoreSubmission';
import { useNotifyError } from '../../components/ErrorAlert';
import { ReasonButton } from '../../components/ReasonButton';
import { ProgressGrid, RankingTable } from './RoomParts';

const RankingChart = lazy(() => import('../../components/RankingChart'));

/** Runs a chair command and shows a refusal (its code and message) as a toast. */
function useCommand(send: RoomSend) {
  const notify = useNotifyError();
  const [busy, setBusy] = useState<RoomCommandName | null>(null);
  const run = async (command: RoomCommandName, payload: Record<string, unknown> = {}) => {
    setBusy(command);
    try {
      const ack = await send(command, { ...payload, opId: crypto.randomUUID() });
      if (!ack.ok) notify(refusalOf(ack));
    } catch (error) {
      notify(error);
    } finally {
      setBusy(null);
    }
  };
  return { run, busy };
}

function LeniencyTable({ room }: { room: RoomSnapshot }) {
  const { t } = useTranslation();
  const leniency = useQuery({
    queryKey: ['leniency', room.roomId, room.version],
    queryFn: () => api.get<Leniency>(`/api/rooms/${room.roomId}/leniency`),
    enabled: room.status !== 'CONVENED',
  });
  const name = (judgeId: string) => room.panel.find((judge) => judge.userId === judgeId)?.displayName ?? judgeId;
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="judgeId"
      loading={leniency.isFetching && !leniency.data}
      dataSource={leniency.data?.judges ?? []}
      columns={[
        { title: t('room.judge'), dataIndex: 'judgeId', render: name },
        { title: t('room.meanPoints'), dataIndex: 'meanPoints', render: (value: number) => value.toFixed(2) },
        { title: t('room.meanZ'), dataIndex: 'panelZ', render: (value: number | null) => (value === null ? '—' : value.toFixed(2)) },
        { title: t('room.bidsCompared'), dataIndex: 'bidsCompared' },
      ]}
    />
  );
}

/** The chair's console: open, present, time, lock, watch the panel live, reveal, finalise. */
export function ChairView({ room, send }: { room: RoomSnapshot; send: RoomSend }) {
  const { t } = useTranslation();
  const { run, busy } = useCommand(send);
  const allLocked = room.bids.every((bid) => bid.state === 'LOCKED');
  const bars = room.bids.map((bid) => {
    const score = room.aggregates?.find((a) => a.bidId === bid.bidId)?.panelScore;
    return { name: bid.teamName, value: score === null || score === undefined ? null : score / 100, highlight: bid.bidId === room.currentBidId };
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('room.controls')}>
        <Space wrap>
          {room.status === 'CONVENED' && (
            <Button type="primary" loading={busy === 'room:open'} onClick={() => void run('room:open')}>
              {t('room.open')}
            </Button>
          )}
          {room.status === 'OPEN' && room.timer && (
            <>
              <Button onClick={() => void run('timer:start', { phase: 'PRESENTATION' })} disabled={room.timer.running}>
                {t('room.startPresentation')}
              </Button>
              <Button onClick={() => void run('timer:start', { phase: 'QA' })} disabled={room.timer.running}>
                {t('room.startQa')}
              </Button>
              <Button onClick={() => void run('timer:pause')} disabled={!room.timer.running}>
                {t('room.pause')}
              </Button>
            </>
          )}
          {room.status === 'OPEN' && (
            <Popconfirm title={t('room.revealConfirm')} onConfirm={() => void run('room:reveal')} disabled={!allLocked}>
              <Button type="primary" disabled={!allLocked}>
                {t('room.reveal')}
              </Button>
            </Popconfirm>
          )}
          {room.status === 'REVEALED' && (
            <Popconfirm title={t('room.finalizeConfirm')} onConfirm={() => void run('room:finalize')}>
              <Button type="primary" danger>
                {t('room.finalize')}
              </Button>
            </Popconfirm>
          )}
          <Tag>{t('room.objectionStatus', { filed: room.objections.filed, open: room.objections.open })}</Tag>
          <Link to={`/rooms/${room.roomId}/report`}>{t('room.report')}</Link>
        </Space>
        {room.status === 'CONVENED' && (
          <Typography.Paragraph type="secondary" className="block-gap">
            {t('room.declaredCount', { declared: room.panel.filter((judge) => judge.declared).length, total: room.panel.length })}
          </Typography.Paragraph>
        )}
      </Card>
      <Card title={t('room.bids')}>
        <Table<RoomBid>
          size="small"
          pagination={false}
          rowKey="bidId"
          dataSource={room.bids}
          columns={[
            { title: t('room.bid'), render: (_, bid) => `${bid.position}. ${bid.teamName}` },
            { title: t('room.slot'), render: (_, bid) => <Tag>{t(`room.slots.${bid.state}`)}</Tag> },
            { title: t('room.minutes'), render: (_, bid) => `${bid.presentationMinutes} + ${bid.qaMinutes}` },
            {
              title: t('common.actions'),
              render: (_, bid) =>
                room.status === 'OPEN' && (
                  <Space>
                    {bid.state !== 'LOCKED' && bid.bidId !== room.currentBidId && (
                      <Button size="small" onClick={() => void run('room:present', { bidId: bid.bidId })}>
                        {t('room.present')}
                      </Button>
                    )}
                    {bid.state === 'PRESENTING' && (
                      <Button size="small" onClick={() => void run('bid:lock', { bidId: bid.bidId })}>
                        {t('room.lock')}
                      </Button>
                    )}
                    {bid.state === 'LOCKED' && (
                      <ReasonButton size="small" title={t('room.unlockTitle')} onConfirm={(reason) => run('bid:unlock', { bidId: bid.bidId, reason })}>
                        {t('room.unlock')}
                      </ReasonButton>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <Card title={t('room.progress')}>
        <ProgressGrid room={room} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('room.chart')}>
            <Suspense>
              <RankingChart bars={bars} passMark={room.passMark} />
            </Suspense>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('room.leniency')}>
            <LeniencyTable room={room} />
          </Card>
        </Col>
      </Row>
      {room.ranking && (
        <Card title={t('room.ranking')}>
          <RankingTable ranking={room.ranking} />
        </Card>
      )}
    </Space>
  );
}
