import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Grid, Input, Row, Select, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { RoomBid, RoomSnapshot } from '../../api/room-types';
import type { RoomBidContent } from '../../api/types';
import type { RoomSend } from '../../api/useRoom';
import { useScoreSubmission, type SubmissionState } from '../../api/useScoreSubmission';
import { BidContent } from '../../components/BidContent';
import { ErrorAlert, useErrorText } from '../../components/ErrorAlert';
import { ScoreSheet } from '../../components/ScoreSheet';
import { DraftStore, type Draft } from '../../lib/drafts';
import { isComplete, type Scores } from '../../lib/scoring';
import { judgedCriteria } from '@app/domain/evaluation/envelopes';

const STATE_COLOURS: Record<SubmissionState, string> = { idle: 'default', saving: 'processing', saved: 'success', retrying: 'warning', refused: 'error' };

const bidLabel = (bid: RoomBid) => `${bid.position}. ${bid.teamName}`;

/** The bid being scored, as the room lets this judge read it (the price only once its envelope is open). */
function BidDossier({ roomId, bidId, pricesOpenedAt }: { roomId: string; bidId: string; pricesOpenedAt: string | null }) {
  const content = useQuery({
    // Read again when the prices open (two envelopes).
    queryKey: ['room-bid', roomId, bidId, pricesOpenedAt],
    queryFn: () => api.get<RoomBidContent>(`/api/rooms/${roomId}/bids/${bidId}`),
  });
  if (content.error) return <ErrorAlert error={content.error} onRetry={() => void content.refetch()} />;
  if (!content.data) return <Spin />;
  return (
    <div data-testid="bid-dossier">
      <BidContent {...content.data} quotedPriceFen={content.data.quotedPriceFen ?? null} />
    </div>
  );
}

/**
 * One bid's sheet: what the judge types is kept as a draft (see DraftStore) until the server
 * acknowledges it or the chair locks the bid; a refusal shows at the field it concerns, in the
 * judge's language.
 */
function ScoreForm({ room, bid, send, drafts }: { room: RoomSnapshot; bid: RoomBid; send: RoomSend; drafts: DraftStore }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const mine = room.myScores?.find((score) => score.bidId === bid.bidId);
  const [stored] = useState(() => drafts.read(bid.bidId));
  const [draft, setDraft] = useState<Draft>(stored ?? { scores: mine?.scores ?? {}, comment: mine?.comment ?? '' });
  const [kept, setKept] = useState(stored !== null);
  const submission = useScoreSubmission(send);
  const locked = bid.state === 'LOCKED';
  // With two envelopes: the technical criteria while the prices are sealed, the price too once the judges score it.
  const criteria = judgedCriteria(room.rubric, room);
  const priceCriterion = room.rubric.find((c) => c.key === room.priceCriterionKey);
  // A locked bid takes no more input: its draft is dropped (the tag below shows only while unlocked).
  useEffect(() => {
    if (locked) drafts.clear(bid.bidId);
  }, [locked, drafts, bid.bidId]);
  const edit = (next: Draft) => {
    setDraft(next);
    drafts.write(bid.bidId, next);
    setKept(true);
  };
  const complete = isComplete(criteria, draft.scores);
  const submit = async () => {
    if (locked || !complete || submission.state === 'saving') return;
    const sent = draft;
    const scores = Object.fromEntries(criteria.map((c) => [c.key, sent.scores[c.key] as number]));
    const saved = await submission.submit(bid.bidId, scores, sent.comment);
    // What was typed while the submission was on its way stays a draft.
    if (saved && JSON.stringify(drafts.read(bid.bidId)) === JSON.stringify(sent)) {
      drafts.clear(bid.bidId);
      setKept(false);
    }
  };
  const refusal = submission.refusal;
  // A refused score at its field, in the judge's language (the only field check a score fails is its range).
  const fieldErrors: Record<string, string> = {};
  for (const detail of refusal?.details ?? []) {
    const criterion = criteria.find((c) => `scores.${c.key}` === detail.field);
    if (criterion) fieldErrors[criterion.key] = t('scoring.invalidScore', { max: criterion.maxScore });
  }
  const unplaced = refusal && Object.keys(fieldErrors).length === 0;
  return (
    <Card
      title={<span className="nowrap">{`${t('room.scoring')}: ${bidLabel(bid)}`}</span>}
      extra={
        <Tag color={STATE_COLOURS[submission.state]} data-testid="submission-state">
          {t(`room.submission.${submission.state}`)}
        </Tag>
      }
      data-testid="score-form"
    >
      {locked && <Alert type="info" showIcon title={t('room.lockedText')} className="block-gap" />}
      {priceCriterion && criteria.length < room.rubric.length && (
        <Alert
          type="info"
          showIcon
          className="block-gap"
          data-testid="price-envelope"
          title={
            room.pricesOpenedAt === null
              ? t('room.priceEnvelopeSealed', { criterion: priceCriterion.name })
              : t('room.priceByFormula', { criterion: priceCriterion.name, points: mine?.scores[priceCriterion.key] ?? '—', max: priceCriterion.maxScore })
          }
        />
      )}
      <ScoreSheet criteria={criteria} value={draft.scores} onChange={(scores: Scores) => edit({ ...draft, scores })} disabled={locked} onSubmit={() => void submit()} errors={fieldErrors} />
      <Input.TextArea
        rows={2}
        className="block-gap"
        placeholder={t('room.comment')}
        aria-label={t('room.comment')}
        value={draft.comment}
        disabled={locked}
        onChange={(event) => edit({ ...draft, comment: event.target.value })}
      />
      {unplaced && <Alert type="error" showIcon role="alert" className="block-gap" title={errorText(refusal)} data-testid="score-refusal" />}
      <Space wrap>
        <Button type="primary" size="large" disabled={locked || !complete} loading={submission.state === 'saving'} onClick={() => void submit()}>
          {mine ? t('room.revise') : t('room.submitScore')}
        </Button>
        {mine && <Typography.Text type="secondary">{t('room.myTotal', { points: mine.totalPoints })}</Typography.Text>}
        {kept && !locked && <Tag color="gold" data-testid="draft-kept">{t('room.draftKept')}</Tag>}
      </Space>
    </Card>
  );
}

