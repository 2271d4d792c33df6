import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { setLanguage } from '../i18n';
import { useErrorText } from './ErrorAlert';

const textOf = (error: unknown) => renderHook(() => useErrorText()).result.current(error);

describe('useErrorText', () => {
  it('shows the registry’s message for a code in the reader’s language, with the server’s English words only for an English reader', async () => {
    await setLanguage('en');
    expect(textOf(new ApiError(409, 'BID_LOCKED', 'Scoring of this bid is locked'))).toBe('Scoring of this bid is locked');
    expect(textOf(new ApiError(409, 'ROOM_NOT_OPEN', 'The room is REVEALED, not OPEN'))).toBe('The room is not open (The room is REVEALED, not OPEN)');
    await setLanguage('zh-CN');
    expect(textOf(new ApiError(409, 'BID_LOCKED', 'Scoring of this bid is locked'))).toBe('该方案的评分已锁定');
    expect(textOf(new ApiError(409, 'OBJECTION_WINDOW_OPEN', 'The objection window is still open'))).not.toMatch(/[A-Za-z]/);
  });

  it('shows the server’s words for a code it does not know', async () => {
    await setLanguage('en');
    expect(textOf(new ApiError(418, 'HTTP_418', 'I am a teapot'))).toBe('I am a teapot');
  });
});
