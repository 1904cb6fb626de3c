import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import type { Browser, BrowserContext, Page, Response as PageResponse } from 'playwright-core';
import {
  ensureConsoleBuilt,
  launchBrowser,
  newContext,
  screenshot,
  signIn,
  unlabelledFields,
} from '../fixtures/browser';
import {
  addPerson,
  labourAgreement,
  labourDispute,
  mediationPeople,
  type MediationPeople,
  letPanelPeopleSignIn,
} from '../fixtures/mediation-people';
import { authed, buildOrgFixture, login, type OrgFixture } from '../fixtures/org-fixture';
import { eventually, startApi, startWorker } from '../fixtures/test-app';

interface Detail {
  id: string;
  disputeNo: string;
  status: string;
  slots: { key: string; status: string }[];
  invitations: { slotKey: string; personId: string; status: string }[];
  judicialConfirmation: { appliedOn: string; court: string; result: string; note?: string } | null;
  timeline: { kind: string; data?: { slotKey?: string; personIds?: string[] } }[];
}
interface DisputeSource {
  source: string;
  requestCaseId: string | null;
}
interface Invitation {
  id: string;
  slotKey: string;
  disputeId: string;
}

const DAY_MS = 86_400_000;
const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const chineseDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/**
 * The outcome side of the 联调小组 pages in a real browser against the real API, worker and Temporal: the convener
 * records the parties' application for 司法确认 and the court's ruling, and names a candidate for a slot whose
 * candidates are used up.
 */
