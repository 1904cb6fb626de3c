import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CN_2026_HOLIDAYS, calendarFromFestivals, isWorkingDay, toCstDate } from '../../src/shared/calendar';
import { ensureConsoleBuilt, launchBrowser, newContext, screenshot, signIn } from '../fixtures/browser';
import { authed, buildOrgFixture, login, OrgFixture, seatPerson } from '../fixtures/org-fixture';
import { startApi, startWorker } from '../fixtures/test-app';
import type { Role } from '../../src/generated/prisma/enums';

const DAY = 86_400_000;
const calendar = calendarFromFestivals(CN_2026_HOLIDAYS);
type Who = 'admin' | 'supervisorS1' | 'secretaryC1' | 'partyMemberA' | 'agencySecretaryA' | 'member2';
interface CompletionRow {
  partyOrgId: string;
  name: string;
  completion: number;
}

/**
 * 双进双联 in a real browser against the real API, worker and Temporal: a member claims a micro-wish (and a second
 * member's claim shows the API's refusal), a member submits a task's evidence and the community confirms it, the
 * supervisor sees the agencies ranked with the chart and downloads the .xlsx, and a non-positive target is refused
 * on its field.
 */
describe('双进双联 console pages in a browser', () => {
  let api: { app: INestApplication; url: string };
  let worker: INestApplicationContext;
  let db: Client;
  let f: OrgFixture;
  let browser: Browser;
  const token: Partial<Record<Who, string>> = {};
  const username: Partial<Record<Who, string>> = {};
  const ids: Partial<Record<Who, string>> = {};
  const contexts: BrowserContext[] = [];
  const year = Number(toCstDate(Date.now()).slice(0, 4));
  let agencyB: { id: string; name: string };

  const call = async <T = Record<string, unknown>>(who: Who, method: string, path: string, body?: unknown) => {
    const res = await fetch(
      `${api.url}/api/v1${path}`,
      authed(token[who] as string, { method, body: body === undefined ? undefined : JSON.stringify(body) }),
    );
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return JSON.parse(text) as T;
  };

  /** Another person seated at agency A, signing in with the fixture's password. */
  async function seat(key: Who, role: Role) {
    const seated = await seatPerson(db, f, { key, role, unitId: f.units.A.id });
    ids[key] = seated.id;
    username[key] = seated.username;
    token[key] = (await login(api.url, seated.username)).accessToken;
  }

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
    for (const who of ['admin', 'supervisorS1', 'secretaryC1', 'partyMemberA'] as const) {
      token[who] = (await login(api.url, f.people[who].username)).accessToken;
      username[who] = f.people[who].username;
      ids[who] = f.people[who].id;
    }
    await seat('agencySecretaryA', 'AGENCY_SECRETARY');
    await seat('member2', 'PARTY_MEMBER');
    await call('admin', 'POST', '/programme/years', { year }).catch((e: Error) => {
      if (!e.message.includes('409')) throw e;
    });
    await call('supervisorS1', 'POST', '/programme/pairings', { partyOrgId: f.units.A.id, communityId: f.units.C1.id });
    // A second agency paired with the same community, with nothing done: the ranking has someone below A.
    const b = await call<{ id: string; name: string }>('admin', 'POST', '/org/units', {
      code: `${f.tag}-B`,
      kind: 'AGENCY',
      name: `B机关（测试${f.tag}）`,
      parentId: f.units.D.id,
    });
    agencyB = { id: b.id, name: b.name };
    await call('supervisorS1', 'POST', '/programme/pairings', { partyOrgId: b.id, communityId: f.units.C1.id });
  }, 180_000);
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await browser?.close();
    await Promise.all([api?.app.close(), worker?.close(), db?.end()]);
  });

  /** Every request the pages make for the members and pairing lists: each must ask for one page. */
  const listCalls: URL[] = [];
  const pageAs = async (who: Who, path: string): Promise<Page> => {
    const context = await newContext(browser, api.url);
    contexts.push(context);
    context.on('request', (r) => {
      const url = new URL(r.url());
      if (r.method() === 'GET' && /\/api\/v1\/programme\/(members|pairings)$/.test(url.pathname)) listCalls.push(url);
    });
    const page = await context.newPage();
    // signed in on the page itself: a second full load of the console costs a loaded machine many seconds
    await signIn(page, username[who] as string, `/console${path}`);
    return page;
  };
  const unitName = async (id: string) =>
    (await db.query('SELECT name FROM org_unit WHERE id = $1', [id])).rows[0].name as string;
  const nextWorkingDay = () => {
    for (let ms = Date.now() + DAY; ; ms += DAY) if (isWorkingDay(calendar, toCstDate(ms))) return toCstDate(ms);
  };

  it('a member claims a wish; a second member, with the same page open, is shown the API’s Chinese refusal', async () => {
    const title = `助听器-${f.tag}`;
    const wish = await call<{ id: string }>('secretaryC1', 'POST', '/programme/wishes', {
      communityId: f.units.C1.id,
      title,
      description: '独居老人听力下降',
      budgetCapYuan: 800,
      deadline: new Date(Date.now() + 30 * DAY).toISOString(),
      residentPhone: f.people.resident.phone,
    });
    const [first, second] = await Promise.all([
      pageAs('partyMemberA', '/programme/wishes'),
      pageAs('member2', '/programme/wishes'),
    ]);
    for (const page of [first, second]) {
      await page
        .getByRole('row', { name: new RegExp(title) })
        .getByText('待认领')
        .waitFor();
    }

    // The community's name, though a member may not read its unit: it comes with the pairing.
    await first
      .getByRole('row', { name: new RegExp(title) })
      .getByText(await unitName(f.units.C1.id))
      .waitFor();
    await first.getByRole('button', { name: `认领微心愿 ${title}` }).click();
    await first.getByText(`已认领微心愿「${title}」`).waitFor();
    await first
      .getByRole('row', { name: new RegExp(title) })
      .getByText('已认领（我）')
      .waitFor();
    await screenshot(first, 'programme-01-wish-claimed');

    await second.getByRole('button', { name: `认领微心愿 ${title}` }).click();
    await second.getByRole('alert').filter({ hasText: '该微心愿已被认领，不能重复认领' }).waitFor();
    const row = second.getByRole('row', { name: new RegExp(title) });
    await row.getByText('已认领', { exact: true }).waitFor();
    await screenshot(second, 'programme-02-wish-second-claim-refused');

    const stored = await db.query('SELECT status, claimed_by_person_id FROM micro_wish WHERE id = $1', [wish.id]);
    expect(stored.rows[0]).toEqual({ status: 'CLAIMED', claimed_by_person_id: ids.partyMemberA });
  });

  it('a member submits a task’s evidence and the community confirms it', async () => {
    const task = await call<{ id: string; taskNo: string }>('secretaryC1', 'POST', '/programme/tasks', {
      requestKey: `task-${randomUUID()}`,
      kind: 'PARTY_DAY',
      title: `联合主题党日-${f.tag}`,
      description: '与社区联合开展主题党日',
      communityId: f.units.C1.id,
      planDate: nextWorkingDay(),
    });
    await call('agencySecretaryA', 'POST', `/programme/tasks/${task.id}/claim`);
    await call('partyMemberA', 'POST', '/programme/report-ins', { communityId: f.units.C1.id });

    // 指定党员 searches the agency's members by name, one page at a time.
    const memberName = (await db.query('SELECT name FROM person WHERE id = $1', [ids.partyMemberA])).rows[0]
      .name as string;
    const secretary = await pageAs('agencySecretaryA', '/programme/tasks');
    await secretary
      .getByRole('row', { name: new RegExp(task.taskNo) })
      .getByRole('button', { name: '指定党员' })
      .click();
    const naming = secretary.getByRole('dialog');
    // the picker asks the API by name (debounced); pick only from its answer, not from the first page it showed
    const searched = secretary.waitForResponse(
      (r) =>
        /\/programme\/members$/.test(new URL(r.url()).pathname) &&
        new URL(r.url()).searchParams.get('q') === memberName,
    );
    await naming.getByLabel('承办党员').fill(memberName);
    await searched;
    await secretary.locator('.ant-select-item-option', { hasText: memberName }).click();
    await naming.getByText(`指定承办党员：${task.taskNo}`).click(); // closes the multiple select's dropdown
    await naming.getByRole('button', { name: /确\s*定/ }).click();
    await secretary.getByText('已指定承办党员').waitFor();
    expect(listCalls.some((u) => u.searchParams.get('q') === memberName)).toBe(true);
    const named = await db.query('SELECT member_ids FROM programme_task WHERE id = $1', [task.id]);
    expect(named.rows[0].member_ids).toEqual([ids.partyMemberA]);

    const member = await pageAs('partyMemberA', '/programme/tasks');
    await member
      .getByRole('row', { name: new RegExp(task.taskNo) })
      .getByRole('button', { name: '提交材料' })
      .click();
    const dialog = member.getByRole('dialog');
    await dialog.getByLabel('情况说明').fill('主题党日：清理楼道');
    await dialog.getByLabel('现场照片（每行一个文件）').fill('photos/a.jpg');
    await dialog.getByLabel('参加人员签到（每行一人）').fill('张三\n李四');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await member.getByText('完成材料已提交，待社区确认').waitFor();
    await member
      .getByRole('row', { name: new RegExp(task.taskNo) })
      .getByText('待社区确认')
      .waitFor();
    await screenshot(member, 'programme-03-evidence-submitted');

    const community = await pageAs('secretaryC1', '/programme/tasks');
    const row = community.getByRole('row', { name: new RegExp(task.taskNo) });
    await row.getByRole('button', { name: '审核材料' }).click();
    const review = community.getByRole('dialog');
    await review.getByText('主题党日：清理楼道').waitFor();
    await review.getByText('张三、李四').waitFor();
    await screenshot(community, 'programme-04-evidence-review');
    await review.getByRole('button', { name: '确认完成' }).click();
    await community.getByText(`任务 ${task.taskNo} 已确认完成`).waitFor();
    await row.getByText('已确认完成').waitFor();
    await screenshot(community, 'programme-05-task-confirmed');

    const stored = await db.query('SELECT status, confirmed_month FROM programme_task WHERE id = $1', [task.id]);
    expect(stored.rows[0]).toEqual({ status: 'CONFIRMED', confirmed_month: toCstDate(Date.now()).slice(0, 7) });
  });

  it('the community records the rating of a confirmed task by the enterprise it helped, once', async () => {
    const task = await call<{ id: string; taskNo: string }>('secretaryC1', 'POST', '/programme/tasks', {
      requestKey: `task-${randomUUID()}`,
      kind: 'ENTERPRISE_PROBLEM',
      title: `企业难题-${f.tag}`,
      description: '协调解决企业用电问题',
      communityId: f.units.C1.id,
      partyOrgId: f.units.A.id,
      planDate: nextWorkingDay(),
    });
    await call('agencySecretaryA', 'POST', `/programme/tasks/${task.id}/members`, { memberIds: [ids.partyMemberA] });
    await call('partyMemberA', 'POST', `/programme/tasks/${task.id}/evidence`, {
      description: '已协调供电增容',
      beneficiaryConfirmation: { name: '某某商贸公司' },
    });
    await call('secretaryC1', 'POST', `/programme/tasks/${task.id}/review`, { accept: true });

    const community = await pageAs('secretaryC1', '/programme/tasks');
    const row = community.getByRole('row', { name: new RegExp(task.taskNo) });
    await row.getByRole('button', { name: '录入评价' }).click();
    const dialog = community.getByRole('dialog');
    await dialog.getByText('评价人：某某商贸公司').waitFor();
    // by keyboard: a click on a star while the dialog is still zooming in can land on its neighbour
    await dialog.getByLabel('星级').focus();
    for (let i = 0; i < 4; i += 1) await community.keyboard.press('ArrowRight');
    await dialog.locator('[role=radio][aria-posinset="4"][aria-checked="true"]').waitFor();
    await dialog.locator('[role=radio][aria-posinset="5"][aria-checked="false"]').waitFor();
    await dialog.getByLabel('评价意见（选填）').fill('问题解决得很及时');
    const saved = community.waitForResponse((r) => r.url().endsWith(`/programme/tasks/${task.id}/rating`));
    await dialog.getByRole('button', { name: '提交评价' }).click();
    expect((await saved).status()).toBe(200);
    await community.getByText(`已录入 某某商贸公司 对任务 ${task.taskNo} 的评价（4 星）`).waitFor();
    await row.getByText('★★★★').waitFor();
    expect(await row.getByRole('button', { name: '录入评价' }).count()).toBe(0);
    await screenshot(community, 'programme-06-task-rated');
    const stored = await db.query('SELECT stars, comment, low FROM programme_task_rating WHERE task_id = $1', [
      task.id,
    ]);
    expect(stored.rows).toEqual([{ stars: 4, comment: '问题解决得很及时', low: false }]);
  });

  it('the supervisor sees the agencies ranked, in the chart and the table, and downloads the .xlsx', async () => {
    const { rows } = await call<{ rows: CompletionRow[] }>('supervisorS1', 'GET', `/programme/completion?year=${year}`);
    const ranked = [...rows].sort((a, b) => b.completion - a.completion);
    const nameA = ranked.find((r) => r.partyOrgId === f.units.A.id)?.name as string;
    // A had its 主题党日 confirmed by the community just before; B has done nothing.
    expect(ranked.findIndex((r) => r.partyOrgId === f.units.A.id)).toBeLessThan(
      ranked.findIndex((r) => r.partyOrgId === agencyB.id),
    );
    expect(ranked.find((r) => r.partyOrgId === f.units.A.id)?.completion).toBeGreaterThan(0);

    const page = await pageAs('supervisorS1', '/programme/completion');
    const chart = page.getByRole('figure', { name: '机关年度任务完成率排名' });
    // the chart first draws an empty <svg> to measure itself, then the bars: wait for a label, not for the <svg>
    await chart.locator('svg text', { hasText: `1. ${ranked[0].name}` }).waitFor();
    const labels = await chart.locator('svg text').allTextContents();
    ranked.forEach((r, i) => expect(labels).toContain(`${i + 1}. ${r.name}`));
    const pct = (c: number) => `${(Math.round(c * 1000) / 10).toFixed(1)}%`;
    expect(labels).toContain(pct(ranked[0].completion));

    const table = page.getByRole('table', { name: '完成情况明细' });
    const tableRows = table.locator('tbody tr.ant-table-row');
    await tableRows.nth(ranked.length - 1).waitFor();
    expect(await tableRows.count()).toBe(ranked.length);
    for (const [i, r] of ranked.entries()) {
      const cells = await tableRows.nth(i).locator('td').allTextContents();
      expect(cells[0]).toBe(String(i + 1));
      expect(cells[1]).toBe(r.name);
      expect(cells.at(-1)).toBe(pct(r.completion));
    }
    expect(await tableRows.nth(0).locator('td').nth(1).textContent()).toBe(nameA);
    await screenshot(page, 'programme-06-completion-ranked');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出 Excel/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`双进双联完成情况-${year}.xlsx`);
    const file = join(tmpdir(), `programme-${f.tag}.xlsx`);
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const cells = workbook.worksheets.flatMap((ws) => {
      const values: string[] = [];
      ws.eachRow((row) => row.eachCell((cell) => values.push(String(cell.value))));
      return values;
    });
    expect(cells).toEqual(expect.arrayContaining([nameA, agencyB.name]));
  });

  it('a non-positive yearly target is refused by the API and shown on its field; nothing is saved', async () => {
    const before = await call<{ policyVersion: number; policy: { targets: Record<string, number> } }>(
      'admin',
      'GET',
      `/programme/years/${year}`,
    );
    const page = await pageAs('admin', '/programme/settings');
    const target = page.getByLabel('主题党日年度目标（次）');
    // the form is there, empty, before the year loads; the card names the version once its values are in
    await page.getByText(`${year} 年度任务设置（第 ${before.policyVersion} 版）`).waitFor();
    expect(await target.inputValue()).toBe(String(before.policy.targets.PARTY_DAY));
    await target.fill('0');
    await page.getByRole('button', { name: '保存年度设置' }).click();
    await page.getByText('年度目标必须大于 0').first().waitFor();
    await page.getByRole('alert').filter({ hasText: '未保存：请按标红字段下方的提示修改' }).waitFor();
    await screenshot(page, 'programme-07-target-refused');
    expect((await call<{ policyVersion: number }>('admin', 'GET', `/programme/years/${year}`)).policyVersion).toBe(
      before.policyVersion,
    );
  });

  it('a member reports in and the community confirms; sign-up, check-in and confirmed attendance show as service hours', async () => {
    const communityName = await unitName(f.units.C1.id);
    const member = await pageAs('member2', '/programme/members');
    // the agency's progress card lands above the table once loaded and pushes 报到社区 down: let it land first
    await member
      .getByText(/年度任务完成进度/)
      .first()
      .waitFor();
    await member.getByLabel('报到社区').click();
    await member.locator('.ant-select-item-option', { hasText: communityName }).click();
    await member.getByRole('button', { name: '到社区报到' }).click();
    await member.getByText('已向社区报到，待社区确认').waitFor();

    const community = await pageAs('secretaryC1', '/programme/members');
    const row = community.getByRole('row', { name: /member2测试/ });
    await row.getByText('已报到待确认').waitFor();
    await row.getByRole('button', { name: '确认报到' }).click();
    await community.getByText('已确认 member2测试 报到').waitFor();
    await row.getByText('已确认', { exact: true }).waitFor();

    const title = `清洁家园-${f.tag}`;
    const startsAt = Date.now() + 30 * 60_000;
    await call('secretaryC1', 'POST', '/programme/activities', {
      communityId: f.units.C1.id,
      title,
      place: '社区广场',
      cap: 5,
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 2 * 3_600_000).toISOString(),
    });
    await member.goto('/console/programme/activities');
    const activity = member.getByRole('row', { name: new RegExp(title) });
    await activity.getByText('0 / 5').waitFor();
    await member.getByRole('button', { name: `报名 ${title}` }).click();
    await member.getByText(`已报名「${title}」`).waitFor();
    await activity.getByText('1 / 5').waitFor();
    await member.getByRole('button', { name: `签到 ${title}` }).click();
    await member.getByText(`已签到「${title}」`).waitFor();

    await community.goto('/console/programme/activities');
    await community
      .getByRole('row', { name: new RegExp(title) })
      .getByRole('button', { name: '确认出勤' })
      .click();
    const dialog = community.getByRole('dialog');
    await expect(dialog.getByRole('checkbox', { name: /member2测试（签到/ }).isChecked()).resolves.toBe(true);
    await dialog.getByRole('button', { name: /确认出勤/ }).click();
    await community.getByText('已确认 1 人出勤').waitFor();

    const agency = await pageAs('agencySecretaryA', '/programme/members');
    const served = agency.getByRole('row', { name: /member2测试/ });
    await served.getByText('已确认', { exact: true }).waitFor();
    const cells = await served.locator('td').allTextContents();
    expect(cells.slice(-3, -1)).toEqual(['1', '2']); // one confirmed attendance, two hours
    expect(cells).toContain(communityName); // names come with the page of members
    expect(listCalls.map((u) => u.pathname.split('/').pop())).toEqual(expect.arrayContaining(['members', 'pairings']));
    for (const url of listCalls) expect(Number(url.searchParams.get('pageSize'))).toBeGreaterThan(0);
    await agency
      .getByText(/年度任务完成进度/)
      .first()
      .waitFor();
    await screenshot(agency, 'programme-08-members-service-hours');
  });
});
