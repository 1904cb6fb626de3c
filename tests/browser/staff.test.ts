import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  ensureConsoleBuilt,
  launchBrowser,
  newContext,
  screenshot,
  signIn,
  unlabelledFields,
} from '../fixtures/browser';
import { authed, buildOrgFixture, login, OrgFixture } from '../fixtures/org-fixture';
import { eventually, startApi, startWorker } from '../fixtures/test-app';

/**
 * The staff console's later steps in a real browser: extension and department contact on a case, co-handling parts,
 * personal quiet hours, the queue dashboard behind an administrator's ticket, Temporal links, and keyboard access.
 */
describe('staff pages of the console in a browser', () => {
  let api: { app: INestApplication; url: string };
  let worker: INestApplicationContext;
  let f: OrgFixture;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureConsoleBuilt();
    [f, browser] = await Promise.all([
      buildOrgFixture(),
      launchBrowser(),
      startApi().then((a) => {
        api = a;
      }),
      startWorker().then((w) => {
        worker = w;
      }),
    ]);
  }, 180_000);
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await browser?.close();
    await Promise.all([api?.app.close(), worker?.close()]);
  });
  let walk = 0;
  afterEach(async () => {
    walk += 1;
    const open = contexts.splice(0);
    await Promise.all(
      open.flatMap((c) => c.pages()).map((p, i) => screenshot(p, `end-staff-${walk}-${i}`).catch(() => undefined)),
    );
    await Promise.all(open.map((c) => c.close().catch(() => undefined)));
  });

  const newPage = async (): Promise<Page> => {
    const context = await newContext(browser, api.url);
    contexts.push(context);
    return context.newPage();
  };
  const tokenOf = async (who: string) => (await login(api.url, f.people[who].username)).accessToken;
  const fileCase = async (description: string) => {
    const res = await fetch(
      `${api.url}/api/v1/cases`,
      authed(await tokenOf('secretaryC1'), {
        method: 'POST',
        body: JSON.stringify({
          requestKey: `staff-${randomUUID()}`,
          channel: 'HOTLINE',
          category: f.category,
          description,
          address: f.addresses.G1,
          reporterPhone: '13900000002',
        }),
      }),
    );
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; caseNo: string; workflowId: string };
  };
  const timelineKinds = (page: Page) =>
    page.locator('[data-event-kind]').evaluateAll((els) => els.map((e) => e.getAttribute('data-event-kind')));

  it('a grid worker requests an extension and records the department contact; the co-handling unit finishes its part; a refused extension shows the API message', async () => {
    const filed = await fileCase(`井盖松动-${f.tag}`);
    const page = await newPage();
    await signIn(page, f.people.gridWorkerG1.username, `/console/cases/${filed.id}`);
    await page.getByRole('heading', { name: `诉求 ${filed.caseNo}` }).waitFor();
    expect(await page.getByTestId('temporal-link').count()).toBe(0); // not for a grid worker
    await page.getByRole('button', { name: '受理', exact: true }).click();
    await page.getByTestId('case-status').filter({ hasText: '已受理' }).waitFor();

    await page.getByRole('button', { name: '申请延期', exact: true }).click();
    await page.getByLabel('延期工作日数').fill('15');
    await page.getByLabel('延期理由').fill('需等待市政排期更换井盖');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    const refusal = page.getByRole('alert').filter({ hasText: '操作未成功' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/延期/); // the workflow's own words on the policy's cap
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: '申请延期', exact: true }).click();
    await page.getByLabel('延期工作日数').fill('3');
    await page.getByLabel('延期理由').fill('需等待市政排期更换井盖');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.locator('[data-event-kind=EXTENSION_REQUESTED]').waitFor();

    await page.getByRole('button', { name: '已联系街道部门', exact: true }).click();
    await page.getByLabel('联系情况').fill('已电话联系街道城管科，约定明日现场查看');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.locator('[data-event-kind=DEPARTMENT_CONTACTED]').waitFor();
    await page.getByText('已电话联系街道城管科，约定明日现场查看').waitFor();
    expect(await timelineKinds(page)).toEqual(
      expect.arrayContaining(['ACCEPTED', 'EXTENSION_REQUESTED', 'DEPARTMENT_CONTACTED']),
    );
    await screenshot(page, '30-case-extension-department');

    // the department co-handles; its own staff record progress and finish on the same page
    const dep = f.units.DEP1.id;
    const added = await fetch(
      `${api.url}/api/v1/cases/${filed.id}/co-handlers`,
      authed(await tokenOf('secretaryC1'), {
        method: 'POST',
        body: JSON.stringify({ unitId: dep, reason: '核查井盖产权' }),
      }),
    );
    expect(added.status).toBe(201);
    await page.getByRole('row', { name: /DEP1.*协办中/ }).waitFor();
    expect(await page.getByRole('button', { name: '协办完成' }).count()).toBe(0); // not the grid worker's part

    const depPage = await newPage();
    await signIn(depPage, f.people.deptStaffDEP1.username, `/console/cases/${filed.id}`);
    const part = depPage.getByRole('row', { name: /DEP1.*协办中/ });
    await part.getByRole('button', { name: '协办进展' }).click();
    await depPage.getByLabel('协办说明').fill('井盖属市政所有，已报修');
    await depPage.getByRole('button', { name: '提交', exact: true }).click();
    await depPage.locator('[data-event-kind=CO_HANDLER_PROGRESS]').waitFor();
    await part.getByRole('button', { name: '协办完成' }).click();
    await depPage.getByLabel('协办说明').fill('市政已更换井盖');
    await depPage.getByRole('button', { name: '提交', exact: true }).click();
    await depPage.getByRole('row', { name: /DEP1.*已完成/ }).waitFor();
    await screenshot(depPage, '31-case-co-handler-done');
    await page.getByRole('row', { name: /DEP1.*已完成/ }).waitFor(); // the grid worker's page picks it up

    const after = await fetch(`${api.url}/api/v1/cases/${filed.id}`, authed(await tokenOf('secretaryC1')));
    const body = (await after.json()) as { timeline: { kind: string; note: string | null }[] };
    expect(body.timeline.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['EXTENSION_REQUESTED', 'DEPARTMENT_CONTACTED', 'CO_HANDLER_PROGRESS', 'CO_HANDLER_DONE']),
    );
  }, 180_000);

  it('a staff member sets quiet hours and turns SMS off in 个人设置; the note says critical messages still go through', async () => {
    const page = await newPage();
    await signIn(page, f.people.secretaryC1.username);
    await page.getByRole('menuitem', { name: /个人设置/ }).click();
    await page.getByRole('heading', { name: '个人设置', exact: true }).waitFor();
    expect(await page.getByTestId('quiet-hours-note').innerText()).toMatch(/特急.*仍会通过所有通道送达/s);
    await page.getByLabel('免打扰开始（北京时间）').fill('23:30');
    await page.getByLabel('免打扰结束（北京时间）').fill('06:30');
    // by keyboard: a click that lands while the form is still laying out can miss the box (seen in a clean CI run)
    await page.getByRole('checkbox', { name: '短信' }).focus();
    await page.keyboard.press('Space');
    await page.locator('input[value="sms"]:not(:checked)').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('已保存：免打扰 23:30–06:30').waitFor();
    await screenshot(page, '32-settings');
    const saved = await fetch(`${api.url}/api/v1/inbox/settings`, authed(await tokenOf('secretaryC1')));
    expect(await saved.json()).toMatchObject({ quietStart: '23:30', quietEnd: '06:30', disabledChannels: ['sms'] });

    await page.reload();
    await page.getByRole('checkbox', { name: '工作群机器人' }).waitFor();
    expect(await page.getByLabel('免打扰开始（北京时间）').inputValue()).toBe('23:30');
    expect(await page.getByRole('checkbox', { name: '短信' }).isChecked()).toBe(false);
  }, 120_000);

  it('an administrator opens the queue dashboard from the console and sees Temporal links; a grid worker has no link and is refused', async () => {
    const admin = await newPage();
    await signIn(admin, f.people.admin.username);
    await admin.getByRole('menuitem', { name: /队列看板/ }).click();
    await admin.getByRole('heading', { name: '队列看板', exact: true }).waitFor();
    const blocked: string[] = [];
    admin.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text()) && !/fonts\.googleapis/.test(m.text())) blocked.push(m.text());
    });
    await admin.getByRole('button', { name: '打开队列看板' }).click();
    await admin.waitForURL(/\/admin\/queues\/$/);
    await admin.getByText('notify-sms').first().waitFor({ timeout: 20_000 });
    await admin.getByText('cases', { exact: true }).first().waitFor();
    // the overview has loaded its figures through the dashboard's own API (nothing the CSP had to block)
    await admin.getByText('加载中').waitFor({ state: 'detached', timeout: 20_000 });
    expect(blocked).toEqual([]);
    await screenshot(admin, '33-queue-dashboard');
    // the ticket is spent: going back to it is refused
    const cookies = await admin.context().cookies();
    const session = cookies.find((c) => c.name === 'govflow_qd');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/admin/queues' });

    const filed = await fileCase(`路灯闪烁-${f.tag}`);
    await admin.goto(`/console/cases/${filed.id}`);
    const link = admin.getByRole('link', { name: '在 Temporal 中查看' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(
      `http://127.0.0.1:8233/namespaces/${process.env.TEMPORAL_NAMESPACE ?? 'default'}/workflows/${filed.workflowId}`,
    );

    const grid = await newPage();
    await signIn(grid, f.people.gridWorkerG1.username);
    await grid.getByRole('menuitem', { name: /个人设置/ }).waitFor();
    expect(await grid.getByRole('menuitem', { name: /队列看板/ }).count()).toBe(0);
    const refused = await grid.goto('/admin/queues');
    expect(refused?.status()).toBe(401);
    await grid.goto('/console/queues');
    await grid.getByText('无权访问').waitFor();
    // even with a fresh ticket of their own the API says no
    const ticket = await fetch(
      `${api.url}/api/v1/admin/queue-dashboard/ticket`,
      authed(await tokenOf('gridWorkerG1'), { method: 'POST' }),
    );
    expect(ticket.status).toBe(403);
    await screenshot(grid, '34-queue-dashboard-refused');
  }, 120_000);

  it('every console page has named form fields; the policy editor removes a row with the keyboard', async () => {
    const filed = await fileCase(`键盘走查-${f.tag}`);
    const page = await newPage();
    const problems: string[] = [];
    await page.goto('/console/login');
    await page.getByRole('button', { name: /登\s*录/ }).waitFor();
    problems.push(...(await unlabelledFields(page)));
    await signIn(page, f.people.admin.username);
    const pages: [string, string][] = [
      ['/console/workbench', '工作台'],
      [`/console/cases/${filed.id}`, `诉求 ${filed.caseNo}`],
      ['/console/inbox', '消息中心'],
      ['/console/audit', '审计记录'],
      ['/console/dashboard', '三率看板'],
      ['/console/yellow-cards', '黄牌预警'],
      ['/console/policies/request-loop', '流程策略'],
      ['/console/settings', '个人设置'],
      ['/console/queues', '队列看板'],
      // pages added since: an administrator (district level, every permission) opens each of them
      ['/console/policies/rating', '评价规则'],
      ['/console/policies/mediation', '调解规则'],
      ['/console/calendar', '工作日历'],
      ['/console/templates', '消息模板'],
      ['/console/escalations', '督办'],
      ['/console/extensions', '延期审批'],
      ['/console/points', '积分排行'],
      ['/console/org', '组织架构'],
      ['/console/mediation', '矛盾调解'],
      ['/console/mediation/new', '受理矛盾纠纷'],
      ['/console/mediation/panel', '我的联调小组'],
      ['/console/programme/tasks', '双进双联任务'],
      ['/console/programme/wishes', '微心愿'],
      ['/console/programme/activities', '志愿服务'],
      ['/console/programme/members', '报到党员'],
      ['/console/programme/talent', '人才超市'],
      ['/console/programme/completion', '双进双联完成情况'],
      ['/console/programme/settings', '双进双联设置'],
    ];
    for (const [path, heading] of pages) {
      await page.goto(path);
      await page.getByRole('heading', { name: heading }).first().waitFor();
      // the inbox stream never goes idle: wait for the page's own loading spinners instead
      await eventually(async () => (await page.locator('.ant-spin-spinning').count()) === 0, `${path} to load`);
      problems.push(...(await unlabelledFields(page)));
      // Tab moves through the page: focus reaches the main content, not only the menu
      await page.locator('body').click({ position: { x: 1, y: 1 } });
      let reachedMain = false;
      for (let i = 0; i < 40 && !reachedMain; i++) {
        await page.keyboard.press('Tab');
        reachedMain = (await page.locator('.ant-pro-page-container :focus').count()) > 0;
      }
      if (!reachedMain) problems.push(`${path}: Tab 无法到达页面主体`);
    }
    expect(problems).toEqual([]);

    // the escalation ladder's remove buttons are real buttons with names, reached and pressed from the keyboard
    await page.goto('/console/policies/request-loop');
    const removes = page.getByRole('button', { name: /^删除第 \d+ 个级$/ });
    await removes.first().waitFor();
    const before = await removes.count();
    // from the list's 添加一级 button, Shift+Tab walks back into the last row and onto its remove button
    await page.getByRole('button', { name: '添加一级' }).focus();
    let focused: string | null = null;
    for (let i = 0; i < 20 && !focused?.startsWith('删除第'); i++) {
      await page.keyboard.press('Shift+Tab');
      focused = await page.locator(':focus').getAttribute('aria-label');
    }
    expect(focused).toBe(`删除第 ${before} 个级`);
    await page.keyboard.press('Enter');
    await eventually(async () => (await removes.count()) === before - 1, 'the row to be removed');
    await screenshot(page, '35-policy-editor-keyboard');
  }, 240_000);
});
