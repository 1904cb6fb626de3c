import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensureConsoleBuilt, launchBrowser, newContext, screenshot, signIn } from '../fixtures/browser';
import {
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
  slots: { key: string; status: string; memberId: string | null }[];
  invitations: { slotKey: string; personId: string; status: string }[];
  hasAgreementPdf: boolean;
}
interface Invitation {
  id: string;
  slotKey: string;
  disputeId: string;
}

/**
 * The 联调小组 pages in a real browser against the real API, worker and Temporal: a panel member accepts an invitation
 * from 消息中心, and the convener records the agreement in the editor and downloads its PDF.
 */
describe('the mediation console in a browser', () => {
  let api: { app: INestApplication; url: string };
  let worker: INestApplicationContext;
  let f: OrgFixture;
  let p: MediationPeople;
  let browser: Browser;
  let db: Client;
  let dispute: Detail;
  const contexts: BrowserContext[] = [];
  const username = (key: string) => `${key}-${f.tag}`;

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
    const res = await call(f.people.secretaryC1.username, 'POST', '/mediation/disputes', labourDispute(f, p));
    expect(res.status).toBe(201);
    dispute = (await res.json()) as Detail;
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
        .map((pg, i) => screenshot(pg, `end-mediation-${walk}-${i}`).catch(() => undefined)),
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
  const detail = async () =>
    (await (await call(f.people.secretaryC1.username, 'GET', `/mediation/disputes/${dispute.id}`)).json()) as Detail;
  const slotOf = (d: Detail, key: string) => d.slots.find((s) => s.key === key);
  const myInvitation = (who: string, slotKey: string) =>
    eventually(async () => {
      const mine = (await (await call(who, 'GET', '/mediation/invitations/mine')).json()) as Invitation[];
      return mine.find((i) => i.disputeId === dispute.id && i.slotKey === slotKey);
    }, `${who}'s invitation to ${slotKey}`);

  it('a panel member accepts the invitation from 消息中心; the convener sees the slot filled on the panel board', async () => {
    await myInvitation(username('policeA'), 'police');
    const page = await newPage();
    await signIn(page, username('policeA'), '/console/inbox');
    await page.getByRole('heading', { name: '消息中心', exact: true }).waitFor();
    const card = page.getByText(/联调小组邀请（待答复 \d+）/);
    await card.waitFor();
    await page.getByText(`${dispute.disputeNo} 企业搬迁职工经济补偿纠纷`).waitFor();
    await page
      .getByText(/答复剩余 \d+小时/)
      .first()
      .waitFor();
    await screenshot(page, 'mediation-invitation-inbox');
    await page.getByRole('button', { name: `接受邀请：${dispute.disputeNo}` }).click();
    await page.getByText(`已接受：${dispute.disputeNo} 联调小组邀请`).waitFor();
    await page.getByRole('button', { name: `接受邀请：${dispute.disputeNo}` }).waitFor({ state: 'detached' });

    const filled = await eventually(async () => {
      const d = await detail();
      return slotOf(d, 'police')?.status === 'FILLED' ? d : undefined;
    }, 'the police slot filled');
    expect(slotOf(filled, 'police')?.memberId).toBe(p.policeA);
    expect(filled.invitations).toContainEqual(
      expect.objectContaining({ slotKey: 'police', personId: p.policeA, status: 'ACCEPTED' }),
    );

    // a police officer holds no post in the community: the dispute is theirs through 我的联调小组
    await page.getByRole('link', { name: '我的联调小组' }).click();
    await page.getByRole('link', { name: dispute.disputeNo }).click();
    await page.getByRole('heading', { name: new RegExp(dispute.disputeNo) }).waitFor();
    await page.locator('[data-slot="police"][data-slot-status="FILLED"]').waitFor();
    expect(await page.getByRole('button', { name: '成员回避' }).count()).toBe(0);

    const convener = await newPage();
    await signIn(convener, f.people.secretaryC1.username, `/console/mediation/${dispute.id}`);
    await convener.getByRole('heading', { name: new RegExp(dispute.disputeNo) }).waitFor();
    await convener.getByText('高风险', { exact: true }).waitFor();
    await convener.getByRole('list', { name: '风险依据' }).getByText('有聚集上访苗头').waitFor();
    const police = convener.locator('[data-slot="police"][data-slot-status="FILLED"]');
    await police.waitFor();
    await police.getByText(`民警甲${f.tag}`).first().waitFor();
    await police.getByText('已接受').waitFor();
    await screenshot(convener, 'mediation-panel-board');
  });

  it('the convener records the agreement in the editor and downloads its PDF, which reads back the parties', async () => {
    for (const [who, slot] of [
      [username('lawyerA'), 'lawyer'],
      [username('labourHead'), 'labour'],
    ] as const) {
      const invitation = await myInvitation(who, slot);
      const res = await call(who, 'POST', `/mediation/invitations/${invitation.id}/answer`, { accept: true });
      expect(res.status).toBe(200);
    }
    await myInvitation(f.people.secretaryC1.username, 'secretary');
    const page = await newPage();
    await signIn(page, f.people.secretaryC1.username, `/console/mediation/${dispute.id}`);
    // the community secretary is invited too, and answers on the dispute's own panel board
    await page.locator('[data-slot="secretary"]').getByRole('button', { name: '接受邀请' }).click();
    await eventually(async () => ((await detail()).status === 'CONVENED' ? true : undefined), 'the panel convened');
    await page.reload();
    await page.locator('[data-slot="secretary"][data-slot-status="FILLED"]').waitFor();
    await page.getByText('所有必需席位均已落实，联调小组已组建。').waitFor();
    await page.getByRole('tab', { name: '调解协议' }).click();
    const editor = page.getByRole('form', { name: '调解协议书' });
    await editor.waitFor();
    // a first draft from the dispute: the parties, the facts and the panel's members are filled in already
    expect(await editor.getByLabel('姓名或名称 1', { exact: true }).inputValue()).toBe('公司职工');
    await editor.getByLabel('人民调解委员会', { exact: true }).fill('顺正河社区人民调解委员会');
    await editor.getByLabel('乙方的责任', { exact: true }).fill('未依法提前告知并协商搬迁安置事宜，应依法支付经济补偿');
    await editor.getByLabel('甲方的责任', { exact: true }).fill('应通过合法途径表达诉求，不得采取过激行为');
    await editor
      .getByLabel('协议条款 1', { exact: true })
      .fill('乙方按每满一年支付一个月工资的标准向甲方每名职工支付经济补偿');
    await editor.getByLabel('履行方式', { exact: true }).fill('银行转账一次性支付');
    // without a performance deadline the API names what Article 29 still lacks, and nothing is recorded
    await editor.getByRole('button', { name: '登记调解协议并生成 PDF' }).click();
    await page.getByRole('alert').filter({ hasText: '履行期限' }).waitFor();
    expect((await detail()).status).toBe('CONVENED');
    await editor.getByLabel('履行期限', { exact: true }).fill('2026-12-31');
    await editor.getByRole('button', { name: '登记调解协议并生成 PDF' }).click();

    const download = page.getByRole('link', { name: /下载调解协议书 PDF/ });
    await download.waitFor({ timeout: 30_000 });
    await page.locator('iframe[title="调解协议书预览"]').waitFor();
    await screenshot(page, 'mediation-agreement-preview');
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    mkdirSync(join('test-runs', 'downloads'), { recursive: true });
    const saved = join('test-runs', 'downloads', `mediation-${f.tag}.pdf`);
    await file.saveAs(saved);
    expect(file.suggestedFilename()).toBe(`${dispute.disputeNo}-调解协议书.pdf`);
    expect(readFileSync(saved).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', saved, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const expected of [
      '人民调解协议书',
      '公司职工',
      '某机械有限公司',
      '顺正河社区人民调解委员会',
      '银行转账一次性支付',
    ])
      expect(text).toContain(expected);
    expect((await detail()).status).toBe('AGREED');
  });
  it('the intake form: a dispute filed in the browser shows its computed risk grade and the reasons', async () => {
    const page = await newPage();
    await signIn(page, f.people.secretaryC1.username, '/console/mediation');
    await page.getByRole('button', { name: '受理矛盾纠纷' }).click();
    await page.getByRole('heading', { name: '受理矛盾纠纷', exact: true }).waitFor();
    // the secretary's only community is chosen once the page has loaded it (the field is there, empty, before that)
    await page.locator('.ant-select-selection-item', { hasText: `C1（测试${f.tag}）` }).waitFor();
    await page.getByLabel('纠纷事由').fill('小区停车位纠纷');
    await page.getByLabel('纠纷情况').fill('业主与物业就停车位收费发生争执，三十余户业主聚集物业办公室。');
    await page.getByLabel('第 1 方类型').waitFor();
    await page.getByLabel('第 1 方姓名或名称').fill('业主代表');
    await page.getByLabel('第 1 方人数').fill('35');
    await page.getByLabel('第 2 方姓名或名称').fill('某物业服务有限公司');
    // by keyboard: a click that lands while the form is still scrolling into view can miss the box
    await page.getByLabel('有聚集苗头').focus();
    await page.keyboard.press('Space');
    await page.locator('input[value="gatheringThreat"]:checked').waitFor({ state: 'attached' });
    await screenshot(page, 'mediation-intake-form');
    await page.getByRole('button', { name: '受理并评估风险' }).click();
    await page.waitForURL(/\/console\/mediation\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /小区停车位纠纷/ }).waitFor();
    await page.locator('[data-risk-grade="HIGH"]').waitFor();
    const reasons = page.getByRole('list', { name: '风险依据' });
    await reasons.getByText('有聚集上访苗头').waitFor();
    await reasons.getByText(/涉及 36 人/).waitFor();
    await screenshot(page, 'mediation-intake-risk');
  });
});
