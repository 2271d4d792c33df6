import { Conflict } from './errors';

/** For each action: the statuses it may start from, and the status it leads to. */
export type TransitionTable<S extends string, A extends string> = Record<A, { from: readonly S[]; to: S }>;

/**
 * The status `action` leads to from `from`, per `table`; throws Conflict `<NOUN>_TRANSITION_FORBIDDEN`
 * (details `{ from, action }`) when the table does not allow it.
 */
export function applyTransition<S extends string, A extends string, N extends 'bid' | 'challenge'>(
  table: TransitionTable<S, A>,
  noun: N,
  from: S,
  action: A,
): S {
  const { from: allowedFrom, to } = table[action];
  if (!allowedFrom.includes(from)) {
    throw new Conflict(`${noun.toUpperCase() as Uppercase<N>}_TRANSITION_FORBIDDEN`, `Cannot ${action} a ${noun} that is ${from}`, { from, action });
  }
  return to;
}
