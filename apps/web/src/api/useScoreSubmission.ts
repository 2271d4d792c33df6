import { useCallback, useRef, useState } from 'react';
import { ApiError } from './client';
import type { Ack } from './room-types';
import type { RoomSend } from './useRoom';

export type SubmissionState = 'idle' | 'saving' | 'saved' | 'retrying' | 'refused';

const RETRY_EVERY_MS = 1000;
const MAX_ATTEMPTS = 120;

/** A refused command as the API's error shape, so it is shown like any other. */
export function refusalOf(ack: Ack): ApiError {
  return new ApiError(422, ack.code ?? 'REFUSED', ack.message ?? '', ack.details ?? []);
}

/**
 * Submits a judge's scores with one operation id per submission: a submission whose answer was
 * lost (connection cut) is retried with the same id until acknowledged, so it counts exactly once.
 */
export function useScoreSubmission(send: RoomSend) {
  const [state, setState] = useState<SubmissionState>('idle');
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const current = useRef(0);

  /** Resolves true once the server acknowledged the score as stored. */
  const submit = useCallback(
    async (bidId: string, scores: Record<string, number>, comment?: string): Promise<boolean> => {
      const ticket = ++current.current;
      const payload = { bidId, scores, comment: comment || undefined, opId: crypto.randomUUID() };
      setState('saving');
      setRefusal(null);
      for (let attempt = 0; attempt < MAX_ATTEMPTS && ticket === current.current; attempt += 1) {
        try {
          const ack = await send('score:submit', payload);
          if (ticket !== current.current) return false;
          setState(ack.ok ? 'saved' : 'refused');
          if (!ack.ok) setRefusal(refusalOf(ack));
          return ack.ok;
        } catch {
          setState('retrying');
          await new Promise((resolve) => setTimeout(resolve, RETRY_EVERY_MS));
        }
      }
      return false;
    },
    [send],
  );
  return { state, refusal, submit };
}
