import { ChainVerification, formatPoints } from '@app/domain';
import type { RankingEntry } from '@app/domain/evaluation/room-protocol';
import { RoomState } from '../rooms/room-state';
import { flaggedOf, rankingView, standingScores } from '../rooms/room-views';

/** The evaluation report (评审报告): built from a room's state and its verified record. Pure. */
export interface EvaluationReport {
  roomId: string;
  challenge: { id: string; title: string };
  status: string;
  /** False until the room is finalised: the ranking may still change. */
  final: boolean;
  aggregation: string;
  passMark: number;
  winners: number;
  rubric: { key: string; name: string; weight: number; maxScore: number }[];
  timestamps: {
    convenedAt: string;
    openedAt: string | null;
    revealedAt: string | null;
    objectionWindowEndsAt: string | null;
    finalizedAt: string | null;
  };
  chair: { userId: string; displayName: string };
  panel: { userId: string; displayName: string }[];
  /** Drawn from the pool (the draw's id) or hand-picked (with the reason given; null for rooms convened before draws existed). */
  panelSelection: 'DRAWN' | 'HAND_PICKED';
  panelDrawId: string | null;
  handPickedReason: string | null;
  /**
   * The room's ranking as the chair sees it, with the price (left out while a two-envelope room's
   * prices are sealed), and each bid's final receipt.
   */
  ranking: (RankingEntry & { receivedAt: string })[];
  /** One line per bid and panel judge, in presentation then panel order. */
  scores: {
    bidId: string;
    teamName: string;
    judgeId: string;
    judgeName: string;
    recused: boolean;
    scores: Record<string, number> | null;
    total: number | null;
    totalPoints: string | null;
    comment: string | null;
    scoredAt: string | null;
  }[];
  recusals: { judgeId: string; judgeName: string; bidId: string; teamName: string; automatic: boolean; reason: string | null; declaredAt: string }[];
  /** Bids whose locked result holds the score of a judge recused from them since (docs/integrity.md, Conflicts stay live). */
  flagged: { bidId: string; teamName: string; judgeIds: string[] }[];
  objections: { id: string; bidId: string; teamName: string; text: string; answer: string | null; filedAt: string; answeredAt: string | null }[];
  record: { entries: number; chainHead: string; verification: ChainVerification };
}

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

export function buildReport(
  state: RoomState,
  chairName: string,
  record: { entries: number; verification: ChainVerification },
): EvaluationReport {
  const { room } = state;
  const teamName = new Map(state.bids.map((b) => [b.bidId, b.teamName]));
  const judgeName = new Map(state.panel.map((p) => [p.userId, p.displayName]));
  const bid = new Map(state.bids.map((b) => [b.bidId, b]));
  const standing = standingScores(state);
  return {
    roomId: room.id,
    challenge: { id: state.challenge.id, title: state.challenge.title },
    status: room.status,
    final: room.status === 'FINALIZED',
    aggregation: room.aggregation,
    passMark: room.passMark,
    winners: room.winners,
    rubric: room.rubric.map((c) => ({ key: c.key, name: c.name, weight: c.weight, maxScore: c.maxScore })),
    timestamps: {
      convenedAt: room.createdAt.toISOString(),
      openedAt: iso(room.openedAt),
      revealedAt: iso(room.revealedAt),
      objectionWindowEndsAt: iso(room.objectionWindowEndsAt),
      finalizedAt: iso(room.finalizedAt),
    },
    chair: { userId: room.chairUserId, displayName: chairName },
    panel: state.panel.map((p) => ({ userId: p.userId, displayName: p.displayName })),
    panelSelection: room.drawId === null ? 'HAND_PICKED' : 'DRAWN',
    panelDrawId: room.drawId,
    handPickedReason: room.handPickedReason,
    ranking: rankingView(state, 'CHAIR').map((r) => ({ ...r, receivedAt: bid.get(r.bidId)?.receivedAt.toISOString() ?? '' })),
    scores: state.bids.flatMap((b) =>
      state.panel.map((p) => {
        const score = standing.find((s) => s.bidId === b.bidId && s.judgeId === p.userId);
        return {
          bidId: b.bidId,
          teamName: b.teamName,
          judgeId: p.userId,
          judgeName: p.displayName,
          recused: state.declarations.some((d) => d.bidId === b.bidId && d.judgeId === p.userId && d.conflict),
          scores: score?.scores ?? null,
          total: score?.totalCenti ?? null,
          totalPoints: score ? formatPoints(score.totalCenti) : null,
          comment: score?.comment ?? null,
          scoredAt: score ? score.updatedAt.toISOString() : null,
        };
      }),
    ),
    recusals: state.declarations
      .filter((d) => d.conflict)
      .map((d) => ({
        judgeId: d.judgeId,
        judgeName: judgeName.get(d.judgeId) ?? '',
        bidId: d.bidId,
        teamName: teamName.get(d.bidId) ?? '',
        automatic: d.automatic,
        reason: d.reason,
        declaredAt: d.declaredAt.toISOString(),
      })),
    flagged: flaggedOf(state).map((f) => ({ ...f, teamName: teamName.get(f.bidId) ?? '' })),
    objections: state.objections.map((o) => ({
      id: o.id,
      bidId: o.bidId,
      teamName: teamName.get(o.bidId) ?? '',
      text: o.text,
      answer: o.answer,
      filedAt: o.createdAt.toISOString(),
      answeredAt: iso(o.answeredAt),
    })),
    record: { entries: record.entries, chainHead: room.chainHead, verification: record.verification },
  };
}

