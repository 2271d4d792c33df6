import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode } from '@app/domain/error-codes';
import { en } from './en';
import { zhCN } from './zh-CN';

describe('error translations', () => {
  it.each(Object.keys(ERROR_CODES) as ErrorCode[])('%s has the registry’s message in both languages', (code) => {
    expect(zhCN.errors[code]).toBe(ERROR_CODES[code].zh);
    expect(en.errors[code]).toBe(ERROR_CODES[code].en);
  });

  it('keeps the client’s own NETWORK_ERROR', () => {
    expect(zhCN.errors.NETWORK_ERROR).toBe('无法连接服务器');
    expect(en.errors.NETWORK_ERROR).toBe('Cannot reach the server');
  });
});
