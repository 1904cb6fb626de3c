import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Client } from 'pg';
import type { Principal } from '../../src/common/auth/principal';
import { EVERYTHING } from '../../src/common/auth/unit-scope';
import { intakeSchema } from '../../src/modules/mediation/dto/mediation.dto';
import { MediationService } from '../../src/modules/mediation/mediation.service';
import { DEFAULT_MEDIATION_POLICY } from '../../src/modules/policy/mediation-policy.defaults';
import {
  addCandidatesSignal,
  adjustRiskUpdate,
  answerInvitationSignal,
  mediationQuery,
  mediationWorkflow,
  recordAgreementUpdate,
  recordJudicialConfirmationUpdate,
  recordSessionUpdate,
  recordVisitUpdate,
  referUpdate,
  scheduleSessionUpdate,
  withdrawMemberSignal,
} from '../../workflows/mediation.workflow';
import type { MediationView } from '../../workflows/mediation.workflow';
import { buildOrgFixture } from '../fixtures/org-fixture';
import type { OrgFixture } from '../fixtures/org-fixture';
import { labourAgreement, labourDispute, mediationPeople } from '../fixtures/mediation-people';
import type { MediationPeople } from '../fixtures/mediation-people';
import {
  createTestWorker,
  resultWithTimeLocked,
  startServices,
  timeSkippingServerPerTest,
} from '../fixtures/time-skipping';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
type Handle = WorkflowHandle<typeof mediationWorkflow>;

