import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Browser, BrowserContext } from 'playwright-core';
import { PrismaClient } from '../../src/generated/prisma/client';
import { hashPassword } from '../../src/modules/auth/password-hasher';
import type { MediationPolicy } from '../../src/modules/policy/mediation-policy.schema';
import { ensureConsoleBuilt, launchBrowser, newContext, screenshot, signIn } from '../fixtures/browser';
import { authed, buildOrgFixture, FIXTURE_PASSWORD, login, OrgFixture } from '../fixtures/org-fixture';
import { eventually, startApi } from '../fixtures/test-app';

/** 调解规则 (the mediation policy editor) in a real browser against the real API and database. */
describe('the mediation policy editor in a browser', () => {
  let api: { app: INestApplication; url: string };
  let f: OrgFixture;
  let browser: Browser;
  let districtSupervisor: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureConsoleBuilt();
    [f, browser] = await Promise.all([
      buildOrgFixture(),
      launchBrowser(),
      startApi().then((a) => {
        api = a;
      }),
    ]);
    // District-wide settings take a supervisor seated at the district itself (the fixture's S1 supervisor is not).
    const prisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL as string }),
    });
    const id = randomUUID();
    districtSupervisor = `supervisorM-${f.tag}`;
    await prisma.person.create({
      data: {
        id,
        name: '区督导调解',
        phone: `17${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`,
        kind: 'STAFF',
        username: districtSupervisor,
        passwordHash: await hashPassword(FIXTURE_PASSWORD),
      },
    });
    await prisma.position.create({
      data: { personId: id, unitId: f.units.D.id, role: 'SUPERVISOR', startsOn: new Date('2024-01-01') },
    });
    await prisma.$disconnect();
  }, 180_000);
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await browser?.close();
    await api?.app.close();
  });

  const call = async <T>(token: string, path: string, init: RequestInit = {}, status = 200): Promise<T> => {
    const res = await fetch(`${api.url}${path}`, authed(token, init));
    const body = await res.text();
    if (res.status !== status) throw new Error(`${init.method ?? 'GET'} ${path} → ${res.status} ${body}`);
    return JSON.parse(body) as T;
  };
  type Version = { version: number; note: string | null; data: MediationPolicy };
  const restore = async (token: string, original: MediationPolicy) =>
    call(
      token,
      '/api/v1/policies/mediation/versions',
      { method: 'POST', body: JSON.stringify({ ...original, note: '测试后恢复' }) },
      201,
    );
  // A walk that fails after publishing still puts the original back (other files read the current policy).
  let original: { token: string; data: MediationPolicy } | null = null;
  afterEach(async () => {
    if (!original) return;
    const { token, data } = original;
    original = null;
    const latest = await call<Version>(token, '/api/v1/policies/mediation');
    if (JSON.stringify(latest.data) !== JSON.stringify(data)) await restore(token, data);
  });

  it('调解规则: a threshold the API refuses shows its message on the field; a valid change shows old → new, saving publishes it, and the original goes back', async () => {
    const token = (await login(api.url, districtSupervisor)).accessToken;
    const current = await call<Version>(token, '/api/v1/policies/mediation');
    original = { token, data: current.data };
    const visits = current.data.visitIntervalsDays;
    expect(visits.length).toBeGreaterThan(1); // the walk removes the last follow-up visit
    const context = await newContext(browser, api.url);
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, districtSupervisor, '/console/');
    await page.getByRole('menuitem', { name: '调解规则' }).click();
    await page.getByRole('heading', { name: '调解规则', exact: true }).waitFor();
    await page.getByText(`当前生效：第 ${current.version} 版`).waitFor();
    const highField = page.getByLabel('涉及人数 · 高风险阈值（人）', { exact: true });
    expect(await highField.inputValue()).toBe(String(current.data.risk.headCount.high));
    expect(await page.getByLabel('席位 1 名称', { exact: true }).inputValue()).toBe(current.data.slots[0].label);

    // high no higher than medium: the form lets it through, the API's rule refuses it on the field it names
    const { medium, high } = current.data.risk.headCount;
    await highField.fill(String(medium));
    await page.getByRole('button', { name: '核对变更' }).click();
    const diff = page.getByRole('table', { name: '策略变更' });
    await diff.getByRole('row', { name: new RegExp(`涉及人数 · 高风险阈值（人）\\s*${high}\\s*${medium}`) }).waitFor();
    await page.getByRole('button', { name: `保存为第 ${current.version + 1} 版` }).click();
    await page.getByRole('alert').filter({ hasText: '保存未成功' }).waitFor();
    await page
      .locator('.ant-form-item-has-error', { has: highField })
      .getByText('高风险阈值须大于中风险阈值')
      .waitFor();
    await screenshot(page, '40-mediation-policy-refused');
    expect((await call<Version>(token, '/api/v1/policies/mediation')).version).toBe(current.version);

    // a slot the panels still use, removed with the keyboard: refused on the panel that names it
    await page.getByRole('button', { name: '恢复为当前版本' }).click();
    // the restored values reach the fields on a re-render after the click: wait for them rather than read once
    await eventually(async () => (await highField.inputValue()) === String(high), `the high threshold back at ${high}`);
    const used = current.data.defaultPanel.optional.at(-1) as string;
    const slotIndex = current.data.slots.findIndex((s) => s.key === used);
    expect(slotIndex).toBeGreaterThanOrEqual(0);
    await page.getByRole('button', { name: `删除第 ${slotIndex + 1} 个席位` }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '核对变更' }).click();
    await diff.getByRole('row', { name: new RegExp(`席位「${used}」.*（无）`) }).waitFor();
    await page.getByRole('button', { name: `保存为第 ${current.version + 1} 版` }).click();
    await page
      .locator('.ant-form-item-has-error', { has: page.getByLabel('其他类别 可选席位', { exact: true }) })
      .getByText(`席位「${used}」未在 slots 中定义`)
      .waitFor();
    await screenshot(page, '40-mediation-policy-refused-slot');
    expect((await call<Version>(token, '/api/v1/policies/mediation')).version).toBe(current.version);
    await page.getByRole('button', { name: '恢复为当前版本' }).click();
    const slotKey = page.getByLabel(`席位 ${slotIndex + 1} 席位键`, { exact: true });
    await eventually(async () => (await slotKey.inputValue()) === used, `slot ${slotIndex + 1} back as ${used}`);

    // a longer judicial-confirmation period and the last follow-up visit removed with the keyboard
    const judicial = current.data.judicialConfirmationDays + 1;
    await page.getByLabel('司法确认申请期限（天）', { exact: true }).fill(String(judicial));
    await page.getByRole('button', { name: `删除第 ${visits.length} 个回访` }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel(`第 ${visits.length} 次回访（天）`).waitFor({ state: 'detached' });
    await page.getByLabel('修改说明').fill(`司法确认期限调整-${f.tag}`);
    await page.getByRole('button', { name: '核对变更' }).click();
    await diff
      .getByRole('row', {
        name: new RegExp(`司法确认申请期限（天）\\s*${current.data.judicialConfirmationDays}\\s*${judicial}`),
      })
      .waitFor();
    await diff
      .getByRole('row', {
        name: new RegExp(`回访间隔（天）\\s*${visits.join('、')}\\s*${visits.slice(0, -1).join('、')}$`),
      })
      .waitFor();
    expect(await diff.locator('tbody tr').count()).toBe(2);
    await screenshot(page, '41-mediation-policy-diff');
    await page.getByRole('button', { name: `保存为第 ${current.version + 1} 版` }).click();
    await page.getByText(`第 ${current.version + 1} 版已发布`).waitFor();
    await page.getByText(`当前生效：第 ${current.version + 1} 版`).waitFor();
    const saved = await call<Version>(token, '/api/v1/policies/mediation');
    expect(saved).toMatchObject({ version: current.version + 1, note: `司法确认期限调整-${f.tag}` });
    // everything else — slots, panels, limits — went through the form and came back unchanged
    expect(saved.data).toEqual({
      ...current.data,
      judicialConfirmationDays: judicial,
      visitIntervalsDays: visits.slice(0, -1),
    });

    // other test files read the current mediation policy: the original content goes back as a further version
    await restore(token, current.data);
    const restored = await call<Version>(token, '/api/v1/policies/mediation');
    expect(restored).toMatchObject({ version: current.version + 2, data: current.data });
  });
});
