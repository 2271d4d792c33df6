/**
 * The socket.io protocol of namespace /rooms, shared by the server (RoomsGateway, RoomBroadcaster) and the
 * web client (useRoom): the messages each side sends and their payloads (docs/evaluation-room.md); points
 * are integer centi-points, times ISO 8601 strings. Plain TypeScript with type-only imports: safe in a browser.
 */
import type { Envelopes, OpenedPrice, PriceScoring } from './envelopes';
import type { RoomAudience } from './room-access';
import type { TimerPhase } from './room-flow';
import type { BidSlotState, RoomStatus } from './room-lifecycle';
import type { BidAggregate } from './room-ranking';

export type Audience = RoomAudience;
export type { RoomStatus };
export type SlotState = BidSlotState;

export interface Timer {
  bidId: string;
  phase: TimerPhase;
  durationMs: number;
  running: boolean;
  /** When the countdown was last (re)started, by the database clock; null while paused. */
  startedAt: string | null;
  /** What is left at `serverTime` of the message that carries it. */
  remainingMs: number;
}

/**
 * Who is on the panel, as an audience sees it. Observers get neither names nor recusals until the
 * room is FINALIZED (招标投标法 §37): a judge is then named by their seat label ('A', 'B', … in
 * panel order) wherever a judge id would be, and `recusedJudgeIds` is empty.
 */
export interface Progress {
  bidId: string;
  state: SlotState;
  /** Judges with a standing score on this bid (who, never how much): user ids, or seat labels for observers before finalisation. */
  scoredBy: string[];
  /** Judges recused from this bid; always empty for observers before finalisation. */
  recusedJudgeIds: string[];
  /** Panel judges not recused from this bid. */
  eligibleJudges: number;
}

export interface RoomBid extends Progress {
  position: number;
  teamId: string;
  teamName: string;
  presentationMinutes: number;
  qaMinutes: number;
  presentedAt: string | null;
  lockedAt: string | null;
}

export interface OwnScore {
  bidId: string;
  scores: Record<string, number>;
  total: number;
  totalPoints: string;
  comment: string | null;
  updatedAt: string;
}

/** Chair only: a bid's live aggregate with every judge's total and the outlier flags. */
export type Aggregate = BidAggregate;

export interface RankingEntry {
  bidId: string;
  rank: number;
  teamName: string;
  panelScore: number | null;
  panelPoints: string | null;
  eligible: boolean;
  awarded: boolean;
  scoredBy: number;
  /** Chair only (never while a two-envelope room's prices are sealed). */
  quotedPriceFen?: number;
}

/** A seat on the panel, in panel order. */
export interface PanelSeat {
  /** The seat's pseudonym by panel position ('A', 'B', …), the same for every audience. */
  label: string;
  /** The judge's user id; for observers before the room is FINALIZED, the seat label. */
  userId: string;
  /** The judge's name; null for observers before the room is FINALIZED. */
  displayName: string | null;
  chair: boolean;
  declared: boolean;
}

/** A panel judge's own declaration on one bid (automatic recusals included). */
export interface OwnDeclaration {
  bidId: string;
  conflict: boolean;
  /** Recused by the platform (same organisation, team member) rather than declared by the judge. */
  automatic: boolean;
  reason: string | null;
}

/** Chair only: a bid's quoted price as the prices are opened, with the formula's price score in a FORMULA room. */
export type { OpenedPrice };

export interface RoomSnapshot {
  roomId: string;
  version: number;
  serverTime: string;
  audience: Audience;
  status: RoomStatus;
  challenge: { id: string; title: string };
  /**
   * The chair's user id; for observers before the room is FINALIZED, the chair's seat label when
   * the chair sits on the panel, else null (an admin chairs who is no judge).
   */
  chairUserId: string | null;
  aggregation: string;
  passMark: number;
  winners: number;
  objectionWindowMinutes: number;
  rubric: { key: string; name: string; description: string; weight: number; maxScore: number }[];
  /** SINGLE: every criterion scored at once; TWO: technical criteria first, prices sealed until `prices:open`. */
  envelopes: Envelopes;
  /** TWO: the rubric's price criterion (scored only once the prices are open); null with SINGLE. */
  priceCriterionKey: string | null;
  /** TWO: FORMULA (computed from the prices) or JUDGES (the judges score it); null with SINGLE. */
  priceScoring: PriceScoring | null;
  /** TWO: when the chair opened the prices (database clock); null before, and with SINGLE. */
  pricesOpenedAt: string | null;
  openedAt: string | null;
  revealedAt: string | null;
  objectionWindowEndsAt: string | null;
  finalizedAt: string | null;
  currentBidId: string | null;
  timer: Timer | null;
  panel: PanelSeat[];
  bids: RoomBid[];
  objections: { filed: number; open: number };
  /** The viewer's own scores (a panel judge, including a judge who chairs). */
  myScores?: OwnScore[];
  /** Bids the viewer is recused from (a panel judge). */
  myRecusals?: string[];
  /** The viewer's own declarations, in presentation order (a panel judge). */
  myDeclarations?: OwnDeclaration[];
  /** Chair only: each bid's live aggregate with every judge's total and the outlier flags. */
  aggregates?: Aggregate[];
  /** Chair only: bids whose locked result holds the score of a judge recused from them since (for the bureau). */
  flagged?: FlaggedBid[];
  /** Everyone, once revealed. */
  ranking?: RankingEntry[];
}

