import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { createCast, declareNoConflicts, RoomClient, type RoomCast } from '../support/evaluation';
import { confirm, pick, press, signIn, snap, startWorld, waitForValue, type World } from './support/browser';

const JUDGE_NAMES = ['韩雪 Han Xue', '曹阳 Cao Yang', '严峰 Yan Feng'];

/**
 * Two envelopes in Chromium: the bureau draws the panel and convenes the room with the price sealed (formula scoring),
 * a judge scores technique without seeing any price, the chair opens the prices once every bid is
 * locked, and the formula's price scores reach the judge's sheet and the chair's totals.
 */
describe('two envelopes: technique first, the prices after (Chromium)', () => {
  let world: World;
  let cast: RoomCast;
  let roomId: string;
  let chair: Page;
  let judge: Page;
  const sockets: RoomClient[] = [];

  beforeAll(async () => {
    world = await startWorld();
    const t = await world.fixtures();
    cast = await createCast(t, {
      judges: 3,
      judgeNames: JUDGE_NAMES,
      teams: [
        { name: '甲队 Alpha', quotedPriceFen: 40_000_000 },
        { name: '乙队 Beta', quotedPriceFen: 30_000_000 },
      ],
    });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.socket.close();
    await world?.close();
  });

  it('the bureau draws the panel and convenes a two-envelope room with the price criterion scored by formula', async () => {
    const t = await world.fixtures();
    const [{ title }]: { title: string }[] = await t.dataSource.query('SELECT title FROM challenge WHERE id = $1', [cast.challengeId]);
    chair = await world.page();
    await signIn(chair, cast.admin.email, cast.admin.password);
    await chair.goto('/admin?tab=rooms');
    await pick(chair, 'Challenge', title);
    await chair.getByRole('row').filter({ hasText: '乙队 Beta' }).waitFor();
    // The panel is drawn: three judges from the field, no alternate; committed first, then run.
    for (const [label, value] of [['Panel size', '3'], ['Alternates', '0']] as const) {
      await chair.getByLabel(label, { exact: true }).fill(value);
      await chair.getByLabel(label, { exact: true }).press('Tab');
      await waitForValue(chair.getByLabel(label, { exact: true }), value);
    }
    await pick(chair, 'Fields of expertise', '智能制造');
    await press(chair, 'Commit the draw');
    await chair.getByTestId('draw-status').getByText('Committed: the result is not known yet').waitFor();
    await press(chair, 'Run the draw');
    await chair.getByTestId('draw-status').getByText('Drawn').waitFor();
    const drawn = (await chair.getByTestId('drawn-panel').textContent()) ?? '';
    expect(JUDGE_NAMES.every((name) => drawn.includes(name))).toBe(true);
    // The bureau is told what to check: these teams bid without an organisation (information, no acknowledgement needed).
    await chair.getByTestId('convening-warnings').getByText('甲队 Alpha bids without an organisation (for information)').waitFor();
    await pick(chair, 'Chair', '(me)');
    await chair.getByRole('radio', { name: 'Two envelopes (technical first, prices after)' }).check();
    await pick(chair, 'Price criterion', '报价合理性');
    await press(chair, 'Convene');
    await chair.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
    roomId = new URL(chair.url()).pathname.split('/')[2];
    await chair.getByTestId('envelope-phase').getByText('Two envelopes: technical scoring, prices sealed').waitFor();
    await declareNoConflicts(t, roomId, cast.judges, cast.teams.map((team) => team.bidId));
  });

  it('judges score technique with every price sealed; the prices open only after every bid is locked', async () => {
    judge = await world.page();
    await signIn(judge, cast.judges[0].email, cast.judges[0].password);
    await judge.goto(`/rooms/${roomId}`);
    for (const other of cast.judges.slice(1)) {
      const socket = await RoomClient.connect(world.url, other.token);
      await socket.ok('room:join', { roomId });
      sockets.push(socket);
    }
    await chair.reload();
    await press(chair, 'Open the room');
    for (const [i, team] of cast.teams.entries()) {
      await chair.getByRole('row').filter({ hasText: team.name }).getByRole('button', { name: 'Present' }).click();
      await judge.getByTestId('presenter').getByText(team.name).waitFor();
      await judge.getByTestId('bid-dossier').getByTestId('bid-price').getByText('Sealed until the prices are opened').waitFor();
      await judge.getByTestId('price-envelope').waitFor();
      // No field for the price criterion: the sheet is out of the technical weights (70).
      expect(await judge.getByLabel('报价合理性', { exact: true }).count()).toBe(0);
      await judge.getByLabel('技术方案', { exact: true }).fill(String(8 - i));
      await judge.getByLabel('团队能力', { exact: true }).fill('7');
      await judge.getByLabel('团队能力', { exact: true }).press('Enter');
      await judge.getByTestId('submission-state').getByText('Saved').waitFor();
      for (const socket of sockets) await socket.ok('score:submit', { roomId, bidId: team.bidId, scores: { tech: 6, team: 6 }, opId: crypto.randomUUID() });
      await chair.getByRole('row').filter({ hasText: team.name }).getByRole('button', { name: 'Lock' }).click();
      await confirm(chair);
      await chair.getByRole('row').filter({ hasText: team.name }).getByText('Locked').first().waitFor();
    }
    await snap(judge, 'judge-two-envelopes');
    expect(await chair.getByRole('button', { name: 'Reveal' }).isDisabled()).toBe(true);

    await press(chair, 'Open the prices');
    await confirm(chair);
    await chair.getByTestId('envelope-phase').getByText(/prices open/).waitFor();
    // Beta, on stage, has the lowest price: full marks; the judge now reads its price.
    await judge.getByTestId('price-envelope').getByText('«报价合理性» is scored by the formula: 10 of 10').waitFor();
    await judge.getByTestId('bid-dossier').getByTestId('bid-price').getByText('¥300,000.00').waitFor();
    // Alpha (¥400,000) against the lowest (¥300,000): 10 × 3/4 = 7.5; the judge's total 4·8 + 3·7 + 3·7.5 = 75.50.
    await chair.getByTestId(`cell-1-${cast.judges[0].id}`).getByText('75.50').waitFor();
    expect(await chair.getByRole('button', { name: 'Reveal' }).isDisabled()).toBe(false);
    await snap(chair, 'chair-prices-open');
  });
});
