import { adminLogin, runService } from '@app/core';
import { configureEvaluation } from '@app/evaluation';
import { demoAnnouncement, demoReport } from './demo/demo-report';
import { PLATFORM_DOCS } from './platform-docs';
import { PlatformModule } from './platform.module';

// runService reports its own failures and exits with their code.
void runService({
  name: 'platform',
  defaultPort: 3000,
  docs: PLATFORM_DOCS,
  module: (context) => PlatformModule.forRoot(context),
  configure: configureEvaluation,
  announce: (url, context) => {
    const { config } = context;
    const lines = [
      '',
      `  揭榜挂帅 marketplace is running at ${url}`,
      `  API docs:   ${url}/api/docs`,
      `  Health:     ${url}/api/health/ready`,
      ...(config.admin ? [`  Admin:      ${adminLogin(config.admin)}`] : []),
      config.databaseUrl ? '  Database:   DATABASE_URL' : `  Database:   embedded PostgreSQL in ${config.dataDir}/postgres`,
      ...demoAnnouncement(demoReport(context)),
      '  Stop with Ctrl-C.',
      '',
    ];
    console.log(lines.join('\n'));
  },
});
