import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Point } from '../../src/shared/geo/haversine.util';
import { toCstDate } from '../../src/shared/calendar';
import { ensureConsoleBuilt, launchBrowser, newContext, screenshot, signIn } from '../fixtures/browser';
import { authed, buildOrgFixture, login, OrgFixture, residentSignIn, seatPerson } from '../fixtures/org-fixture';
import { startApi, startWorker } from '../fixtures/test-app';

type Who = 'admin' | 'secretaryC1' | 'partyMemberA' | 'member2' | 'resident';
const NEED_AT: Point = { latitude: 29.7051, longitude: 116.0014 };
const north = (metres: number): Point => ({
  latitude: NEED_AT.latitude + metres / 111_195,
  longitude: NEED_AT.longitude,
});

/**
 * 人才超市 in a real browser against the real API, worker and Temporal: a member registers a skill on the page, the
 * community publishes a need, sees the candidates nearest first with their distance, chooses one and follows the link to
 * the task it became.
 */
describe('人才超市 console page in a browser', () => {
  let api: { app: INestApplication; url: string };
  let worker: INestApplicationContext;
  let db: Client;
  let f: OrgFixture;
  let browser: Browser;
  const token: Partial<Record<Who, string>> = {};
  const ids: Partial<Record<Who, string>> = {};
  const contexts: BrowserContext[] = [];
  const address: Record<string, string> = {};

  const call = async <T = Record<string, unknown>>(who: Who, method: string, path: string, body?: unknown) => {
    const res = await fetch(
      `${api.url}/api/v1${path}`,
      authed(token[who] as string, { method, body: body === undefined ? undefined : JSON.stringify(body) }),
    );
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return JSON.parse(text) as T;
  };
  const place = async (key: string, text: string, at: Point) => {
    await db.query(
      `INSERT INTO address (id, text, grid_id, latitude, longitude) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (text) DO UPDATE SET latitude = $4, longitude = $5`,
      [randomUUID(), text, f.units.G1.id, at.latitude, at.longitude],
    );
    address[key] = text;
  };

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
    for (const who of ['admin', 'secretaryC1', 'partyMemberA'] as const) {
      token[who] = (await login(api.url, f.people[who].username)).accessToken;
      ids[who] = f.people[who].id;
    }
    const member2 = await seatPerson(db, f, {
      key: 'member2',
      role: 'PARTY_MEMBER',
      unitId: f.units.A.id,
      name: `律师党员${f.tag}`,
    });
    ids.member2 = member2.id;
    token.member2 = (await login(api.url, `member2-${f.tag}`)).accessToken;
    token.resident = (await residentSignIn(api.url, db, f.people.resident.phone)).accessToken;
    ids.resident = f.people.resident.id;

    await place('need', f.addresses.G1, NEED_AT);
    await place('near', `幸福路9号-${f.tag}`, north(300));
    await place('middle', `幸福路30号-${f.tag}`, north(800));
    await place('far', `幸福路88号-${f.tag}`, north(1500));
    await call('admin', 'POST', '/programme/years', { year: Number(toCstDate(Date.now()).slice(0, 4)) }).catch(
      (e: Error) => {
        if (!e.message.includes('409')) throw e;
      },
    );
    await call('admin', 'POST', '/programme/pairings', { partyOrgId: f.units.A.id, communityId: f.units.C1.id });
    await call('member2', 'POST', '/my/talents', { skill: 'LEGAL_ADVICE', note: '执业律师', address: address.near });
    await call('resident', 'POST', '/my/talents', { skill: 'LEGAL_ADVICE', note: '退休法官', address: address.middle });
  }, 180_000);
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await browser?.close();
    await Promise.all([api?.app.close(), worker?.close(), db?.end()]);
  });

  const pageAs = async (username: string, path: string): Promise<Page> => {
    const context = await newContext(browser, api.url);
    contexts.push(context);
    const page = await context.newPage();
    // signed in on the page itself: a second full load of the console costs a loaded machine many seconds
    await signIn(page, username, `/console${path}`);
    return page;
  };
  const pick = async (page: Page, dialog: ReturnType<Page['getByRole']>, label: string, option: string) => {
    await dialog.getByLabel(label).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  };

  it('a member registers a skill; the community publishes a need, sees candidates nearest first and chooses one', async () => {
    // The member registers on the page, placed at the address they give.
    const member = await pageAs(f.people.partyMemberA.username, '/programme/talent');
    await member.getByText('尚未登记技能').waitFor();
    await member.getByRole('button', { name: '登记我的技能' }).click();
    const register = member.getByRole('dialog');
    await pick(member, register, '技能', '法律咨询');
    await register.getByLabel('居住地址').fill(address.far);
    const registered = member.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/my/talents',
    );
    await register.getByRole('button', { name: /确\s*定/ }).click();
    expect((await registered).status()).toBe(201);
    await member.getByText('法律咨询 · 随时').waitFor();
    await screenshot(member, 'talent-01-skill-registered');

    // The community publishes a need at a doorplate in it.
    const title = `物业纠纷法律咨询-${f.tag}`;
    const community = await pageAs(f.people.secretaryC1.username, '/programme/talent');
    await community.getByRole('button', { name: '发布需求' }).click();
    const publish = community.getByRole('dialog');
    await pick(community, publish, '社区', `C1（测试${f.tag}）`);
    await pick(community, publish, '所需技能', '法律咨询');
    await publish.getByLabel('需求名称').fill(title);
    await publish.getByLabel('需求说明').fill('为幸福路小区居民讲解物业合同、解答纠纷');
    await publish.getByLabel('需求地点（门牌地址）').fill(address.need);
    const published = community.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/programme/talent-needs',
    );
    await publish.getByRole('button', { name: /确\s*定/ }).click();
    expect((await published).status()).toBe(201);
    await community.getByText(`已发布需求「${title}」`).waitFor();

    // Candidates, nearest first, with their distance in metres.
    const listed = community.waitForResponse((r) =>
      /\/talent-needs\/[^/]+\/candidates$/.test(new URL(r.url()).pathname),
    );
    await community.getByRole('button', { name: `候选人 ${title}` }).click();
    expect((await listed).status()).toBe(200);
    const dialog = community.getByRole('dialog');
    const rows = dialog.locator('tbody tr.ant-table-row');
    await rows.nth(2).waitFor();
    const table = await Promise.all([0, 1, 2].map((i) => rows.nth(i).locator('td').allTextContents()));
    expect(table.map((cells) => [cells[0], cells[1], cells[3]])).toEqual([
      [`律师党员${f.tag}`, '在职党员', '300'],
      ['resident测试', '居民', '800'],
      ['partyMemberA测试', '在职党员', '1500'],
    ]);
    await screenshot(community, 'talent-02-candidates-by-distance');

    // 选定 the nearest: it becomes a task, and the row links to it.
    const chosen = community.waitForResponse((r) => /\/talent-needs\/[^/]+\/choose$/.test(new URL(r.url()).pathname));
    await dialog.getByRole('button', { name: `选定 律师党员${f.tag}` }).click();
    const match = (await (await chosen).json()) as { taskId: string; taskNo: string };
    await community.getByText(`已选定 律师党员${f.tag}，生成任务 ${match.taskNo}`).waitFor();
    await dialog.getByRole('link', { name: `查看 律师党员${f.tag} 的任务` }).click();
    const taskRow = community.getByRole('row', { name: new RegExp(match.taskNo) });
    await taskRow.getByText('承办中').waitFor();
    await community.getByText('仅显示一项任务').waitFor();
    await screenshot(community, 'talent-03-chosen-task');

    const stored = await db.query('SELECT kind, party_org_id, member_ids FROM programme_task WHERE id = $1', [
      match.taskId,
    ]);
    expect(stored.rows[0]).toEqual({
      kind: 'LIVELIHOOD_PROJECT',
      party_org_id: f.units.A.id,
      member_ids: [ids.member2],
    });
  }, 180_000);
});
