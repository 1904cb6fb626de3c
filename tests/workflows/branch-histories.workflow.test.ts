import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { WorkflowHandle } from '@temporalio/client';
import { Client } from 'pg';
import { CaseRatingProgressService } from '../../src/modules/case-rating/case-rating-progress.service';
import type { YellowCardInput } from '../../src/modules/yellow-card/yellow-card.types';
import { CN_2026_HOLIDAYS, calendarFromFestivals } from '../../src/shared/calendar';
import { caseRatingWorkflow, rateUpdate, ratingStateQuery } from '../../workflows/case-rating.workflow';
import {
  addCoHandlerUpdate,
  coHandlerDoneUpdate,
  coHandlerProgressUpdate,
  coHandlersQuery,
  removeCoHandlerUpdate,
} from '../../workflows/co-handling.handlers';
import {
  acceptUpdate,
  calendarChangedSignal,
  closeUpdate,
  clocksQuery,
  decideExtensionUpdate,
  departmentContactedUpdate,
  disputeUpdate,
  markHandledUpdate,
  mergeUpdate,
  progressUpdate,
  provideInfoUpdate,
  reassignUpdate,
  requestCaseWorkflow,
  requestExtensionUpdate,
  requestInfoUpdate,
  returnUpdate,
} from '../../workflows/request-case.workflow';
import {
  appealUpdate,
  cardQuery,
  decideAppealUpdate,
  recordInterviewUpdate,
  reviewUpdate,
  submitUpdate,
  yellowCardWorkflow,
} from '../../workflows/yellow-card.workflow';
import { buildOrgFixture, OrgFixture } from '../fixtures/org-fixture';
import { caseInput, insertCaseRow, seatLeaders, SIDE_CLOCKS } from '../fixtures/request-case-intake';
import {
  createTestWorker,
  resultWithTimeLocked,
  startServices,
  timeSkippingServerPerTest,
} from '../fixtures/time-skipping';
import { recordHistory } from '../fixtures/history-recorder';

const DAY = 86_400_000;

/**
 * One walk per branch a user can reach, with the inputs intake really builds (every clock the policy sets). Each walk
 * asserts its outcome; with GOVFLOW_RECORD_HISTORIES=1 it also writes its history (and the queries it answered, which
 * histories do not hold) to tests/fixtures/histories, which the replay test then replays against every later version.
 */
