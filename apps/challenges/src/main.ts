import { runService } from '@app/core';
import { ChallengesAppModule } from './challenges-app.module';

// runService reports its own failures and exits with their code.
void runService({
  name: 'challenges',
  defaultPort: 3001,
  docs: {
    title: 'Challenge-posting service',
    description: 'The list (榜单): challenges from draft to award, bureau review, amendments, clarification Q&A, NDAs.',
  },
  module: (context) => ChallengesAppModule.forRoot(context),
  announce: (url) => console.log(`challenges service on ${url} (API docs ${url}/api/docs)`),
});
