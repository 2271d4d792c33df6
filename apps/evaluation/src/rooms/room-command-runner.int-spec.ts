import { TokenService } from '@app/auth';
import { startTestApp, TestApp } from '../../../../test/support/app';
import { declaredRoom, RoomClient } from '../../../../test/support/evaluation';
import { EvaluationAppModule } from '../evaluation-app.module';
import { configureEvaluation } from '../index';
import { RoomCommandRunner } from './room-command-runner';
import { slotOf } from './room-state';

describe('the room command runner (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ module: (context) => EvaluationAppModule.forRoot(context), configure: configureEvaluation, listen: true });
  });
  afterAll(() => t.close());

  it('broadcasts the view after what a command wrote, though the command declares nothing about its writes', async () => {
    const { roomId, admin, judges, teams } = await declaredRoom(t, 3);
    const judge = await RoomClient.connect(t.url, judges[0].token);
    try {
      await judge.ok('room:join', { roomId });
      const runner = t.app.get(RoomCommandRunner);
      const chair = t.app.get(TokenService).verifyAccess(admin.token);
      const bidId = teams[1].bidId;
      // A new command: it reads the room first (so the views after it are a refresh, not a reload), then writes a bid.
      const ack = await runner.run(chair, roomId, 'test:stage', undefined, { bidId }, async ({ state, write, at }) => {
        expect(slotOf(await state(), bidId).state).toBe('PENDING');
        await write.bid(bidId, { state: 'PRESENTING', presentedAt: at });
        return {
          action: 'bid.presented',
          payload: { bidId },
          event: (after) => ({ type: 'bid.presenting', data: { bidId, state: slotOf(after, bidId).state } }),
          ack: (after) => ({ state: slotOf(after, bidId).state }),
        };
      });
      expect(ack.state).toBe('PRESENTING');
      const told = await judge.waitForVersion(ack.version);
      expect(told).toMatchObject({ type: 'bid.presenting', data: { bidId, state: 'PRESENTING' } });
    } finally {
      judge.close();
    }
  });
});
