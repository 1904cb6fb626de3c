import type { WorkflowUpdateFailedError } from '@temporalio/client';
import type { Client } from 'pg';
import { rateUpdate } from '../../workflows/case-rating.workflow';
import type { OrgFixture } from '../fixtures/org-fixture';
import { DAY, ratingWorkflowKit } from '../fixtures/rating-workflows';

describe('一事一评 case-rating workflow on the time-skipping server', () => {
  const kit = ratingWorkflowKit('ts-case-rating');
  const { ts, newWorker, resultOf, closedCase, startRating, points, refusal, rectify } = kit;
  let db: Client;
  let f: OrgFixture;
  beforeAll(() => {
    ({ db, f } = kit.state);
  });

  it('an unrated case is recorded as unrated when the window ends, and counts in neither direction', async () => {
    const caseId = await closedCase();
    const handle = await startRating(caseId);
    const result = await (
      await newWorker()
    ).runUntil(async () => {
      await ts.env.sleep(7 * DAY + 60_000);
      return resultOf(handle);
    });
    expect(result).toBe('UNRATED');
    expect((await db.query('SELECT outcome, stars FROM case_rating WHERE case_id = $1', [caseId])).rows).toEqual([
      { outcome: 'UNRATED', stars: null },
    ]);
    expect(await points(caseId)).toEqual([]);
    expect(
      (await db.query("SELECT count(*)::int AS n FROM case_event WHERE case_id = $1 AND kind = 'UNRATED'", [caseId]))
        .rows[0].n,
    ).toBe(1);
  });

  it('five stars credit the handling unit and person once; a second rating and a rating out of range are refused', async () => {
    const caseId = await closedCase();
    const handle = await startRating(caseId);
    await (
      await newWorker()
    ).runUntil(async () => {
      expect((await refusal(handle.executeUpdate(rateUpdate, { args: [{ stars: 6 }] }))).type).toBe(
        'VALIDATION_FAILED',
      );
      expect(
        await handle.executeUpdate(rateUpdate, {
          args: [{ stars: 5, comment: '很满意', raterPersonId: f.people.resident.id }],
        }),
      ).toBe('RATED');
      await resultOf(handle);
    });
    expect(await points(caseId)).toEqual([
      { holder_kind: 'UNIT', points: 5, reverses_id: null },
      { holder_kind: 'PERSON', points: 3, reverses_id: null },
    ]);
    const person = await db.query(
      'SELECT unit_id, person_id FROM points_entry WHERE case_id = $1 AND holder_kind = $2',
      [caseId, 'PERSON'],
    );
    expect(person.rows[0]).toEqual({ unit_id: expect.any(String), person_id: f.people.gridWorkerG1.id });
    expect(
      await db
        .query('SELECT count(*)::int AS n FROM yellow_card WHERE case_id = $1', [caseId])
        .then((r) => r.rows[0].n),
    ).toBe(0);
  });

  it('two one-star ratings racing for the same case: one wins, the other is refused, and one card is issued', async () => {
    const caseId = await closedCase();
    const handle = await startRating(caseId);
    const outcomes = await (
      await newWorker()
    ).runUntil(async () => {
      const settled = await Promise.allSettled(
        [1, 2].map(() => handle.executeUpdate(rateUpdate, { args: [{ stars: 1, comment: '没解决' }] })),
      );
      await resultOf(handle);
      await rectify(ts.env.client.workflow.getHandle(`card-${caseId}-unit`)); // leave no card running into the next test
      return settled;
    });
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'ALREADY_RATED' });
    expect((await db.query('SELECT count(*)::int AS n FROM yellow_card WHERE case_id = $1', [caseId])).rows[0].n).toBe(
      1,
    );
    expect((await db.query('SELECT count(*)::int AS n FROM case_rating WHERE case_id = $1', [caseId])).rows[0].n).toBe(
      1,
    );
  });
});
