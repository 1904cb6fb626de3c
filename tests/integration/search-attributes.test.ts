import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import type { WorkflowExecutionInfo } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { Client } from 'pg';
import { temporal as proto } from '@temporalio/proto';
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes';
import { projectRoot, temporalCliPath } from '../../src/infra/local-stack/paths';
import { eventually, startApi, startWorker } from '../fixtures/test-app';
import { authed, buildOrgFixture, login, OrgFixture, residentSignIn } from '../fixtures/org-fixture';
import {
  CardNo,
  CaseNo,
  Category,
  clusterCommand,
  CommunityId,
  EscalationLevel,
  GridId,
  HolderKind,
  ProcessKind,
  ProcessState,
  SEARCH_ATTRIBUTES,
  StreetId,
} from '../../src/shared/search-attributes';

/** Operators find cases, rating windows and yellow cards in Temporal by business keys; visibility lags, so lists are polled. */
describe('search attributes: cases, ratings and yellow cards found in Temporal by business keys', () => {
  let api: { app: INestApplication; url: string };
  let worker: INestApplicationContext;
  let db: Client;
  let connection: Connection;
  let temporal: TemporalClient;
  let f: OrgFixture;
  const token: Record<string, string> = {};

  beforeAll(async () => {
    [f] = await Promise.all([
      buildOrgFixture(),
      startApi().then((a) => {
        api = a;
      }),
      startWorker().then((w) => {
        worker = w;
      }),
    ]);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
    temporal = new TemporalClient({ connection });
    for (const who of ['gridWorkerG1', 'supervisorS1'])
      token[who] = (await login(api.url, f.people[who].username)).accessToken;
    token.resident = (await residentSignIn(api.url, db, f.people.resident.phone)).accessToken;
  });
  afterAll(async () => {
    await Promise.all([api?.app.close(), worker?.close(), db?.end(), connection?.close()]);
  });

  const call = async <T>(who: string, method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(
      `${api.url}${path}`,
      authed(token[who], { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }),
    );
    const text = await r.text();
    expect({ status: r.status < 300, body: r.status < 300 ? '' : text }).toEqual({ status: true, body: '' });
    return JSON.parse(text) as T;
  };
  const list = async (query: string): Promise<WorkflowExecutionInfo[]> => {
    const found: WorkflowExecutionInfo[] = [];
    for await (const w of temporal.workflow.list({ query })) found.push(w);
    return found;
  };
  /** Polls the visibility store until the query answers exactly one workflow (bounded by `eventually`). */
  const findOne = (query: string) =>
    eventually(async () => {
      const found = await list(query);
      expect(found.length).toBeLessThanOrEqual(1);
      return found[0];
    }, `one workflow for ${query}`);

  it('a case is found by CaseNo with its keys, then by ProcessState once accepted and closed; its rating window and yellow card by the same CaseNo', async () => {
    const created = await call<{ id: string; caseNo: string; gridId: string; communityId: string; streetId: string }>(
      'gridWorkerG1',
      'POST',
      '/api/v1/cases',
      {
        requestKey: `sa-${randomUUID()}`,
        channel: 'HOTLINE',
        category: f.category,
        description: `井盖松动-${f.tag}`,
        address: f.addresses.G1,
        reporterPhone: f.people.resident.phone,
      },
    );
    const ofCase = `ProcessKind="request-case" AND CaseNo="${created.caseNo}"`;

    const reported = await findOne(`CaseNo="${created.caseNo}"`);
    expect(reported.workflowId).toBe(`case-${created.id}`);
    const attrs = reported.typedSearchAttributes;
    expect([attrs.get(ProcessKind), attrs.get(ProcessState), attrs.get(EscalationLevel), attrs.get(Category)]).toEqual([
      'request-case',
      'REPORTED',
      0,
      f.category,
    ]);
    expect([attrs.get(GridId), attrs.get(CommunityId), attrs.get(StreetId)]).toEqual([
      f.units.G1.id,
      f.units.C1.id,
      f.units.S1.id,
    ]);
    expect(await list(`CaseNo="${created.caseNo}-X"`)).toEqual([]);

    await eventually(
      async () =>
        (
          await fetch(
            `${api.url}/api/v1/cases/${created.id}/accept`,
            authed(token.gridWorkerG1, { method: 'POST', body: '{}' }),
          )
        ).status === 200,
      'the case accepted',
    );
    const accepted = await findOne(`${ofCase} AND ProcessState="ACCEPTED"`);
    expect(accepted.workflowId).toBe(`case-${created.id}`);
    // the same case among every accepted case of its grid
    expect((await list(`ProcessState="ACCEPTED" AND GridId="${f.units.G1.id}"`)).map((w) => w.workflowId)).toContain(
      `case-${created.id}`,
    );
    expect(await list(`${ofCase} AND ProcessState="REPORTED"`)).toEqual([]);

    await call('gridWorkerG1', 'POST', `/api/v1/cases/${created.id}/handled`, { reply: '已更换井盖' });
    await findOne(`${ofCase} AND ProcessState="HANDLED"`);
    await call('resident', 'POST', `/api/v1/my/cases/${created.id}/confirm`, {});
    await findOne(`${ofCase} AND ProcessState="CLOSED"`);

    const window = await findOne(`ProcessKind="case-rating" AND CaseNo="${created.caseNo}" AND ProcessState="OPEN"`);
    expect(window.workflowId).toBe(`rating-${created.id}`);
    expect(window.typedSearchAttributes.get(GridId)).toBe(f.units.G1.id);
    await eventually(
      async () => (await fetch(`${api.url}/api/v1/my/cases/${created.id}/rating`, authed(token.resident))).ok,
      'the rating window answering',
    );
    await call('resident', 'POST', `/api/v1/my/cases/${created.id}/rating`, { stars: 1 });
    await findOne(`ProcessKind="case-rating" AND CaseNo="${created.caseNo}" AND ProcessState="RATED"`);

    const card = await eventually(
      async () =>
        (
          await db.query('SELECT id, card_no, workflow_id FROM yellow_card WHERE case_id = $1 AND holder_kind = $2', [
            created.id,
            'UNIT',
          ])
        ).rows[0] as { id: string; card_no: string; workflow_id: string } | undefined,
      "the unit's yellow card issued",
    );
    const issued = await findOne(`CardNo="${card.card_no}"`);
    expect(issued.workflowId).toBe(card.workflow_id);
    const cardAttrs = issued.typedSearchAttributes;
    expect([
      cardAttrs.get(ProcessKind),
      cardAttrs.get(ProcessState),
      cardAttrs.get(EscalationLevel),
      cardAttrs.get(HolderKind),
      cardAttrs.get(CaseNo),
    ]).toEqual(['yellow-card', 'ISSUED', 0, 'UNIT', created.caseNo]);
    expect(cardAttrs.get(CardNo)).toBe(card.card_no);
    expect(cardAttrs.get(StreetId)).toBe(f.units.S1.id);
    // every card of the case (one per holder, by policy), and this one once its explanation is in
    expect((await list(`ProcessKind="yellow-card" AND CaseNo="${created.caseNo}"`)).map((w) => w.workflowId)).toContain(
      card.workflow_id,
    );
    await call('gridWorkerG1', 'POST', `/api/v1/yellow-cards/${card.id}/explanation`, {
      explanation: '巡查不到位',
      rectificationPlan: '每周巡查井盖',
    });
    await findOne(`CardNo="${card.card_no}" AND ProcessState="SUBMITTED"`);

    // histories with the upserts replay on the same code (a worker that lost its cache does exactly this)
    const workflowBundle = { code: readFileSync(process.env.GOVFLOW_WORKFLOW_BUNDLE as string, 'utf8') };
    for (const workflowId of [`case-${created.id}`, `rating-${created.id}`, card.workflow_id]) {
      const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
      expect(history.events?.some((e) => e.upsertWorkflowSearchAttributesEventAttributes)).toBe(true);
      await Worker.runReplayHistory({ workflowBundle }, history, workflowId);
    }
  });

  it("README's cluster command registers every attribute with its type on a fresh namespace", async () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    const command = readme.split('\n').find((line) => line.startsWith('temporal operator search-attribute create'));
    expect(command).toBe(clusterCommand('"$TEMPORAL_NAMESPACE"'));
    const namespace = `sa-${randomUUID().slice(0, 8)}`;
    const env = {
      ...process.env,
      PATH: `${dirname(temporalCliPath)}:${process.env.PATH}`,
      TEMPORAL_NAMESPACE: namespace,
    };
    const run = promisify(execFile);
    await run(temporalCliPath, [
      'operator',
      'namespace',
      'create',
      '--namespace',
      namespace,
      '--address',
      process.env.TEMPORAL_ADDRESS as string,
    ]);
    await run('bash', ['-c', `${command} --address "$TEMPORAL_ADDRESS"`], { env });
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
    const expected = Object.fromEntries(
      SEARCH_ATTRIBUTES.map((k) => [k.name, encodeSearchAttributeIndexedValueType(k.type)]),
    );
    const registered = Object.fromEntries(Object.entries(customAttributes ?? {}).filter(([name]) => name in expected));
    expect(Object.keys(registered)).toHaveLength(SEARCH_ATTRIBUTES.length);
    expect(registered).toEqual(expected);
    expect(registered.EscalationLevel).toBe(proto.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT);
  });
});
