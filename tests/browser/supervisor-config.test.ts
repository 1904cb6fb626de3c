import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PrismaClient } from '../../src/generated/prisma/client';
import { hashPassword } from '../../src/modules/auth/password-hasher';
import { answerTo, ensureConsoleBuilt, launchBrowser, newContext, screenshot, signIn } from '../fixtures/browser';
import { authed, buildOrgFixture, FIXTURE_PASSWORD, login, OrgFixture } from '../fixtures/org-fixture';
import { eventually, startApi, startWorker } from '../fixtures/test-app';

/**
 * The supervisors' configuration and oversight pages in a real browser against the real API, worker and services:
 * 评价规则, 工作日历 (marking a day, importing a pasted schedule), 审计 CSV export, 组织架构, 延期审批.
 */
describe('the supervisor configuration pages in a browser', () => {
  let api: { app: INestApplication; url: string };
  let worker: INestApplicationContext;
  let f: OrgFixture;
  let browser: Browser;
  let districtSupervisor: { id: string; username: string };
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
    // District-wide settings take a supervisor seated at the district itself (the fixture's S1 supervisor is not).
    const prisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL as string }),
    });
    const id = randomUUID();
    const username = `supervisorD-${f.tag}`;
    await prisma.person.create({
      data: {
        id,
        name: '区督导配置',
        phone: `17${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`,
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
      open.flatMap((c) => c.pages()).map((p, i) => screenshot(p, `end-config-${walk}-${i}`).catch(() => undefined)),
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

  it('评价规则: a threshold only the API checks is refused on its field; fixed, the diff shows old → new and saving publishes it', async () => {
    const token = await tokenOf(districtSupervisor.username);
    type Rating = { repeats: { periodDays: number; interviewAt: number; annualReviewAt: number } };
    const current = await call<{ version: number; data: Rating }>(token, '/api/v1/policies/rating');
    const page = await newPage();
    await signIn(page, districtSupervisor.username, '/console/');
    await page.getByRole('menuitem', { name: '评价规则' }).click();
    await page.getByRole('heading', { name: '评价规则', exact: true }).waitFor();
    await page.getByText(`当前生效：第 ${current.version} 版`).waitFor();
    expect(await page.getByLabel('黄牌统计周期（天）').inputValue()).toBe(String(current.data.repeats.periodDays));

    // 约谈 after more cards than 述职评议: the form lets it through, the API's rule refuses it on the field it names
    const interviewAt = current.data.repeats.annualReviewAt + 1;
    await page.getByLabel('约谈阈值（第几张黄牌）').fill(String(interviewAt));
    await page.getByRole('button', { name: '核对变更' }).click();
    const diff = page.getByRole('table', { name: '策略变更' });
    await diff
      .getByRole('row', {
        name: new RegExp(`约谈阈值（第几张黄牌）\\s*${current.data.repeats.interviewAt}\\s*${interviewAt}`),
      })
      .waitFor();
    await page.getByRole('button', { name: `保存为第 ${current.version + 1} 版` }).click();
    await page.getByRole('alert').filter({ hasText: '保存未成功' }).waitFor();
    await page
      .locator('.ant-form-item-has-error', { has: page.getByLabel('列入述职评议阈值（第几张黄牌）') })
      .getByText('述职评议阈值不能低于约谈阈值')
      .waitFor();
    await screenshot(page, '40-rating-policy-refused');
    expect((await call<{ version: number }>(token, '/api/v1/policies/rating')).version).toBe(current.version);

    // fixed: the interview threshold back, a longer counting period; the diff lists exactly that change
    await page.getByLabel('约谈阈值（第几张黄牌）').fill(String(current.data.repeats.interviewAt));
    const periodDays = current.data.repeats.periodDays + 1;
    await page.getByLabel('黄牌统计周期（天）').fill(String(periodDays));
    await page.getByLabel('修改说明').fill(`统计周期调整-${f.tag}`);
    await page.getByRole('button', { name: '核对变更' }).click();
    await diff
      .getByRole('row', {
        name: new RegExp(`黄牌统计周期（天）\\s*${current.data.repeats.periodDays}\\s*${periodDays}`),
      })
      .waitFor();
    expect(await diff.locator('tbody tr').count()).toBe(1);
    await screenshot(page, '41-rating-policy-diff');
    await page.getByRole('button', { name: `保存为第 ${current.version + 1} 版` }).click();
    await page.getByText(`第 ${current.version + 1} 版已发布`).waitFor();
    await page.getByText(`当前生效：第 ${current.version + 1} 版`).waitFor();
    const saved = await call<{ version: number; note: string; data: Rating }>(token, '/api/v1/policies/rating');
    expect(saved).toMatchObject({ version: current.version + 1, note: `统计周期调整-${f.tag}` });
    expect(saved.data.repeats).toEqual({ ...current.data.repeats, periodDays });
    // other test files read the latest rating policy: put the earlier content back as a further version
    await call(
      token,
      '/api/v1/policies/rating/versions',
      { method: 'POST', body: JSON.stringify({ ...current.data, note: '测试后恢复' }) },
      201,
    );
  });

  it('工作日历: marks a day as a named holiday on the year view and imports a pasted schedule after its preview', async () => {
    const token = await tokenOf(districtSupervisor.username);
    const districtCalendar = async () =>
      (
        await call<{ calendar: { holidays: string[]; makeUpWorkdays: string[] } }>(
          token,
          `/api/v1/calendars/effective?districtId=${f.units.D.id}`,
        )
      ).calendar;
    const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
    // a weekday of this year that is an ordinary working day
    const before = await districtCalendar();
    let day = `${year}-06-01`;
    for (let d = 1; d <= 30; d++) {
      day = `${year}-06-${String(d).padStart(2, '0')}`;
      const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
      if (wd >= 1 && wd <= 5 && !before.holidays.includes(day) && !before.makeUpWorkdays.includes(day)) break;
    }
    const page = await newPage();
    await signIn(page, districtSupervisor.username, '/console/');
    await page.getByRole('menuitem', { name: '工作日历' }).click();
    await page.getByRole('heading', { name: '工作日历', exact: true }).waitFor();
    const cell = page.locator(`button[data-date="${day}"]`);
    expect(await cell.getAttribute('data-kind')).toBe('workday');
    // the keyboard: focus the day and press Enter
    await cell.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`${day}（现为工作日）`).waitFor();
    await dialog.getByLabel('设为节假日（休）').check();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('请填写名称').waitFor();
    await dialog.getByLabel('名称').fill('区庆');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText(`已保存：${day} 区庆：休`).waitFor();
    await eventually(async () => ((await cell.getAttribute('data-kind')) === 'holiday' ? true : null), 'the day red');
    expect(await cell.getAttribute('aria-label')).toMatch(/节假日$/);
    expect((await districtCalendar()).holidays).toContain(day);
    await page.getByRole('table', { name: '工作日历版本' }).getByText(`${day} 区庆：休`).waitFor();
    await screenshot(page, '42-calendar-marked');

    // next year's schedule pasted as a table: one bad line first, then the whole schedule
    const next = year + 1;
    const schedule = [
      `${next}-01-01,元旦,休`,
      `${next}-02-10,春节,休`,
      `${next}-02-11,春节,休`,
      `${next}-02-20,春节,班`,
    ];
    await page.getByLabel('粘贴放假安排').fill([...schedule, `${next}-13-01,国庆,休`].join('\n'));
    await page.getByRole('button', { name: '预览' }).click();
    await page.getByText('有 1 行无法识别').waitFor();
    await page.getByText(`日期「${next}-13-01」无效，应为 YYYY-MM-DD`).waitFor();
    expect(await page.getByRole('button', { name: `应用到 ${next} 年` }).isDisabled()).toBe(true);
    await page.getByLabel('粘贴放假安排').fill(schedule.join('\n'));
    await page.getByRole('button', { name: '预览' }).click();
    await page.getByText(`${next} 年：2 个节日，放假 3 天，调休上班 1 天`).waitFor();
    expect(await page.getByRole('table', { name: '放假安排预览' }).locator('tbody tr').count()).toBe(4);
    await screenshot(page, '43-calendar-import-preview');
    await page.getByRole('button', { name: `应用到 ${next} 年` }).click();
    await page.getByText(new RegExp(`已导入 ${next} 年放假安排`)).waitFor();
    // the year view moved to the imported year and shows its days
    await page.getByRole('grid', { name: `${next} 年 2 月` }).waitFor();
    expect(await page.locator(`button[data-date="${next}-02-10"]`).getAttribute('data-kind')).toBe('holiday');
    expect(await page.locator(`button[data-date="${next}-02-20"]`).getAttribute('data-kind')).toBe('makeUp');
    const after = await districtCalendar();
    expect(after.holidays).toEqual(expect.arrayContaining([`${next}-01-01`, `${next}-02-10`, `${next}-02-11`, day]));
    expect(after.makeUpWorkdays).toContain(`${next}-02-20`);
    await page
      .getByRole('table', { name: '工作日历版本' })
      .getByText(`导入 ${next} 年国务院放假安排（元旦、春节）`)
      .waitFor();
    await screenshot(page, '44-calendar-imported');
  });

  it('审计: the CSV export downloads exactly the filtered rows in the supervisor’s scope, UTF-8 with a BOM', async () => {
    const page = await newPage();
    await signIn(page, f.people.supervisorS1.username, '/console/');
    await page.getByRole('menuitem', { name: '审计' }).click();
    await page.getByRole('heading', { name: '审计记录', exact: true }).waitFor();
    await page.getByLabel('对象类型').fill('fixture');
    // the unfiltered first page may list the same row: wait for the filtered answer (the export takes its filter)
    const filtered = answerTo(page, '/api/v1/audit', 'entityType', 'fixture');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    expect((await filtered).status()).toBe(200);
    await page.getByRole('cell', { name: `fixture.home-${f.tag}` }).waitFor();
    // the other street's entry is outside S1's scope: not on the page, nor in the file
    expect(await page.getByRole('cell', { name: `fixture.away-${f.tag}` }).count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出 CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^审计记录-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await new Promise<Buffer>((resolve, reject) => {
      void download.createReadStream().then((stream) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => resolve(Buffer.concat(chunks)));
        stream.on('error', reject);
      }, reject);
    });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '编号,时间,操作人,操作人岗位,操作,对象类型,对象编号,所属单元,变更前,变更后,IP,客户端,关联编号,流程编号',
    );
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.map((r) => r[4])).toEqual([`fixture.home-${f.tag}`]);
    expect(rows[0][5]).toBe('fixture');
    expect(rows[0][7]).toBe(f.units.G1.id);
    await screenshot(page, '45-audit-export');
  });

  it('组织架构: opens the tree level by level and pages through the people of a grid', async () => {
    // 25 more people in G1, so its list runs to a second page
    const prisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL as string }),
    });
    const names = Array.from({ length: 25 }, (_, i) => `网格成员${String(i + 1).padStart(2, '0')}-${f.tag}`);
    for (const name of names) {
      const person = await prisma.person.create({
        data: {
          name,
          phone: `16${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`,
          kind: 'STAFF',
        },
      });
      await prisma.position.create({
        data: { personId: person.id, unitId: f.units.G1.id, role: 'GRID_WORKER', startsOn: new Date('2024-01-01') },
      });
    }
    await prisma.$disconnect();
    const token = await tokenOf(districtSupervisor.username);
    const total = (await call<{ total: number }>(token, `/api/v1/people?unitId=${f.units.G1.id}&pageSize=1`)).total;
    // the fixture's grid worker and the 25 above
    expect(total).toBe(26);

    const page = await newPage();
    await signIn(page, districtSupervisor.username, '/console/');
    await page.getByRole('menuitem', { name: '组织架构' }).click();
    await page.getByRole('heading', { name: '组织架构', exact: true }).waitFor();
    const tree = page.getByRole('navigation', { name: '组织单元树' });
    const node = (name: string) => tree.locator('.ant-tree-treenode', { hasText: name });
    const open = async (name: string) => {
      await node(name).locator('.ant-tree-switcher').click();
    };
    await node(`D（测试${f.tag}）（区）`).waitFor();
    // children appear only once their parent opens
    expect(await node(`S1（测试${f.tag}）`).count()).toBe(0);
    await open(`D（测试${f.tag}）（区）`);
    await node(`S1（测试${f.tag}）（街道）`).waitFor();
    await node(`S2（测试${f.tag}）（街道）`).waitFor();
    await node(`A（测试${f.tag}）（机关）`).waitFor();
    await open(`S1（测试${f.tag}）（街道）`);
    await node(`DEP1（测试${f.tag}）（部门）`).waitFor();
    await open(`C1（测试${f.tag}）（社区）`);
    await node(`G1（测试${f.tag}）（网格）`).click();
    const people = page.locator('.ant-pro-table');
    await people.getByText(`G1（测试${f.tag}） 的人员`).waitFor();
    await people.getByText(`总共 ${total} 条`).waitFor();
    const firstPage = await people.locator('tbody tr').allInnerTexts();
    expect(firstPage).toHaveLength(20);
    await screenshot(page, '46-org-tree-people');
    await people.locator('.ant-pagination-item-2').click();
    await people.getByText(`第 21-${total} 条`).waitFor();
    await eventually(
      async () => ((await people.locator('tbody tr').count()) === total - 20 ? true : null),
      'the second page’s rows',
    );
    const secondPage = await people.locator('tbody tr').allInnerTexts();
    expect(secondPage).toHaveLength(total - 20);
    expect(secondPage.filter((r) => firstPage.includes(r))).toEqual([]);
    const shown = [...firstPage, ...secondPage].join('\n');
    expect(shown).toContain('gridWorkerG1测试');
    expect(names.filter((n) => !shown.includes(n))).toEqual([]);
  });

  it('延期审批: a street supervisor sees the pending request with its days and reason, a rejection needs a reason, approving moves the deadline', async () => {
    const secretary = await tokenOf(f.people.secretaryC1.username);
    const grid = await tokenOf(f.people.gridWorkerG1.username);
    const filed = await call<{ id: string; caseNo: string }>(
      secretary,
      '/api/v1/cases',
      {
        method: 'POST',
        body: JSON.stringify({
          requestKey: `extension-${randomUUID()}`,
          channel: 'HOTLINE',
          category: f.category,
          description: `路灯更换-延期-${f.tag}`,
          address: f.addresses.G1,
          reporterPhone: '13900000003',
        }),
      },
      201,
    );
    await eventually(
      async () =>
        (await fetch(`${api.url}/api/v1/cases/${filed.id}/accept`, authed(grid, { method: 'POST', body: '{}' })))
          .status === 200,
      'the case accepted',
    );
    const before = await eventually(async () => {
      const c = await call<{ resolveDeadline: string | null }>(grid, `/api/v1/cases/${filed.id}`);
      return c.resolveDeadline;
    }, 'the resolution deadline');
    await call(grid, `/api/v1/cases/${filed.id}/extension`, {
      method: 'POST',
      body: JSON.stringify({ workingDays: 3, reason: `等待配件到货-${f.tag}` }),
    });

    const page = await newPage();
    await signIn(page, f.people.supervisorS1.username, '/console/');
    await page.getByRole('menuitem', { name: '延期审批' }).click();
    await page.getByRole('heading', { name: '延期审批', exact: true }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(filed.caseNo) });
    // the request's timeline entry is written before the API answers the request, so the first load lists it
    await row.waitFor();
    await row.getByText('3 个工作日').waitFor();
    await row.getByText(`等待配件到货-${f.tag}`).waitFor();
    await screenshot(page, '47-extensions-pending');

    // a rejection without a reason is not sent
    await row.getByRole('button', { name: `驳回 ${filed.caseNo}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /驳\s*回/ }).click();
    await dialog.getByText('请写明驳回理由').waitFor();
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    await row.getByRole('button', { name: `批准 ${filed.caseNo}` }).click();
    await dialog.getByText(`申请延期 3 个工作日；理由：等待配件到货-${f.tag}`).waitFor();
    await dialog.getByLabel('审批意见').fill('同意');
    await dialog.getByRole('button', { name: /批\s*准/ }).click();
    await page.getByText(`${filed.caseNo} 的延期申请已批准`).waitFor();
    await row.waitFor({ state: 'detached' });
    const after = await eventually(async () => {
      const c = await call<{ resolveDeadline: string | null; timeline: { kind: string; note: string | null }[] }>(
        grid,
        `/api/v1/cases/${filed.id}`,
      );
      return c.timeline.some((e) => e.kind === 'EXTENSION_APPROVED') && c.resolveDeadline !== before ? c : null;
    }, 'the approved extension');
    expect(Date.parse(after.resolveDeadline as string)).toBeGreaterThan(Date.parse(before));
    expect(after.timeline.find((e) => e.kind === 'EXTENSION_APPROVED')?.note).toBe('同意');
  });

  it('消息模板: each template shows its declared variables; an undeclared one is refused on the field by the API', async () => {
    const token = await tokenOf(districtSupervisor.username);
    type Template = { key: string; version: number; title: string; body: string; variables: string[] };
    const before = (await call<Template[]>(token, '/api/v1/notifications/templates/catalog')).find(
      (t) => t.key === 'request.reminder',
    ) as Template;
    const page = await newPage();
    await signIn(page, districtSupervisor.username, '/console/');
    await page.getByRole('menuitem', { name: '消息模板' }).click();
    await page.getByRole('heading', { name: '消息模板', exact: true }).waitFor();
    const row = page.getByRole('row', { name: /request\.reminder/ });
    for (const v of before.variables) await row.getByText(v, { exact: true }).waitFor();
    await row.getByRole('button', { name: '编辑 request.reminder' }).click();
    const drawer = page.getByRole('dialog');
    const declared = drawer.getByRole('group', { name: '可用变量' });
    for (const v of before.variables) await declared.getByText(`{{${v}}}`).waitFor();
    expect(await drawer.getByLabel('正文').inputValue()).toBe(before.body);
    await drawer.getByLabel('正文').fill(`${before.body}（联系人 {{handler}}）`);
    await drawer.getByRole('button', { name: '保存为新版本' }).click();
    await drawer
      .locator('.ant-form-item-has-error', { has: page.getByLabel('正文') })
      .getByText(/模板使用了未提供的变量：handler/)
      .waitFor();
    await screenshot(page, '48-template-refused');
    const still = (await call<Template[]>(token, '/api/v1/notifications/templates/catalog')).find(
      (t) => t.key === 'request.reminder',
    );
    expect(still?.version).toBe(before.version);
    // the wording back as it was, saved as the next version (other files send this template)
    await drawer.getByLabel('正文').fill(before.body);
    await drawer.getByRole('button', { name: '保存为新版本' }).click();
    await page.getByText(`「request.reminder」已保存为第 ${before.version + 1} 版`).waitFor();
    await row.getByText(`第 ${before.version + 1} 版`).waitFor();
  });

  it('督办 and 积分排行: an escalated case with its 督办单 links to the case; units ranked by this month’s points', async () => {
    const prisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL as string }),
    });
    try {
      const secretary = await tokenOf(f.people.secretaryC1.username);
      const filed = await call<{ id: string; caseNo: string }>(
        secretary,
        '/api/v1/cases',
        {
          method: 'POST',
          body: JSON.stringify({
            requestKey: `escalated-${randomUUID()}`,
            channel: 'HOTLINE',
            category: f.category,
            description: `井盖缺失-督办-${f.tag}`,
            address: f.addresses.G1,
            reporterPhone: '13900000004',
          }),
        },
        201,
      );
      // an escalation as the workflow records it (its clocks are days long; the list only reads these rows)
      const deadline = new Date(Date.now() + 2 * 86_400_000);
      await prisma.requestCase.update({ where: { id: filed.id }, data: { escalationLevel: 1 } });
      await prisma.supervisionOrder.create({
        data: { caseId: filed.id, level: 'COMMUNITY', clock: 'accept', deadline, dedupKey: `walk-${filed.id}` },
      });
      // points this month: G1 above DEP1 (a five-star and a one-star rating's worth)
      await prisma.pointsEntry.createMany({
        data: [
          {
            holderKind: 'UNIT',
            unitId: f.units.G1.id,
            points: 5,
            reason: '五星好评',
            policyVersion: 1,
            dedupKey: `walk-g1-${f.tag}`,
          },
          {
            holderKind: 'UNIT',
            unitId: f.units.DEP1.id,
            points: -2,
            reason: '一星差评',
            policyVersion: 1,
            dedupKey: `walk-dep1-${f.tag}`,
          },
        ],
      });

      const page = await newPage();
      await signIn(page, f.people.supervisorS1.username, '/console/');
      await page.getByRole('menuitem', { name: '督办' }).click();
      await page.getByRole('heading', { name: '督办', exact: true }).waitFor();
      const row = page.getByRole('row', { name: new RegExp(filed.caseNo) });
      await row.getByText('已升级至社区').waitFor();
      await row.getByText(new RegExp(`社区 · 受理时限 · 督办时限 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}`)).waitFor();
      await screenshot(page, '49-escalations');
      await row.getByRole('link', { name: filed.caseNo }).click();
      await page.waitForURL(new RegExp(`/console/cases/${filed.id}$`));
      await page.getByText(`井盖缺失-督办-${f.tag}`).first().waitFor();

      await page.getByRole('menuitem', { name: '积分排行' }).click();
      await page.getByRole('heading', { name: '积分排行', exact: true }).waitFor();
      const ranking = page.getByRole('table', { name: '单位积分排行' });
      const g1 = ranking.getByRole('row', { name: new RegExp(`G1（测试${f.tag}）`) });
      const dep1 = ranking.getByRole('row', { name: new RegExp(`DEP1（测试${f.tag}）`) });
      await g1.getByText('+5').waitFor();
      await dep1.getByText('-2').waitFor();
      const rankOf = async (r: typeof g1) => Number((await r.locator('td').first().innerText()).trim());
      expect(await rankOf(g1)).toBeLessThan(await rankOf(dep1));
      await screenshot(page, '50-points-ranking');
    } finally {
      await prisma.$disconnect();
    }
  });
});
