import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensureConsoleBuilt, launchBrowser, screenshot, throttleCpu, unlabelledFields } from '../fixtures/browser';
import { authed, buildOrgFixture, login, OrgFixture } from '../fixtures/org-fixture';
import { eventually, startApi, startWorker } from '../fixtures/test-app';

/**
 * The residents' phone pages (/console/m) in a real browser on a phone-sized screen (zh-CN, China time) against the
 * real API, worker and services: sign-in with the code from the inbox, following a case, confirming the reply and
 * rating it; the supervisor then finds the yellow card the one-star rating raised.
 */
describe("the residents' phone pages in a browser", () => {
  let api: { app: INestApplication; url: string };
  let worker: INestApplicationContext;
  let f: OrgFixture;
  let db: Client;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureConsoleBuilt(); // before the API boots: it serves console/dist when the module is created
    db = new Client({ connectionString: process.env.DATABASE_URL });
    [f, browser] = await Promise.all([
      buildOrgFixture(),
      launchBrowser(),
      startApi().then((a) => {
        api = a;
      }),
      startWorker().then((w) => {
        worker = w;
      }),
      db.connect(),
    ]);
  }, 180_000);
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await browser?.close();
    await Promise.all([api?.app.close(), worker?.close(), db?.end()]);
  });

  let walk = 0;
  afterEach(async () => {
    walk += 1;
    const open = contexts.splice(0);
    await Promise.all(
      open.flatMap((c) => c.pages()).map((p, i) => screenshot(p, `resident-end-${walk}-${i}`).catch(() => undefined)),
    );
    await Promise.all(open.map((c) => c.close().catch(() => undefined)));
  });

  /** A resident's phone: one browser context (its cookie jar), pages are its tabs. */
  const phone = async (): Promise<BrowserContext> => {
    const context = await browser.newContext({
      baseURL: api.url,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    throttleCpu(context);
    contexts.push(context);
    return context;
  };
  const staffToken = async (who: string) => (await login(api.url, f.people[who].username)).accessToken;
  const staffCall = async (who: string, method: string, path: string, body?: unknown) =>
    fetch(
      `${api.url}${path}`,
      authed(await staffToken(who), { method, body: body === undefined ? undefined : JSON.stringify(body) }),
    );

  /** The latest one-time code sent to the phone after `since`, read from the inbox table the local sender writes. */
  const codeSentTo = (phoneNo: string, since: Date) =>
    eventually(async () => {
      const { rows } = await db.query<{ body: string }>(
        `SELECT body FROM inbox_message WHERE phone = $1 AND template = 'auth.one-time-code' AND created_at >= $2
          ORDER BY created_at DESC LIMIT 1`,
        [phoneNo, since],
      );
      return rows[0] && /(\d{6})/.exec(rows[0].body)?.[1];
    }, 'the one-time code in the inbox');

  const signInWithCode = async (page: Page, landing: string, phoneNo = f.people.resident.phone) => {
    await page.goto(landing);
    await page.getByRole('heading', { name: '接诉即办 · 居民登录' }).waitFor();
    await page.getByLabel('手机号').fill('1234');
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByText('手机号格式不正确').waitFor(); // checked on the page, nothing sent
    await page.getByLabel('手机号').fill(phoneNo);
    const since = new Date(Date.now() - 1000);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByRole('button', { name: /\d+秒后重发/ }).waitFor();
    const code = await codeSentTo(phoneNo, since);
    await page.getByLabel('验证码').fill(code);
    await screenshot(page, 'resident-01-login');
    await page.getByLabel('验证码').press('Enter'); // the keyboard signs in
    await page.getByRole('navigation', { name: '居民服务' }).waitFor();
  };

  it('a resident signs in with the code from the inbox, confirms the reply and gives one star; the supervisor sees the yellow card', async () => {
    // staff register the resident's call and handle it (through the API; the worker runs the case's workflow)
    const filed = (await (
      await staffCall('secretaryC1', 'POST', '/api/v1/cases', {
        requestKey: `resident-${randomUUID()}`,
        channel: 'HOTLINE',
        category: f.category,
        description: `小区门口占道摆摊-${f.tag}`,
        address: f.addresses.G1,
        reporterPhone: f.people.resident.phone,
      })
    ).json()) as { id: string; caseNo: string };
    expect(filed.caseNo).toMatch(/^SQ/);
    await eventually(
      async () => (await staffCall('gridWorkerG1', 'POST', `/api/v1/cases/${filed.id}/accept`, {})).status === 200,
      'the case accepted',
    );
    const reply = '已劝离摊贩，城管每日巡查';
    expect((await staffCall('gridWorkerG1', 'POST', `/api/v1/cases/${filed.id}/handled`, { reply })).status).toBe(200);

    const context = await phone();
    const page = await context.newPage();
    await signInWithCode(page, '/console/m');

    // 我的诉求: the case, its state in words
    const item = page.locator(`[aria-label="诉求 ${filed.caseNo}"]`);
    await item.waitFor();
    expect(await item.getByTestId('my-case-status').innerText()).toBe('已处置');
    expect(await item.innerText()).toContain(`小区门口占道摆摊-${f.tag}`);
    await screenshot(page, 'resident-02-my-cases');

    await item.getByRole('link', { name: filed.caseNo }).click();
    await page.getByRole('heading', { name: `诉求 ${filed.caseNo}` }).waitFor();
    expect(await page.getByTestId('my-case-reply').innerText()).toBe(reply);
    // the timeline in plain words, newest first, China time
    const steps = page.locator('[data-kind]');
    expect(await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual([
      'HANDLED',
      'ACCEPTED',
      'REPORTED',
    ]);
    expect(await steps.first().innerText()).toContain(`已处置并答复：${reply}`);
    expect(await steps.nth(1).innerText()).toContain('网格员已受理您的诉求');
    const { rows } = await db.query<{ at: Date }>(
      `SELECT at FROM case_event WHERE case_id = $1 AND kind = 'REPORTED'`,
      [filed.id],
    );
    const china = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Shanghai',
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(rows[0].at);
    expect(await steps.last().innerText()).toContain(china);
    await screenshot(page, 'resident-03-case-handled');

    // confirms the reply: the case is closed and the rating opens
    await page.getByRole('button', { name: '确认办结' }).click();
    await page.getByLabel('留言（可不填）').fill('处理及时');
    await page.getByRole('button', { name: '确认办结' }).click();
    await page.getByTestId('my-case-status').filter({ hasText: '已办结' }).waitFor();
    await page.getByText('您已确认处置结果，诉求办结（留言：处理及时）').waitFor();
    await page.getByRole('button', { name: '提交评价' }).waitFor();

    // the same case open in a second tab, still showing the rating form
    const stale = await context.newPage();
    await stale.goto(`/console/m/cases/${filed.id}`);
    await stale.getByRole('button', { name: '提交评价' }).waitFor();

    // one star, with the keyboard: focus the stars and step to the first, then a comment
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByText('请选择 1–5 星').waitFor(); // no stars, nothing sent
    await page.getByLabel('满意程度（1–5 星）').focus();
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('star-words').filter({ hasText: '1 星：非常不满意' }).waitFor();
    await page.getByLabel('评价意见').fill('摊贩第二天又回来了');
    await page.getByRole('button', { name: '提交评价' }).click();
    const rated = page.getByTestId('my-rating');
    await rated.waitFor();
    expect(await rated.innerText()).toContain('您已评价：1 星（非常不满意），摊贩第二天又回来了');
    expect(await page.getByRole('button', { name: '提交评价' }).count()).toBe(0);
    await screenshot(page, 'resident-04-rated');

    // the stale tab tries to rate again: the API's refusal, then the rating that stands
    await stale.getByRole('radio').nth(4).click();
    await stale.getByRole('button', { name: '提交评价' }).click();
    await stale.getByRole('alert').filter({ hasText: '该诉求已评价，每件诉求只能评价一次' }).waitFor();
    await stale.getByTestId('my-rating').filter({ hasText: '1 星' }).waitFor();
    await screenshot(stale, 'resident-05-already-rated');
    const stands = await db.query(`SELECT stars, outcome FROM case_rating WHERE case_id = $1`, [filed.id]);
    expect(stands.rows).toEqual([{ stars: 1, outcome: 'RATED' }]);

    // the supervisor sees the yellow card the one star raised (the supervisor console has no card pages yet: the API)
    const card1 = await eventually(async () => {
      const res = await staffCall('supervisorS1', 'GET', `/api/v1/yellow-cards?unitId=${f.units.G1.id}&pageSize=200`);
      const body = (await res.json()) as { items: { id: string; caseId: string; status: string; unitId: string }[] };
      return body.items.find((c) => c.caseId === filed.id);
    }, 'the yellow card issued');
    expect(card1).toMatchObject({ status: 'ISSUED', unitId: f.units.G1.id });
    const detail = await staffCall('supervisorS1', 'GET', `/api/v1/yellow-cards/${card1.id}`);
    expect(detail.status).toBe(200);
    expect(await detail.json()).toMatchObject({ id: card1.id, caseId: filed.id });
  }, 180_000);

  it('a resident reports a problem from the phone, with the keyboard; an unknown address shows the API’s message', async () => {
    // a first-time resident (a phone gets one code a minute, so not the resident of the walk above)
    const newcomer = `15${String(Date.now()).slice(-9)}`;
    const context = await phone();
    const page = await context.newPage();
    await signInWithCode(page, '/console/m/report', newcomer); // sign-in leads back to the page asked for
    await page.getByRole('heading', { name: '反映问题', exact: true }).waitFor();

    await page.getByLabel('问题类别').focus();
    await page.keyboard.type('占道');
    // Enter takes the option the list has highlighted: wait until the typed filter has moved it there
    await page.locator('.ant-select-item-option-active', { hasText: '占道经营' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByLabel('地址').fill(`不存在路9号-${f.tag}`);
    const description = `楼下早市占道，早上出门困难-${f.tag}`;
    await page.getByLabel('问题描述').fill(description);
    await page.getByLabel('照片').fill('photos/market-1.jpg\nhttps://img.example.cn/market-2.jpg');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: `地址「不存在路9号-${f.tag}」未登记到任何网格，请核对门牌后重新填写` })
      .waitFor();
    await screenshot(page, 'resident-06-report-refused');

    await page.getByLabel('地址').fill(f.addresses.G1);
    await page.getByRole('button', { name: '提交', exact: true }).click();
    const heading = page.getByRole('heading', { name: /^诉求 SQ/ });
    await heading.waitFor();
    const caseNo = (await heading.innerText()).replace('诉求 ', '');
    expect(await page.getByTestId('my-case-status').innerText()).toBe('待受理');
    await page.getByText('您反映的问题已登记，等待网格员受理').waitFor();
    await page.getByRole('link', { name: 'https://img.example.cn/market-2.jpg' }).waitFor();
    await page.getByText('占道经营', { exact: true }).waitFor();
    await screenshot(page, 'resident-07-reported');

    // filed once, as the resident's own, in the address's grid, and on the grid worker's list
    const { rows } = await db.query(
      `SELECT reporter_phone, grid_id, category, attachments FROM request_case WHERE case_no = $1`,
      [caseNo],
    );
    expect(rows).toEqual([
      {
        reporter_phone: newcomer,
        grid_id: f.units.G1.id,
        category: 'street_vending',
        attachments: ['photos/market-1.jpg', 'https://img.example.cn/market-2.jpg'],
      },
    ]);
    await page.getByRole('link', { name: '我的诉求' }).click();
    await page.locator(`[aria-label="诉求 ${caseNo}"]`).waitFor();
  }, 180_000);

  it('every phone page has named form fields and buttons', async () => {
    // a resident of their own (a phone gets one code a minute), with one case filed for their number
    const walker = `13${String(Date.now()).slice(-9)}`;
    const filed = (await (
      await staffCall('secretaryC1', 'POST', '/api/v1/cases', {
        requestKey: `resident-walk-${randomUUID()}`,
        channel: 'HOTLINE',
        category: f.category,
        description: `楼道灯不亮-${f.tag}`,
        address: f.addresses.G1,
        reporterPhone: walker,
      })
    ).json()) as { id: string; caseNo: string };
    const context = await phone();
    const page = await context.newPage();
    await page.goto('/console/m/login');
    await page.getByRole('heading', { name: '接诉即办 · 居民登录' }).waitFor();
    const problems = await unlabelledFields(page);
    await signInWithCode(page, '/console/m', walker);
    const pages: [string, string][] = [
      ['/console/m', '我的诉求'],
      ['/console/m/report', '反映问题'],
      [`/console/m/cases/${filed.id}`, `诉求 ${filed.caseNo}`],
    ];
    for (const [path, heading] of pages) {
      await page.goto(path);
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      await eventually(async () => (await page.locator('.ant-spin-spinning').count()) === 0, `${path} to load`);
      problems.push(...(await unlabelledFields(page)));
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
