import type { INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import {
  BusinessCalendar,
  CN_2026_HOLIDAYS,
  calendarFromFestivals,
  createCalendar,
  isWorkingDay,
  nextWorkingDay,
  toCstDate,
} from '../../src/shared/calendar';
import {
  acceptUpdate,
  calendarChangedSignal,
  clocksQuery,
  requestCaseWorkflow,
} from '../../workflows/request-case.workflow';
import { buildOrgFixture, OrgFixture } from '../fixtures/org-fixture';
import { eventually } from '../fixtures/test-app';
import { caseInput, insertCaseRow } from '../fixtures/request-case-intake';
import { createTestWorker, startServices, timeSkippingServerPerTest } from '../fixtures/time-skipping';

const DAY = 86_400_000;

describe('requestCaseWorkflow: 暂定 deadlines follow the calendar’s published year', () => {
  const ts = timeSkippingServerPerTest();
  let services: INestApplicationContext;
  let db: Client;
  let f: OrgFixture;
  const taskQueue = 'ts-provisional-deadline';

  beforeAll(async () => {
    [services, f] = await Promise.all([startServices(), buildOrgFixture()]);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(() => Promise.all([services?.close(), db?.end()]));

  it('clears the flag when next year is entered even if the deadline stays, then moves the deadline past the New Year holiday', async () => {
    // the server's clock is today's: this year is published, and the limit is long enough to end a few working days into next year
    const year = +toCstDate(Date.now()).slice(0, 4);
    const known = createCalendar({ ...calendarFromFestivals(CN_2026_HOLIDAYS), publishedThroughYear: year });
    let left = 0;
    for (let day = Date.now() + DAY; toCstDate(day) <= `${year}-12-31`; day += DAY)
      if (isWorkingDay(known, day)) left += 1;
    const resolutionLimit = { unit: 'workingDays', amount: left + 5 } as const;

    const { id, workflowId } = await insertCaseRow(db, f, { caseNoPrefix: 'SQ-P', description: '年底报修' });
    const input = caseInput(f, id, { resolutionLimit, calendar: known });
    const row = async () =>
      (await db.query('SELECT resolve_deadline, resolve_deadline_provisional FROM request_case WHERE id = $1', [id]))
        .rows[0] as { resolve_deadline: Date | null; resolve_deadline_provisional: boolean };
    const recomputed = async () =>
      (
        await db.query("SELECT data FROM case_event WHERE case_id = $1 AND kind = 'DEADLINE_RECOMPUTED' ORDER BY seq", [
          id,
        ])
      ).rows.map((r: { data: Record<string, unknown> }) => r.data);
    const handle = await ts.env.client.workflow.start(requestCaseWorkflow, { workflowId, taskQueue, args: [input] });

    await (
      await createTestWorker(ts.env, services, taskQueue)
    ).runUntil(async () => {
      await handle.executeUpdate(acceptUpdate, { args: [{}] });
      const resolution = async () => (await handle.query(clocksQuery)).find((c) => c.name === 'resolution');
      const before = await eventually(resolution, 'the resolution clock');
      expect(before).toMatchObject({ provisional: true });
      expect(before.deadline.slice(0, 4)).toBe(String(year + 1));
      expect(await row()).toEqual({ resolve_deadline: new Date(before.deadline), resolve_deadline_provisional: true });

      // next year entered, its only holiday after the deadline: same deadline, no longer provisional, still written down
      const springOnly: BusinessCalendar = {
        ...known,
        holidays: [...known.holidays, `${year + 1}-02-20`],
        publishedThroughYear: year + 1,
      };
      await handle.signal(calendarChangedSignal, springOnly);
      expect(
        await eventually(async () => {
          const c = await resolution();
          return c?.provisional === false ? c : null;
        }, 'the flag cleared in the clocks'),
      ).toEqual({ ...before, provisional: false });
      await eventually(
        async () => (await row()).resolve_deadline_provisional === false,
        'the flag cleared in the read model',
      );
      expect((await row()).resolve_deadline).toEqual(new Date(before.deadline));
      expect(await recomputed()).toEqual([
        expect.objectContaining({ from: before.deadline, to: before.deadline, provisional: false }),
      ]);

      // its New Year holiday on a counted day moves the deadline one working day on
      const newYear = nextWorkingDay(springOnly, `${year}-12-31`);
      const withNewYear: BusinessCalendar = { ...springOnly, holidays: [...springOnly.holidays, newYear].sort() };
      await handle.signal(calendarChangedSignal, withNewYear);
      const after = await eventually(async () => {
        const c = await resolution();
        return c && c.deadline !== before.deadline ? c : null;
      }, 'the moved deadline');
      expect(after).toMatchObject({ provisional: false, deadline: expect.any(String) });
      expect(toCstDate(Date.parse(after.deadline as string))).toBe(
        nextWorkingDay(withNewYear, toCstDate(Date.parse(before.deadline))),
      );
      await eventually(async () => (await recomputed()).length === 2, 'the second DEADLINE_RECOMPUTED entry');
      expect(await row()).toEqual({
        resolve_deadline: new Date(after.deadline as string),
        resolve_deadline_provisional: false,
      });

      // a calendar frozen before the field existed is read from its holidays: 2026 only, so next year is provisional again
      const { publishedThroughYear: _omitted, ...legacy } = withNewYear;
      await handle.signal(calendarChangedSignal, {
        ...legacy,
        holidays: legacy.holidays.filter((d) => d.startsWith('2026-')),
      });
      await eventually(async () => (await resolution())?.provisional === true, 'provisional again');
    });
  });
});
