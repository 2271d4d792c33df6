import { isUniqueViolation } from './errors';

describe('isUniqueViolation', () => {
  const duplicate = { code: '23505', constraint: 'uq_bid_active_per_team' };

  it('recognises a duplicate key, of any constraint or of the one named', () => {
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect(isUniqueViolation(duplicate, 'uq_bid_active_per_team')).toBe(true);
    expect(isUniqueViolation(duplicate, 'uq_user_email')).toBe(false);
  });

  it('is false for other failures and for what is not an error object', () => {
    expect(isUniqueViolation({ code: '23503', constraint: 'uq_bid_active_per_team' })).toBe(false);
    expect(isUniqueViolation(new Error('connection terminated'))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
    expect(isUniqueViolation('23505')).toBe(false);
  });
});
