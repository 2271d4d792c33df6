import { runService } from '@app/core';
import { EvaluationAppModule } from './evaluation-app.module';
import { configureEvaluation } from './index';

// runService reports its own failures and exits with their code.
void runService({
  name: 'evaluation',
  defaultPort: 3003,
  docs: {
    title: 'Evaluation service',
    description: 'The expert pool and the live evaluation room (评审室): conflicts, scoring, reveal, the record.',
  },
  module: (context) => EvaluationAppModule.forRoot(context),
  configure: configureEvaluation,
  announce: (url) => console.log(`evaluation service on ${url} (API docs ${url}/api/docs)`),
});