/**
 * A panel member's scoring desk (a judge, or the chair when they sit on the panel): the bid
 * beside its sheet (split on wide screens, tabs on narrow ones). The desk follows the stage
 * unless the judge is working on another bid (a draft there): then it stays, and says which bid
 * went on stage.
 */
export function ScoringDesk({ room, send, judgeId }: { room: RoomSnapshot; send: RoomSend; judgeId: string }) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().lg === true;
  const drafts = useMemo(() => new DraftStore(room.roomId, judgeId), [room.roomId, judgeId]);
  const recused = new Set(room.myRecusals ?? []);
  const scorable = room.bids.filter((bid) => bid.state !== 'PENDING' && !recused.has(bid.bidId));
  const stage = room.currentBidId;
  // null: follow the stage.
  const [pinned, setPinned] = useState<string | null>(null);
  const [seenStage, setSeenStage] = useState(stage);
  if (stage !== seenStage) {
    // The stage moved (adjusting state while rendering, React's pattern for it): stay on a bid with a draft.
    setSeenStage(stage);
    const shown = pinned ?? seenStage;
    setPinned(shown !== null && shown !== stage && drafts.read(shown) !== null ? shown : null);
  }
  const bid = scorable.find((candidate) => candidate.bidId === (pinned ?? stage));
  const onStage = room.bids.find((candidate) => candidate.bidId === stage);
  const withDrafts = drafts.bidsWithDrafts();
  const sheet = bid && <ScoreForm key={bid.bidId} room={room} bid={bid} send={send} drafts={drafts} />;
  const dossier = bid && <BidDossier roomId={room.roomId} bidId={bid.bidId} pricesOpenedAt={room.pricesOpenedAt} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="scoring-desk">
      {onStage && recused.has(onStage.bidId) && <Alert type="info" showIcon title={t('room.youAreRecused')} />}
      {bid && onStage && onStage.bidId !== bid.bidId && (
        <Alert
          type="warning"
          showIcon
          data-testid="stage-moved"
          title={t('room.stageMoved', { bid: bidLabel(onStage) })}
          action={
            !recused.has(onStage.bidId) && (
              <Button size="large" onClick={() => setPinned(null)}>
                {t('room.goToStage')}
              </Button>
            )
          }
        />
      )}
      {scorable.length > (bid ? 1 : 0) && (
        <Select
          size="large"
          aria-label={t('room.pickBid')}
          placeholder={t('room.pickBid')}
          value={bid?.bidId}
          onChange={(next: string) => setPinned(next === stage ? null : next)}
          style={{ width: '100%', maxWidth: 560 }}
          options={scorable.map((b) => ({
            value: b.bidId,
            label: `${bidLabel(b)}${b.bidId === stage ? ` · ${t('room.onStage')}` : ''}${withDrafts.has(b.bidId) ? ` · ${t('room.draft')}` : ''}${b.state === 'LOCKED' ? ` · ${t('room.slots.LOCKED')}` : ''}`,
          }))}
        />
      )}
      {!bid ? (
        <Typography.Text type="secondary">{t('room.waiting')}</Typography.Text>
      ) : wide ? (
        <Row gutter={16} align="top">
          <Col span={13}>
            <Card title={t('room.theBid')} className="dossier-card">
              {dossier}
            </Card>
          </Col>
          <Col span={11} className="sheet-column">
            {sheet}
          </Col>
        </Row>
      ) : (
        <Tabs
          size="large"
          items={[
            { key: 'sheet', label: t('room.sheetTab'), children: sheet },
            { key: 'bid', label: t('room.bidTab'), children: dossier },
          ]}
        />
      )}
    </Space>
  );
}
