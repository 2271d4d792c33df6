import { TokenBuckets } from './token-buckets';

describe('TokenBuckets', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => {
    now = 1_000_000;
  });

  it('spends a minute of allowance at once, then one token every 60/perMinute seconds', () => {
    const buckets = new TokenBuckets(6, clock);
    expect(Array.from({ length: 6 }, () => buckets.take('judge'))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(buckets.take('judge')).toBe(10);
    now += 4_000;
    expect(buckets.take('judge')).toBe(6);
    now += 6_000;
    expect(buckets.take('judge')).toBe(0);
    expect(buckets.take('judge')).toBe(10);
  });

  it('keeps keys apart', () => {
    const buckets = new TokenBuckets(1, clock);
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(60);
    expect(buckets.take('b')).toBe(0);
  });

  it('never refills past the capacity, however long the key was quiet', () => {
    const buckets = new TokenBuckets(2, clock);
    buckets.take('a');
    now += 3_600_000;
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 30]);
  });

  it('forgets the buckets that have filled up again, once a minute', () => {
    const buckets = new TokenBuckets(60, clock);
    for (let i = 0; i < 1000; i += 1) buckets.take(`user-${i}`);
    expect(buckets.size).toBe(1000);
    now += 59_000;
    for (let i = 0; i < 3; i += 1) buckets.take('user-0');
    expect(buckets.size).toBe(1000);
    now += 1_000;
    buckets.take('late');
    // a minute on, the others are full again and dropped; user-0 (57 + 1 of 60) and late are kept
    expect(buckets.size).toBe(2);
  });
});
