import { QueryFailedError } from 'typeorm';
import { serializeError } from './logging';

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g';

/** What pg raises for a CHECK violation: its detail quotes the whole row. */
function checkViolation(): QueryFailedError {
  const driverError = Object.assign(new Error('new row for relation "user_account" violates check constraint "ck_name"'), {
    code: '23514',
    detail: `Failing row contains (1f0e, li@example.cn, 李伟, zh-CN, ${HASH}, {}).`,
    table: 'user_account',
    constraint: 'ck_name',
    routine: 'ExecConstraints',
  });
  return new QueryFailedError('INSERT INTO "user_account"("email", "password_hash") VALUES ($1, $2)', ['li@example.cn', HASH], driverError);
}

describe('serializeError', () => {
  it('drops the parameters and the detail of a database error, keeping what locates it', () => {
    const logged = JSON.stringify(serializeError(checkViolation()));
    expect(logged).not.toContain('argon2');
    expect(logged).not.toContain('li@example.cn');
    expect(serializeError(checkViolation())).toMatchObject({
      type: 'QueryFailedError',
      query: 'INSERT INTO "user_account"("email", "password_hash") VALUES ($1, $2)',
      code: '23514',
      table: 'user_account',
      constraint: 'ck_name',
      driverError: { code: '23514', table: 'user_account' },
    });
  });

  it('blanks the value PostgreSQL quotes in its message, in the stack too', () => {
    const error = new QueryFailedError('SELECT $1::uuid', ['a-refresh-secret'], Object.assign(new Error('invalid input syntax for type uuid: "a-refresh-secret"'), { routine: 'string_to_uuid' }));
    const logged = serializeError(error) as { message: string; stack: string };
    expect(logged.message).toBe('invalid input syntax for type uuid: "…"');
    expect(JSON.stringify(logged)).not.toContain('a-refresh-secret');
    expect(logged.stack.split('\n')[0]).toBe('QueryFailedError: invalid input syntax for type uuid: "…"');
  });

  it('takes an error pino has serialized already (as pino-http hands it) the same way', () => {
    const once = serializeError(checkViolation()) as object;
    expect(serializeError({ ...once, parameters: [HASH] })).toEqual(once);
  });

  it('stops at a cycle of error-like objects', () => {
    const looped: { message: string; self?: unknown } = { message: 'looped' };
    looped.self = looped;
    expect(JSON.stringify(serializeError(looped))).toContain('looped');
  });

  it('leaves other errors as pino logs them', () => {
    expect(serializeError(new Error('the "outbox" dispatcher stopped'))).toMatchObject({ type: 'Error', message: 'the "outbox" dispatcher stopped' });
  });
});
