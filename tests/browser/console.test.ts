import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { NotificationService } from '../../src/modules/notification/notification.service';
import { answerTo, ensureConsoleBuilt, launchBrowser, newContext, screenshot, signIn } from '../fixtures/browser';
import { authed, buildOrgFixture, login, OrgFixture } from '../fixtures/org-fixture';
import { eventually, startApi, startWorker } from '../fixtures/test-app';

/**
 * The console in a real browser (Debian's chromium through playwright-core, zh-CN, China time) against the real API,
 * worker, PostgreSQL, Redis and Temporal. Each walk asserts what the page shows.
 */
describe('the console in a browser', () => {
  let api: { app: INestApplication; url: string };
  let worker: INestApplicationContext;
  let f: OrgFixture;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureConsoleBuilt(); // before the API boots: it serves console/dist when the module is created
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

  // Every walk ends with a picture of each page it left open (test-runs/screenshots/end-<walk>-<page>.png): when a
  // step fails, this shows what the page showed instead. Then its browser contexts are closed.
  let walk = 0;
  afterEach(async () => {
    walk += 1;
    const open = contexts.splice(0);
    await Promise.all(
      open.flatMap((c) => c.pages()).map((p, i) => screenshot(p, `end-${walk}-${i}`).catch(() => undefined)),
    );
    await Promise.all(open.map((c) => c.close().catch(() => undefined)));
  });

  const newPage = async (): Promise<Page> => {
    const context = await newContext(browser, api.url);
    contexts.push(context);
    return context.newPage();
  };
  const fileCase = async (description: string) => {
    const token = (await login(api.url, f.people.secretaryC1.username)).accessToken;
    const res = await fetch(
      `${api.url}/api/v1/cases`,
      authed(token, {
        method: 'POST',
        body: JSON.stringify({
          requestKey: `console-${randomUUID()}`,
          channel: 'HOTLINE',
          category: f.category,
          description,
          address: f.addresses.G1,
          reporterPhone: '13900000001',
        }),
      }),
    );
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; caseNo: string };
  };
  const tokenOf = async (who: string) => (await login(api.url, f.people[who].username)).accessToken;
  const unreadOf = async (page: Page) =>
    Number(await page.getByRole('link', { name: /^消息中心（\d+ 条未读）$/ }).getAttribute('data-unread'));

  it("a grid worker sees a new case on the 工作台 within seconds, accepts it, adds progress and marks it handled; a refused step shows the API's message", async () => {
    const page = await newPage();
    await page.goto('/console/');
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    await screenshot(page, '01-login');
    await signIn(page, f.people.gridWorkerG1.username);
    await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
    // the menu offers only what a grid worker may open
    await page.getByRole('menuitem', { name: /消息中心/ }).waitFor();
    expect(await page.getByRole('menuitem', { name: /审计/ }).count()).toBe(0);

    const filed = await fileCase(`楼道灯不亮-浏览器-${f.tag}`);
    const row = page.getByRole('row', { name: new RegExp(filed.caseNo) });
    await row.waitFor({ timeout: 20_000 }); // the list re-reads itself; no reload
    const clock = row.locator('[data-clock-state]');
    const before = await clock.innerText();
    expect(before).toMatch(/^受理时限：剩余 \d+分\d+秒$/);
    expect(await row.innerText()).toContain('待受理');
    // the clock counts down on the page
    await eventually(async () => (await clock.innerText()) !== before, 'the countdown to tick', 10_000);
    await screenshot(page, '02-workbench');

    await row.getByRole('link', { name: filed.caseNo }).click();
    await page.getByRole('heading', { name: `诉求 ${filed.caseNo}` }).waitFor();
    expect(await page.getByTestId('case-status').innerText()).toBe('待受理');
    await page
      .getByText(/受理时限：剩余/)
      .first()
      .waitFor();
    await screenshot(page, '03-case-detail-reported');

    await page.getByRole('button', { name: '受理', exact: true }).click();
    await page.getByTestId('case-status').filter({ hasText: '已受理' }).waitFor();
    await page
      .getByText(/办结时限：剩余 \d+天/)
      .first()
      .waitFor();

    await page.getByRole('button', { name: '添加进展', exact: true }).click();
    await page.getByLabel('进展说明').fill('已联系物业，明日上门更换灯泡');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.getByText('已联系物业，明日上门更换灯泡').waitFor();
    await page.getByTestId('case-status').filter({ hasText: '处置中' }).waitFor();

    // meanwhile the community secretary invites the street's 城管 department to co-handle (through the API)
    const dep = f.units.DEP1.id;
    const added = await fetch(
      `${api.url}/api/v1/cases/${filed.id}/co-handlers`,
      authed(await tokenOf('secretaryC1'), {
        method: 'POST',
        body: JSON.stringify({ unitId: dep, reason: '需城管协助核查线路' }),
      }),
    );
    expect(added.status).toBe(201);
    await page.getByRole('row', { name: /DEP1.*协办中/ }).waitFor(); // the open page picks it up

    // an empty reply is refused by the form's own check before anything is sent
    const markHandled = async (tryEmptyFirst: boolean) => {
      await page.getByRole('button', { name: '标记为已处置', exact: true }).click();
      if (tryEmptyFirst) {
        await page.getByRole('button', { name: '提交', exact: true }).click();
        await page.getByText('请填写处置答复').waitFor();
      }
      await page.getByLabel('处置答复').fill('灯泡已更换，楼道照明恢复');
      await page.getByRole('button', { name: '提交', exact: true }).click();
    };
    await markHandled(true);
    // the API refuses while the department's part is open, and the page says why in the API's words
    const refusal = page.getByRole('alert').filter({ hasText: '操作未成功' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(
      /协办单位「DEP1（测试[0-9a-f]+）」尚未完成协办，主办单位暂不能标记为已处置/,
    );
    expect(await page.getByTestId('case-status').innerText()).toBe('处置中');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await screenshot(page, '05-case-refused');

    const done = await fetch(
      `${api.url}/api/v1/cases/${filed.id}/co-handlers/${dep}/done`,
      authed(await tokenOf('deptStaffDEP1'), {
        method: 'POST',
        body: JSON.stringify({ note: '线路已核查' }),
      }),
    );
    expect(done.status).toBe(200);
    await page.getByRole('row', { name: /DEP1.*已完成/ }).waitFor();
    await markHandled(false);
    await page.getByTestId('case-status').filter({ hasText: '已处置' }).waitFor();
    await page.getByText('灯泡已更换，楼道照明恢复').waitFor();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    const timeline = await page
      .locator('[data-event-kind]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-event-kind')));
    expect(timeline).toEqual(expect.arrayContaining(['REPORTED', 'ACCEPTED', 'HANDLED']));
    expect(await page.getByRole('button', { name: '受理', exact: true }).count()).toBe(0);
    await screenshot(page, '04-case-detail-handled');

    const after = await fetch(`${api.url}/api/v1/cases/${filed.id}`, authed(await tokenOf('secretaryC1')));
    expect(await after.json()).toMatchObject({ status: 'HANDLED' });
  }, 120_000);

  it('the unread badge rises without a reload when a message arrives, and acknowledging it in 消息中心 brings it down', async () => {
    const page = await newPage();
    await signIn(page, f.people.gridWorkerG1.username, '/console/inbox');
    await page.getByRole('heading', { name: '消息中心', exact: true }).waitFor();
    const before = await unreadOf(page);
    const title = `防汛值班提醒-${f.tag}`;
    await worker.get(NotificationService).notify({
      recipients: [{ personId: f.people.gridWorkerG1.id }],
      template: 'notify.broadcast',
      data: { title, text: '今晚 20:00 起到社区值班室值守' },
      options: { dedupKey: `console-${randomUUID()}`, ackRequired: true, ackWindowMinutes: 60 },
    });
    await page.getByRole('link', { name: `消息中心（${before + 1} 条未读）` }).waitFor({ timeout: 20_000 });
    const row = page.getByRole('row', { name: new RegExp(title) });
    await row.waitFor(); // the open list took the new message in as well
    expect(await row.innerText()).toContain('待确认');
    await screenshot(page, '06-inbox');
    // the title as rendered comes from the template's current wording, which other files' tests may have versioned
    await row.getByRole('button', { name: new RegExp(`^确认收到：.*${title}`) }).click();
    await row.getByText('已确认').waitFor();
    await page.getByRole('link', { name: `消息中心（${before} 条未读）` }).waitFor();
  }, 120_000);

  it('a grid worker who types the audit address sees 无权访问; a supervisor sees the trail of their scope', async () => {
    const page = await newPage();
    await signIn(page, f.people.gridWorkerG1.username, '/console/audit');
    await page.getByText('无权访问').waitFor();
    expect(await page.locator('.ant-table').count()).toBe(0);
    await screenshot(page, '07-audit-forbidden');

    const supervisor = await newPage();
    await signIn(supervisor, f.people.supervisorS1.username, '/console/audit');
    await supervisor.getByRole('heading', { name: '审计记录', exact: true }).waitFor();
    // the unfiltered first page may list the same rows: each check waits for its own filter's answer
    const answered = (action: string) => answerTo(supervisor, '/api/v1/audit', 'action', action);
    await supervisor.getByLabel('操作').fill(`fixture.home-${f.tag}`);
    const home = answered(`fixture.home-${f.tag}`);
    await supervisor.getByRole('button', { name: '查询', exact: true }).click();
    expect((await home).status()).toBe(200);
    await supervisor.getByRole('cell', { name: `fixture.home-${f.tag}`, exact: true }).waitFor();
    await supervisor.getByLabel('操作').fill(`fixture.away-${f.tag}`);
    const away = answered(`fixture.away-${f.tag}`);
    await supervisor.getByLabel('操作').press('Enter'); // the keyboard submits the filter too
    expect((await away).status()).toBe(200);
    // the other street's entry is outside S1's scope: the API answers no rows
    await supervisor.locator('.ant-empty-description', { hasText: '暂无数据' }).waitFor();
    expect(await supervisor.getByRole('cell', { name: `fixture.away-${f.tag}`, exact: true }).count()).toBe(0);
    await screenshot(supervisor, '08-audit-supervisor');
  }, 120_000);
});
