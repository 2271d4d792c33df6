import { describe, expect, it } from 'vitest';
import type { RoomSnapshot } from '../api/room-types';
import { applyEvent, fromSnapshot } from './room-state';

const open: RoomSnapshot = {
  roomId: 'room-1',
  version: 7,
  serverTime: '2026-12-04T10:00:00.000Z',
  audience: 'OBSERVER',
  status: 'OPEN',
  challenge: { id: 'c-1', title: '高精度传感器' },
  chairUserId: 'chair',
  aggregation: 'TRIMMED_MEAN',
  passMark: 60,
  winners: 1,
  objectionWindowMinutes: 30,
  rubric: [],
  envelopes: 'SINGLE',
  priceCriterionKey: null,
  priceScoring: null,
  pricesOpenedAt: null,
  openedAt: '2026-12-04T09:00:00.000Z',
  revealedAt: null,
  objectionWindowEndsAt: null,
  finalizedAt: null,
  currentBidId: 'bid-2',
  timer: { bidId: 'bid-2', phase: 'QA', durationMs: 300_000, running: true, startedAt: '2026-12-04T09:58:00.000Z', remainingMs: 180_000 },
  panel: [],
  bids: [],
  objections: { filed: 0, open: 0 },
};

describe('applyEvent', () => {
  it('takes the last bid off stage and clears its countdown on the reveal, as a fresh snapshot shows it', () => {
    const result = applyEvent(
      fromSnapshot(open, 1000),
      {
        roomId: 'room-1',
        version: 8,
        type: 'room.revealed',
        at: '2026-12-04T10:00:05.000Z',
        data: { revealedAt: '2026-12-04T10:00:05.000Z', objectionWindowEndsAt: '2026-12-04T10:30:05.000Z', ranking: [] },
      },
      2000,
    );
    expect(result.kind).toBe('applied');
    if (result.kind !== 'applied') return;
    expect(result.state.room).toMatchObject({ status: 'REVEALED', version: 8, currentBidId: null, timer: null, objectionWindowEndsAt: '2026-12-04T10:30:05.000Z' });
  });

  it('asks for a snapshot when an event is missing, and ignores one already applied', () => {
    const state = fromSnapshot(open, 1000);
    const event = { roomId: 'room-1', type: 'timer.paused' as const, at: open.serverTime, data: {} };
    expect(applyEvent(state, { ...event, version: 9 }, 2000).kind).toBe('gap');
    expect(applyEvent(state, { ...event, version: 7 }, 2000).kind).toBe('ignored');
  });
});
