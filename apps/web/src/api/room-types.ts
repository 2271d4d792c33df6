/** The room protocol's shapes (docs/evaluation-room.md); points are integer centi-points. */
export type Audience = 'CHAIR' | 'JUDGE' | 'OBSERVER';
export type RoomStatus = 'CONVENED' | 'OPEN' | 'REVEALED' | 'FINALIZED';
export type SlotState = 'PENDING' | 'PRESENTING' | 'LOCKED';

export interface Timer {
  bidId: string;
  phase: 'PRESENTATION' | 'QA';
  durationMs: number;
  running: boolean;
  startedAt: string | null;
  remainingMs: number;
}

export interface Progress {
  bidId: string;
  state: SlotState;
  scoredBy: string[];
  recusedJudgeIds: string[];
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

export interface Aggregate {
  bidId: string;
  panelScore: number | null;
  scoredBy: number;
  totals: { judgeId: string; total: number }[];
  flags: { judgeId: string; total: number; median: number; deviation: number }[];
}

export interface RankingEntry {
  bidId: string;
  rank: number;
  teamName: string;
  panelScore: number | null;
  panelPoints: string | null;
  eligible: boolean;
  awarded: boolean;
  scoredBy: number;
  quotedPriceFen?: number;
}

export interface RoomSnapshot {
  roomId: string;
  version: number;
  serverTime: string;
  audience: Audience;
  status: RoomStatus;
  challenge: { id: string; title: string };
  chairUserId: string;
  aggregation: string;
  passMark: number;
  winners: number;
  objectionWindowMinutes: number;
  rubric: { key: string; name: string; description: string; weight: number; maxScore: number }[];
  openedAt: string | null;
  revealedAt: string | null;
  objectionWindowEndsAt: string | null;
  finalizedAt: string | null;
  currentBidId: string | null;
  timer: Timer | null;
  panel: { userId: string; displayName: string; chair: boolean; declared: boolean }[];
  bids: RoomBid[];
  objections: { filed: number; open: number };
  myScores?: OwnScore[];
  myRecusals?: string[];
  aggregates?: Aggregate[];
  ranking?: RankingEntry[];
}

export interface RoomEvent {
  roomId: string;
  version: number;
  type: string;
  at: string;
  data: {
    progress?: Progress;
    aggregate?: Aggregate;
    timer?: Timer | null;
    bidId?: string;
    openedAt?: string;
    revealedAt?: string;
    objectionWindowEndsAt?: string;
    finalizedAt?: string;
    ranking?: RankingEntry[];
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

export interface RoomSummary {
  id: string;
  challengeId: string;
  challengeTitle: string;
  status: RoomStatus;
  version: number;
  chairUserId: string;
  audience: Audience;
  createdAt: string;
}
