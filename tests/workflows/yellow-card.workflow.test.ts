import type { INestApplicationContext } from '@nestjs/common';
import type { Client } from 'pg';
import { CaseRatingProgressService } from '../../src/modules/case-rating/case-rating-progress.service';
import { YellowCardProgressService } from '../../src/modules/yellow-card/yellow-card-progress.service';
import type { YellowCardInput } from '../../src/modules/yellow-card/yellow-card.types';
import { rateUpdate } from '../../workflows/case-rating.workflow';
import {
  appealUpdate,
  cardQuery,
  decideAppealUpdate,
  recordInterviewUpdate,
  reviewUpdate,
  submitUpdate,
  yellowCardWorkflow,
} from '../../workflows/yellow-card.workflow';
import { buildOrgFixture } from '../fixtures/org-fixture';
import type { OrgFixture } from '../fixtures/org-fixture';
import { DAY, ratingWorkflowKit } from '../fixtures/rating-workflows';

describe('黄牌 yellow-card workflow on the time-skipping server', () => {
  const taskQueue = 'ts-yellow-card';
  const kit = ratingWorkflowKit(taskQueue);
  const {
    ts,
    seated,
    newWorker,
    resultOf,
    newGrid,
    closedCase,
    startRating,
    cardOf,
    cardEvents,
    points,
    inbox,
    refusal,
    rectify,
    record,
  } = kit;
  let services: INestApplicationContext;
  let db: Client;
  let f: OrgFixture;
  beforeAll(() => {
    ({ services, db, f } = kit.state);
  });

  it('replayed activities never write a second rating, points entry or card', async () => {
    const caseId = await closedCase();
    const ratings = services.get(CaseRatingProgressService);
    const first = await ratings.recordRating({ caseId, stars: 1 });
    const again = await ratings.recordRating({ caseId, stars: 1 });
    expect(again).toEqual(first);
    expect(await points(caseId)).toHaveLength(2);
    const cards = services.get(YellowCardProgressService);
    const [spec] = first.cards;
    const issued = await cards.issue(spec.workflowId, {
      ...spec.input,
      dueAtMs: Date.now() + DAY,
      appealEndsMs: Date.now() + DAY,
    });
    expect(
      await cards.issue(spec.workflowId, { ...spec.input, dueAtMs: Date.now() + DAY, appealEndsMs: Date.now() + DAY }),
    ).toEqual(issued);
    await cards.remind(spec.workflowId, {
      step: 'reminder-0-0',
      what: 'explanation',
      percent: 50,
      deadlineMs: Date.now() + DAY,
    });
    await cards.remind(spec.workflowId, {
      step: 'reminder-0-0',
      what: 'explanation',
      percent: 50,
      deadlineMs: Date.now() + DAY,
    });
    expect((await db.query('SELECT count(*)::int AS n FROM yellow_card WHERE case_id = $1', [caseId])).rows[0].n).toBe(
      1,
    );
    expect(await cardEvents(issued.cardId)).toEqual(['ISSUED', 'REMINDED']);
    expect(await inbox(f.people.gridWorkerG1.id, 'card.reminder', `${spec.workflowId}:`)).toBe(1);
  });

  it('one star → card issued and notified; missed deadlines escalate street then district; sent back once; rectified late', async () => {
    const caseId = await closedCase();
    const handle = await startRating(caseId);
    const cardHandle = ts.env.client.workflow.getHandle(`card-${caseId}-unit`);
    const result = await (
      await newWorker()
    ).runUntil(async () => {
      await handle.executeUpdate(rateUpdate, {
        args: [{ stars: 1, comment: '敷衍了事', raterPersonId: f.people.resident.id }],
      });
      expect(await resultOf(handle)).toBe('RATED');
      expect((await cardHandle.query(cardQuery)).state).toBe('ISSUED');
      expect((await refusal(cardHandle.executeUpdate(reviewUpdate, { args: [{ accept: true }] }))).type).toBe(
        'ILLEGAL_TRANSITION',
      );
      await ts.env.sleep(30 * DAY); // both follow-up deadlines lapse too: street, then district, never beyond
      expect(await cardHandle.query(cardQuery)).toMatchObject({ state: 'ISSUED', escalationLevel: 2 });
      expect(
        (
          await refusal(
            cardHandle.executeUpdate(submitUpdate, { args: [{ explanation: ' ', rectificationPlan: '整改' }] }),
          )
        ).type,
      ).toBe('VALIDATION_FAILED');
      await cardHandle.executeUpdate(submitUpdate, {
        args: [{ actorId: f.people.gridWorkerG1.id, explanation: '人手不足', rectificationPlan: '增派人员回访' }],
      });
      expect((await refusal(cardHandle.executeUpdate(reviewUpdate, { args: [{ accept: false }] }))).type).toBe(
        'VALIDATION_FAILED',
      );
      await cardHandle.executeUpdate(reviewUpdate, {
        args: [{ actorId: f.people.supervisorS1.id, accept: false, comment: '方案不具体' }],
      });
      expect((await cardHandle.query(cardQuery)).state).toBe('SENT_BACK');
      await cardHandle.executeUpdate(submitUpdate, {
        args: [{ actorId: f.people.gridWorkerG1.id, explanation: '人手不足', rectificationPlan: '每周回访两次并公示' }],
      });
      await cardHandle.executeUpdate(reviewUpdate, {
        args: [{ actorId: f.people.supervisorS1.id, accept: true, comment: '同意' }],
      });
      return resultOf(cardHandle);
    });
    expect(result).toBe('RECTIFIED');
    const card = await cardOf(caseId);
    expect(card).toMatchObject({
      status: 'RECTIFIED',
      escalation_level: 2,
      rectified_on_time: false,
      explanation: '人手不足',
      rectification_plan: '每周回访两次并公示',
    });
    expect(await cardEvents(card.id)).toEqual([
      'ISSUED',
      'REMINDED',
      'REMINDED',
      'ESCALATED',
      'REMINDED',
      'REMINDED',
      'ESCALATED',
      'REMINDED',
      'REMINDED',
      'SUBMITTED',
      'SENT_BACK',
      'SUBMITTED',
      'RECTIFIED',
    ]);
    expect(await inbox(f.people.gridWorkerG1.id, 'card.issued', `card-${caseId}`)).toBe(1);
    expect(await inbox(f.people.secretaryC1.id, 'card.issued', `card-${caseId}`)).toBe(1); // the holder's leader
    expect(await inbox(seated.streetLeader, 'card.escalation', `card-${caseId}`)).toBe(1);
    expect(await inbox(seated.districtSupervisor, 'card.escalation', `card-${caseId}`)).toBe(1);
    expect(await points(caseId)).toEqual([
      { holder_kind: 'UNIT', points: -2, reverses_id: null },
      { holder_kind: 'PERSON', points: -1, reverses_id: null },
    ]);
    await record('case-rating', handle);
    await record('yellow-card', cardHandle);
  });

  it('an appeal pauses the deadline; rejected, the card continues with the deadline moved by the pause; a second appeal is refused', async () => {
    const caseId = await closedCase();
    const handle = await startRating(caseId);
    const cardHandle = ts.env.client.workflow.getHandle(`card-${caseId}-unit`);
    await (
      await newWorker()
    ).runUntil(async () => {
      await handle.executeUpdate(rateUpdate, { args: [{ stars: 1 }] });
      await resultOf(handle);
      const before = (await cardHandle.query(cardQuery)).deadline as string;
      await cardHandle.executeUpdate(appealUpdate, {
        args: [
          { actorId: f.people.gridWorkerG1.id, reason: '群众诉求超出职责范围', evidence: ['evidence/photo-1.jpg'] },
        ],
      });
      expect(await cardHandle.query(cardQuery)).toMatchObject({ state: 'APPEALED', paused: true });
      await ts.env.sleep(20 * DAY); // a long appeal: nothing lapses while it is pending
      await cardHandle.executeUpdate(decideAppealUpdate, {
        args: [{ actorId: f.people.supervisorS1.id, uphold: false, reason: '属于本网格职责' }],
      });
      const after = await cardHandle.query(cardQuery);
      expect(after).toMatchObject({ state: 'ISSUED', paused: false, escalationLevel: 0, appealed: true });
      expect(Date.parse(after.deadline as string)).toBeGreaterThan(Date.parse(before) + 19 * DAY);
      expect((await refusal(cardHandle.executeUpdate(appealUpdate, { args: [{ reason: '再次申诉' }] }))).type).toBe(
        'APPEAL_ALREADY_USED',
      );
      await cardHandle.executeUpdate(submitUpdate, { args: [{ explanation: '已说明', rectificationPlan: '已整改' }] });
      await cardHandle.executeUpdate(reviewUpdate, { args: [{ accept: true }] });
      expect(await resultOf(cardHandle)).toBe('RECTIFIED');
    });
    const card = await cardOf(caseId);
    expect(card).toMatchObject({
      status: 'RECTIFIED',
      rectified_on_time: true,
      appeal_decision: 'REJECTED',
      appeal_reason: '群众诉求超出职责范围',
      appeal_evidence: ['evidence/photo-1.jpg'],
      appeal_decided_by: f.people.supervisorS1.id,
    });
    expect(await cardEvents(card.id)).toEqual(['ISSUED', 'APPEALED', 'APPEAL_REJECTED', 'SUBMITTED', 'RECTIFIED']);
  });

  it('an appeal after its window is refused', async () => {
    const caseId = await closedCase();
    const handle = await startRating(caseId);
    const cardHandle = ts.env.client.workflow.getHandle(`card-${caseId}-unit`);
    await (
      await newWorker()
    ).runUntil(async () => {
      await handle.executeUpdate(rateUpdate, { args: [{ stars: 1 }] });
      await resultOf(handle);
      await ts.env.sleep(10 * DAY);
      const refused = await refusal(cardHandle.executeUpdate(appealUpdate, { args: [{ reason: '迟到的申诉' }] }));
      expect(refused).toMatchObject({ type: 'APPEAL_WINDOW_CLOSED', message: expect.stringContaining('申诉期限') });
      await rectify(cardHandle);
    });
    expect((await cardOf(caseId)).appealed_at).toBeNull();
  });

  it('an upheld appeal voids the card and its sibling, strikes the rating out and reverses its points with new entries', async () => {
    const caseId = await closedCase();
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
    const results = await (
      await newWorker()
    ).runUntil(async () => {
      await ts.env.sleep(60_000);
      await unitHandle.executeUpdate(appealUpdate, { args: [{ reason: '恶意差评' }] });
      await unitHandle.executeUpdate(decideAppealUpdate, {
        args: [{ actorId: f.people.supervisorS1.id, uphold: true, reason: '经核实为恶意差评' }],
      });
      return Promise.all([resultOf(unitHandle), resultOf(personHandle)]);
    });
    expect(results).toEqual(['VOID', 'VOID']);
    expect(
      (await db.query('SELECT struck_out_at, struck_reason FROM case_rating WHERE case_id = $1', [caseId])).rows[0],
    ).toEqual({ struck_out_at: expect.any(Date), struck_reason: '经核实为恶意差评' });
    const entries = await points(caseId);
    expect(entries).toHaveLength(4);
    expect(entries.reduce((sum: number, e: { points: number }) => sum + e.points, 0)).toBe(0);
    expect(entries.filter((e: { reverses_id: string | null }) => e.reverses_id)).toHaveLength(2);
    expect(await cardEvents((await cardOf(caseId, 'PERSON')).id)).toEqual(['ISSUED', 'VOIDED_WITH_RATING']);
  });

  it('repeats: the second live card schedules a 约谈 with reminders, the third flags the annual 述职评议', async () => {
    const g = await buildOrgFixture(); // another street, so its supervisor is the one called to the interview
    const grid = await newGrid(g);
    const handles: string[] = [];
    const second = async () => ts.env.client.workflow.getHandle((await cardOf(handles[1])).workflow_id);
    // one worker throughout: a worker stopped with activities in flight holds the time-skipping clock until they time out
    await (
      await newWorker()
    ).runUntil(async () => {
      for (let i = 0; i < 3; i += 1) {
        const caseId = await closedCase(g, grid);
        const handle = await startRating(caseId);
        await handle.executeUpdate(rateUpdate, { args: [{ stars: 1 }] });
        await resultOf(handle);
        handles.push(caseId);
      }
      await ts.env.sleep(6 * DAY); // past the interview's 5 working days: reminded at 50 % and 80 %, then overdue
      expect(
        (await refusal((await second()).executeUpdate(recordInterviewUpdate, { args: [{ note: ' ' }] }))).type,
      ).toBe('VALIDATION_FAILED');
      await (
        await second()
      ).executeUpdate(recordInterviewUpdate, {
        args: [{ actorId: f.people.supervisorS1.id, note: '已约谈网格长，明确整改要求' }],
      });
      expect((await (await second()).query(cardQuery)).interview).toBe('HELD');
    });
    const cards = await Promise.all(handles.map((caseId) => cardOf(caseId)));
    expect(cards.map((c) => [c.repeat_count, c.annual_review])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    const interviews = await db.query(
      'SELECT card_id FROM card_interview WHERE card_id = ANY($1::uuid[]) ORDER BY created_at',
      [cards.map((c) => c.id)],
    );
    expect(interviews.rows.map((r: { card_id: string }) => r.card_id)).toEqual([cards[1].id, cards[2].id]);
    expect(
      (await db.query('SELECT status, held_by, note FROM card_interview WHERE card_id = $1', [cards[1].id])).rows[0],
    ).toEqual({ status: 'HELD', held_by: f.people.supervisorS1.id, note: '已约谈网格长，明确整改要求' });
    const kinds = await cardEvents(cards[1].id);
    expect(kinds.slice(0, 2)).toEqual(['ISSUED', 'INTERVIEW_SCHEDULED']);
    expect(kinds).toContain('INTERVIEW_HELD');
    expect(await cardEvents(cards[2].id)).toEqual(
      expect.arrayContaining(['ISSUED', 'ANNUAL_REVIEW_FLAGGED', 'INTERVIEW_SCHEDULED']),
    );
    expect(await inbox(f.people.supervisorS1.id, 'card.interview', cards[1].workflow_id)).toBe(0); // another street's supervisor
    expect(await inbox(g.people.supervisorS1.id, 'card.interview', cards[1].workflow_id)).toBe(1);
    expect(await inbox(g.people.supervisorS1.id, 'card.reminder', `${cards[1].workflow_id}:interview-reminder-`)).toBe(
      2,
    ); // 50 % and 80 %
  });
});
