export { ChallengesModule } from './challenges/challenges.module';
