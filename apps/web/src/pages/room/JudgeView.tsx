import { Alert, Button, Card, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction } from '../../api/hooks';
import type { RoomBid, RoomSnapshot } from '../../api/room-types';
import type { RoomSend } from '../../api/useRoom';
import { useScoreSubmission, type SubmissionState } from '../../api/useScoreSubmission';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScoreSheet } from '../../components/ScoreSheet';
import { isComplete, type Scores } from '../../lib/scoring';


interface Declaration {
  bidId: string;
  conflict: boolean;
  reason?: string;
}

/** Before the room opens: a conflict declaration per bid (automatic recusals are already there). */
function Declarations({ room }: { room: RoomSnapshot }) {
  const { t } = useTranslation();
  const recused = new Set(room.myRecusals ?? []);
  const [answers, setAnswers] = useState<Record<string, Declaration>>({});
  const declare = useAction((declarations: Declaration[]) => api.post(`/api/rooms/${room.roomId}/declarations`, { declarations }), { successText: t('room.declared') });
  const open = room.bids.filter((bid) => !recused.has(bid.bidId));
  const ready = open.every((bid) => answers[bid.bidId] && (!answers[bid.bidId].conflict || answers[bid.bidId].reason?.trim()));
  return (
    <Card title={t('room.declarations')}>
      <Typography.Paragraph type="secondary">{t('room.declarationsHint')}</Typography.Paragraph>
      <Table<RoomBid>
        size="small"
        pagination={false}
        rowKey="bidId"
        dataSource={room.bids}
        columns={[
          { title: t('room.bid'), render: (_, bid) => `${bid.position}. ${bid.teamName}` },
          {
            title: t('room.conflict'),
            render: (_, bid) =>
              recused.has(bid.bidId) ? (
                <Tag>{t('room.recusedAutomatically')}</Tag>
              ) : (
                <Space>
                  <Radio.Group
                    value={answers[bid.bidId]?.conflict}
                    onChange={(event) => setAnswers({ ...answers, [bid.bidId]: { bidId: bid.bidId, conflict: event.target.value as boolean } })}
                    options={[
                      { value: false, label: t('room.noConflict') },
                      { value: true, label: t('room.hasConflict') },
                    ]}
                  />
                  {answers[bid.bidId]?.conflict && (
                    <Input
                      placeholder={t('common.reason')}
                      onChange={(event) => setAnswers({ ...answers, [bid.bidId]: { ...answers[bid.bidId], reason: event.target.value } })}
                    />
                  )}
                </Space>
              ),
          },
        ]}
      />
      <Button type="primary" className="block-gap" disabled={!ready} loading={declare.isPending} onClick={() => declare.mutate(Object.values(answers))}>
        {t('room.declare')}
      </Button>
    </Card>
  );
}

const STATE_COLOURS: Record<SubmissionState, string> = { idle: 'default', saving: 'processing', saved: 'success', retrying: 'warning', refused: 'error' };

/** The live scoring of one bid: a control per criterion, the running total, and the submission's state. */
function Scoring({ room, bid, send }: { room: RoomSnapshot; bid: RoomBid; send: RoomSend }) {
  const { t } = useTranslation();
  const mine = room.myScores?.find((score) => score.bidId === bid.bidId);
  const [scores, setScores] = useState<Scores>(mine?.scores ?? {});
  const [comment, setComment] = useState(mine?.comment ?? '');
  const submission = useScoreSubmission(send);
  const locked = bid.state === 'LOCKED';
  return (
    <Card
      title={`${t('room.scoring')}: ${bid.position}. ${bid.teamName}`}
      extra={
        <Tag color={STATE_COLOURS[submission.state]} data-testid="submission-state">
          {t(`room.submission.${submission.state}`)}
        </Tag>
      }
    >
      {locked && <Alert type="info" showIcon title={t('room.lockedText')} className="block-gap" />}
      <ScoreSheet criteria={room.rubric} value={scores} onChange={setScores} disabled={locked} />
      <Input.TextArea rows={2} className="block-gap" placeholder={t('room.comment')} aria-label={t('room.comment')} value={comment} disabled={locked} onChange={(event) => setComment(event.target.value)} />
      {submission.refusal && <ErrorAlert error={submission.refusal} details={submission.refusal.details} />}
      <Space>
        <Button
          type="primary"
          disabled={locked || !isComplete(room.rubric, scores)}
          loading={submission.state === 'saving'}
          onClick={() => void submission.submit(bid.bidId, scores as Record<string, number>, comment)}
        >
          {mine ? t('room.revise') : t('room.submitScore')}
        </Button>
        {mine && <Typography.Text type="secondary">{t('room.myTotal', { points: mine.totalPoints })}</Typography.Text>}
      </Space>
    </Card>
  );
}

/** A judge: declarations before the room opens, then the bid on stage (or another still open) to score. */
export function JudgeView({ room, send }: { room: RoomSnapshot; send: RoomSend }) {
  const { t } = useTranslation();
  const recused = new Set(room.myRecusals ?? []);
  const scorable = room.bids.filter((bid) => bid.state !== 'PENDING' && !recused.has(bid.bidId));
  const [picked, setPicked] = useState<string>();
  if (room.status === 'CONVENED') return <Declarations room={room} />;
  const bidId = picked && scorable.some((bid) => bid.bidId === picked) ? picked : (room.currentBidId ?? scorable[0]?.bidId);
  const bid = room.bids.find((candidate) => candidate.bidId === bidId);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {scorable.length > 1 && (
        <Select value={bidId} onChange={setPicked} style={{ width: 320 }} options={scorable.map((b) => ({ value: b.bidId, label: `${b.position}. ${b.teamName}` }))} />
      )}
      {bid && recused.has(bid.bidId) && <Alert type="info" showIcon title={t('room.youAreRecused')} />}
      {bid && !recused.has(bid.bidId) ? <Scoring key={bid.bidId} room={room} bid={bid} send={send} /> : <Typography.Text type="secondary">{t('room.waiting')}</Typography.Text>}
    </Space>
  );
}
