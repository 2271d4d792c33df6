import { judgeTotal } from '@app/domain';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Criterion } from '../api/types';
import { weightedTotal, type Scores } from '../lib/scoring';
import { ScoreSheet } from './ScoreSheet';

const rubric: Criterion[] = [
  { key: 'approach', name: 'Technical approach', description: '', weight: 40, maxScore: 10 },
  { key: 'team', name: 'Team', description: '', weight: 35, maxScore: 7 },
  { key: 'price', name: 'Price', description: '', weight: 25, maxScore: 3 },
];

function Harness() {
  const [scores, setScores] = useState<Scores>({});
  return <ScoreSheet criteria={rubric} value={scores} onChange={setScores} />;
}

describe('the weighted total', () => {
  it('matches the server rule on awkward scales and scores', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let round = 0; round < 500; round += 1) {
      const scores = Object.fromEntries(rubric.map((c) => [c.key, Math.round(random() * c.maxScore * 100) / 100]));
      expect(weightedTotal(rubric, scores)).toBe(judgeTotal(rubric, scores));
    }
    expect(weightedTotal(rubric, { approach: 10, team: 7, price: 3 })).toBe(10000);
  });
});

describe('ScoreSheet', () => {
  it('shows the running weighted total as the judge scores each criterion', () => {
    render(<Harness />);
    const total = () => screen.getByTestId('weighted-total').textContent;
    expect(total()).toContain('0.00');
    expect(screen.getByText('Some criteria are not scored yet')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Technical approach'), { target: { value: '8' } });
    expect(total()).toContain('32.00');
    fireEvent.change(screen.getByLabelText('Team'), { target: { value: '5.5' } });
    // 8/10·40 + 5.5/7·35 = 32 + 27.5
    expect(total()).toContain('59.50');
    fireEvent.change(screen.getByLabelText('Price'), { target: { value: '2' } });
    // + 2/3·25 = 16.666… -> 76.17 (rounded once, half up)
    expect(total()).toContain('76.17');
    expect(screen.queryByText('Some criteria are not scored yet')).toBeNull();
  });
});
