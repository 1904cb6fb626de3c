import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Client } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PrismaClient } from '../../src/generated/prisma/client';
import { hashPassword } from '../../src/modules/auth/password-hasher';
import { ensureConsoleBuilt, launchBrowser, newContext, screenshot, signIn } from '../fixtures/browser';
import { authed, buildOrgFixture, FIXTURE_PASSWORD, login, OrgFixture, residentSignIn } from '../fixtures/org-fixture';
import { eventually, startApi, startWorker } from '../fixtures/test-app';

const CHINA_OFFSET_MS = 8 * 3_600_000;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const pad = (n: number) => String(n).padStart(2, '0');
/** China wall-clock fields of an instant (China has no daylight saving). */
const china = (iso: string | number) => {
  const d = new Date(new Date(iso).getTime() + CHINA_OFFSET_MS);
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    monthDay: `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
    weekday: WEEKDAYS[d.getUTCDay()],
  };
};
/** 周五 12-04 15:00, as the preview writes it. */
const dayTime = (iso: string | number) => {
  const c = china(iso);
  return `${c.weekday} ${c.monthDay} ${c.time}`;
};
/** The next Friday 15:00 China time after now (the preview's first sample). */
function nextFriday1500(now = Date.now()): number {
  const c = new Date(now + CHINA_OFFSET_MS);
  let t = Date.UTC(c.getUTCFullYear(), c.getUTCMonth(), c.getUTCDate(), 15) - CHINA_OFFSET_MS;
  t += ((5 - c.getUTCDay() + 7) % 7) * 86_400_000;
  while (t <= now) t += 7 * 86_400_000;
  return t;
}

/**
 * The supervisors' pages in a real browser against the real API, worker and services: the request-loop policy editor
 * (diff, business-calendar preview, the API's validation shown on the field, save, migration of running cases) and
 * the three-rates dashboard.
 */
describe('the supervisor console in a browser', () => {
  let api: { app: INestApplication; url: string };
  let worker: INestApplicationContext;
  let f: OrgFixture;
  let browser: Browser;
  let districtSupervisor: { id: string; username: string };
  let db: Client;
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
    // Policies are district-wide: a supervisor seated at the district itself (the fixture's S1 supervisor is not).
    const prisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL as string }),
    });
    const id = randomUUID();
    const username = `supervisorD-${f.tag}`;
    await prisma.person.create({
      data: {
        id,
        name: '区督导测试',
        phone: `18${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`,
        kind: 'STAFF',
        username,
        passwordHash: await hashPassword(FIXTURE_PASSWORD),
      },
    });
    await prisma.position.create({
      data: { personId: id, unitId: f.units.D.id, role: 'SUPERVISOR', startsOn: new Date('2024-01-01') },
    });
    await prisma.$disconnect();
    districtSupervisor = { id, username };
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
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
      open.flatMap((c) => c.pages()).map((p, i) => screenshot(p, `end-supervisor-${walk}-${i}`).catch(() => undefined)),
    );
    await Promise.all(open.map((c) => c.close().catch(() => undefined)));
  });

  const newPage = async (): Promise<Page> => {
    const context = await newContext(browser, api.url);
    contexts.push(context);
    return context.newPage();
  };
  const tokenOf = async (username: string) => (await login(api.url, username)).accessToken;
  const call = async <T>(token: string, path: string, init: RequestInit = {}, status = 200): Promise<T> => {
    const res = await fetch(`${api.url}${path}`, authed(token, init));
    const body = await res.text();
    if (res.status !== status) throw new Error(`${init.method ?? 'GET'} ${path} → ${res.status} ${body}`);
    return JSON.parse(body) as T;
  };
  const fileAndAccept = async (description: string) => {
    const filed = await call<{ id: string; caseNo: string }>(
      await tokenOf(f.people.secretaryC1.username),
      '/api/v1/cases',
      {
        method: 'POST',
        body: JSON.stringify({
          requestKey: `supervisor-${randomUUID()}`,
          channel: 'HOTLINE',
          category: f.category,
          description,
          address: f.addresses.G1,
          reporterPhone: '13900000002',
        }),
      },
      201,
    );
    const gridToken = await tokenOf(f.people.gridWorkerG1.username);
    await call(gridToken, `/api/v1/cases/${filed.id}/accept`, { method: 'POST', body: '{}' });
    return filed;
  };
  interface CaseView {
    acceptedAt: string | null;
    resolveDeadline: string | null;
    policyVersion: number;
  }
  type Limit = { unit: string; amount: number };
  const deadlineOf = async (token: string, start: string | number, limit: Limit | number) =>
    (
      await call<{ deadline: string }>(
        token,
        `/api/v1/calendars/deadline?${new URLSearchParams({
          start: new Date(start).toISOString(),
          unit: typeof limit === 'number' ? 'workingDays' : limit.unit,
          amount: String(typeof limit === 'number' ? limit : limit.amount),
          districtId: f.units.D.id,
        })}`,
      )
    ).deadline;

  it('a district supervisor shortens a category’s resolution limit: diff, calendar preview, the API’s refusal on its field, save, migration; new and migrated cases carry the new deadline', async () => {
    const supervisorToken = await tokenOf(districtSupervisor.username);
    const current = await call<{
      version: number;
      data: {
        categoryLimits: Record<string, string>;
        defaultPriority: string;
        clocks: { resolution: Record<string, { limit: Limit }> };
        reminders: { fractions: number[] };
      };
    }>(supervisorToken, '/api/v1/policies/request-loop');
    // what the category gets today: the default priority's limit (7 working days in the domain defaults)
    const today = current.data.clocks.resolution[current.data.defaultPriority].limit;
    const reminders = current.data.reminders.fractions.map((x) => `${Math.round(x * 10000) / 100}%`);
    expect(reminders.length).toBeGreaterThanOrEqual(2);
    // a case running under the current version, to migrate once the new one is saved
    const running = await fileAndAccept(`占道经营-迁移前-${f.tag}`);
    const runningBefore = await eventually(async () => {
      const c = await call<CaseView>(supervisorToken, `/api/v1/cases/${running.id}`);
      return c.resolveDeadline ? c : null;
    }, 'the running case’s resolution deadline');
    expect(runningBefore.policyVersion).toBe(current.version);

    const page = await newPage();
    await signIn(page, districtSupervisor.username, '/console/policies/request-loop');
    await page.getByRole('heading', { name: '诉求流程策略', exact: true }).waitFor();
    await page.getByText(`当前生效：第 ${current.version} 版`).waitFor();

    // a new, shorter limit for this category: 3 working days instead of the default 7
    const priority = `quick-${f.tag}`;
    const levels = Object.keys(current.data.clocks.resolution).length + 1;
    await page.getByRole('button', { name: '添加时限等级' }).click();
    await page.getByLabel(`时限等级 ${levels} 键`).fill(priority);
    await page.getByLabel(`时限等级 ${levels} 时长`).fill('3');
    const row = Object.keys(current.data.categoryLimits).length + 1;
    await page.getByRole('button', { name: '添加类别' }).click();
    await page.getByLabel(`类别 ${row} 名称`).fill(f.category);
    await page.getByRole('combobox', { name: `类别 ${row} 时限等级` }).click();
    // the options follow the levels above as they re-render: take the one the list has made active, by Enter, and
    // go on only once the field shows it (a click could land while the list was being redrawn)
    const choice = `${priority} · 3 个工作日`;
    await page.locator(`.ant-select-item-option[title="${choice}"]`).hover();
    await page.locator(`.ant-select-item-option-active[title="${choice}"]`).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.ant-select-selection-item', { hasText: choice }).waitFor();
    // and a mistake only the API's rules catch: reminders must rise
    await page.getByLabel('第 2 次提醒百分比').fill('40');
    await screenshot(page, '10-policy-editor');

    await page.getByRole('button', { name: '核对变更' }).click();
    const diff = page.getByRole('table', { name: '策略变更' });
    await diff
      .getByRole('row', { name: new RegExp(`类别「${f.category}」.*（无）.*${priority} · 3 个工作日`) })
      .waitFor();
    await diff.getByRole('row', { name: new RegExp(`办结时限 · ${priority}.*（无）.*3 个工作日`) }).waitFor();
    const fallen = [...reminders.slice(0, 1), '40%', ...reminders.slice(2)];
    await diff
      .getByRole('row', { name: new RegExp(`提醒点.*${reminders.join('、')}.*${fallen.join('、')}`) })
      .waitFor();

    // the preview: the API's business calendar, new limit beside the current one, from the coming Friday 15:00
    const friday = nextFriday1500();
    const [friday3, friday7] = await Promise.all([
      deadlineOf(supervisorToken, friday, 3),
      deadlineOf(supervisorToken, friday, today),
    ]);
    const summary = page.getByRole('list', { name: '日历预览摘要' });
    await summary
      .getByText(`${dayTime(friday)} 受理 → 办结时限 ${dayTime(friday3)}（现行 ${dayTime(friday7)}）`)
      .waitFor();
    expect(dayTime(friday)).toMatch(/^周五 \d\d-\d\d 15:00$/);
    expect(await summary.getByRole('listitem').count()).toBe(3);
    await screenshot(page, '11-policy-diff-preview');

    // the API refuses the falling reminders; its message lands on the field, and nothing was saved
    await page.getByRole('button', { name: `保存为第 ${current.version + 1} 版` }).click();
    await page.getByRole('alert').filter({ hasText: '保存未成功' }).waitFor();
    await page.getByText('提醒点必须严格递增').waitFor();
    await page.locator('.ant-form-item-has-error', { has: page.getByLabel('第 2 次提醒百分比') }).waitFor();
    await screenshot(page, '12-policy-refused');
    expect((await call<{ version: number }>(supervisorToken, '/api/v1/policies/request-loop')).version).toBe(
      current.version,
    );

    await page.getByLabel('第 2 次提醒百分比').fill(reminders[1].replace('%', ''));
    await page.getByRole('button', { name: '核对变更' }).click();
    await diff.getByRole('row', { name: new RegExp(`类别「${f.category}」`) }).waitFor();
    expect(await diff.getByRole('row', { name: /提醒点/ }).count()).toBe(0);
    await page.getByRole('button', { name: `保存为第 ${current.version + 1} 版` }).click();
    const saved = await eventually(async () => {
      const v = await call<{ version: number; data: { categoryLimits: Record<string, string> } }>(
        supervisorToken,
        '/api/v1/policies/request-loop',
      );
      return v.version > current.version ? v : null;
    }, 'the new version');
    await page.getByText(`第 ${saved.version} 版已发布`).waitFor();
    expect(saved.data.categoryLimits[f.category]).toBe(priority);

    // the migration step: the running case of this category, its resolution deadline from 7 to 3 working days
    const migration = page.getByTestId('policy-migration');
    const previewRow = migration.getByRole('row', { name: new RegExp(running.caseNo) });
    await previewRow.waitFor();
    const migratedDeadline = await deadlineOf(supervisorToken, runningBefore.acceptedAt as string, 3);
    expect(await previewRow.innerText()).toContain(
      `办结时限（计时中）：${china(runningBefore.resolveDeadline as string).date}`,
    );
    expect(await previewRow.innerText()).toContain(`→ ${china(migratedDeadline).date} ${china(migratedDeadline).time}`);
    await screenshot(page, '13-policy-migration-preview');
    await migration.getByRole('button', { name: /迁移进行中的诉求/ }).click();
    await migration.getByText('已完成', { exact: true }).waitFor({ timeout: 30_000 });
    expect(await migration.innerText()).toMatch(/已迁移\s*1/);
    await screenshot(page, '14-policy-migrated');
    await eventually(async () => {
      const c = await call<CaseView>(supervisorToken, `/api/v1/cases/${running.id}`);
      return c.resolveDeadline === migratedDeadline ? c : null;
    }, 'the migrated case’s new deadline');

    // a case filed afterwards runs under the new version: its detail page shows the 3-working-day deadline
    const filed = await fileAndAccept(`占道经营-新版本后-${f.tag}`);
    const after = await eventually(async () => {
      const c = await call<CaseView>(supervisorToken, `/api/v1/cases/${filed.id}`);
      return c.resolveDeadline ? c : null;
    }, 'the new case’s resolution deadline');
    expect(after.policyVersion).toBe(saved.version);
    const expected = await deadlineOf(supervisorToken, after.acceptedAt as string, 3);
    const longer = await deadlineOf(supervisorToken, after.acceptedAt as string, today);
    expect(after.resolveDeadline).toBe(expected);
    expect(expected).not.toBe(longer);
    await page.goto(`/console/cases/${filed.id}`);
    await page.getByRole('heading', { name: `诉求 ${filed.caseNo}` }).waitFor();
    const shown = `${china(expected).date} ${china(expected).time}`;
    await page.locator('.ant-descriptions-item', { hasText: '办结时限' }).getByText(shown).waitFor();
    await screenshot(page, '15-case-new-deadline');
  }, 180_000);

  it('the dashboard ranks the three rates with a chart and a table for a period with data; the level switch re-ranks', async () => {
    const supervisorToken = await tokenOf(districtSupervisor.username);
    await fileAndAccept(`占道经营-看板-${f.tag}`);
    const page = await newPage();
    await signIn(page, districtSupervisor.username, '/console/dashboard');
    await page.getByRole('heading', { name: '三率看板', exact: true }).waitFor();
    const table = page.getByRole('table', { name: '三率明细' });
    const s1 = table.getByRole('row', { name: new RegExp(`S1（测试${f.tag}）`) });
    await s1.waitFor();
    // the same figures the API gives for this month (China time)
    const c = china(Date.now());
    const from = new Date(`${c.date.slice(0, 7)}-01T00:00:00+08:00`);
    const to = new Date(from.getTime());
    to.setUTCMonth(to.getUTCMonth() + 1);
    const measures = await call<{
      items: { rank: number; unit: { name: string }; counts: { total: number }; responseRate: number | null }[];
    }>(
      supervisorToken,
      `/api/v1/case-measures?${new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), groupBy: 'unit', level: 'street' })}`,
    );
    const item = measures.items.find((i) => i.unit.name === `S1（测试${f.tag}）`);
    expect(item?.counts.total).toBeGreaterThan(0);
    const cells = await s1.getByRole('cell').allInnerTexts();
    expect(cells.slice(0, 3)).toEqual([String(item?.rank), `S1（测试${f.tag}）`, String(item?.counts.total)]);
    expect(cells[3]).toBe(item?.responseRate === null ? '—' : `${((item?.responseRate ?? 0) * 100).toFixed(1)}%`);
    // the chart (SVG) names the ranked units and the three rates
    const chart = page.getByTestId('rates-chart');
    await chart
      .locator('svg text', { hasText: `S1（测试${f.tag}）` })
      .first()
      .waitFor();
    for (const legend of ['响应率', '解决率', '满意率'])
      await chart.locator('svg text', { hasText: legend }).first().waitFor();
    // each bar carries its figure (one decimal, unlike the axis): S1's response rate as the API computed it
    const response = item?.responseRate == null ? '无数据' : `${((item?.responseRate ?? 0) * 100).toFixed(1)}%`;
    await chart.locator('svg text', { hasText: response }).first().waitFor();
    await screenshot(page, '16-dashboard-street');

    await page.getByText('网格', { exact: true }).click();
    await table.getByRole('row', { name: new RegExp(`G1（测试${f.tag}）`) }).waitFor();
    expect(await table.getByRole('row', { name: new RegExp(`S1（测试${f.tag}）`) }).count()).toBe(0);
    await page.getByText('本年', { exact: true }).click();
    await page
      .getByTestId('dashboard-period')
      .getByText(new RegExp(`^${c.date.slice(0, 4)}-01-01 至 ${c.date.slice(0, 4)}-12-31`))
      .waitFor();
    await table.getByRole('row', { name: new RegExp(`G1（测试${f.tag}）`) }).waitFor();
    await screenshot(page, '17-dashboard-grid-year');
  }, 120_000);

  it('a street supervisor sees no policy menu and 无权访问 at its address; a grid worker cannot open the dashboard', async () => {
    const page = await newPage();
    await signIn(page, f.people.supervisorS1.username, '/console/policies/request-loop');
    await page.getByText('无权访问').waitFor();
    await page.getByRole('menuitem', { name: /三率看板/ }).waitFor();
    expect(await page.getByRole('menuitem', { name: /流程策略/ }).count()).toBe(0);

    const gridWorker = await newPage();
    await signIn(gridWorker, f.people.gridWorkerG1.username, '/console/dashboard');
    await gridWorker.getByText('无权访问').waitFor();
    expect(await gridWorker.getByRole('menuitem', { name: /三率看板/ }).count()).toBe(0);
    expect(await gridWorker.getByTestId('rates-chart').count()).toBe(0);
    await screenshot(gridWorker, '18-dashboard-forbidden');
  }, 120_000);

  it('a supervisor finds the yellow card of a one-star rating, sends the explanation back (a comment is required), then approves the resubmission', async () => {
    const gridToken = await tokenOf(f.people.gridWorkerG1.username);
    const residentToken = (await residentSignIn(api.url, db, f.people.resident.phone)).accessToken;
    const filed = await call<{ id: string; caseNo: string }>(
      gridToken,
      '/api/v1/cases',
      {
        method: 'POST',
        body: JSON.stringify({
          requestKey: `card-${randomUUID()}`,
          channel: 'WECHAT',
          category: f.category,
          description: `路灯不亮-黄牌-${f.tag}`,
          address: f.addresses.G1,
          reporterPhone: f.people.resident.phone,
        }),
      },
      201,
    );
    await eventually(
      async () =>
        (await fetch(`${api.url}/api/v1/cases/${filed.id}/accept`, authed(gridToken, { method: 'POST', body: '{}' })))
          .status === 200,
      'the case accepted',
    );
    await call(gridToken, `/api/v1/cases/${filed.id}/handled`, {
      method: 'POST',
      body: JSON.stringify({ reply: '已更换灯泡' }),
    });
    await call(residentToken, `/api/v1/my/cases/${filed.id}/confirm`, { method: 'POST', body: '{}' });
    await eventually(
      async () =>
        (await call<{ state: string }>(residentToken, `/api/v1/my/cases/${filed.id}/rating`)).state === 'OPEN',
      'the rating window open',
    );
    await call(residentToken, `/api/v1/my/cases/${filed.id}/rating`, {
      method: 'POST',
      body: JSON.stringify({ stars: 1, comment: '灯又坏了' }),
    });
    const card = await eventually(async () => {
      const page = await call<{ items: { id: string; caseId: string; cardNo: string }[] }>(
        gridToken,
        `/api/v1/yellow-cards?unitId=${f.units.G1.id}`,
      );
      return page.items.find((c) => c.caseId === filed.id);
    }, 'the yellow card issued');
    const explain = async (explanation: string) =>
      eventually(
        async () =>
          (
            await fetch(
              `${api.url}/api/v1/yellow-cards/${card.id}/explanation`,
              authed(gridToken, {
                method: 'POST',
                body: JSON.stringify({ explanation, rectificationPlan: '每周巡查路灯一次' }),
              }),
            )
          ).status === 200,
        'the explanation submitted',
      );
    await explain('灯具老化，已更换');

    const page = await newPage();
    await signIn(page, f.people.supervisorS1.username, '/console/yellow-cards');
    await page.getByRole('heading', { name: '黄牌预警', exact: true }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(card.cardNo) });
    await row.waitFor();
    expect(await row.innerText()).toContain('待审核');
    await screenshot(page, '19-yellow-cards');
    await row.getByRole('link', { name: card.cardNo }).click();
    await page.getByRole('heading', { name: `黄牌 ${card.cardNo}` }).waitFor();
    expect(await page.getByTestId('card-status').innerText()).toBe('待审核');
    await page.getByText('灯具老化，已更换').waitFor();
    await page.getByRole('link', { name: filed.caseNo }).waitFor();
    // a supervisor may follow the card's workflow in the Temporal Web UI
    const { workflowId } = await call<{ workflowId: string }>(
      await tokenOf(f.people.supervisorS1.username),
      `/api/v1/yellow-cards/${card.id}`,
    );
    expect(await page.getByRole('link', { name: '在 Temporal 中查看' }).getAttribute('href')).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:8233/namespaces/[^/]+/workflows/${workflowId}$`),
    );

    // sending back needs a comment: the form says so before anything is sent
    await page.getByRole('button', { name: '退回修改', exact: true }).click();
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.getByText('请填写审核意见').waitFor();
    await page.getByLabel('审核意见').fill('请补充整改完成时间');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.getByTestId('card-status').filter({ hasText: '退回修改' }).waitFor();
    await page.locator('[data-card-event="SENT_BACK"]').filter({ hasText: '请补充整改完成时间' }).waitFor();
    expect(await page.getByRole('button', { name: '审核通过', exact: true }).count()).toBe(0);
    await screenshot(page, '20-yellow-card-sent-back');

    // the holder resubmits; the open page picks it up and the supervisor approves
    await explain('灯具老化，已更换；12 月 5 日前完成全部路灯排查');
    await page.getByTestId('card-status').filter({ hasText: '待审核' }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: '审核通过', exact: true }).click();
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.getByTestId('card-status').filter({ hasText: '已整改' }).waitFor();
    await page.locator('[data-card-event="RECTIFIED"]').waitFor();
    await screenshot(page, '21-yellow-card-rectified');
    const after = await call<{ status: string }>(
      await tokenOf(f.people.supervisorS1.username),
      `/api/v1/yellow-cards/${card.id}`,
    );
    expect(after.status).toBe('RECTIFIED');
  }, 180_000);
});
