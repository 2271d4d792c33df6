/// <reference lib="dom" />
import { expect } from '@jest/globals';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { conveneRoom, createCast, declareNoConflicts, RoomClient, sheet, type RoomCast } from '../support/evaluation';
import type { TestUser } from '../support/users';
import { choose, confirm, press, signIn, snap, startWorld, type World } from './support/browser';

const JUDGE_NAMES = ['孙立 Sun Li', '钱敏 Qian Min', '吴刚 Wu Gang', '郑洁 Zheng Jie', '冯涛 Feng Tao'];
const LONG_NAME = '云南精密制造研究院 高精度传感器国产化攻关组 Yunnan Precision Manufacturing Institute';
const TABLET = { width: 820, height: 1180 };

/** How many lines the element's text takes: its text boxes, top to bottom, start a new line below the last one's bottom. */
async function lines(element: Locator): Promise<number> {
  return element.evaluate((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    const boxes = [...range.getClientRects()].filter((rect) => rect.width > 0).sort((a, b) => a.top - b.top);
    let count = 0;
    let bottom = -Infinity;
    for (const box of boxes) {
      // Boxes of one line overlap vertically (a 24 px number beside a 14 px suffix); a wrapped line starts below.
      if (box.top >= bottom - 1) count += 1;
      bottom = Math.max(bottom, box.bottom);
    }
    return count;
  });
}

/** Every element matching `selector` on the page, each with the number of lines its text takes. */
async function wrapped(page: Page, selector: string): Promise<string[]> {
  const found = page.locator(selector);
  const out: string[] = [];
  for (let i = 0; i < (await found.count()); i += 1) {
    const element = found.nth(i);
    if (!(await element.isVisible())) continue;
    const n = await lines(element);
    if (n > 1) out.push(`${selector} #${i} "${await element.textContent()}" takes ${n} lines`);
  }
  return out;
}

/** Visible controls in the room smaller than a finger (44 px high), small table buttons aside. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.locator('.room-page').evaluate((root) =>
    [...root.querySelectorAll<HTMLElement>('.ant-btn:not(.ant-btn-sm), .ant-input-number-lg, .ant-select-lg')]
      .filter((element) => element.offsetParent !== null)
      .filter((element) => element.getBoundingClientRect().height < 44)
      .map((element) => `${element.className.split(' ')[0]} "${element.textContent ?? ''}" is ${element.getBoundingClientRect().height} px high`),
  );
}

/**
 * A five-judge panel in a defense hall, in Chromium: one judge on a tablet (in Chinese), one at a
 * laptop, the chair (a judge) on the console, two judges on their own socket.io clients, a bidding
 * team watching, and the hall's projector. Everything a panel member does is UI.
 */
