import {
  AuditEntry,
  AuditEntryInput,
  GENESIS_HASH,
  chainHash,
  sealEntry,
  verifyChain,
} from './audit-chain';

const inputs: AuditEntryInput[] = [
  { action: 'ROOM_OPENED', payload: { judges: 3 } },
  { action: 'SCORE_SUBMITTED', payload: { bidId: 'b1', scores: { tech: 8.5, team: 7 } } },
  { action: 'SCORE_REVISED', payload: { bidId: 'b1', scores: { tech: 9, team: 7 } } },
  { action: 'BID_LOCKED', payload: { bidId: 'b1' } },
  { action: 'RANKING_REVEALED', payload: { ranking: ['b1'] } },
].map((e, i) => ({
  seq: i + 1,
  roomId: 'room-1',
  actorId: i === 1 || i === 2 ? 'u-judge' : 'u-chair',
  at: new Date(Date.UTC(2025, 5, 1, 9, i)).toISOString(),
  ...e,
}));

function buildChain(): AuditEntry[] {
  const chain: AuditEntry[] = [];
  for (const input of inputs) chain.push(sealEntry(chain.at(-1)?.hash ?? GENESIS_HASH, input));
  return chain;
}

describe('chainHash', () => {
  it('is SHA-256 of the previous hash, a newline and the canonical entry', () => {
    // printf '%s\n%s' 000…000 '{"action":"ROOM_OPENED","actorId":"u-chair","at":"2025-06-01T09:00:00.000Z",
    //   "payload":{"judges":3},"roomId":"room-1","seq":1}' | sha256sum
    expect(chainHash(GENESIS_HASH, inputs[0])).toBe('443c94341826dcaae2d6b741c44a41335288f4f67b8f07947437b8d490356cfc');
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });

  it('does not depend on key order and ignores fields beyond the entry', () => {
    const { seq, roomId, actorId, action, payload, at } = inputs[0];
    const reordered = { at, payload, action, seq, actorId, roomId };
    const sealed = sealEntry(GENESIS_HASH, inputs[0]);
    expect(chainHash(GENESIS_HASH, reordered)).toBe(sealed.hash);
    expect(chainHash(GENESIS_HASH, sealed)).toBe(sealed.hash);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and returns its head', () => {
    const chain = buildChain();
    expect(chain[0].prevHash).toBe(GENESIS_HASH);
    expect(verifyChain(chain)).toEqual({ valid: true, head: chain[4].hash });
    expect(verifyChain(chain, chain[4].hash)).toEqual({ valid: true, head: chain[4].hash });
    expect(verifyChain([])).toEqual({ valid: true, head: GENESIS_HASH });
  });

  const tamperings: [keyof AuditEntry, (entry: AuditEntry) => AuditEntry, string][] = [
    ['seq', (e) => ({ ...e, seq: e.seq + 10 }), 'SEQ_MISMATCH'],
    ['roomId', (e) => ({ ...e, roomId: 'room-2' }), 'HASH_MISMATCH'],
    ['actorId', (e) => ({ ...e, actorId: null }), 'HASH_MISMATCH'],
    ['action', (e) => ({ ...e, action: 'ROOM_CLOSED' }), 'HASH_MISMATCH'],
    ['payload', (e) => ({ ...e, payload: { ...(e.payload as object), extra: 0 } }), 'HASH_MISMATCH'],
    ['at', (e) => ({ ...e, at: '2025-06-01T08:00:00.000Z' }), 'HASH_MISMATCH'],
    ['prevHash', (e) => ({ ...e, prevHash: 'f'.repeat(64) }), 'PREV_HASH_MISMATCH'],
    ['hash', (e) => ({ ...e, hash: 'f'.repeat(64) }), 'HASH_MISMATCH'],
  ];

  it.each(tamperings)('detects a changed %s in any entry at that entry', (_field, tamper, reason) => {
    for (let index = 0; index < inputs.length; index += 1) {
      const chain = buildChain();
      chain[index] = tamper(chain[index]);
      expect(verifyChain(chain)).toEqual({ valid: false, brokenAtSeq: index + 1, reason });
    }
  });

  it('detects a nested payload change', () => {
    const chain = buildChain();
    chain[1] = { ...chain[1], payload: { bidId: 'b1', scores: { tech: 10, team: 7 } } };
    expect(verifyChain(chain)).toEqual({ valid: false, brokenAtSeq: 2, reason: 'HASH_MISMATCH' });
  });

  it('detects an entry re-sealed after a change at the next entry', () => {
    const chain = buildChain();
    chain[2] = sealEntry(chain[1].hash, { ...inputs[2], payload: { bidId: 'b1', scores: { tech: 2, team: 2 } } });
    expect(verifyChain(chain)).toEqual({ valid: false, brokenAtSeq: 4, reason: 'PREV_HASH_MISMATCH' });
  });

  it('detects reordering, with or without renumbering', () => {
    const chain = buildChain();
    const swapped = [chain[0], chain[2], chain[1], chain[3], chain[4]];
    expect(verifyChain(swapped)).toEqual({ valid: false, brokenAtSeq: 2, reason: 'SEQ_MISMATCH' });
    const renumbered = swapped.map((e, i) => ({ ...e, seq: i + 1 }));
    expect(verifyChain(renumbered)).toEqual({ valid: false, brokenAtSeq: 2, reason: 'PREV_HASH_MISMATCH' });
  });

  it('detects a deleted entry at its seq, with or without renumbering', () => {
    const chain = buildChain();
    const withoutThird = chain.filter((e) => e.seq !== 3);
    expect(verifyChain(withoutThird)).toEqual({ valid: false, brokenAtSeq: 3, reason: 'SEQ_MISMATCH' });
    const renumbered = withoutThird.map((e, i) => ({ ...e, seq: i + 1 }));
    expect(verifyChain(renumbered)).toEqual({ valid: false, brokenAtSeq: 3, reason: 'PREV_HASH_MISMATCH' });
    expect(verifyChain(chain.slice(1))).toEqual({ valid: false, brokenAtSeq: 1, reason: 'SEQ_MISMATCH' });
  });

  it('detects a truncated tail only against the kept head', () => {
    const chain = buildChain();
    const truncated = chain.slice(0, 4);
    expect(verifyChain(truncated)).toEqual({ valid: true, head: chain[3].hash });
    expect(verifyChain(truncated, chain[4].hash)).toEqual({ valid: false, brokenAtSeq: 5, reason: 'HEAD_MISMATCH' });
  });
});
