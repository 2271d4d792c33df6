import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Form } from 'antd';
import { describe, expect, it } from 'vitest';
import type { Criterion } from '../api/types';
import { RubricBuilder } from './RubricBuilder';

const criterion = (key: string, weight: number): Criterion => ({ key, name: key, description: '', weight, maxScore: 10 });

function renderBuilder(rubric: Criterion[]) {
  render(
    <Form initialValues={{ rubric }}>
      <RubricBuilder />
    </Form>,
  );
}

const sum = () => screen.getByTestId('rubric-sum').textContent;
const weightInput = (n: number) => screen.getByLabelText(`Weight ${n}`) as HTMLInputElement;
const weights = () => screen.getAllByRole('spinbutton').filter((input) => input.getAttribute('aria-label')?.startsWith('Weight')).map((input) => Number((input as HTMLInputElement).value));

describe('RubricBuilder', () => {
  it('keeps the weights at 100 when one is edited by hand', async () => {
    renderBuilder([criterion('feasibility', 40), criterion('team', 30), criterion('price', 30)]);
    await waitFor(() => expect(sum()).toBe('100%'));
    fireEvent.change(weightInput(1), { target: { value: '60' } });
    await waitFor(() => expect(sum()).toBe('120%'));
    fireEvent.blur(weightInput(1));
    await waitFor(() => expect(sum()).toBe('100%'));
    expect(weights()).toEqual([60, 20, 20]);
  });

  it('adds and removes criteria and rebalances', async () => {
    renderBuilder([criterion('feasibility', 100)]);
    fireEvent.click(screen.getByRole('button', { name: 'Add criterion' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add criterion' }));
    await waitFor(() => expect(weights()).toEqual([34, 33, 33]));
    fireEvent.click(screen.getAllByRole('button', { name: 'Remove' })[0]);
    await waitFor(() => expect(screen.getAllByTestId('rubric-row')).toHaveLength(2));
    expect(weights().reduce((a, b) => a + b, 0)).toBe(100);
    await waitFor(() => expect(sum()).toBe('100%'));
  });
});