/**
 * One CSV cell: quoted when needed, and text that a spreadsheet would run as a formula
 * (=, +, -, @, tab, CR) is prefixed with an apostrophe. Numbers are written as they are.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const line = (cells: (string | number | boolean | null)[]): string => cells.map(csvCell).join(',');

/** The report as CSV: sections (room, ranking, scores, recusals, flagged bids, objections), each with its header row, separated by a blank line. */
export function reportCsv(report: EvaluationReport): string {
  const keys = report.rubric.map((c) => c.key);
  const sections: string[][] = [
    [
      line(['section', 'key', 'value']),
      ...(
        [
          ['room', report.roomId],
          ['challenge', report.challenge.id],
          ['challenge_title', report.challenge.title],
          ['status', report.status],
          ['final', report.final],
          ['aggregation', report.aggregation],
          ['pass_mark', report.passMark],
          ['winners', report.winners],
          ['chair', report.chair.displayName],
          ['panel_selection', report.panelSelection],
          ['panel_draw', report.panelDrawId],
          ['hand_picked_reason', report.handPickedReason],
          ['convened_at', report.timestamps.convenedAt],
          ['opened_at', report.timestamps.openedAt],
          ['revealed_at', report.timestamps.revealedAt],
          ['objection_window_ends_at', report.timestamps.objectionWindowEndsAt],
          ['finalized_at', report.timestamps.finalizedAt],
          ['record_entries', report.record.entries],
          ['chain_head', report.record.chainHead],
          ['chain_valid', report.record.verification.valid],
        ] as [string, string | number | boolean | null][]
      ).map(([key, value]) => line(['room', key, value])),
    ],
    [
      line(['section', 'rank', 'bid_id', 'team', 'panel_points', 'eligible', 'awarded', 'scored_by', 'quoted_price_fen', 'received_at']),
      ...report.ranking.map((r) =>
        line(['ranking', r.rank, r.bidId, r.teamName, r.panelPoints, r.eligible, r.awarded, r.scoredBy, r.quotedPriceFen ?? null, r.receivedAt]),
      ),
    ],
    [
      line(['section', 'bid_id', 'team', 'judge_id', 'judge', 'recused', ...keys, 'total_points', 'comment', 'scored_at']),
      ...report.scores.map((s) =>
        line(['scores', s.bidId, s.teamName, s.judgeId, s.judgeName, s.recused, ...keys.map((k) => s.scores?.[k] ?? null), s.totalPoints, s.comment, s.scoredAt]),
      ),
    ],
    [
      line(['section', 'judge_id', 'judge', 'bid_id', 'team', 'automatic', 'reason', 'declared_at']),
      ...report.recusals.map((r) => line(['recusals', r.judgeId, r.judgeName, r.bidId, r.teamName, r.automatic, r.reason, r.declaredAt])),
    ],
    [line(['section', 'bid_id', 'team', 'judge_ids']), ...report.flagged.map((f) => line(['flagged', f.bidId, f.teamName, f.judgeIds.join(' ')]))],
    [
      line(['section', 'objection_id', 'bid_id', 'team', 'text', 'answer', 'filed_at', 'answered_at']),
      ...report.objections.map((o) => line(['objections', o.id, o.bidId, o.teamName, o.text, o.answer, o.filedAt, o.answeredAt])),
    ],
  ];
  return `${sections.map((rows) => rows.join('\r\n')).join('\r\n\r\n')}\r\n`;
}
