import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeWorkflowBundle } from '../src/infra/temporal/workflow-bundle';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { loadConfig } from '../src/config/load-config';
import { createApi } from '../src/create-api';
import { PrismaService } from '../src/infra/prisma/prisma.service';
import { hashPassword } from '../src/modules/auth/password-hasher';
import { closureRowsFor } from '../src/modules/org/closure-rows';
import { prepareBenchDatabase, startBenchWorker } from './bench-app';
import { startWorkerProcesses } from './worker-processes';
import { escalationBreakdown, EscalationSample } from './escalation-breakdown';
import { cpuSeconds, cpuUsedSince } from './cpu-split';
import { countRoundTrips, roundTripFigures } from './round-trips';
import { RequestCaseProgressService } from '../src/modules/request-case/request-case-progress.service';
import { NotificationService } from '../src/modules/notification/notification.service';
import { TemporalClientService } from '../src/infra/temporal/temporal-client.service';
import { inParallel, percentile, reportFigures, runBench, startBenchStack } from './bench-stack';

// Open cases at the end of intake, reached in three rounds (a tenth, half, all), each round timed on its own; the worker's
// RSS is read after each, so memory per open case shows at three counts (BENCH_CASES=10000: 1 000, 5 000, 10 000).
const CASES = Number(process.env.BENCH_CASES ?? 2_000);
const INTAKE_MARKS = [...new Set([Math.round(CASES / 10), Math.round(CASES / 2), CASES])].filter((n) => n > 0);
// Bursts of accept deadlines lapsing together, one size after another, each beside bare timers of the same count.
const LAPSE_SIZES = (process.env.BENCH_LAPSING ?? '500,1000,2000').split(',').map(Number);
// Cases in the table when the list is timed (each size in turn, filled up with closed cases between them).
const LIST_SIZES = (process.env.BENCH_LIST_SIZES ?? process.env.BENCH_LISTED ?? '10000,50000,100000')
  .split(',')
  .map(Number);
// Who lists: the district administrator (everything), a street leader and a grid worker (their unit's subtree).
const LIST_ROLES = [
  ['admin', 'bench-admin'],
  ['street', 'bench-street'],
  ['grid', 'bench-grid'],
] as const;
const LIST_CALLS = Number(process.env.BENCH_LIST_CALLS ?? 300);
// Worker processes of their own (as `npm start` runs them), so their RSS is the worker's alone; 0 = in this process.
const WORKERS = Number(process.env.GOVFLOW_WORKERS ?? 1);
const BREAKDOWN_SAMPLES = Number(process.env.BENCH_BREAKDOWN_SAMPLES ?? 200);
const LAPSE_WAIT_MS = Number(process.env.BENCH_LAPSE_WAIT_SECONDS ?? 600) * 1000;
const PASSWORD = `Bench#${randomBytes(6).toString('hex')}`;
const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;

type Prisma = PrismaService;

/** District → street → community → grid with one address, and an administrator at the district. */
async function seedOrg(prisma: Prisma) {
  const ids: Record<string, string> = {};
  const chain = [
    ['D', 'DISTRICT'],
    ['S', 'STREET'],
    ['C', 'COMMUNITY'],
    ['G', 'GRID'],
  ] as const;
  for (const [depth, [key, kind]] of chain.entries()) {
    const id = randomUUID();
    const parentId = depth ? ids[chain[depth - 1][0]] : null;
    await prisma.orgUnit.create({ data: { id, code: `bench-${key}`, name: `压测${key}`, kind, parentId, depth } });
    const ancestors = parentId
      ? await prisma.orgUnitClosure.findMany({
          where: { descendantId: parentId },
          select: { ancestorId: true, distance: true },
        })
      : [];
    await prisma.orgUnitClosure.createMany({ data: closureRowsFor(id, ancestors) });
    ids[key] = id;
  }
  await prisma.address.create({ data: { text: '压测路1号', gridId: ids.G } });
  const adminId = randomUUID();
  await prisma.person.create({
    data: {
      id: adminId,
      name: '压测管理员',
      phone: '19900000000',
      kind: 'STAFF',
      username: 'bench-admin',
      passwordHash: await hashPassword(PASSWORD),
    },
  });
  await prisma.position.create({
    data: { personId: adminId, unitId: ids.D, role: 'ADMIN', startsOn: new Date('2024-01-01') },
  });
  // The people an accept lapse reaches: the grid's two workers and its leader (the missed rung), the community secretary.
  const holders = [
    ['GRID_WORKER', ids.G],
    ['GRID_WORKER', ids.G],
    ['GRID_LEADER', ids.G],
    ['COMMUNITY_SECRETARY', ids.C],
  ] as const;
  // the first grid worker and a street leader sign in too, to time the list in their scopes
  const passwordHash = await hashPassword(PASSWORD);
  const people = [
    ...holders.map(([role, unitId], i) => ({ role, unitId, username: i === 0 ? 'bench-grid' : undefined })),
    { role: 'STREET_LEADER' as const, unitId: ids.S, username: 'bench-street' },
  ];
  for (const [i, { role, unitId, username }] of people.entries()) {
    const personId = randomUUID();
    await prisma.person.create({
      data: {
        id: personId,
        name: `压测${role}${i}`,
        phone: `1990000010${i}`,
        kind: 'STAFF',
        ...(username ? { username, passwordHash } : {}),
      },
    });
    await prisma.position.create({ data: { personId, unitId, role, startsOn: new Date('2024-01-01') } });
  }
  return ids;
}