describe('the room a panel runs in the hall (Chromium)', () => {
  let world: World;
  let cast: RoomCast;
  let roomId: string;
  let chair: Page;
  let tablet: Page;
  let desk: Page;
  let observer: Page;
  let screen: Page;
  const sockets: RoomClient[] = [];
  let alpha: string;
  let beta: string;

  const open = async (user: TestUser, path: string, options: { chinese?: boolean; viewport?: { width: number; height: number } } = {}): Promise<{ page: Page; context: BrowserContext }> => {
    const context = await world.context();
    const page = await context.newPage();
    if (options.viewport) await page.setViewportSize(options.viewport);
    await signIn(page, user.email, user.password);
    // Signed in through the English form; then the page in Chinese, as the language switch keeps it.
    if (options.chinese) await page.evaluate(() => localStorage.setItem('jiebang.language', 'zh-CN'));
    await page.goto(path);
    return { page, context };
  };
  const field = (scope: Page | Locator, label: string) => scope.getByLabel(label, { exact: true });
  /** The bid a panel member scores, chosen in the desk's Select (by keyboard, as `pick` explains). */
  const pickBid = (desk: Locator, label: string) => choose(desk.getByRole('combobox').first(), desk.locator('.ant-select').first(), label);

  beforeAll(async () => {
    world = await startWorld();
    const t = await world.fixtures();
    cast = await createCast(t, {
      judges: 5,
      judgeNames: JUDGE_NAMES,
      teams: [
        { name: '甲队 Alpha', quotedPriceFen: 40_000_000 },
        { name: LONG_NAME, quotedPriceFen: 30_000_000 },
      ],
    });
    [alpha, beta] = cast.teams.map((team) => team.bidId);
    ({ roomId } = await conveneRoom(t, cast.admin, {
      challengeId: cast.challengeId,
      judgeIds: cast.judges.map((judge) => judge.id),
      chairUserId: cast.judges[0].id,
      bids: cast.teams.map((team) => ({ bidId: team.bidId, presentationMinutes: 10, qaMinutes: 5 })),
      objectionWindowMinutes: 30,
    }));
    // The fifth judge declares in the browser (the first test); the others through the API.
    await declareNoConflicts(t, roomId, cast.judges.slice(0, 4), [alpha, beta]);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.socket.close();
    await world?.close();
  });

  it('a judge declares a conflict, and after a reload sees what was declared', async () => {
    const { page, context } = await open(cast.judges[4], `/rooms/${roomId}`);
    const row = (name: string) => page.getByRole('row').filter({ hasText: name });
    await row('甲队 Alpha').getByRole('radio', { name: 'No conflict' }).check();
    await row(LONG_NAME).getByRole('radio', { name: 'Conflict', exact: true }).check();
    await row(LONG_NAME).getByPlaceholder('Reason').fill('曾与该院合作项目 A past joint project with the institute');
    await press(page, 'Declare');
    await page.getByText('Declared').first().waitFor();
    await page.reload();
    await row(LONG_NAME).getByRole('radio', { name: 'Conflict', exact: true }).waitFor();
    expect(await row(LONG_NAME).getByRole('radio', { name: 'Conflict', exact: true }).isChecked()).toBe(true);
    expect(await row('甲队 Alpha').getByRole('radio', { name: 'No conflict' }).isChecked()).toBe(true);
    expect(await row(LONG_NAME).getByPlaceholder('Reason').inputValue()).toContain('A past joint project');
    await context.close();
  });

  it('the chair opens and presents; the hall screen and the team follow live, and the team sees no judge by name', async () => {
    chair = (await open(cast.judges[0], `/rooms/${roomId}`)).page;
    screen = (await open(cast.judges[0], `/rooms/${roomId}/screen`, { viewport: { width: 1920, height: 1080 } })).page;
    observer = (await open(cast.teams[0].members[0], `/rooms/${roomId}`)).page;
    tablet = (await open(cast.judges[1], `/rooms/${roomId}`, { chinese: true, viewport: TABLET })).page;
    desk = (await open(cast.judges[2], `/rooms/${roomId}`)).page;
    for (const judge of cast.judges.slice(3)) sockets.push(await RoomClient.connect(world.url, judge.token));
    for (const socket of sockets) await socket.ok('room:join', { roomId });

    await chair.getByTestId('declared-conflicts').getByText('Declared by the judge').waitFor();
    await press(chair, 'Open the room');
    await chair.getByRole('row').filter({ hasText: '甲队 Alpha' }).getByRole('button', { name: 'Present' }).click();
    await press(chair, 'Start presentation timer');
    await screen.getByTestId('screen-presenter').getByText('1. 甲队 Alpha').waitFor();
    await screen.getByTestId('screen-timer').getByText(/^00:(09|10):\d\d$/).waitFor();
    await observer.getByTestId('presenter').getByText('1. 甲队 Alpha').waitFor();
    // Nobody scored yet: the chart says so (not 0.00) and marks the pass mark.
    const chart = chair.getByTestId('ranking-chart');
    await chart.getByText('Unscored').first().waitFor();
    await chart.getByText('Pass mark 60').waitFor();
    // A long name is cut to its share of the width, not given two thirds of the chart.
    const longLabel = chart.locator('text').filter({ hasText: /^2\. 云南/ });
    const [labelBox, chartBox] = [await longLabel.boundingBox(), await chart.boundingBox()];
    expect(await longLabel.textContent()).not.toContain('Institute');
    expect(labelBox && chartBox && labelBox.width / chartBox.width).toBeLessThan(0.36);
    await snap(screen, 'hall-screen');

    // The team sees seats, not names, and no recusal (the fifth judge's on the second bid).
    await observer.getByTestId('progress-grid').getByRole('columnheader', { name: 'Expert A (chair)' }).waitFor();
    const seen = (await observer.locator('body').textContent()) ?? '';
    for (const name of JUDGE_NAMES) expect(seen).not.toContain(name.split(' ')[0]);
    expect(await observer.getByTestId('progress-grid').getByText('Recused').count()).toBe(0);
    await snap(observer, 'observer-anonymous-panel');
  });

  it('a judge reads the bid beside the sheet; the draft survives the chair moving on and a reload; Enter submits', async () => {
    const dossier = desk.getByTestId('bid-dossier');
    await dossier.getByRole('heading', { name: '甲队 Alpha 的方案' }).waitFor();
    await dossier.getByText('甲队 Alpha 负责人').waitFor();
    await dossier.getByText('样机与测试报告').waitFor();
    await dossier.getByTestId('bid-price').getByText('¥400,000.00').waitFor();
    await field(desk, '技术方案').fill('8');
    await field(desk, '团队能力').fill('7');
    await desk.getByLabel('Comment (shown to the team anonymously)').fill('样机验证计划可行 A credible prototype plan');

    await chair.getByRole('row').filter({ hasText: LONG_NAME }).getByRole('button', { name: 'Present' }).click();
    await desk.getByTestId('stage-moved').getByText(/2\. 云南精密制造研究院/).waitFor();
    expect(await field(desk, '技术方案').inputValue()).toBe('8.00');

    await desk.reload();
    await desk.getByTestId('scoring-desk').waitFor();
    await pickBid(desk.getByTestId('scoring-desk'), '1. 甲队 Alpha');
    await desk.getByTestId('draft-kept').waitFor();
    expect(await field(desk, '技术方案').inputValue()).toBe('8.00');
    expect(await field(desk, '团队能力').inputValue()).toBe('7.00');
    expect(await desk.getByLabel('Comment (shown to the team anonymously)').inputValue()).toContain('A credible prototype plan');
    await field(desk, '报价合理性').fill('9');
    await field(desk, '报价合理性').press('Enter');
    await desk.getByTestId('submission-state').getByText('Saved').waitFor();
    await desk.getByTestId('draft-kept').waitFor({ state: 'detached' });
    await snap(desk, 'judge-desk');
  });

  it('on a tablet the desk is tabs, arrow keys step a score, targets are 44 px, and no number or label wraps from 768 to 1440 px', async () => {
    await tablet.getByRole('tab', { name: '评分表' }).waitFor();
    await tablet.getByRole('tab', { name: '揭榜方案' }).click();
    await tablet.getByTestId('bid-dossier').getByRole('heading', { level: 1 }).waitFor();
    await tablet.getByRole('tab', { name: '评分表' }).click();
    await pickBid(tablet.getByTestId('scoring-desk'), '1. 甲队 Alpha');
    const tech = field(tablet, '技术方案');
    await tech.fill('7');
    await tech.press('ArrowUp');
    expect(await tech.inputValue()).toBe('7.50');
    await tech.press('ArrowDown');
    await tech.press('ArrowDown');
    expect(await tech.inputValue()).toBe('6.50');
    await field(tablet, '团队能力').fill('6');
    await field(tablet, '报价合理性').fill('6');
    await field(tablet, '报价合理性').press('Enter');
    await tablet.getByTestId('submission-state').getByText('已保存').waitFor();
    await snap(tablet, 'judge-desk-tablet');

    for (const width of [768, 820, 1024, 1440]) {
      for (const page of [tablet, chair]) {
        await page.setViewportSize({ width, height: 1000 });
        await page.getByTestId('slot-timer').waitFor();
        const problems = [
          ...(await wrapped(page, '[data-testid="slot-timer"]')),
          ...(await wrapped(page, '.room-bar-label')),
          ...(await wrapped(page, '[data-testid^="cell-"]')),
          ...(await wrapped(page, '.ant-table-thead th')),
          ...(await wrapped(page, '[data-testid="weighted-total"] .ant-statistic-content')),
          ...(await smallTargets(page)),
        ];
        expect({ width, problems }).toEqual({ width, problems: [] });
      }
    }
    await chair.setViewportSize({ width: 1366, height: 900 });
  });

  it('the chair scores from the console into the five-judge trimmed mean; locking names who has not scored', async () => {
    // Alpha: the chair 100, the tablet 62, the laptop 80, and two judges on sockets 50 and 90.
    const console = chair.getByTestId('chair-sheet');
    await pickBid(console, '1. 甲队 Alpha');
    for (const label of ['技术方案', '团队能力', '报价合理性']) await field(console, label).fill('10');
    await console.getByRole('button', { name: 'Submit scores' }).click();
    await console.getByTestId('submission-state').getByText('Saved').waitFor();
    await sockets[0].ok('score:submit', { roomId, bidId: alpha, scores: sheet(5, 5, 5), opId: crypto.randomUUID() });
    await sockets[1].ok('score:submit', { roomId, bidId: alpha, scores: sheet(9, 9, 9), opId: crypto.randomUUID() });
    // Five scored: the highest (100) and the lowest (50) are dropped: (62 + 80 + 90) / 3 = 77.33, not the plain 76.40.
    const alphaRow = chair.getByTestId('progress-grid').getByRole('row').filter({ hasText: '甲队 Alpha' });
    await alphaRow.getByText('5 / 5').waitFor();
    await alphaRow.getByText('77.33').waitFor();

    const bids = (name: string) => chair.getByRole('row').filter({ hasText: name }).getByRole('button', { name: 'Lock' });
    await bids('甲队 Alpha').click();
    await chair.getByText('Every panel member has scored. Lock this bid?').waitFor();
    await confirm(chair);
    await chair.getByRole('row').filter({ hasText: '甲队 Alpha' }).getByText('Locked').first().waitFor();

    // The second bid: one score so far (the fifth judge is recused from it).
    await pickBid(desk.getByTestId('scoring-desk'), '2. 云南精密制造研究院');
    for (const [label, value] of [['技术方案', '6'], ['团队能力', '6'], ['报价合理性', '6']] as const) await field(desk, label).fill(value);
    await field(desk, '报价合理性').press('Enter');
    await desk.getByTestId('submission-state').getByText('Saved').waitFor();
    await bids(LONG_NAME).click();
    const missing = chair.locator('.ant-popover:visible');
    await missing.getByText(/Not scored yet: 孙立 Sun Li、钱敏 Qian Min、郑洁 Zheng Jie\. Lock anyway\?/).waitFor();
    expect(await missing.textContent()).not.toContain('冯涛');
    await missing.getByRole('button', { name: 'Cancel' }).click();
    await snap(chair, 'chair-on-panel');

    await sockets[0].ok('score:submit', { roomId, bidId: beta, scores: sheet(7, 7, 7), opId: crypto.randomUUID() });
    await pickBid(tablet.getByTestId('scoring-desk'), '2. 云南精密制造研究院');
    for (const label of ['技术方案', '团队能力', '报价合理性']) await field(tablet, label).fill('5');
    await field(tablet, '报价合理性').press('Enter');
    await tablet.getByTestId('submission-state').getByText('已保存').waitFor();
    await pickBid(console, '2. 云南精密制造研究院');
    for (const label of ['技术方案', '团队能力', '报价合理性']) await field(console, label).fill('8');
    await field(console, '报价合理性').press('Enter');
    await console.getByTestId('submission-state').getByText('Saved').waitFor();
    await bids(LONG_NAME).click();
    await chair.getByText('Every panel member has scored. Lock this bid?').waitFor();
    await confirm(chair);
    await chair.getByRole('row').filter({ hasText: LONG_NAME }).getByText('Locked').first().waitFor();
  });

  it('after the reveal every client agrees on stage and timer, live or freshly loaded; the hall shows the ranking; finalising waits for the 公示', async () => {
    await press(chair, 'Reveal');
    await confirm(chair);
    await observer.getByTestId('room-status').getByText('Revealed').waitFor();
    const stage = async (page: Page) => [await page.getByTestId('presenter').textContent(), await page.getByTestId('room-bar').textContent()];
    const live = await stage(observer);
    expect(live[0]).toBe('—');
    await observer.reload();
    await observer.getByTestId('room-status').getByText('Revealed').waitFor();
    expect(await stage(observer)).toEqual(live);

    await screen.getByTestId('screen-ranking').getByText('甲队 Alpha').waitFor();
    await screen.getByTestId('screen-ranking').getByText('77.33').waitFor();
    await snap(screen, 'hall-screen-ranking');

    await chair.getByTestId('finalize-reason').getByText(/The 公示 \(objection window\) is open for 00:(29|30):\d\d more/).waitFor();
    expect(await chair.getByRole('button', { name: 'Finalise' }).isDisabled()).toBe(true);
  });
});