describe('recorded branches of the request, rating and yellow-card workflows (time-skipping server)', () => {
  const ts = timeSkippingServerPerTest();
  let services: INestApplicationContext;
  let db: Client;
  let f: OrgFixture;
  const taskQueue = 'ts-branches';
  const seated: Record<string, string> = {};

  beforeAll(async () => {
    [services, f] = await Promise.all([startServices(), buildOrgFixture()]);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    Object.assign(seated, await seatLeaders(db, f));
  });
  afterAll(async () => {
    await Promise.all([services?.close(), db?.end()]);
  });

  const newWorker = () => createTestWorker(ts.env, services, taskQueue);
  const worker = { id: () => f.people.gridWorkerG1.id };
  const actor = () => ({ actorId: worker.id() });

  const record = (name: string, handle: WorkflowHandle, queries: string[]) => recordHistory(name, handle, queries);

  /** A case row as intake writes it, and its workflow started with intake's input (both side clocks included). */
  async function intake(options: { start?: boolean } = {}) {
    const { id } = await insertCaseRow(db, f, {
      caseNoPrefix: 'SQ-B',
      description: '占道经营',
      departmentId: f.units.DEP1.id,
    });
    const input = caseInput(f, id, SIDE_CLOCKS);
    if (options.start === false) return { id, handle: ts.env.client.workflow.getHandle(`case-${id}`) };
    return {
      id,
      handle: await ts.env.client.workflow.start(requestCaseWorkflow, {
        workflowId: `case-${id}`,
        taskQueue,
        args: [input],
      }),
    };
  }
  const kinds = async (caseId: string) =>
    (await db.query('SELECT kind FROM case_event WHERE case_id = $1 ORDER BY seq', [caseId])).rows.map(
      (r: { kind: string }) => r.kind,
    );
  const count = async (sql: string, args: unknown[]) => Number((await db.query(sql, args)).rows[0].n);
  /** Polls with time locked (awaiting a result would let the server skip time past what a busy worker has not yet done). */
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 300 && !(await check()); i += 1) await new Promise((r) => setTimeout(r, 100));
  };

  it('pause, extension approved and refused, calendar change, two disputes with lapsing rework clocks, then closed', async () => {
    const { id, handle } = await intake();
    const result = await (
      await newWorker()
    ).runUntil(async () => {
      await ts.env.sleep('3 minutes');
      await handle.executeUpdate(acceptUpdate, { args: [actor()] });
      await handle.executeUpdate(departmentContactedUpdate, { args: [{ ...actor(), note: '已联系城管中队' }] });
      await handle.executeUpdate(progressUpdate, { args: [{ ...actor(), note: '已到现场查看' }] });
      await handle.executeUpdate(requestInfoUpdate, { args: [{ ...actor(), note: '请提供摊点照片' }] });
      await ts.env.sleep(2 * DAY);
      await handle.executeUpdate(provideInfoUpdate, { args: [{ note: '照片已上传' }] });
      await handle.executeUpdate(requestExtensionUpdate, {
        args: [{ ...actor(), workingDays: 3, reason: '需联合执法' }],
      });
      await handle.executeUpdate(decideExtensionUpdate, {
        args: [{ actorId: f.people.supervisorS1.id, approve: true, comment: '同意' }],
      });
      await handle.executeUpdate(requestExtensionUpdate, { args: [{ ...actor(), workingDays: 2, reason: '再延期' }] });
      await handle.executeUpdate(decideExtensionUpdate, {
        args: [{ actorId: f.people.supervisorS1.id, approve: false, comment: '不同意' }],
      });
      await handle.signal(
        calendarChangedSignal,
        calendarFromFestivals([
          ...CN_2026_HOLIDAYS,
          { name: '区级调休', off: ['2026-12-07', '2026-12-08'], makeUp: [] },
        ]),
      );
      await handle.executeUpdate(markHandledUpdate, { args: [{ ...actor(), reply: '摊点已清理' }] });
      await handle.executeUpdate(disputeUpdate, { args: [{ note: '第二天又来了' }] });
      await ts.env.sleep(20 * DAY); // the first rework clock reminds and climbs the ladder
      await handle.executeUpdate(markHandledUpdate, { args: [{ ...actor(), reply: '已劝离' }] });
      await handle.executeUpdate(disputeUpdate, { args: [{ note: '还是没解决' }] });
      await ts.env.sleep(20 * DAY); // and so does the second
      expect((await handle.query(clocksQuery)).map((c) => c.name)).toEqual([
        'contactDepartment',
        'accept',
        'firstResponse',
        'resolution',
        'rework',
        'rework',
      ]);
      await handle.executeUpdate(markHandledUpdate, { args: [{ ...actor(), reply: '已取缔' }] });
      await handle.executeUpdate(closeUpdate, { args: [actor()] });
      return handle.result();
    });
    expect(result).toBe('CLOSED');
    const timeline = await kinds(id);
    for (const kind of [
      'DEPARTMENT_CONTACTED',
      'INFO_REQUESTED',
      'INFO_PROVIDED',
      'EXTENSION_APPROVED',
      'EXTENSION_REJECTED',
      'DISPUTED',
      'ESCALATED',
      'CLOSED',
    ]) {
      expect(timeline).toContain(kind);
    }
    await record('request-case-pause-extension-dispute', handle, ['clocks']);
  });

  it('returned, re-dispatched, co-handled (one part removed, one done) and merged into another case', async () => {
    const target = await intake({ start: false });
    const { id, handle } = await intake();
    const result = await (
      await newWorker()
    ).runUntil(async () => {
      await handle.executeUpdate(returnUpdate, { args: [{ ...actor(), note: '属于相邻网格' }] });
      await handle.executeUpdate(reassignUpdate, {
        args: [{ actorId: f.people.secretaryC1.id, gridId: f.units.G2.id }],
      });
      await handle.executeUpdate(acceptUpdate, { args: [{ actorId: f.people.gridWorkerG2.id }] });
      const dispatcher = { actorId: f.people.secretaryC1.id };
      await handle.executeUpdate(addCoHandlerUpdate, {
        args: [{ ...dispatcher, unitId: f.units.DEP1.id, reason: '需城管执法', leadUnitIds: [f.units.G2.id] }],
      });
      await handle.executeUpdate(addCoHandlerUpdate, {
        args: [{ ...dispatcher, unitId: f.units.G1.id, reason: '摊主住在相邻网格', leadUnitIds: [f.units.G2.id] }],
      });
      await handle.executeUpdate(coHandlerProgressUpdate, { args: [{ unitId: f.units.DEP1.id, note: '已约谈摊主' }] });
      await handle.executeUpdate(coHandlerDoneUpdate, { args: [{ unitId: f.units.DEP1.id, note: '已完成执法' }] });
      await handle.executeUpdate(removeCoHandlerUpdate, {
        args: [{ ...dispatcher, unitId: f.units.G1.id, reason: '不再需要' }],
      });
      expect(await handle.query(coHandlersQuery)).toEqual({ [f.units.DEP1.id]: 'DONE', [f.units.G1.id]: 'REMOVED' });
      await ts.env.sleep('3 hours');
      await handle.executeUpdate(mergeUpdate, { args: [{ ...actor(), intoCaseId: target.id, note: '同一摊点' }] });
      return handle.result();
    });
    expect(result).toBe('MERGED');
    expect((await kinds(id)).filter((k) => !['REMINDED', 'ESCALATED'].includes(k))).toEqual([
      'RETURNED',
      'REASSIGNED',
      'ACCEPTED',
      'CO_HANDLER_ADDED',
      'CO_HANDLER_ADDED',
      'CO_HANDLER_PROGRESS',
      'CO_HANDLER_DONE',
      'CO_HANDLER_REMOVED',
      'MERGED',
    ]);
    await record('request-case-return-co-handling-merge', handle, ['clocks', 'coHandlers']);
  });

  /** A closed case handled by the fixture's grid worker, in a grid of its own so its cards never count as another test's repeats. */
  async function closedCase(grid?: string) {
    const id = randomUUID();
    const gridId = grid ?? randomUUID();
    if (!grid) {
      await db.query('INSERT INTO org_unit (id, code, name, kind, parent_id, depth) VALUES ($1, $2, $3, $4, $5, $6)', [
        gridId,
        `${f.tag}-${gridId.slice(0, 8)}`,
        `分支网格${gridId.slice(0, 4)}`,
        'GRID',
        f.units.C1.id,
        f.units.C1.depth + 1,
      ]);
      await db.query(
        `INSERT INTO org_unit_closure (ancestor_id, descendant_id, distance)
        SELECT ancestor_id, $1::uuid, distance + 1 FROM org_unit_closure WHERE descendant_id = $2::uuid UNION ALL SELECT $1::uuid, $1::uuid, 0`,
        [gridId, f.units.C1.id],
      );
      await db.query(
        "INSERT INTO position (id, person_id, unit_id, role, starts_on) VALUES ($1, $2, $3, 'GRID_WORKER', '2024-01-01')",
        [randomUUID(), f.people.gridWorkerG1.id, gridId],
      );
    }
    await db.query(
      `INSERT INTO request_case (id, case_no, request_key, workflow_id, channel, category, description, address, grid_id, community_id, street_id,
        reporter_phone, urgency, status, policy_version, accept_deadline, accountable_unit_id, closed_at)
      VALUES ($1, $2, $3, $4, 'HOTLINE', $5, '路灯不亮', $6, $7, $8, $9, $10, 'NORMAL', 'CLOSED', 1, now(), $7, now())`,
      [
        id,
        `SQ-BR-${id.slice(0, 8)}`,
        `rk-${id}`,
        `case-${id}`,
        f.category,
        f.addresses.G1,
        gridId,
        f.units.C1.id,
        f.units.S1.id,
        f.people.resident.phone,
      ],
    );
    await db.query(
      "INSERT INTO case_event (id, case_id, kind, actor_id, dedup_key) VALUES ($1, $2, 'HANDLED', $3, $4)",
      [randomUUID(), id, f.people.gridWorkerG1.id, `case-${id}:handled-0`],
    );
    return { id, gridId };
  }

  it('an upheld appeal voids the card and signals its sibling card of the same rating', async () => {
    const { id: caseId } = await closedCase();
    const {
      cards: [unitCard],
    } = await services.get(CaseRatingProgressService).recordRating({ caseId, stars: 1 });
    const personCard: YellowCardInput = { ...unitCard.input, holderKind: 'PERSON', personId: f.people.gridWorkerG1.id };
    const [unitHandle, personHandle] = await Promise.all([
      ts.env.client.workflow.start(yellowCardWorkflow, {
        workflowId: unitCard.workflowId,
        taskQueue,
        args: [unitCard.input],
      }),
      ts.env.client.workflow.start(yellowCardWorkflow, {
        workflowId: `card-${caseId}-person`,
        taskQueue,
        args: [personCard],
      }),
    ]);
    await (
      await newWorker()
    ).runUntil(async () => {
      await until(
        async () => (await count('SELECT count(*)::int AS n FROM yellow_card WHERE case_id = $1', [caseId])) === 2,
      );
      await unitHandle.executeUpdate(appealUpdate, {
        args: [{ actorId: worker.id(), reason: '恶意差评', evidence: ['evidence/chat.png'] }],
      });
      expect((await unitHandle.query(cardQuery)).state).toBe('APPEALED');
      await unitHandle.executeUpdate(decideAppealUpdate, {
        args: [{ actorId: f.people.supervisorS1.id, uphold: true, reason: '经核实为恶意差评' }],
      });
      expect((await personHandle.query(cardQuery)).state).not.toBe('APPEALED');
      await until(
        async () =>
          (await count(
            "SELECT count(*)::int AS n FROM card_event WHERE kind = 'VOIDED_WITH_RATING' AND card_id IN (SELECT id FROM yellow_card WHERE case_id = $1)",
            [caseId],
          )) === 1,
      );
    });
    expect(
      (await db.query('SELECT status FROM yellow_card WHERE case_id = $1 ORDER BY holder_kind', [caseId])).rows.map(
        (r: { status: string }) => r.status,
      ),
    ).toEqual(['VOID', 'VOID']);
    await record('yellow-card-appeal-upheld', unitHandle, ['card']);
    await record('yellow-card-voided-with-rating', personHandle, ['card']);
  });

  it('a second card in the year: 约谈 reminders and the interview recorded; an appeal rejected; sent back, then rectified', async () => {
    const { gridId } = await closedCase();
    const handles: WorkflowHandle[] = [];
    await (
      await newWorker()
    ).runUntil(async () => {
      for (let i = 0; i < 2; i += 1) {
        const { id: caseId } = await closedCase(gridId);
        const rating = await ts.env.client.workflow.start(caseRatingWorkflow, {
          workflowId: `rating-${caseId}`,
          taskQueue,
          args: [{ caseId, windowEndsMs: (await ts.env.currentTimeMs()) + 7 * DAY }],
        });
        expect((await rating.query(ratingStateQuery)).state).toBe('OPEN');
        await rating.executeUpdate(rateUpdate, {
          args: [{ stars: 1, comment: '没解决', raterPersonId: f.people.resident.id }],
        });
        await resultWithTimeLocked(ts.env, rating); // the first card is running: an awaited result would let its timers fire early
        if (i === 0) await record('case-rating-one-star', rating, ['ratingState']);
        handles.push(ts.env.client.workflow.getHandle(`card-${caseId}-unit`));
      }
      const card = handles[1];
      await until(async () => (await card.query(cardQuery).catch(() => undefined))?.interview === 'SCHEDULED');
      expect((await card.query(cardQuery)).interview).toBe('SCHEDULED');
      await card.executeUpdate(appealUpdate, { args: [{ actorId: worker.id(), reason: '不属于本网格' }] });
      await card.executeUpdate(decideAppealUpdate, {
        args: [{ actorId: f.people.supervisorS1.id, uphold: false, reason: '属于本网格职责' }],
      });
      await ts.env.sleep(6 * DAY); // the interview reminds at 50 % and 80 %, then is overdue
      await card.executeUpdate(recordInterviewUpdate, {
        args: [{ actorId: f.people.supervisorS1.id, note: '已约谈网格长' }],
      });
      await card.executeUpdate(submitUpdate, {
        args: [{ actorId: worker.id(), explanation: '人手不足', rectificationPlan: '增派人员' }],
      });
      await card.executeUpdate(reviewUpdate, {
        args: [{ actorId: f.people.supervisorS1.id, accept: false, comment: '方案不具体' }],
      });
      await card.executeUpdate(submitUpdate, {
        args: [{ actorId: worker.id(), explanation: '人手不足', rectificationPlan: '每周回访两次' }],
      });
      await card.executeUpdate(reviewUpdate, { args: [{ actorId: f.people.supervisorS1.id, accept: true }] });
      expect(await resultWithTimeLocked(ts.env, card)).toBe('RECTIFIED');
    });
    const [first, second] = await Promise.all(
      handles.map(
        async (h) => (await db.query('SELECT id FROM yellow_card WHERE workflow_id = $1', [h.workflowId])).rows[0].id,
      ),
    );
    expect(
      await count("SELECT count(*)::int AS n FROM card_event WHERE card_id = $1 AND kind = 'INTERVIEW_HELD'", [second]),
    ).toBe(1);
    expect(
      await count("SELECT count(*)::int AS n FROM card_event WHERE card_id = $1 AND kind = 'APPEAL_REJECTED'", [
        second,
      ]),
    ).toBe(1);
    expect(first).not.toBe(second);
    await record('yellow-card-interview-appeal-rejected', handles[1], ['card']);
  });
});
