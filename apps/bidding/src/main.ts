import { runService } from '@app/core';
import { BiddingAppModule } from './bidding-app.module';

// runService reports its own failures and exits with their code.
void runService({
  name: 'bidding',
  defaultPort: 3002,
  docs: {
    title: 'Solver-bidding service',
    description: 'Teams and sealed bids (揭榜): revisions, receipts, the digest, shortlisting.',
  },
  module: (context) => BiddingAppModule.forRoot(context),
  announce: (url) => console.log(`bidding service on ${url} (API docs ${url}/api/docs)`),
});
