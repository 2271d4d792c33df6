import { Foundation1795832530520 } from './1795832530520-Foundation';
import { ChallengesAndBids1795834574668 } from './1795834574668-ChallengesAndBids';

/** Every migration, oldest first. */
export const MIGRATIONS: (new () => object)[] = [Foundation1795832530520, ChallengesAndBids1795834574668];
