import { Alert, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../api/useRoom';
import type { PanelSeat, RankingEntry, RoomBid, RoomSnapshot } from '../../api/room-types';
import { useClock } from '../../components/Countdown';
import { formatDuration } from '../../lib/format';
import { timeLeft } from '../../lib/room-state';
import { formatPoints } from '@app/domain/evaluation/scoring';

/** A panel seat as this viewer may name it: the judge's name, or 专家 A, B… where the panel is confidential (observers before finalisation). */
export function useSeatName(): (seat: PanelSeat) => string {
  const { t } = useTranslation();
  return (seat) => seat.displayName ?? t('room.seat', { label: seat.label });
}

/** A judge by user id (or seat label), named as `useSeatName` does. */
export function useJudgeName(room: RoomSnapshot): (judgeId: string) => string {
  const seatName = useSeatName();
  return (judgeId) => {
    const seat = room.panel.find((member) => member.userId === judgeId);
    return seat ? seatName(seat) : judgeId;
  };
}

/** The banner while the socket is down; the room resyncs by itself when it is back. */
export function ConnectionBanner({ connection }: { connection: Connection }) {
  const { t } = useTranslation();
  if (connection === 'live') return null;
  return <Alert type="warning" showIcon banner title={t(connection === 'offline' ? 'room.offline' : 'room.connecting')} data-testid="connection-banner" />;
}

/** The slot's countdown: counted locally from the last timer state (remainingMs when it was read). */
export function SlotTimer({ room, readAt }: { room: RoomSnapshot; readAt: number }) {
  const { t } = useTranslation();
  const now = useClock(500, Date.now);
  const left = timeLeft(room.timer, readAt, now);
  if (left === null || !room.timer) return <Typography.Text type="secondary">{t('room.noTimer')}</Typography.Text>;
  return (
    <Space className="nowrap">
      <Tag>{t(`room.phase.${room.timer.phase}`)}</Tag>
      <Typography.Text strong type={left < 60_000 ? 'danger' : undefined} className="slot-timer" data-testid="slot-timer">
        {formatDuration(left)}
      </Typography.Text>
      {!room.timer.running && <Tag>{t('room.paused')}</Tag>}
    </Space>
  );
}

export function Presenter({ room, readAt }: { room: RoomSnapshot; readAt: number }) {
  const { t } = useTranslation();
  const current = room.bids.find((bid) => bid.bidId === room.currentBidId);
  return (
    <div className="room-bar" data-testid="room-bar">
      <div className="room-bar-item">
        <Typography.Text type="secondary" className="room-bar-label">
          {t('room.status')}
        </Typography.Text>
        <Tag color="red" data-testid="room-status">
          {t(`room.statuses.${room.status}`)}
        </Tag>
      </div>
      <div className="room-bar-item room-bar-presenter">
        <Typography.Text type="secondary" className="room-bar-label">
          {t('room.presenting')}
        </Typography.Text>
        <Typography.Text strong data-testid="presenter">
          {current ? `${current.position}. ${current.teamName}` : '—'}
        </Typography.Text>
      </div>
      <div className="room-bar-item">
        <Typography.Text type="secondary" className="room-bar-label">
          {t('room.timer')}
        </Typography.Text>
        <SlotTimer room={room} readAt={readAt} />
      </div>
    </div>
  );
}

/** Judges × bids: who has scored (everyone), and the totals with outlier flags (the chair). */
export function ProgressGrid({ room }: { room: RoomSnapshot }) {
  const { t } = useTranslation();
  const judges = room.panel;
  const seatName = useSeatName();
  const totalOf = (bidId: string, judgeId: string) => room.aggregates?.find((a) => a.bidId === bidId)?.totals.find((x) => x.judgeId === judgeId)?.total;
  const flagged = (bidId: string, judgeId: string) => Boolean(room.aggregates?.find((a) => a.bidId === bidId)?.flags.some((f) => f.judgeId === judgeId));
  const cell = (bid: RoomBid, judgeId: string) => {
    if (bid.recusedJudgeIds.includes(judgeId)) return <Tag>{t('room.recused')}</Tag>;
    if (!bid.scoredBy.includes(judgeId)) return <Typography.Text type="secondary">·</Typography.Text>;
    const total = totalOf(bid.bidId, judgeId);
    if (total === undefined) return <Typography.Text type="success">✓</Typography.Text>;
    return flagged(bid.bidId, judgeId) ? (
      <Tooltip title={t('room.outlier')}>
        <Tag color="orange" data-testid="outlier">{`${formatPoints(total)} ⚑`}</Tag>
      </Tooltip>
    ) : (
      <Typography.Text>{formatPoints(total)}</Typography.Text>
    );
  };
  return (
    <Table<RoomBid>
      size="small"
      pagination={false}
      rowKey="bidId"
      dataSource={room.bids}
      data-testid="progress-grid"
      scroll={{ x: true }}
      columns={[
        { title: t('room.bid'), render: (_, bid) => `${bid.position}. ${bid.teamName}` },
        { title: t('room.slot'), className: 'nowrap', render: (_, bid) => <Tag>{t(`room.slots.${bid.state}`)}</Tag> },
        ...judges.map((judge) => ({
          title: seatName(judge) + (judge.chair ? ` (${t('room.chair')})` : ''),
          key: judge.userId,
          className: 'nowrap',
          render: (_: unknown, bid: RoomBid) => <span data-testid={`cell-${bid.position}-${judge.userId}`}>{cell(bid, judge.userId)}</span>,
        })),
        { title: t('room.scored'), className: 'nowrap', render: (_, bid) => `${bid.scoredBy.length} / ${bid.eligibleJudges}` },
        ...(room.aggregates
          ? [
              {
                title: t('room.panelScore'),
                key: 'panel',
                className: 'nowrap',
                render: (_: unknown, bid: RoomBid) => {
                  const score = room.aggregates?.find((a) => a.bidId === bid.bidId)?.panelScore;
                  return <Typography.Text strong>{score === null || score === undefined ? '—' : formatPoints(score)}</Typography.Text>;
                },
              },
            ]
          : []),
      ]}
    />
  );
}

export function RankingTable({ ranking }: { ranking: RankingEntry[] }) {
  const { t } = useTranslation();
  return (
    <Table<RankingEntry>
      size="small"
      pagination={false}
      rowKey="bidId"
      dataSource={ranking}
      data-testid="ranking"
      columns={[
        { title: t('room.rank'), dataIndex: 'rank' },
        { title: t('room.bid'), dataIndex: 'teamName' },
        { title: t('room.panelScore'), dataIndex: 'panelPoints', render: (points: string | null) => points ?? '—' },
        { title: t('room.eligible'), dataIndex: 'eligible', render: (eligible: boolean) => (eligible ? t('common.yes') : t('common.no')) },
        { title: t('room.awarded'), dataIndex: 'awarded', render: (awarded: boolean) => awarded && <Tag color="green">{t('room.winner')}</Tag> },
      ]}
    />
  );
}