function client(url: string) {
  let token = '';
  const tokens = new Map<string, string>();
  const call = async (method: string, path: string, body?: unknown, expected = [200, 201]) => {
    const res = await fetch(`${url}${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    const text = await res.text();
    if (!expected.includes(res.status)) throw new Error(`${method} ${path} → ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  return {
    call,
    /** Signs in once per user (tokens live as long as the bench, see ACCESS_TOKEN_TTL_SECONDS) and acts as them. */
    signIn: async (username = 'bench-admin') => {
      const known = tokens.get(username);
      if (known) {
        token = known;
        return;
      }
      token = (
        await call('POST', '/api/v1/auth/login', { username, password: PASSWORD }).catch((err: Error) => {
          throw new Error(`sign-in as ${username}: ${err.message}`);
        })
      ).accessToken as string;
      tokens.set(username, token);
    },
  };
}

const intakeBody = (tag: string, i: number) => ({
  requestKey: `bench-${tag}-${i}-${randomUUID()}`,
  channel: 'HOTLINE',
  category: '楼道照明',
  description: `压测诉求 ${tag} ${i}`,
  address: '压测路1号',
  reporterPhone: '13900000000',
});

async function timed(calls: number, call: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    await call();
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

type Api = ReturnType<typeof client>;

/**
 * `size` cases never accepted, filed back to back: their accept deadlines lapse together. Waits for every 督办单 (or
 * BENCH_LAPSE_WAIT_SECONDS); a case still without one counts as later than every opened one, so p99 is never flattered.
 */
async function lapseBurst(api: Api, prisma: Prisma, size: number) {
  await api.signIn();
  const lapsing = await inParallel(
    [...Array(size).keys()],
    32,
    async (i) => (await api.call('POST', '/api/v1/cases', intakeBody(`lapse${size}`, i), [201])).id as string,
  );
  const waitUntil = Date.now() + LAPSE_WAIT_MS;
  let orders: { caseId: string; openedAt: Date }[] = [];
  while (Date.now() < waitUntil) {
    orders = await prisma.supervisionOrder.findMany({
      where: { caseId: { in: lapsing }, clock: 'accept' },
      orderBy: { openedAt: 'asc' },
      select: { caseId: true, openedAt: true },
    });
    orders = [...new Map(orders.reverse().map((o) => [o.caseId, o])).values()];
    if (orders.length >= size) break;
    await new Promise((r) => setTimeout(r, 2_000));
  }
  const rows = await prisma.requestCase.findMany({
    where: { id: { in: lapsing } },
    select: { id: true, acceptDeadline: true, workflowId: true },
  });
  const deadlines = new Map(rows.map((c) => [c.id, c.acceptDeadline.getTime()]));
  const workflowIds = new Map(rows.map((c) => [c.id, c.workflowId]));
  const lateness = [
    ...orders.map((o) => o.openedAt.getTime() - (deadlines.get(o.caseId) as number)),
    ...(Array(size - orders.length).fill(Infinity) as number[]),
  ].sort((a, b) => a - b);
  const sampled = orders.filter((_, i) => i % Math.max(1, Math.floor(orders.length / BREAKDOWN_SAMPLES)) === 0);
  const samples = await Promise.all(
    sampled.map(async (o) => {
      const workflowId = workflowIds.get(o.caseId) as string;
      const inbox = await prisma.inboxMessage.aggregate({
        where: { template: 'request.escalation', dedupKey: { startsWith: `${workflowId}:` } },
        _max: { createdAt: true },
      });
      return {
        workflowId,
        deadlineMs: deadlines.get(o.caseId) as number,
        openedAtMs: o.openedAt.getTime(),
        inboxAtMs: inbox._max.createdAt?.getTime(),
      };
    }),
  );
  const finite = (ms: number) => (Number.isFinite(ms) ? ms : null);
  return {
    opened: orders.length,
    deadlineSpanSeconds: round((Math.max(...deadlines.values()) - Math.min(...deadlines.values())) / 1000),
    latenessP50Ms: finite(percentile(lateness, 50)),
    latenessP99Ms: finite(percentile(lateness, 99)),
    samples,
  };
}

/**
 * npm run bench:cases — resident requests through the real API and the real worker (both in this process): intake +
 * accept throughput as a ratio to bare Temporal workflows measured in the same run, escalation lateness when a burst
 * of accept deadlines lapses together (against bare timer lateness), list p99 on 100 000 cases, and memory per open case.
 */
async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  // Round trips per escalation (its own statements, notify's excluded) and per notified recipient.
  countRoundTrips('escalation', RequestCaseProgressService.prototype, 'escalate');
  countRoundTrips(
    'notifyRecipient',
    NotificationService.prototype,
    'notify',
    (r) => (r as { created: number }).created,
  );
  const env = await startBenchStack();
  try {
    const { temporalFigures } = await import('./baseline-figures');
    const bare = await temporalFigures(env.temporalAddress, {
      workflows: INTAKE_MARKS.map((n, i) => n - (INTAKE_MARKS[i - 1] ?? 0)),
      timers: LAPSE_SIZES,
    });
    const shared = {
      AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
      ACCESS_TOKEN_TTL_SECONDS: String(6 * 3600),
      QUEUE_PREFIX: `bench-${process.pid}`,
      TEMPORAL_TASK_QUEUE: `bench-${process.pid}`,
      LOG_LEVEL: 'warn',
    };
    const inProcess = WORKERS === 0 ? await startBenchWorker(env, shared) : undefined;
    const databaseUrl = inProcess?.databaseUrl ?? (await prepareBenchDatabase(env));
    const stackEnv = {
      ...shared,
      DATABASE_URL: databaseUrl,
      REDIS_URL: env.redisUrl,
      TEMPORAL_ADDRESS: env.temporalAddress,
    };
    // bundled once, as `npm start` does, so each worker's RSS is the worker's, not webpack's
    const bundle = await writeWorkflowBundle(join(tmpdir(), `govflow-bench-${process.pid}-workflows.js`));
    const workers =
      WORKERS > 0 ? await startWorkerProcesses(WORKERS, { ...stackEnv, GOVFLOW_WORKFLOW_BUNDLE: bundle }) : undefined;
    const cpuNow = () => cpuSeconds(workers?.pids ?? []);
    const cpuFigures = (phase: string, before: Record<string, number>) =>
      Object.fromEntries(
        Object.entries(cpuUsedSince(before, cpuNow())).map(([group, seconds]) => [
          `${phase}_cpuSeconds_${group}`,
          seconds,
        ]),
      );
    const workerRssMb = () =>
      workers ? workers.rssMb().reduce((a, b) => a + b, 0) : process.memoryUsage().rss / 2 ** 20;
    const app = await createApi(loadConfig({ ...process.env, ...stackEnv, PORT: '0' }));
    const prisma = app.get(PrismaService);
    await seedOrg(prisma);
    await app.listen(0, '127.0.0.1');
    const api = client((await app.getUrl()).replace('[::1]', '127.0.0.1'));
    for (const [, username] of LIST_ROLES) await api.signIn(username); // fail fast, not after the long parts
    await api.signIn();

    // A policy version whose accept clock is one minute, so the lapse burst happens within the run.
    const current = (await api.call('GET', '/api/v1/policies/request-loop')).data as {
      clocks: Record<string, unknown>;
    };
    await api.call(
      'POST',
      '/api/v1/policies/request-loop/versions',
      {
        ...current,
        clocks: { ...current.clocks, accept: { limit: { unit: 'minutes', amount: 1 } } },
        note: '压测：受理时限 1 分钟',
      },
      [201],
    );

    // 1. intake → workflow → accept, per case back to back (well inside the one-minute accept clock), in rounds.
    const intakeFigures: Record<string, number> = {};
    const rssBefore = workerRssMb();
    intakeFigures.workerRssBeforeMb = round(rssBefore);
    let open = 0;
    for (const mark of INTAKE_MARKS) {
      const size = mark - open;
      const cpuBefore = cpuNow();
      const started = performance.now();
      await inParallel([...Array(size).keys()], 32, async (i) => {
        const created = await api.call('POST', '/api/v1/cases', intakeBody(`tput${mark}`, i), [201]);
        await api.call('POST', `/api/v1/cases/${created.id as string}/accept`, {});
      });
      const perSecond = size / ((performance.now() - started) / 1000);
      open = mark;
      await new Promise((r) => setTimeout(r, 2_000));
      const rss = workerRssMb();
      const bareRate = bare.workflowsPerSecond[size];
      intakeFigures[`intake${size}_casesPerSecond`] = round(perSecond);
      intakeFigures[`intake${size}_bareTemporalWorkflowsPerSecond`] = bareRate;
      intakeFigures[`intake${size}_ratioToBare`] = round(perSecond / bareRate, 3);
      Object.assign(intakeFigures, cpuFigures(`intake${size}`, cpuBefore));
      intakeFigures[`open${mark}_workerRssMb`] = round(rss);
      intakeFigures[`open${mark}_rssPerOpenCaseKb`] = round(((rss - rssBefore) * 1024) / mark, 1);
      for (const [part, mb] of Object.entries(workers?.heapMb() ?? {})) intakeFigures[`open${mark}_${part}Mb`] = mb;
    }
    reportFigures('诉求压测 cases — intake → accepted, per round:', 'BENCH_CASES_INTAKE', intakeFigures);

    // 2. Bursts of cases never accepted: their accept deadlines lapse together; lateness = 督办单 openedAt − deadline.
    const lapseFigures: Record<string, number | null> = {};
    let largest: EscalationSample[] = [];
    let roundTrips: Record<string, number | null> = {};
    for (const size of LAPSE_SIZES) {
      const cpuBefore = cpuNow();
      const burst = await lapseBurst(api, prisma, size);
      Object.assign(lapseFigures, cpuFigures(`lapse${size}`, cpuBefore));
      const bareTimers = bare.timerLateness[size];
      lapseFigures[`lapse${size}_deadlineSpanSeconds`] = burst.deadlineSpanSeconds;
      lapseFigures[`lapse${size}_supervisionOrdersOpened`] = burst.opened;
      lapseFigures[`lapse${size}_latenessP50Ms`] = burst.latenessP50Ms;
      lapseFigures[`lapse${size}_latenessP99Ms`] = burst.latenessP99Ms;
      lapseFigures[`lapse${size}_bareTimerP50Ms`] = bareTimers.p50Ms;
      lapseFigures[`lapse${size}_bareTimerP99Ms`] = bareTimers.p99Ms;
      lapseFigures[`lapse${size}_p99OverBareMs`] =
        burst.latenessP99Ms === null ? null : burst.latenessP99Ms - bareTimers.p99Ms;
      // round trips right after the last (largest) burst; its histories are read once the bursts are over
      largest = burst.samples;
      roundTrips = roundTripFigures(workers?.roundTrips());
    }
    const breakdown = await escalationBreakdown(app.get(TemporalClientService).client, largest);
    reportFigures('诉求压测 cases — escalation bursts (printed before the list part):', 'BENCH_CASES_ESCALATION', {
      ...lapseFigures,
      ...breakdown,
      ...roundTrips,
    });

    // 3. GET /cases p50/p99 per role scope at each size (filled up with closed cases, without workflows), beside
    //    /health timed in the same breath; plus a deep page by offset and by cursor.
    const grid = await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'bench-G' } });
    const now = Date.now();
    let filled = 0;
    const listFigures: Record<string, number> = {};
    for (const size of LIST_SIZES) {
      const filler = size - (await prisma.requestCase.count());
      for (let i = 0; i < filler; i += 5_000) {
        await prisma.requestCase.createMany({
          data: Array.from({ length: Math.min(5_000, filler - i) }, () => {
            const id = randomUUID();
            const at = new Date(now - ++filled * 30_000);
            return {
              id,
              caseNo: `SQ-B-${id}`,
              requestKey: `bulk-${id}`,
              workflowId: `case-${id}`,
              channel: 'HOTLINE' as const,
              category: '楼道照明',
              description: '历史诉求',
              address: '压测路1号',
              gridId: grid.id,
              reporterPhone: '13900000000',
              urgency: 'NORMAL' as const,
              status: 'CLOSED' as const,
              policyVersion: 1,
              acceptDeadline: new Date(at.getTime() + 300_000),
              resolveDeadline: new Date(at.getTime() + 7 * 86_400_000),
              createdAt: at,
              acceptedAt: new Date(at.getTime() + 60_000),
              handledAt: new Date(at.getTime() + 86_400_000),
              closedAt: new Date(at.getTime() + 90_000_000),
            };
          }),
        });
      }
      await prisma.$executeRaw`VACUUM ANALYZE request_case`;
      const k = `${Math.round(size / 1000)}k`;
      const deepPage = Math.floor(size / 50 / 2);
      for (const [role, username] of LIST_ROLES) {
        await api.signIn(username);
        await timed(10, () => api.call('GET', '/api/v1/cases?page=1&pageSize=50'));
        const list = await timed(LIST_CALLS, () => api.call('GET', '/api/v1/cases?page=1&pageSize=50'));
        const open = await timed(LIST_CALLS / 2, () => api.call('GET', '/api/v1/cases?open=true&pageSize=50'));
        listFigures[`list${k}_${role}_p50Ms`] = round(percentile(list, 50));
        listFigures[`list${k}_${role}_p99Ms`] = round(percentile(list, 99));
        listFigures[`list${k}_${role}_openP99Ms`] = round(percentile(open, 99));
        const deep = await timed(20, () => api.call('GET', `/api/v1/cases?page=${deepPage}&pageSize=50`));
        listFigures[`list${k}_${role}_deepPageP99Ms`] = round(percentile(deep, 99));
      }
      await api.signIn();
      const deepOffset = await timed(20, () => api.call('GET', `/api/v1/cases?page=${deepPage}&pageSize=50`));
      const cursor = (await api.call('GET', `/api/v1/cases?page=${deepPage - 1}&pageSize=50`)).nextCursor as string;
      const deepCursor = await timed(20, () => api.call('GET', `/api/v1/cases?cursor=${cursor}&pageSize=50`));
      const health = await timed(LIST_CALLS, () => api.call('GET', '/health'));
      listFigures[`list${k}_deepPageByOffsetP99Ms`] = round(percentile(deepOffset, 99));
      listFigures[`list${k}_deepPageByCursorP99Ms`] = round(percentile(deepCursor, 99));
      listFigures[`list${k}_healthP99Ms`] = round(percentile(health, 99));
    }
    const year = new URLSearchParams({
      from: new Date(now - 366 * 86_400_000 + 60_000).toISOString(),
      to: new Date(now + 60_000).toISOString(),
    });
    const measures = await timed(30, () => api.call('GET', `/api/v1/case-measures?${year}&groupBy=unit&level=grid`));

    const figures = {
      ...intakeFigures,
      ...lapseFigures,
      ...breakdown,
      ...roundTrips,
      casesInTable: await prisma.requestCase.count(),
      ...listFigures,
      measuresYearByGridP99Ms: round(percentile(measures, 99)),
      workerProcesses: WORKERS,
    };
    reportFigures(
      `诉求压测 cases (one run, this machine; RSS is the ${WORKERS ? 'worker processes alone' : 'bench process (API + worker)'}):`,
      'BENCH_CASES',
      figures,
    );
    await app.close();
    await inProcess?.worker.close();
    await workers?.stop();
    rmSync(bundle, { force: true });
  } finally {
    await env.stop();
  }
}

runBench(main);
