import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Criterion } from '../api/types';
import type { Scores } from '../lib/scoring';
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

  it('submits on Enter in a score field and shows a refusal at the field it concerns', () => {
    const submit = vi.fn();
    render(<ScoreSheet criteria={rubric} value={{ approach: 8 }} onChange={() => undefined} onSubmit={submit} errors={{ team: 'Enter a score from 0 to 7' }} />);
    fireEvent.keyDown(screen.getByLabelText('Technical approach'), { key: 'Enter', code: 'Enter', keyCode: 13 });
    expect(submit).toHaveBeenCalledTimes(1);
    const team = screen.getByLabelText('Team');
    expect(team.closest('.ant-input-number')?.className).toContain('status-error');
    expect(screen.getByRole('alert').textContent).toBe('Enter a score from 0 to 7');
  });
});
