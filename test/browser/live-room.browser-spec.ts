import { expect } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { conveneRoom, createCast, declareNoConflicts, type RoomCast } from '../support/evaluation';
import type { TestUser } from '../support/users';
import { confirm, fieldError, fill, press, signIn, snap, startWorld, type World } from './support/browser';

/**
 * The live room in five browsers: the chair (the bureau), three judges and an observer (the
 * owner enterprise). The room's surroundings (a closed challenge with shortlisted bids, the
 * expert pool, the convened room) come from the shared fixtures; everything in the room is UI.
 */
describe('the live evaluation room (Chromium)', () => {
  let world: World;
  let cast: RoomCast;
  let roomId: string;
  let chair: Page;
  let observer: Page;
  let teamPage: Page;
  const judges: { user: TestUser; page: Page; context: BrowserContext }[] = [];

  const openRoom = async (user: TestUser): Promise<{ page: Page; context: BrowserContext }> => {
    const context = await world.context();
    const page = await context.newPage();
    await signIn(page, user.email, user.password);
    await page.goto(`/rooms/${roomId}`);
    await page.getByTestId('room-status').waitFor();
    return { page, context };
  };

  const score = async (page: Page, values: [number, number, number], comment?: string) => {
    for (const [label, value] of [['技术方案', values[0]], ['团队能力', values[1]], ['报价合理性', values[2]]] as const) {
      await page.getByLabel(label, { exact: true }).fill(String(value));
    }
    if (comment !== undefined) await page.getByLabel('Comment (shown to the team anonymously)').fill(comment);
    await page.getByRole('button', { name: /Submit scores|Revise my scores/ }).click();
  };

  beforeAll(async () => {
    world = await startWorld();
    const t = await world.fixtures();
    cast = await createCast(t, { judges: 3, teams: [{ name: '甲队 Alpha', quotedPriceFen: 40_000_000 }, { name: '乙队 Beta', quotedPriceFen: 30_000_000 }] });
    ({ roomId } = await conveneRoom(t, cast.admin, {
      challengeId: cast.challengeId,
      judgeIds: cast.judges.map((judge) => judge.id),
      chairUserId: cast.admin.id,
      bids: cast.teams.map((team) => ({ bidId: team.bidId, presentationMinutes: 10, qaMinutes: 5 })),
      objectionWindowMinutes: 30,
    }));
    await declareNoConflicts(t, roomId, cast.judges, cast.teams.map((team) => team.bidId));
    chair = (await openRoom(cast.admin)).page;
    observer = (await openRoom(cast.owner)).page;
    for (const user of cast.judges) judges.push({ user, ...(await openRoom(user)) });
  });
  afterAll(() => world?.close());

  it('the chair opens the room and presents; every view follows live', async () => {
    await chair.getByTestId('audience').getByText('Chair').waitFor();
    await observer.getByTestId('audience').getByText('Observer').waitFor();
    await press(chair, 'Open the room');
    await chair.getByRole('row').filter({ hasText: '甲队 Alpha' }).getByRole('button', { name: 'Present' }).click();
    await press(chair, 'Start presentation timer');
    for (const page of [observer, ...judges.map((judge) => judge.page)]) {
      await page.getByTestId('presenter').getByText('甲队 Alpha').waitFor();
      await page.getByTestId('slot-timer').waitFor();
    }
  });

  it("judges' scores appear on the chair's grid without a reload, and never on the observer's", async () => {
    const sheets: [number, number, number][] = [[8, 7, 9], [9, 8, 8], [7, 7, 7]];
    for (const [i, judge] of judges.entries()) {
      await expect(judge.page.getByTestId('weighted-total').textContent()).resolves.toContain('0.00');
      await score(judge.page, sheets[i]);
      await judge.page.getByTestId('submission-state').getByText('Saved').waitFor();
    }
    // 4·tech + 3·team + 3·price: 80.00, 84.00, 70.00
    for (const [i, points] of ['80.00', '84.00', '70.00'].entries()) {
      await chair.getByTestId(`cell-1-${judges[i].user.id}`).getByText(points).waitFor();
    }
    await chair.getByTestId('progress-grid').getByText('78.00').waitFor();
    await observer.getByTestId('progress-grid').getByText('3 / 3').waitFor();
    expect(await observer.getByTestId('progress-grid').textContent()).not.toMatch(/\d+\.\d\d/);
    await observer.getByText('Scores stay sealed until the chair reveals them').waitFor();
    await snap(chair, 'chair-console');
    await snap(judges[0].page, 'judge-scoring');
    await snap(observer, 'observer-before-reveal');
  });

  it('a judge whose connection is cut sees a banner, keeps a retrying submission, and resyncs', async () => {
    const cut = judges[2];
    await cut.context.setOffline(true);
    await cut.page.getByTestId('connection-banner').waitFor();
    await score(cut.page, [8, 8, 8]);
    await cut.page.getByTestId('submission-state').getByText('Retrying…').waitFor();
    // Meanwhile the room moves on: the chair presents the next bid.
    await chair.getByRole('row').filter({ hasText: '乙队 Beta' }).getByRole('button', { name: 'Present' }).click();
    await observer.getByTestId('presenter').getByText('乙队 Beta').waitFor();

    await cut.context.setOffline(false);
    await cut.page.getByTestId('connection-banner').waitFor({ state: 'detached' });
    await cut.page.getByTestId('presenter').getByText('乙队 Beta').waitFor();
    // The retried submission counted once, with the revised sheet: 80.00.
    await chair.getByTestId(`cell-1-${cut.user.id}`).getByText('80.00').waitFor();
    // The judge was working on the first bid when the second went on stage: the desk stayed, and offers the stage.
    await cut.page.getByTestId('stage-moved').getByRole('button', { name: 'Go to the bid on stage' }).click();
    await cut.page.getByTestId('score-form').getByText('2. 乙队 Beta').waitFor();
  });

  it('the chair locks, reveals, and the observer sees the ranking only then', async () => {
    for (const [i, judge] of judges.entries()) {
      await score(judge.page, [[6, 6, 6], [5, 6, 5], [6, 5, 6]][i] as [number, number, number], i === 0 ? '样机验证计划需要细化 Refine the prototype test plan' : undefined);
      await judge.page.getByTestId('submission-state').getByText('Saved').waitFor();
    }
    for (const team of ['甲队 Alpha', '乙队 Beta']) {
      await chair.getByRole('row').filter({ hasText: team }).getByRole('button', { name: 'Lock' }).click();
      await confirm(chair);
      await chair.getByRole('row').filter({ hasText: team }).getByText('Locked').first().waitFor();
    }
    await press(chair, 'Reveal');
    await confirm(chair);
    await observer.getByTestId('ranking').getByText('甲队 Alpha').waitFor();
    await observer.getByTestId('room-status').getByText('Revealed').waitFor();
    await chair.getByTestId('ranking-chart').waitFor();
    await snap(observer, 'observer-ranking');
  });

  it('a team files an objection during the window; the bureau answers it, and the chair sees it answered', async () => {
    const beta = cast.teams[1];
    const team = await world.page();
    teamPage = team;
    await signIn(team, beta.members[0].email, beta.members[0].password);
    await team.goto(`/rooms/${roomId}`);
    await team.getByTestId('audience').getByText('Observer').waitFor();
    await team.getByTestId('objections').getByText('No objection has been filed').waitFor();
    await press(team, 'File the objection');
    await fieldError(team, 'Your objection').getByText('Required').waitFor();
    await fill(team, 'Your objection', '甲队的报价高于市场价 The other quote is above the market price');
    await press(team, 'File the objection');
    await chair.getByText('Objections: 1 filed, 1 open').waitFor();
    const row = chair.getByTestId('objections').getByRole('row').filter({ hasText: 'The other quote is above the market price' });
    await row.getByRole('button', { name: 'Answer' }).click();
    await chair.getByRole('dialog').getByRole('textbox').fill('报价经复核合理 The quote was checked and is sound');
    await confirm(chair);
    await chair.getByText('Objections: 1 filed, 0 open').waitFor();
    await team.getByTestId('objections').getByText('The quote was checked and is sound').waitFor();
    // The owner enterprise sees every objection of its room.
    await observer.getByTestId('objections').getByText('The other quote is above the market price').waitFor();
    await snap(team, 'objections');
  });

  it('the chair finalises; the report shows every judge\'s scores, verifies the audit chain and downloads as CSV', async () => {
    // The objection window (30 minutes) is over: moved into the past as a clock would.
    const t = await world.fixtures();
    await t.dataSource.query(`UPDATE evaluation_room SET objection_window_ends_at = now() - interval '1 second' WHERE id = $1`, [roomId]);
    // The console keeps Finalise disabled until the window it knows of ends: a fresh snapshot carries the moved one.
    await chair.reload();
    await chair.getByTestId('room-status').getByText('Revealed').waitFor();
    await press(chair, 'Finalise');
    await confirm(chair);
    await observer.getByTestId('room-status').getByText('Finalised').waitFor();
    await chair.getByRole('link', { name: 'Report' }).first().click();
    await chair.getByTestId('chain-status').getByText(/Audit chain verified/).waitFor();
    await chair.getByText(`Scores: 甲队 Alpha`).waitFor();
    await snap(chair, 'report');
    const [download] = await Promise.all([chair.waitForEvent('download'), press(chair, 'Download CSV')]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
  });

  it('the team reads its feedback scorecard: rank, panel averages per criterion, the comments without names', async () => {
    const t = await world.fixtures();
    const beta = cast.teams[1];
    for (let i = 0; i < 100; i += 1) {
      const [bid]: { status: string }[] = await t.dataSource.query('SELECT status FROM bid WHERE id = $1', [beta.bidId]);
      if (bid.status !== 'SHORTLISTED') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await teamPage.goto(`/bids/${beta.bidId}`);
    const feedback = teamPage.getByTestId('feedback');
    await feedback.getByText('Refine the prototype test plan').waitFor();
    // Beta's sheets (6,6,6), (5,6,5), (6,5,6): averages 5.67, 5.67, 5.67 of 10; ranked 2 of 2.
    await feedback.getByText('2 of 2').waitFor();
    expect(await feedback.getByRole('row').filter({ hasText: '技术方案' }).textContent()).toContain('5.67 / 10');
    // The comments come without their authors: no judge's name (every judge here is 评审专家) on the card.
    expect(await feedback.textContent()).not.toContain('评审专家');
    await snap(teamPage, 'feedback');
  });
});
