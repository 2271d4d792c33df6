import { Alert, Button, Card, Col, Popconfirm, Row, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { RoomBid, RoomCommandName, RoomSnapshot } from '../../api/room-types';
import type { Declaration, Leniency } from '../../api/types';
import type { RoomSend } from '../../api/useRoom';
import { refusalOf } from '../../api/useScoreSubmission';
import { useAuth } from '../../auth/AuthProvider';
import { useClock } from '../../components/Countdown';
import { useNotifyError } from '../../components/ErrorAlert';
import { ReasonButton } from '../../components/ReasonButton';
import { formatDuration } from '../../lib/format';
import { pricesSealed } from '@app/domain/evaluation/envelopes';
import { ProgressGrid, RankingTable, useJudgeName, useSeatName } from './RoomParts';
import { ScoringDesk } from './ScoringDesk';

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
  const name = useJudgeName(room);
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

/** Locking asks first, naming the panel members who have not scored the bid. */
function LockButton({ room, bid, onLock }: { room: RoomSnapshot; bid: RoomBid; onLock: () => void }) {
  const { t } = useTranslation();
  const seatName = useSeatName();
  const missing = room.panel.filter((judge) => !bid.recusedJudgeIds.includes(judge.userId) && !bid.scoredBy.includes(judge.userId));
  return (
    <Popconfirm
      title={missing.length > 0 ? t('room.lockMissing', { names: missing.map(seatName).join('、') }) : t('room.lockAll')}
      onConfirm={onLock}
    >
      <Button size="small">{t('room.lock')}</Button>
    </Popconfirm>
  );
}

/** Finalising waits for the 公示: disabled, with the reason and the window's countdown, until it is over and every objection answered. */
function FinalizeButton({ room, onFinalize }: { room: RoomSnapshot; onFinalize: () => void }) {
  const { t } = useTranslation();
  const now = useClock();
  const endsAt = room.objectionWindowEndsAt === null ? null : Date.parse(room.objectionWindowEndsAt);
  const windowLeft = endsAt === null ? 0 : endsAt - now;
  const reason =
    windowLeft > 0
      ? t('room.finalizeAfterWindow', { left: formatDuration(windowLeft) })
      : room.objections.open > 0
        ? t('room.finalizeAfterObjections', { open: room.objections.open })
        : null;
  return (
    <Space>
      <Popconfirm title={t('room.finalizeConfirm')} onConfirm={onFinalize} disabled={reason !== null}>
        <Button type="primary" danger disabled={reason !== null}>
          {t('room.finalize')}
        </Button>
      </Popconfirm>
      {reason && (
        <Typography.Text type="secondary" className="nowrap" data-testid="finalize-reason">
          {reason}
        </Typography.Text>
      )}
    </Space>
  );
}

/** Bids whose locked result still holds the score of a judge recused since (Conflicts stay live): for the bureau to decide. */
function FlaggedBids({ room }: { room: RoomSnapshot }) {
  const { t } = useTranslation();
  const judge = useJudgeName(room);
  const bid = (id: string) => room.bids.find((candidate) => candidate.bidId === id);
  return (
    <Alert
      type="error"
      showIcon
      data-testid="flagged-bids"
      title={t('room.flaggedTitle')}
      description={(room.flagged ?? []).map((flag) => (
        <div key={flag.bidId}>{t('room.flaggedBid', { bid: bid(flag.bidId) ? `${bid(flag.bidId)?.position}. ${bid(flag.bidId)?.teamName}` : flag.bidId, judges: flag.judgeIds.map(judge).join('、') })}</div>
      ))}
    />
  );
}

/** Every conflict on record (the platform's automatic recusals and the judges' own declarations), as declared. */
function DeclarationsTable({ room }: { room: RoomSnapshot }) {
  const { t } = useTranslation();
  // Read again when a declaration or a recusal changes (not on every score: they leave declarations as they are).
  const declared = room.panel.map((seat) => seat.declared).join() + room.bids.map((bid) => bid.recusedJudgeIds.join()).join(';');
  const declarations = useQuery({
    queryKey: ['declarations', room.roomId, declared],
    queryFn: () => api.get<Declaration[]>(`/api/rooms/${room.roomId}/declarations`),
  });
  const judge = useJudgeName(room);
  const bid = (id: string) => room.bids.find((candidate) => candidate.bidId === id);
  return (
    <Table<Declaration>
      size="small"
      pagination={false}
      rowKey={(d) => `${d.judgeId}:${d.bidId}`}
      loading={declarations.isFetching && !declarations.data}
      dataSource={(declarations.data ?? []).filter((d) => d.conflict)}
      locale={{ emptyText: t('room.noConflicts') }}
      data-testid="declared-conflicts"
      columns={[
        { title: t('room.judge'), render: (_, d) => judge(d.judgeId) },
        { title: t('room.bid'), render: (_, d) => { const b = bid(d.bidId); return b ? `${b.position}. ${b.teamName}` : d.bidId; } },
        { title: t('room.conflict'), render: (_, d) => (d.automatic ? <Tooltip title={d.reason}><Tag>{t('room.recusedAutomatically')}</Tag></Tooltip> : <Tag color="orange">{t('room.declaredConflict')}</Tag>) },
        { title: t('common.reason'), dataIndex: 'reason' },
      ]}
    />
  );
}

/** The chair's console: open, present, time, lock, watch the panel live, reveal, finalise. */
export function ChairView({ room, send }: { room: RoomSnapshot; send: RoomSend }) {
  const { t } = useTranslation();
  const { run, busy } = useCommand(send);
  const { me } = useAuth();
  const allLocked = room.bids.every((bid) => bid.state === 'LOCKED');
  const sealed = pricesSealed(room);
  const { bids, aggregates, currentBidId } = room;
  const bars = useMemo(
    () =>
      bids.map((bid) => {
        const score = aggregates?.find((a) => a.bidId === bid.bidId)?.panelScore;
        return { name: `${bid.position}. ${bid.teamName}`, value: score === null || score === undefined ? null : score / 100, highlight: bid.bidId === currentBidId };
      }),
    [bids, aggregates, currentBidId],
  );
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
          {room.status === 'OPEN' && sealed && (
            <Popconfirm title={t('room.openPricesConfirm')} onConfirm={() => void run('prices:open')} disabled={!allLocked}>
              <Button type="primary" disabled={!allLocked} loading={busy === 'prices:open'}>
                {t('room.openPrices')}
              </Button>
            </Popconfirm>
          )}
          {room.status === 'OPEN' && (
            <Popconfirm title={t('room.revealConfirm')} onConfirm={() => void run('room:reveal')} disabled={!allLocked || sealed}>
              <Button type="primary" disabled={!allLocked || sealed}>
                {t('room.reveal')}
              </Button>
            </Popconfirm>
          )}
          {room.envelopes === 'TWO' && (
            <Tag color={sealed ? 'gold' : 'green'} data-testid="envelope-phase">
              {t(sealed ? 'room.envelopeTechnical' : 'room.envelopePricesOpen', { scoring: t(`convene.priceScorings.${room.priceScoring ?? 'FORMULA'}`) })}
            </Tag>
          )}
          {room.status === 'REVEALED' && <FinalizeButton room={room} onFinalize={() => void run('room:finalize')} />}
          <Tag>{t('room.objectionStatus', { filed: room.objections.filed, open: room.objections.open })}</Tag>
          <Link to={`/rooms/${room.roomId}/report`}>{t('room.report')}</Link>
          <Link to={`/rooms/${room.roomId}/screen`} target="_blank">
            {t('room.hallScreen')}
          </Link>
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
                    {bid.state === 'PRESENTING' && <LockButton room={room} bid={bid} onLock={() => void run('bid:lock', { bidId: bid.bidId })} />}
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
      {(room.flagged ?? []).length > 0 && <FlaggedBids room={room} />}
      {room.myScores !== undefined && me && room.status !== 'CONVENED' && (
        <Card title={t('room.mySheet')} data-testid="chair-sheet">
          <ScoringDesk room={room} send={send} judgeId={me.id} />
        </Card>
      )}
      <Card title={t('room.progress')}>
        <ProgressGrid room={room} />
      </Card>
      <Card title={t('room.declarations')}>
        <DeclarationsTable room={room} />
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