/** A bid on which the score of a judge recused from it still stands (the recusal arose after scoring of it was locked). */
export interface FlaggedBid {
  bidId: string;
  judgeIds: string[];
}

export type RoomEventType =
  | 'declarations.updated'
  | 'conflict.arose'
  | 'room.opened'
  | 'bid.presenting'
  | 'timer.started'
  | 'timer.paused'
  | 'score.submitted'
  | 'score.withdrawn'
  | 'bid.locked'
  | 'bid.unlocked'
  | 'prices.opened'
  | 'room.revealed'
  | 'objection.filed'
  | 'objection.answered'
  | 'room.finalized';

/** `room:event`: one per version, to every audience, each with what that audience may see. */
export interface RoomEvent {
  roomId: string;
  version: number;
  type: RoomEventType;
  at: string;
  data: {
    /** The judge who declared or scored: a seat label for observers before finalisation. */
    judgeId?: string;
    progress?: Progress;
    aggregate?: Aggregate;
    timer?: Timer | null;
    bidId?: string;
    openedAt?: string;
    revealedAt?: string;
    objectionWindowEndsAt?: string;
    finalizedAt?: string;
    ranking?: RankingEntry[];
    pricesOpenedAt?: string;
    priceScoring?: PriceScoring;
    /** prices.opened: every bid's progress (a JUDGES room's bids are PRESENTING again). */
    bids?: Progress[];
    /** prices.opened, chair only. */
    prices?: OpenedPrice[];
    /** prices.opened, chair only: every bid's aggregate with the price scores applied. */
    aggregates?: Aggregate[];
    /** conflict.arose, chair only: the reason of the recusal (KEY_PERSONNEL, TEAM_MEMBER, SAME_ORGANISATION). */
    reason?: string;
    /** conflict.arose, chair only: the judge's standing score on the bid was withdrawn. */
    scoreWithdrawn?: boolean;
    /** conflict.arose, chair only: the score stays in the locked result and the bid is flagged. */
    flagged?: boolean;
  };
}

export interface Ack {
  ok: boolean;
  version?: number;
  code?: string;
  message?: string;
  details?: { field: string; messages: string[] }[];
  snapshot?: RoomSnapshot;
  score?: OwnScore | null;
}

/** Every client → server command of the namespace (docs/evaluation-room.md lists them with their payloads). */
export const ROOM_COMMANDS = [
  'room:join',
  'room:sync',
  'room:open',
  'room:present',
  'timer:start',
  'timer:pause',
  'bid:lock',
  'bid:unlock',
  'score:submit',
  'score:withdraw',
  'prices:open',
  'room:reveal',
  'room:finalize',
] as const;

export type RoomCommandName = (typeof ROOM_COMMANDS)[number];

/** The room's current version, sent periodically: a client behind it missed an event and resyncs. */
export interface RoomHeartbeat {
  roomId: string;
  version: number;
}

/** A judge's own score of a bid (null once withdrawn), sent to that judge's sockets only. */
export interface OwnScoreMessage {
  roomId: string;
  version: number;
  bidId: string;
  score: OwnScore | null;
}

/** What the server sends on /rooms. */
export interface RoomServerToClient {
  'room:snapshot': (snapshot: RoomSnapshot) => void;
  'room:event': (event: RoomEvent) => void;
  'room:own-score': (message: OwnScoreMessage) => void;
  'room:heartbeat': (message: RoomHeartbeat) => void;
}

/** What a client sends on /rooms: a command on a room (with its fields), always acknowledged. */
export type RoomClientToServer = Record<RoomCommandName, (message: { roomId: string } & Record<string, unknown>, ack: (answer: Ack) => void) => void>;
