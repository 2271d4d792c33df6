export * from './errors';
export * from './events';
export * from './money';
export * from './challenge/challenge-lifecycle';
export * from './challenge/challenge-rules';
export * from './bidding/bid-lifecycle';
export * from './bidding/bid-rules';
export * from './identity/organisation-rules';
