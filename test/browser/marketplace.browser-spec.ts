import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { randomCreditCode, register } from '../support/users';
import { ADMIN, fieldError, fill, fillAll, formItem, pick, press, signIn, signUp, snap, startWorld, uniqueEmail, waitForValue, type World } from './support/browser';

/**
 * The marketplace through the UI alone: an enterprise registers and is verified, drafts a
 * challenge, the bureau publishes it, a visitor finds it, and a team bids on it.
 */
describe('from sign-up to a published challenge and a sealed bid (Chromium)', () => {
  let world: World;
  let enterprise: Page;
  let admin: Page;
  const orgName = `昆明高新传感科技 ${Date.now().toString(36)}`;
  const title = `高精度传感器芯片国产化 Sensor chip ${Date.now().toString(36)}`;
  let challengeUrl = '';

  beforeAll(async () => {
    world = await startWorld();
    enterprise = await world.page();
    admin = await world.page();
  });
  afterAll(() => world?.close());

  it('an enterprise registers its organisation and the bureau verifies it', async () => {
    await signUp(enterprise, '王经理', uniqueEmail('ent'));
    await enterprise.getByRole('link', { name: 'Organisations' }).click();
    await fillAll(enterprise, { Name: orgName, 'Unified credit code': 'not-a-code' });
    await press(enterprise, 'Register');
    await fieldError(enterprise, 'Unified credit code').getByText('creditCode must be 18 characters').waitFor();
    await fill(enterprise, 'Unified credit code', randomCreditCode());
    await press(enterprise, 'Register');
    await enterprise.getByRole('row').filter({ hasText: orgName }).getByText('Awaiting verification').waitFor();

    await signIn(admin, ADMIN.email, ADMIN.password);
    await admin.goto('/admin?tab=orgs');
    await admin.getByRole('row').filter({ hasText: orgName }).getByRole('button', { name: 'Verify' }).click();
    await admin.getByText('The organisation is verified').waitFor();
  });

  it('the enterprise drafts a challenge (the rubric kept at 100, field errors at their fields) and submits it', async () => {
    await enterprise.reload();
    await enterprise.getByRole('link', { name: 'My challenges' }).click();
    await enterprise.getByRole('row').filter({ hasText: orgName }).or(enterprise.getByText(orgName)).getByText('Verified').waitFor();
    await press(enterprise, 'New challenge');
    await fill(enterprise, 'Title', title);
    await fill(enterprise, 'Summary', '国产 MEMS 压力传感器芯片，精度 0.1%FS。A domestic MEMS pressure sensor chip.');
    await fill(enterprise, 'Confidential detail', '工艺细节 Process details');
    await pick(enterprise, 'Industry field', 'Advanced manufacturing');
    const indicator = enterprise.getByTestId('indicator-row').first();
    await fill(indicator, 'Indicator', '测量精度');
    await fill(indicator, 'Target', '≤ 0.1');
    await fill(indicator, 'Unit', '%FS');
    await fill(indicator, 'Measured by', '第三方检测');
    await fill(enterprise, 'Reward ceiling', '500000');
    const rows = enterprise.getByTestId('rubric-row');
    await fill(rows.nth(0), 'Criterion', '技术方案');
    await fill(rows.nth(1), 'Criterion', '团队实力');
    await fill(rows.nth(0), 'Weight', '70');
    await fill(rows.nth(0), 'Key', 'Not A Slug');
    await waitForValue(formItem(rows.nth(1), 'Weight').locator('input'), '30');
    await enterprise.getByTestId('rubric-sum').getByText('100%', { exact: true }).waitFor();

    await press(enterprise, 'Save draft');
    await fieldError(rows.nth(0), 'Key').getByText(/key must be a short slug/).waitFor();
    await snap(enterprise, 'challenge-editor');
    await fill(rows.nth(0), 'Key', 'approach');
    await press(enterprise, 'Save draft');
    await enterprise.getByTestId('challenge-status').getByText('Draft').waitFor();
    challengeUrl = new URL(enterprise.url()).pathname;
    await press(enterprise, 'Submit for review');
    await enterprise.getByTestId('challenge-status').getByText('In review').waitFor();
  });

  it('the bureau publishes it from the review queue and a visitor finds it by a Chinese substring', async () => {
    await admin.goto('/admin');
    await admin.getByRole('row').filter({ hasText: title }).waitFor();
    await snap(admin, 'admin-review-queue');
    await admin.getByRole('row').filter({ hasText: title }).getByRole('button', { name: 'Publish' }).click();
    await admin.getByText('Published', { exact: true }).first().waitFor();

    const visitor = await world.page();
    await visitor.goto('/');
    await visitor.getByRole('searchbox').or(visitor.getByPlaceholder(/Search titles/)).fill('传感器芯片');
    await visitor.keyboard.press('Enter');
    await visitor.getByTestId('challenge-card').filter({ hasText: title }).getByRole('link').click();
    await visitor.getByRole('heading', { name: title }).waitFor();
    expect(new URL(visitor.url()).pathname).toBe(challengeUrl);
    await visitor.getByText('技术方案').waitFor();
    await snap(visitor, 'challenge-page');
    const chinese = await world.page('zh-CN');
    await chinese.goto('/');
    await chinese.getByTestId('challenge-card').first().waitFor();
    await snap(chinese, 'challenge-list-zh');
    // The countdown is live: it ticks without a reload.
    const first = await visitor.getByTestId('countdown').textContent();
    await visitor.getByTestId('countdown').filter({ hasNotText: first ?? '' }).waitFor();
  });

  it('a team is founded and bids through the UI, with the payment shares kept at 100%', async () => {
    const solver = await world.page();
    await signUp(solver, '张教授', uniqueEmail('lead'));
    await solver.getByRole('link', { name: 'Teams' }).click();
    await fill(solver, 'Team name', '昆明理工大学 智能传感实验室');
    await press(solver, 'Found');
    await solver.getByRole('heading', { name: '昆明理工大学 智能传感实验室' }).waitFor();

    await solver.goto(challengeUrl);
    await solver.getByRole('link', { name: 'Bid', exact: true }).click();
    await pick(solver, 'Bidding team', '昆明理工大学 智能传感实验室');
    await fill(solver, 'Technical approach', 'MEMS 工艺 + 温度补偿');
    await fill(solver, 'Full proposal', '# 方案\n详细方案 Detailed proposal');
    await fill(solver, 'Quoted price', '480000');
    await fill(solver, 'Duration', '180');
    const milestones = solver.getByTestId('milestone-row');
    await fill(milestones.nth(0), 'Milestone', '样机 Prototype');
    await fill(milestones.nth(0), 'Deliverable', '测试报告');
    await press(solver, 'Add milestone');
    await fill(milestones.nth(1), 'Milestone', '量产 Production');
    await fill(milestones.nth(1), 'Due (day)', '170');
    await fill(milestones.nth(1), 'Deliverable', '验收报告');
    await fill(milestones.nth(0), 'Payment share', '30');
    await fill(milestones.nth(1), 'Deliverable', '验收报告 signed');
    await waitForValue(formItem(milestones.nth(1), 'Payment share').locator('input'), '70.00');
    await solver.getByTestId('share-sum').getByText('100.00%', { exact: true }).waitFor();
    await snap(solver, 'bid-editor');

    await press(solver, 'Submit the bid');
    const pledge = solver.locator('.ant-form-item').filter({ has: solver.getByText(/I pledge/) });
    await pledge.locator('.ant-form-item-explain-error').getByText(/pledgeAccepted/).waitFor();
    await solver.getByText(/I pledge/).click();
    await press(solver, 'Submit the bid');
    const hash = await solver.getByTestId('receipt-hash').textContent();
    expect(hash).toMatch(/^[0-9a-f]{64}/);
    await solver.getByTestId('bid-status').getByText('Submitted').waitFor();
    await snap(solver, 'bid-receipt');
    await solver.getByRole('link', { name: 'My bids' }).click();
    await solver.getByRole('row').filter({ hasText: title }).waitFor();
  });

  it('a lead invites a colleague, who joins the team only by accepting the invitation', async () => {
    const colleague = await register(await world.fixtures(), 'colleague', '赵一鸣 Zhao Yiming');
    const lead = await world.page();
    await signUp(lead, '李晓梅 Li Xiaomei', uniqueEmail('lead'));
    await lead.getByRole('link', { name: 'Teams' }).click();
    await fill(lead, 'Team name', '云南精密制造研究院 攻关组');
    await press(lead, 'Found');
    await lead.getByRole('heading', { name: '云南精密制造研究院 攻关组' }).waitFor();
    await fill(lead, 'Email', colleague.email);
    await press(lead, 'Invite');
    const invitations = lead.getByTestId('team-invitations');
    await invitations.getByRole('row').filter({ hasText: '赵一鸣 Zhao Yiming' }).getByText('Pending').waitFor();
    // Invited is not a member.
    expect(await lead.getByTestId('team-members').textContent()).not.toContain('赵一鸣');

    const invitee = await world.page();
    await signIn(invitee, colleague.email, colleague.password);
    await invitee.getByTestId('pending-invitations').getByText('1').waitFor();
    await invitee.getByRole('link', { name: /Invitations/ }).click();
    const row = invitee.getByTestId('invitations').getByRole('row').filter({ hasText: '云南精密制造研究院 攻关组' });
    await row.getByText('李晓梅 Li Xiaomei').waitFor();
    await snap(invitee, 'invitations');
    await row.getByRole('button', { name: 'Accept' }).click();
    await row.getByText('Accepted').waitFor();
    await invitee.getByTestId('pending-invitations').waitFor({ state: 'detached' });

    await lead.reload();
    await lead.getByTestId('team-members').getByText('赵一鸣 Zhao Yiming').waitFor();
    await invitations.getByRole('row').filter({ hasText: '赵一鸣 Zhao Yiming' }).getByText('Accepted').waitFor();
  });

  it('the enterprise invites a colleague into its organisation; the colleague is a member only once accepted', async () => {
    const colleague = await register(await world.fixtures(), 'staff', '孙浩 Sun Hao');
    await enterprise.getByRole('link', { name: 'Organisations' }).click();
    await enterprise.getByRole('link', { name: orgName }).click();
    await enterprise.getByTestId('org-members').getByText('王经理').waitFor();
    await fill(enterprise, 'Email', colleague.email);
    await press(enterprise, 'Invite');
    await enterprise.getByTestId('org-invitations').getByRole('row').filter({ hasText: '孙浩 Sun Hao' }).getByText('Pending').waitFor();
    expect(await enterprise.getByTestId('org-members').textContent()).not.toContain('孙浩');

    const staff = await world.page();
    await signIn(staff, colleague.email, colleague.password);
    await staff.goto('/invitations');
    const row = staff.getByTestId('invitations').getByRole('row').filter({ hasText: orgName });
    await row.getByText('Organisation').waitFor();
    await row.getByRole('button', { name: 'Accept' }).click();
    await row.getByText('Accepted').waitFor();
    await enterprise.reload();
    await enterprise.getByTestId('org-members').getByText('孙浩 Sun Hao').waitFor();
  });

  it('the bureau adds the team lead to the expert pool, found by a part of the name', async () => {
    await admin.goto('/admin?tab=experts');
    await pick(admin, 'User', '张教授', '教授');
    await fill(admin, 'Title', '教授 Professor');
    await press(admin, /^Add$/);
    await fieldError(admin, 'Fields').getByText('Required').waitFor();
    await formItem(admin, 'Fields').getByRole('combobox').fill('智能传感');
    await formItem(admin, 'Fields').getByRole('combobox').press('Enter');
    await press(admin, /^Add$/);
    await admin.getByRole('row').filter({ hasText: '张教授' }).getByText('教授 Professor').waitFor();
    // Now in the pool, the same user is offered no more.
    await formItem(admin, 'User').getByRole('combobox').fill('张教授');
    await admin.locator('.ant-select-item-option-disabled').filter({ hasText: 'Already in the pool' }).waitFor();
  });
});