describe('the mediation console: judicial confirmation and the candidate picker', () => {
  let api: { app: INestApplication; url: string };
  let worker: INestApplicationContext;
  let f: OrgFixture;
  let p: MediationPeople;
  let browser: Browser;
  let db: Client;
  const contexts: BrowserContext[] = [];
  const username = (key: string) => `${key}-${f.tag}`;
  const convener = () => f.people.secretaryC1.username;

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
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    p = await mediationPeople(db, f);
    await letPanelPeopleSignIn(db, f, p);
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
      open
        .flatMap((c) => c.pages())
        .map((pg, i) => screenshot(pg, `end-mediation-outcome-${walk}-${i}`).catch(() => undefined)),
    );
    await Promise.all(open.map((c) => c.close().catch(() => undefined)));
  });

  const newPage = async (): Promise<Page> => {
    const context = await newContext(browser, api.url);
    contexts.push(context);
    return context.newPage();
  };
  async function call(who: string, method: string, path: string, body?: unknown): Promise<Response> {
    const token = (await login(api.url, who)).accessToken;
    return fetch(
      `${api.url}/api/v1${path}`,
      authed(token, { method, body: body === undefined ? undefined : JSON.stringify(body) }),
    );
  }
  const detailOf = async (id: string) =>
    (await (await call(convener(), 'GET', `/mediation/disputes/${id}`)).json()) as Detail;
  const intake = async (body: object) => {
    const res = await call(convener(), 'POST', '/mediation/disputes', body);
    expect(res.status).toBe(201);
    return (await res.json()) as Detail;
  };
  const accept = async (who: string, disputeId: string, slotKey: string) => {
    const invitation = await eventually(async () => {
      const mine = (await (await call(who, 'GET', '/mediation/invitations/mine')).json()) as Invitation[];
      return mine.find((i) => i.disputeId === disputeId && i.slotKey === slotKey);
    }, `${who}'s invitation to ${slotKey}`);
    const res = await call(who, 'POST', `/mediation/invitations/${invitation.id}/answer`, { accept: true });
    expect(res.status).toBe(200);
  };
  /** The answer to the page's own POST to `path` (registered before the click that sends it). */
  const posted = (page: Page, path: RegExp): Promise<PageResponse> =>
    page.waitForResponse((r) => r.request().method() === 'POST' && path.test(new URL(r.url()).pathname));

  it('司法确认: the Article 33 reminder with its last day; the application is refused without a court, then recorded, then the ruling', async () => {
    const dispute = await intake(labourDispute(f, p));
    await Promise.all([
      accept(username('policeA'), dispute.id, 'police'),
      accept(username('lawyerA'), dispute.id, 'lawyer'),
      accept(username('labourHead'), dispute.id, 'labour'),
      accept(convener(), dispute.id, 'secretary'),
    ]);
    await eventually(
      async () => ((await detailOf(dispute.id)).status === 'CONVENED' ? true : undefined),
      'the panel convened',
    );
    const effectiveOn = chinaToday();
    const agreed = await call(convener(), 'POST', `/mediation/disputes/${dispute.id}/agreement`, {
      ...labourAgreement(),
      effectiveOn,
    });
    expect(agreed.status).toBe(200);
    const lastDay = plusDays(effectiveOn, 30);

    const page = await newPage();
    await signIn(page, convener(), `/console/mediation/${dispute.id}`);
    await page.getByRole('heading', { name: new RegExp(dispute.disputeNo) }).waitFor();
    const reminder = page.getByRole('region', { name: '司法确认提醒' });
    await reminder.getByText(/共同向人民法院申请司法确认（《人民调解法》第三十三条）/).waitFor();
    await reminder.locator(`[data-last-day="${lastDay}"]`).getByText(chineseDate(lastDay)).waitFor();
    await reminder.getByText(/还剩 (30|29) 天/).waitFor(); // 29 only if China's midnight passed since effectiveOn

    const apply = page.getByRole('form', { name: '登记司法确认申请' });
    await apply.getByLabel('申请日期', { exact: true }).fill(effectiveOn);
    // no court named: the API says so in Chinese and records nothing
    let answer = posted(page, /\/judicial-confirmation$/);
    await apply.getByRole('button', { name: '登记司法确认申请' }).click();
    expect((await answer).status()).toBe(400);
    await apply.getByRole('alert').filter({ hasText: '请填写受理法院' }).waitFor();
    expect((await detailOf(dispute.id)).judicialConfirmation).toBeNull();
    expect(await unlabelledFields(page)).toEqual([]);

    await apply.getByLabel('受理法院', { exact: true }).fill('某某区人民法院');
    answer = posted(page, /\/judicial-confirmation$/);
    await apply.getByRole('button', { name: '登记司法确认申请' }).click();
    expect((await answer).status()).toBe(200);
    const record = page.getByRole('region', { name: '司法确认记录' });
    await record.getByText('某某区人民法院').waitFor();
    await record.getByText(chineseDate(effectiveOn)).waitFor();
    await record.locator('[data-judicial-result="PENDING"]').waitFor();
    expect((await detailOf(dispute.id)).judicialConfirmation).toEqual(
      expect.objectContaining({ appliedOn: effectiveOn, court: '某某区人民法院', result: 'PENDING' }),
    );
    await screenshot(page, 'mediation-judicial-applied');

    const ruling = page.getByRole('form', { name: '登记司法确认结果' });
    // by keyboard: a click that lands while the form is still scrolling into view can miss the radio
    await ruling.getByLabel('法院裁定确认协议有效').focus();
    await page.keyboard.press('Space');
    await ruling.locator('input[value="CONFIRMED"]:checked').waitFor({ state: 'attached' });
    await ruling.getByLabel('备注（如裁定书文号）').fill('（2026）某01民特123号');
    answer = posted(page, /\/judicial-confirmation$/);
    await ruling.getByRole('button', { name: '登记司法确认结果' }).click();
    expect((await answer).status()).toBe(200);
    await record.locator('[data-judicial-result="CONFIRMED"]').waitFor();
    await record.getByText('（2026）某01民特123号').waitFor();
    await ruling.waitFor({ state: 'detached' });
    expect((await detailOf(dispute.id)).judicialConfirmation).toEqual(
      expect.objectContaining({ appliedOn: effectiveOn, court: '某某区人民法院', result: 'CONFIRMED' }),
    );
    await screenshot(page, 'mediation-judicial-confirmed');
  });

  it('补充候选人: the convener names a person from the organisation for an exhausted slot, who is invited; after the dispute is referred the API refuses', async () => {
    const tag = f.tag;
    const named = await addPerson(db, `社区民警丙${tag}`, 'GRID_WORKER', f.units.G1.id);
    const late = await addPerson(db, `社区民警丁${tag}`, 'GRID_WORKER', f.units.G1.id);
    // a dispute filed without naming anyone for the police slot: its candidates are used up at once
    const dispute = await intake({ ...labourDispute(f, p), category: '其他纠纷', candidates: {} });
    await eventually(async () => {
      const d = await detailOf(dispute.id);
      return d.slots.find((s) => s.key === 'police')?.status === 'EXHAUSTED' ? d : undefined;
    }, 'the police slot exhausted');

    const page = await newPage();
    await signIn(page, convener(), `/console/mediation/${dispute.id}`);
    const police = page.locator('[data-slot="police"]');
    await page.locator('[data-slot="police"][data-slot-status="EXHAUSTED"]').waitFor();
    await police.getByText('候选人已用尽，请补充候选人。').waitFor();

    const pick = async (name: string) => {
      await police.getByRole('button', { name: '补充候选人' }).click();
      const dialog = page.getByRole('dialog', { name: '补充候选人：社区民警' });
      await dialog.waitFor();
      // the picker asks the API by name (debounced); pick only from its answer
      const searched = page.waitForResponse(
        (r) => new URL(r.url()).pathname === '/api/v1/people' && new URL(r.url()).searchParams.get('q') === name,
      );
      const input = dialog.getByLabel('候选人');
      await input.click(); // the search box takes typing once the dropdown is open
      await input.fill(name);
      expect((await searched).status()).toBe(200);
      await page.locator('.ant-select-item-option', { hasText: name }).click();
      await dialog.getByText('按所选顺序邀请').click(); // closes the multiple select's dropdown
      return dialog;
    };

    let dialog = await pick(`社区民警丙${tag}`);
    expect(await unlabelledFields(page)).toEqual([]);
    let answer = posted(page, /\/slots\/police\/candidates$/);
    await dialog.getByRole('button', { name: '确认补充' }).click();
    expect((await answer).status()).toBe(200);
    await dialog.waitFor({ state: 'detached' });
    // the process invites the named person: the board shows the pending invitation and its countdown
    const invitation = police.locator('li[data-invitation-status="PENDING"]', { hasText: `社区民警丙${tag}` });
    await invitation.waitFor({ timeout: 20_000 });
    await invitation.getByText(/剩余 \d+小时/).waitFor();
    await screenshot(page, 'mediation-candidate-invited');
    expect((await detailOf(dispute.id)).invitations).toContainEqual(
      expect.objectContaining({ slotKey: 'police', personId: named, status: 'PENDING' }),
    );

    // referred meanwhile (another tab): this page still offers the picker, and the API refuses in Chinese
    const referred = await call(convener(), 'POST', `/mediation/disputes/${dispute.id}/referral`, {
      to: 'LITIGATION',
      reason: '企业已无财产可供调解，建议诉讼',
      partiesNotice: '已当面告知双方可向人民法院起诉',
    });
    expect(referred.status).toBe(200);
    dialog = await pick(`社区民警丁${tag}`);
    answer = posted(page, /\/slots\/police\/candidates$/);
    await dialog.getByRole('button', { name: '确认补充' }).click();
    expect((await answer).status()).toBe(409);
    await dialog.getByRole('alert').filter({ hasText: '纠纷已办结，不能补充候选人' }).waitFor();
    const after = await detailOf(dispute.id);
    expect(after.timeline.flatMap((e) => (e.kind === 'CANDIDATES_ADDED' ? (e.data?.personIds ?? []) : []))).toEqual([
      named,
    ]);
    expect(after.invitations.some((i) => i.personId === late)).toBe(false);
  });

  it('由诉求转入: a handler converts a resident request from its page; the intake form is filled from it and the request links to the dispute', async () => {
    // filed through the API, so the request's workflow runs and the conversion can stop its clocks
    const filed = await call(f.people.gridWorkerG1.username, 'POST', '/cases', {
      requestKey: `med-outcome-${randomUUID()}`,
      channel: 'HOTLINE',
      category: f.category,
      description: '楼上住户长期漏水，多次协商未果，双方发生争执。',
      address: f.addresses.G1,
      reporterPhone: '13900000012',
    });
    expect(filed.status).toBe(201);
    const request = (await filed.json()) as { id: string; caseNo: string };
    const page = await newPage();
    await signIn(page, convener(), `/console/cases/${request.id}`);
    await page.getByRole('button', { name: '转入联调小组调解' }).click();
    await page.waitForURL(/\/console\/mediation\/new\?case=/);
    await page.getByText(`由诉求 ${request.caseNo} 转入`).waitFor();
    expect(await page.getByLabel('纠纷情况').inputValue()).toBe('楼上住户长期漏水，多次协商未果，双方发生争执。');
    await page.getByLabel('纠纷事由').fill('楼上漏水邻里纠纷');
    await page.getByLabel('第 1 方姓名或名称').fill('楼下住户孙某');
    await page.getByLabel('第 2 方姓名或名称').fill('楼上住户李某');
    const created = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/mediation/disputes',
    );
    await page.getByRole('button', { name: '受理并评估风险' }).click();
    expect((await created).status()).toBe(201);
    await page.waitForURL(/\/console\/mediation\/[0-9a-f-]{36}$/);
    const disputeId = new URL(page.url()).pathname.split('/').pop() as string;
    const dispute = (await detailOf(disputeId)) as Detail & DisputeSource;
    expect(dispute).toEqual(expect.objectContaining({ source: 'REQUEST_CASE', requestCaseId: request.id }));

    await page.goto(`/console/cases/${request.id}`);
    await page
      .locator('[data-event-kind="CONVERTED_TO_MEDIATION"]')
      .getByText('转入联调小组调解', { exact: true })
      .waitFor();
    // the request's own workflow took the step: finished, its clocks stopped
    await page
      .locator('[data-event-kind="CONVERTED"]')
      .getByText('已转矛盾调解（时限停止）', { exact: true })
      .waitFor();
    await page.getByRole('link', { name: `联调小组纠纷 ${dispute.disputeNo}` }).click();
    await page.getByRole('heading', { name: new RegExp(dispute.disputeNo) }).waitFor();
    await screenshot(page, 'mediation-from-request');
  });
});
