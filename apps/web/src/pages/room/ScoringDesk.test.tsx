import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Ack, RoomSnapshot } from '../../api/room-types';
import { setLanguage } from '../../i18n';
import { ScoringDesk } from './ScoringDesk';

const room: RoomSnapshot = {
  roomId: 'room-1',
  version: 3,
  serverTime: '2026-12-04T10:00:00.000Z',
  audience: 'JUDGE',
  status: 'OPEN',
  challenge: { id: 'c-1', title: '高精度传感器' },
  chairUserId: 'chair',
  aggregation: 'TRIMMED_MEAN',
  passMark: 60,
  winners: 1,
  objectionWindowMinutes: 30,
  rubric: [
    { key: 'tech', name: '技术方案', description: '', weight: 60, maxScore: 10 },
    { key: 'price', name: '报价合理性', description: '', weight: 40, maxScore: 10 },
  ],
  envelopes: 'SINGLE',
  priceCriterionKey: null,
  priceScoring: null,
  pricesOpenedAt: null,
  openedAt: '2026-12-04T09:00:00.000Z',
  revealedAt: null,
  objectionWindowEndsAt: null,
  finalizedAt: null,
  currentBidId: 'bid-1',
  timer: null,
  panel: [],
  bids: [
    { bidId: 'bid-1', position: 1, teamId: 't-1', teamName: '甲队', presentationMinutes: 10, qaMinutes: 5, presentedAt: null, lockedAt: null, state: 'PRESENTING', scoredBy: [], recusedJudgeIds: [], eligibleJudges: 3 },
  ],
  objections: { filed: 0, open: 0 },
  myScores: [],
  myRecusals: [],
};

function desk(send: (command: string, payload?: Record<string, unknown>) => Promise<Ack>, snapshot: RoomSnapshot = room) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ScoringDesk room={snapshot} send={send} judgeId="judge-1" />
    </QueryClientProvider>,
  );
}

const submitButton = () => screen.getByText('提交评分').closest('button') as HTMLButtonElement;

describe('ScoringDesk', () => {
  beforeEach(async () => {
    localStorage.clear();
    await setLanguage('zh-CN');
  });

  it('shows a refused score at its field in the judge’s language, and keeps the draft', async () => {
    const send = vi.fn(async (): Promise<Ack> => ({ ok: false, code: 'VALIDATION_FAILED', message: 'Validation failed', details: [{ field: 'scores.tech', messages: ['must be a number from 0 to 10 with at most 2 decimals'] }] }));
    desk(send);
    fireEvent.change(screen.getByLabelText('技术方案'), { target: { value: '8' } });
    fireEvent.change(screen.getByLabelText('报价合理性'), { target: { value: '6' } });
    fireEvent.keyDown(screen.getByLabelText('报价合理性'), { key: 'Enter', code: 'Enter', keyCode: 13 });
    await screen.findByText('请输入 0 至 10 的分数，最多两位小数');
    expect(send).toHaveBeenCalledWith('score:submit', expect.objectContaining({ bidId: 'bid-1', scores: { tech: 8, price: 6 } }));
    expect(screen.queryByText(/must be a number/)).toBeNull();
    expect(JSON.parse(localStorage.getItem('jiebang.draft.room-1.judge-1.bid-1') ?? 'null')).toMatchObject({ scores: { tech: 8, price: 6 } });
  });

  it('shows any other refusal above the button by its code, in Chinese only, and drops the draft once a score is stored', async () => {
    const answers: Ack[] = [{ ok: false, code: 'BID_LOCKED', message: 'Scoring of this bid is locked' }, { ok: true, version: 4, score: null }];
    const send = vi.fn(async (): Promise<Ack> => answers.shift() as Ack);
    desk(send);
    fireEvent.change(screen.getByLabelText('技术方案'), { target: { value: '7' } });
    fireEvent.change(screen.getByLabelText('报价合理性'), { target: { value: '7' } });
    fireEvent.click(submitButton());
    const refusal = await screen.findByTestId('score-refusal');
    expect(refusal.textContent).toBe('该方案的评分已锁定');
    expect(localStorage.getItem('jiebang.draft.room-1.judge-1.bid-1')).not.toBeNull();
    fireEvent.click(submitButton());
    await waitFor(() => expect(localStorage.getItem('jiebang.draft.room-1.judge-1.bid-1')).toBeNull());
  });

  it('leaves the price criterion out of the sheet while a two-envelope room’s prices are sealed', async () => {
    const send = vi.fn(async (): Promise<Ack> => ({ ok: true, version: 4, score: null }));
    desk(send, { ...room, envelopes: 'TWO', priceCriterionKey: 'price', priceScoring: 'FORMULA' });
    expect(screen.queryByLabelText('报价合理性')).toBeNull();
    fireEvent.change(screen.getByLabelText('技术方案'), { target: { value: '9' } });
    fireEvent.click(submitButton());
    await waitFor(() => expect(send).toHaveBeenCalledWith('score:submit', expect.objectContaining({ scores: { tech: 9 } })));
    expect(screen.getByTestId('price-envelope').textContent).toContain('报价合理性');
  });
});