describe('联调小组 mediation workflow on the time-skipping server', () => {
  const ts = timeSkippingServerPerTest();
  const taskQueue = 'ts-mediation';
  let services: INestApplicationContext;
  let db: Client;
  let f: OrgFixture;
  let p: MediationPeople;

  beforeAll(async () => {
    [services, f] = await Promise.all([startServices(), buildOrgFixture()]);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    p = await mediationPeople(db, f);
  });
  afterAll(async () => {
    await Promise.all([services?.close(), db?.end()]);
  });

  const convener = (): Principal => ({
    personId: f.people.secretaryC1.id,
    kind: 'STAFF',
    name: '社区书记',
    phone: f.people.secretaryC1.phone,
    positions: [],
  });

  async function start(body: object) {
    const prepared = await services
      .get(MediationService)
      .prepareIntake(convener(), EVERYTHING, intakeSchema.parse(body));
    const handle = await ts.env.client.workflow.start(mediationWorkflow, {
      workflowId: prepared.workflowId,
      taskQueue,
      // the default limits whatever version another test file published meanwhile (the integration test shortens invitations)
      args: [{ ...prepared.input, invitationLimit: DEFAULT_MEDIATION_POLICY.invitationLimit }],
    });
    return { handle, id: prepared.dispute.id, workflowId: prepared.workflowId };
  }

  /** Waits (without moving time: the test holds the time-skipping lock) until the workflow's own view satisfies `ok`. */
  async function until(handle: Handle, ok: (v: MediationView) => boolean): Promise<MediationView> {
    for (let i = 0; i < 300; i++) {
      const view = await handle.query(mediationQuery);
      if (ok(view)) return view;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`workflow never reached the expected view: ${JSON.stringify(await handle.query(mediationQuery))}`);
  }
  const slot = (v: MediationView, key: string) => v.slots.find((s) => s.key === key)!;
  const pendingFor = (handle: Handle, key: string, personId: string) =>
    until(handle, (v) => slot(v, key).pending?.personId === personId).then((v) => slot(v, key).pending!.seq);
  async function answer(handle: Handle, key: string, personId: string, accept: boolean, reason?: string) {
    const seq = await pendingFor(handle, key, personId);
    await handle.signal(answerInvitationSignal, { slotKey: key, seq, accept, reason, actorId: personId });
    return seq;
  }
  const refusal = async (promise: Promise<unknown>) => {
    const err = await promise.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    return (err as WorkflowUpdateFailedError).cause as unknown as { type: string; message: string };
  };
  const events = async (id: string) =>
    (await db.query('SELECT kind FROM mediation_event WHERE dispute_id = $1 ORDER BY seq', [id])).rows.map(
      (r: { kind: string }) => r.kind,
    );
  const dispute = async (id: string) => (await db.query('SELECT * FROM mediation_dispute WHERE id = $1', [id])).rows[0];
  const inbox = async (personId: string, template: string, keyPrefix: string) =>
    (
      await db.query(
        'SELECT urgency FROM inbox_message WHERE recipient_id = $1 AND template = $2 AND dedup_key LIKE $3',
        [personId, template, `${keyPrefix}%`],
      )
    ).rows.map((r: { urgency: string }) => r.urgency);
  const sessionAt = async (days: number) => new Date((await ts.env.currentTimeMs()) + days * DAY).toISOString();

  async function record(name: string, handle: Handle): Promise<void> {
    if (process.env.GOVFLOW_RECORD_HISTORIES !== '1') return;
    const dir = join(__dirname, '..', 'fixtures', 'histories');
    mkdirSync(join(dir, 'queries'), { recursive: true });
    writeFileSync(join(dir, `${name}.json`), historyToJSON(await handle.fetchHistory()));
    writeFileSync(join(dir, 'queries', `${name}.json`), `${JSON.stringify(['mediation'])}\n`);
  }

  /** Three sessions scheduled, reminded a day before, and recorded. */
  async function threeSessions(handle: Handle, id: string) {
    for (let i = 1; i <= 3; i++) {
      const seq = await handle.executeUpdate(scheduleSessionUpdate, {
        args: [{ place: '社区调解室', startsAt: await sessionAt(2), actorId: f.people.secretaryC1.id }],
      });
      await ts.env.sleep(2 * DAY + HOUR);
      await handle.executeUpdate(recordSessionUpdate, {
        args: [
          {
            seq,
            attendance: ['张书记', '民警乙', '职工代表王某'],
            minutes: `第 ${seq} 次调解笔录`,
            actorId: f.people.secretaryC1.id,
          },
        ],
      });
    }
    const reminded = await db.query(
      "SELECT count(*)::int AS n FROM mediation_event WHERE dispute_id = $1 AND kind = 'SESSION_REMINDED'",
      [id],
    );
    expect(reminded.rows[0].n).toBeGreaterThanOrEqual(3);
  }

  it('the 80-worker labour dispute: high risk alerted, one decline and one timeout replaced, three sessions, agreement, two visits, closed', async () => {
    const { handle, id, workflowId } = await start(labourDispute(f, p));
    const worker = await createTestWorker(ts.env, services, taskQueue);
    await worker.runUntil(async () => {
      const first = await until(handle, (v) => v.slots.every((s) => s.status !== 'OPEN'));
      expect(first).toMatchObject({ state: 'FORMING', riskGrade: 'HIGH' });
      expect((await dispute(id)).risk_reasons).toEqual(
        expect.arrayContaining(['涉及 81 人（≥30 人）', '有聚集上访苗头', '有暴力或过激行为风险']),
      );
      expect(await inbox(p.streetLeader, 'mediation.risk-alert', workflowId)).toEqual(['CRITICAL']);
      expect(await inbox(p.districtSupervisor, 'mediation.risk-alert', workflowId)).toEqual(['CRITICAL']);
      expect(slot(first, 'security').status).toBe('EXHAUSTED'); // no 治保主任 seated in this community yet

      // a session before the panel is convened is refused, and nothing is scheduled
      const early = await refusal(
        handle.executeUpdate(scheduleSessionUpdate, { args: [{ place: '调解室', startsAt: await sessionAt(1) }] }),
      );
      expect(early.type).toBe('PANEL_NOT_CONVENED');
      expect(early.message).toContain('调解小组尚未组建完成');

      await answer(handle, 'secretary', f.people.secretaryC1.id, true);
      const declined = await answer(handle, 'police', p.policeA, false, '外出培训');
      await answer(handle, 'police', p.policeB, true);
      await answer(handle, 'labour', p.labourHead, true);
      await answer(handle, 'elder', p.elderA, true);
      await pendingFor(handle, 'lawyer', p.lawyerA);
      await ts.env.sleep(25 * HOUR); // lawyer A lets the 24-hour deadline pass
      await answer(handle, 'lawyer', p.lawyerB, true);
      const convened = await until(handle, (v) => v.state === 'CONVENED');
      expect(slot(convened, 'police').memberId).toBe(p.policeB);
      expect(slot(convened, 'lawyer').memberId).toBe(p.lawyerB);

      // a late acceptance for the filled police slot is recorded and ignored
      await handle.signal(answerInvitationSignal, {
        slotKey: 'police',
        seq: declined,
        accept: true,
        actorId: p.policeA,
      });
      await handle.signal(addCandidatesSignal, { slotKey: 'security', personIds: [p.security] });
      await answer(handle, 'security', p.security, true);
      await until(handle, (v) => slot(v, 'security').status === 'FILLED');
      await handle.signal(withdrawMemberSignal, { slotKey: 'elder', reason: '与职工代表系亲属，申请回避' });
      await answer(handle, 'elder', p.elderB, true);
      const panel = await until(handle, (v) => slot(v, 'elder').memberId === p.elderB);
      expect(slot(panel, 'police').memberId).toBe(p.policeB);

      await threeSessions(handle, id);
      const incomplete = await refusal(
        handle.executeUpdate(recordAgreementUpdate, {
          args: [{ terms: { ...labourAgreement(), facts: ' ', terms: [] } }],
        }),
      );
      expect(incomplete.type).toBe('AGREEMENT_INCOMPLETE');
      expect(incomplete.message).toBe(
        '调解协议书缺少《人民调解法》第二十九条规定的内容：纠纷的主要事实；当事人达成调解协议的内容',
      );
      expect(await handle.executeUpdate(recordAgreementUpdate, { args: [{ terms: labourAgreement() }] })).toBe(
        'AGREED',
      );
      await handle.executeUpdate(recordJudicialConfirmationUpdate, {
        args: [{ appliedOn: '2026-12-05', court: '襄阳高新区人民法院', result: 'PENDING' }],
      });
      expect(
        (await refusal(handle.executeUpdate(recordVisitUpdate, { args: [{ performed: true, note: '早' }] }))).type,
      ).toBe('NO_VISIT_DUE');
      await ts.env.sleep(7 * DAY + HOUR);
      await until(handle, (v) => v.visitDue?.seq === 1);
      await handle.executeUpdate(recordVisitUpdate, { args: [{ performed: true, note: '首期补偿已到账' }] });
      await ts.env.sleep(24 * DAY);
      await until(handle, (v) => v.visitDue?.seq === 2);
      await handle.executeUpdate(recordVisitUpdate, { args: [{ performed: true, note: '补偿全部支付完毕' }] });
      expect(await resultWithTimeLocked(ts.env, handle)).toBe('CLOSED');
    });

    const kinds = await events(id);
    expect(kinds.filter((k) => k === 'INVITATION_DECLINED')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'INVITATION_TIMED_OUT')).toHaveLength(1);
    expect(kinds).toEqual(
      expect.arrayContaining(['INTAKE', 'SLOT_EXHAUSTED', 'CONVENED', 'STALE_ANSWER', 'MEMBER_WITHDRAWN', 'AGREED']),
    );
    expect(kinds.filter((k) => k === 'SESSION_RECORDED')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'VISIT_PERFORMED')).toHaveLength(2);
    expect(kinds).not.toContain('ESCALATED');
    const row = await dispute(id);
    expect(row).toMatchObject({ status: 'CLOSED', risk_grade: 'HIGH' });
    expect(row.judicial_confirmation).toMatchObject({ court: '襄阳高新区人民法院' });
    expect(kinds.filter((k) => k === 'AGREEMENT_PDF')).toHaveLength(1);
    expect(Buffer.from(row.agreement_pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const slots = (await db.query('SELECT key, member_id FROM mediation_slot WHERE dispute_id = $1', [id])).rows;
    expect(
      Object.fromEntries(slots.map((s: { key: string; member_id: string }) => [s.key, s.member_id])),
    ).toMatchObject({
      police: p.policeB,
      lawyer: p.lawyerB,
      elder: p.elderB,
      security: p.security,
    });
    expect(await inbox(p.lawyerA, 'mediation.invitation', workflowId)).toHaveLength(1);
    await record('mediation-labour', handle);
  });

  it('a failed mediation past its limit: 督办单 to the street, then referred to labour arbitration', async () => {
    const { handle, id, workflowId } = await start({
      ...labourDispute(f, p),
      category: f.category,
      parties: [
        { kind: 'PERSON', name: '赵某', phone: '13900000011', address: '幸福路1号' },
        { kind: 'PERSON', name: '钱某', address: '幸福路3号' },
      ],
      amountYuan: 20_000,
      gatheringThreat: false,
      violenceThreat: false,
      candidates: { police: [p.policeA] },
    });
    const worker = await createTestWorker(ts.env, services, taskQueue);
    await worker.runUntil(async () => {
      expect((await until(handle, (v) => slot(v, 'police').pending !== null)).riskGrade).toBe('LOW');
      await answer(handle, 'secretary', f.people.secretaryC1.id, true);
      await answer(handle, 'police', p.policeA, true);
      await until(handle, (v) => v.state === 'CONVENED');
      await handle.executeUpdate(adjustRiskUpdate, {
        args: [{ grade: 'HIGH', reason: '双方多次冲突，有升级苗头', actorId: f.people.secretaryC1.id }],
      });
      await ts.env.sleep(31 * DAY);
      await until(handle, (v) => v.escalated);
      expect(
        (
          await refusal(
            handle.executeUpdate(referUpdate, {
              args: [{ to: 'LABOUR_ARBITRATION', reason: ' ', partiesNotice: '电话' }],
            }),
          )
        ).type,
      ).toBe('VALIDATION_FAILED');
      expect(
        await handle.executeUpdate(referUpdate, {
          args: [
            {
              to: 'LABOUR_ARBITRATION',
              reason: '双方对补偿数额分歧过大，经三次调解未能达成协议',
              partiesNotice: '已当面告知双方可向劳动人事争议仲裁委员会申请仲裁',
              actorId: f.people.secretaryC1.id,
            },
          ],
        }),
      ).toBe('REFERRED');
      expect(await resultWithTimeLocked(ts.env, handle)).toBe('REFERRED');
    });
    const kinds = await events(id);
    expect(kinds).toEqual(expect.arrayContaining(['RISK_ADJUSTED', 'ESCALATED', 'REFERRED']));
    const row = await dispute(id);
    expect(row).toMatchObject({ status: 'REFERRED', risk_grade: 'HIGH', escalated: true });
    expect(row.referral).toMatchObject({ to: 'LABOUR_ARBITRATION', partiesNotice: expect.stringContaining('仲裁') });
    const orders = await db.query('SELECT level FROM mediation_supervision_order WHERE dispute_id = $1', [id]);
    expect(orders.rows).toEqual([{ level: 'STREET' }]);
    expect(await inbox(p.streetLeader, 'mediation.overdue', workflowId)).toEqual(['URGENT']);
    expect(await inbox(p.streetLeader, 'mediation.risk-alert', workflowId)).toEqual(['CRITICAL']); // raised to high by the handler
    await record('mediation-referral', handle);
  });

  it('a visit that finds the agreement broken reopens the dispute with the same panel', async () => {
    const { handle, id } = await start({
      ...labourDispute(f, p),
      category: '邻里纠纷',
      parties: [
        { kind: 'PERSON', name: '孙某', address: '幸福路5号' },
        { kind: 'PERSON', name: '李某', address: '幸福路7号' },
      ],
      amountYuan: undefined,
      gatheringThreat: false,
      violenceThreat: false,
      candidates: { elder: [p.elderA] },
    });
    const worker = await createTestWorker(ts.env, services, taskQueue);
    await worker.runUntil(async () => {
      await answer(handle, 'secretary', f.people.secretaryC1.id, true);
      await answer(handle, 'elder', p.elderA, true);
      await until(handle, (v) => v.state === 'CONVENED');
      const seq = await handle.executeUpdate(scheduleSessionUpdate, {
        args: [{ place: '楼栋议事点', startsAt: await sessionAt(1) }],
      });
      await handle.executeUpdate(recordSessionUpdate, {
        args: [{ seq, attendance: ['孙某', '李某'], minutes: '达成一致' }],
      });
      await handle.executeUpdate(recordAgreementUpdate, { args: [{ terms: labourAgreement() }] });
      await ts.env.sleep(7 * DAY + HOUR);
      await until(handle, (v) => v.visitDue?.seq === 1);
      expect(
        await handle.executeUpdate(recordVisitUpdate, { args: [{ performed: false, note: '乙方未按期拆除违建' }] }),
      ).toBe('CONVENED');
      const reopened = await until(handle, (v) => v.state === 'CONVENED' && v.round === 1);
      expect(slot(reopened, 'elder').memberId).toBe(p.elderA);
      const again = await handle.executeUpdate(scheduleSessionUpdate, {
        args: [{ place: '楼栋议事点', startsAt: await sessionAt(1) }],
      });
      expect(again).toBe(2);
      await handle.executeUpdate(recordSessionUpdate, {
        args: [{ seq: again, attendance: ['孙某', '李某'], minutes: '重新约定' }],
      });
      await handle.executeUpdate(recordAgreementUpdate, { args: [{ terms: labourAgreement() }] });
      await ts.env.sleep(7 * DAY + HOUR);
      await until(handle, (v) => v.visitDue?.round === 1 && v.visitDue.seq === 1);
      await handle.executeUpdate(recordVisitUpdate, { args: [{ performed: true, note: '已拆除' }] });
      await ts.env.sleep(24 * DAY);
      await until(handle, (v) => v.visitDue?.round === 1 && v.visitDue.seq === 2);
      await handle.executeUpdate(recordVisitUpdate, { args: [{ performed: true, note: '邻里关系恢复' }] });
      expect(await resultWithTimeLocked(ts.env, handle)).toBe('CLOSED');
    });
    const kinds = await events(id);
    expect(kinds).toEqual(expect.arrayContaining(['VISIT_BROKEN', 'REOPENED']));
    expect(kinds.filter((k) => k === 'AGREED')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'AGREEMENT_PDF')).toHaveLength(2); // the reopened dispute's second agreement is printed anew
    expect(await dispute(id)).toMatchObject({ status: 'CLOSED', reopen_count: 1 });
    await record('mediation-reopened', handle);
  });
});
