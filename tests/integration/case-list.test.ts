import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { startApi } from '../fixtures/test-app';
import { authed, buildOrgFixture, login, OrgFixture } from '../fixtures/org-fixture';
import { PrismaService } from '../../src/infra/prisma/prisma.service';
import type { CaseStatus } from '../../src/generated/prisma/enums';

interface CasePage {
  items: { id: string; status: string }[];
  total: number;
  nextCursor: string | null;
}

describe('case lists: exact totals per scope from the counts read model, cursor paging beside page', () => {
  let api: { app: INestApplication; url: string };
  let prisma: PrismaService;
  let f: OrgFixture;
  const token: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    [f, api] = await Promise.all([buildOrgFixture(), startApi()]);
    prisma = api.app.get(PrismaService);
    for (const who of ['gridWorkerG1', 'supervisorS1', 'secretaryC1', 'gridWorkerG2'])
      token[who] = (await login(api.url, f.people[who].username)).accessToken;
    const at = new Date('2026-01-05T08:00:00Z');
    // G1: six cases (two filed in the same millisecond, one merged); G2: three, one co-handled by DEP1 (under S1)
    // and one whose DEP1 co-handling was removed; one case without a grid co-handled by DEP1.
    const cases: [string, string | null, CaseStatus, number][] = [
      ['g1a', 'G1', 'REPORTED', 0],
      ['g1b', 'G1', 'ACCEPTED', 1],
      ['g1c', 'G1', 'HANDLED', 2],
      ['g1d', 'G1', 'CLOSED', 3],
      ['g1e', 'G1', 'CLOSED', 3],
      ['g1m', 'G1', 'MERGED', 4],
      ['g2a', 'G2', 'REPORTED', 5],
      ['g2co', 'G2', 'HANDLING', 6],
      ['g2gone', 'G2', 'HANDLING', 7],
      ['nogrid', null, 'ACCEPTED', 8],
    ];
    for (const [key, grid, status, minutes] of cases) {
      const id = randomUUID();
      ids[key] = id;
      const createdAt = new Date(at.getTime() + minutes * 60_000);
      await prisma.requestCase.create({
        data: {
          id,
          caseNo: `SQ-T-${id}`,
          requestKey: `list-${id}`,
          workflowId: `case-${id}`,
          channel: 'HOTLINE',
          category: f.category,
          description: `列表-${f.tag}`,
          address: f.addresses.G1,
          gridId: grid ? f.units[grid].id : null,
          reporterPhone: '13900000000',
          urgency: 'NORMAL',
          status,
          policyVersion: 1,
          acceptDeadline: new Date(createdAt.getTime() + 300_000),
          createdAt,
        },
      });
    }
    await prisma.caseCoHandler.createMany({
      data: [
        { caseId: ids.g2co, unitId: f.units.DEP1.id, reason: '协办' },
        { caseId: ids.g2gone, unitId: f.units.DEP1.id, reason: '协办', state: 'REMOVED' },
        { caseId: ids.nogrid, unitId: f.units.DEP1.id, reason: '协办' },
      ],
    });
  });
  afterAll(async () => {
    await api?.app.close();
  });

  const list = async (who: string, query: string): Promise<CasePage> => {
    const res = await fetch(`${api.url}/api/v1/cases?${query}`, authed(token[who]));
    expect(res.status).toBe(200);
    return (await res.json()) as CasePage;
  };

  it('totals are exact for each scope, co-handled cases outside it included, removed co-handling not', async () => {
    expect((await list('gridWorkerG1', 'pageSize=50')).total).toBe(5);
    expect((await list('gridWorkerG1', 'open=true')).total).toBe(2);
    expect((await list('gridWorkerG1', 'status=MERGED')).total).toBe(1);
    expect((await list('secretaryC1', 'pageSize=50')).total).toBe(5);
    const s1 = await list('supervisorS1', 'pageSize=50');
    expect(s1.total).toBe(7);
    expect(s1.items.map((c) => c.id).sort()).toEqual(
      [ids.g1a, ids.g1b, ids.g1c, ids.g1d, ids.g1e, ids.g2co, ids.nogrid].sort(),
    );
    expect((await list('supervisorS1', 'open=true')).total).toBe(4);
    expect((await list('gridWorkerG2', 'pageSize=50')).total).toBe(3);
  });

  it('totals follow status moves, grid moves and deletes in the writing transaction', async () => {
    await prisma.requestCase.update({ where: { id: ids.g1a }, data: { status: 'CLOSED' } });
    expect((await list('gridWorkerG1', 'open=true')).total).toBe(1);
    await prisma.requestCase.update({ where: { id: ids.g2a }, data: { gridId: f.units.G1.id } });
    expect((await list('gridWorkerG1', 'pageSize=50')).total).toBe(6);
    expect((await list('gridWorkerG2', 'pageSize=50')).total).toBe(2);
    await prisma.requestCase.delete({ where: { id: ids.g2a } });
    expect((await list('gridWorkerG1', 'pageSize=50')).total).toBe(5);
    // the read model's total is what counting the rows gives
    const counted = await prisma.requestCase.count({
      where: { gridId: f.units.G1.id, status: { not: 'MERGED' } },
    });
    expect(counted).toBe(5);
  });

  it.each([
    ['supervisorS1', '', 7],
    ['supervisorS1', '&open=true', 3],
    ['gridWorkerG1', '', 5],
    ['gridWorkerG2', '&status=HANDLING', 2],
  ])(
    'cursor pages walk the same order as page numbers for %s%s, ties on filing time included, without repeats',
    async (who, filter, total) => {
      const byPage: string[] = [];
      for (let page = 1; page <= 3; page++)
        byPage.push(...(await list(who, `pageSize=3&page=${page}${filter}`)).items.map((c) => c.id));
      const byCursor: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const got: CasePage = await list(who, `pageSize=3${filter}${cursor ? `&cursor=${cursor}` : ''}`);
        byCursor.push(...got.items.map((c) => c.id));
        expect(got.total).toBe(total);
        cursor = got.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      expect(byCursor).toEqual(byPage);
      expect(new Set(byCursor).size).toBe(total);
    },
  );

  it('an administrator’s pages by number match the newest-first order of every case but merged ones', async () => {
    const admin = (await login(api.url, f.people.admin.username)).accessToken;
    const page = async (n: number) => {
      const res = await fetch(`${api.url}/api/v1/cases?pageSize=4&page=${n}`, authed(admin));
      expect(res.status).toBe(200);
      return ((await res.json()) as CasePage).items.map((c) => c.id);
    };
    const newest = async () =>
      (
        await prisma.requestCase.findMany({
          where: { status: { not: 'MERGED' } },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take: 12,
          select: { id: true },
        })
      ).map((c) => c.id);
    // other suites file cases into the same database: compare only while nothing new arrived in between
    for (let attempt = 1; ; attempt++) {
      const before = await newest();
      const paged = [...(await page(1)), ...(await page(2)), ...(await page(3))];
      if (attempt < 5 && JSON.stringify(await newest()) !== JSON.stringify(before)) continue;
      expect(paged).toEqual(before);
      break;
    }
  });

  it('refuses a cursor it did not issue, and a cursor with deadline order, with a Chinese message', async () => {
    for (const query of ['cursor=not-a-cursor', `cursor=${Buffer.from('x|y').toString('base64url')}`]) {
      const res = await fetch(`${api.url}/api/v1/cases?${query}`, authed(token.gridWorkerG1));
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('cursor') });
    }
    const first = await list('gridWorkerG1', 'pageSize=1');
    const res = await fetch(
      `${api.url}/api/v1/cases?sort=deadline&cursor=${first.nextCursor as string}`,
      authed(token.gridWorkerG1),
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('截止时间') });
  });
});
