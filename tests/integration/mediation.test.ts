import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { hashPassword } from '../../src/modules/auth/password-hasher';
import { DEFAULT_MEDIATION_POLICY } from '../../src/modules/policy/mediation-policy.defaults';
import { authed, buildOrgFixture, FIXTURE_PASSWORD, login, OrgFixture } from '../fixtures/org-fixture';
import { labourAgreement, labourDispute, mediationPeople } from '../fixtures/mediation-people';
import type { MediationPeople } from '../fixtures/mediation-people';
import { eventually, startApi, startWorker } from '../fixtures/test-app';

interface Slot {
  key: string;
  status: string;
  memberId: string | null;
}
interface Detail {
  id: string;
  disputeNo: string;
  status: string;
  riskGrade: string;
  riskReasons: string[];
  slots: Slot[];
  invitations: { id: string; slotKey: string; personId: string; status: string; deadline: string }[];
  sessions: { seq: number; recordedAt: string | null }[];
  timeline: { kind: string }[];
  agreement: unknown;
  hasAgreementPdf: boolean;
  referral: { to: string } | null;
}
interface Invitation {
  id: string;
  slotKey: string;
  disputeId: string;
}

describe('联调小组 mediation through HTTP, the real worker and Temporal', () => {
  let api: { app: INestApplication; url: string };
  let worker: INestApplicationContext;
  let db: Client;
  let f: OrgFixture;
  let p: MediationPeople;
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
    p = await mediationPeople(db, f);
    const hash = await hashPassword(FIXTURE_PASSWORD);
    for (const [key, id] of Object.entries(p)) {
      await db.query('UPDATE person SET username = $1, password_hash = $2 WHERE id = $3', [
        `${key}-${f.tag}`,
        hash,
        id,
      ]);
      token[key] = (await login(api.url, `${key}-${f.tag}`)).accessToken;
    }
    for (const who of ['admin', 'secretaryC1', 'supervisorS1', 'gridWorkerG1', 'gridWorkerG2'])
      token[who] = (await login(api.url, f.people[who].username)).accessToken;
  });
  afterAll(async () => {
    await Promise.all([api?.app.close(), worker?.close(), db?.end()]);
  });

  const call = (who: string, method: string, path: string, body?: unknown) =>
    fetch(
      `${api.url}/api/v1${path}`,
      authed(token[who], { method, body: body === undefined ? undefined : JSON.stringify(body) }),
    );
  const detail = async (id: string, who = 'secretaryC1') =>
    (await (await call(who, 'GET', `/mediation/disputes/${id}`)).json()) as Detail;
  const slotOf = (d: Detail, key: string) => d.slots.find((s) => s.key === key) as Slot;
  const myInvitation = (who: string, disputeId: string, slotKey: string) =>
    eventually(async () => {
      const mine = (await (await call(who, 'GET', '/mediation/invitations/mine')).json()) as Invitation[];
      return mine.find((i) => i.disputeId === disputeId && i.slotKey === slotKey);
    }, `${who}'s invitation to ${slotKey}`);
  async function answer(who: string, disputeId: string, slotKey: string, accept: boolean) {
    const invitation = await myInvitation(who, disputeId, slotKey);
    const res = await call(who, 'POST', `/mediation/invitations/${invitation.id}/answer`, { accept });
    expect(res.status).toBe(200);
    return invitation;
  }
  const publish = async (data: object) =>
    expect((await call('admin', 'POST', '/policies/mediation/versions', { ...data, note: '测试' })).status).toBe(201);
  const events = async (id: string) =>
    Number((await db.query('SELECT count(*)::int AS n FROM mediation_event WHERE dispute_id = $1', [id])).rows[0].n);

  async function intake(body: object): Promise<Detail> {
    const res = await call('secretaryC1', 'POST', '/mediation/disputes', body);
    expect(res.status).toBe(201);
    return (await res.json()) as Detail;
  }

  it('the 80-worker labour dispute from intake to an agreement with its PDF; bad input refused in Chinese, changing nothing', async () => {
    // invitations answered within 12 s, so one left unanswered times out during the test; the defaults return right after intake
    await publish({ ...DEFAULT_MEDIATION_POLICY, invitationLimit: { unit: 'minutes', amount: 0.2 } });
    const body = labourDispute(f, p);
    const created = await intake(body).finally(() => publish(DEFAULT_MEDIATION_POLICY));
    expect(created).toMatchObject({ status: 'FORMING', riskGrade: 'HIGH' });
    expect(created.riskReasons).toEqual(expect.arrayContaining(['有聚集上访苗头', '有暴力或过激行为风险']));
    const again = await intake(body); // the same intake form sent twice
    expect(again.id).toBe(created.id);
    const id = created.id;
    await eventually(async () => {
      const alerts = await db.query(
        "SELECT recipient_id, urgency FROM inbox_message WHERE template = 'mediation.risk-alert' AND recipient_id = ANY($1)",
        [[p.streetLeader, p.districtSupervisor]],
      );
      return alerts.rows.length === 2 && alerts.rows.every((r: { urgency: string }) => r.urgency === 'CRITICAL');
    }, 'critical alerts to the street leader and the district supervisor');

    const early = await call('secretaryC1', 'POST', `/mediation/disputes/${id}/sessions`, {
      place: '社区调解室',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({
      code: 'PANEL_NOT_CONVENED',
      message: expect.stringContaining('尚未组建完成'),
    });

    await answer('secretaryC1', id, 'secretary', true);
    await answer('policeA', id, 'police', false);
    await answer('policeB', id, 'police', true);
    await answer('labourHead', id, 'labour', true);
    await answer('elderA', id, 'elder', true);
    const lapsed = await myInvitation('lawyerA', id, 'lawyer'); // lawyer A never answers
    await answer('lawyerB', id, 'lawyer', true);
    const convened = await eventually(async () => {
      const d = await detail(id);
      return d.status === 'CONVENED' && slotOf(d, 'lawyer').memberId ? d : undefined;
    }, 'the panel convened');
    expect(slotOf(convened, 'police').memberId).toBe(p.policeB);
    expect(slotOf(convened, 'lawyer').memberId).toBe(p.lawyerB);
    expect(convened.invitations.map((i) => [i.slotKey, i.personId, i.status])).toEqual(
      expect.arrayContaining([
        ['police', p.policeA, 'DECLINED'],
        ['lawyer', p.lawyerA, 'TIMED_OUT'],
      ]),
    );

    // a second acceptance for the filled lawyer slot: refused in Chinese, nothing signalled or written
    const before = await events(id);
    const late = await call('lawyerA', 'POST', `/mediation/invitations/${lapsed.id}/answer`, { accept: true });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({
      code: 'SLOT_ALREADY_FILLED',
      message: expect.stringContaining('已由其他成员接受'),
    });
    expect(await events(id)).toBe(before);
    expect(slotOf(await detail(id), 'lawyer').memberId).toBe(p.lawyerB);

    for (let i = 1; i <= 3; i++) {
      const scheduled = await call('secretaryC1', 'POST', `/mediation/disputes/${id}/sessions`, {
        place: '社区调解室',
        startsAt: new Date(Date.now() + i * 86_400_000).toISOString(),
      });
      expect(scheduled.status).toBe(200);
      const recorded = await call('secretaryC1', 'POST', `/mediation/disputes/${id}/sessions/${i}/record`, {
        attendance: ['张书记', '民警乙', '律师乙', '劳动监察负责人', '职工代表王某', '公司代表李某'],
        minutes: `第 ${i} 次调解：听取双方意见`,
      });
      expect(recorded.status).toBe(200);
    }
    expect((await detail(id)).sessions.filter((s) => s.recordedAt)).toHaveLength(3);

    const incomplete = await call('secretaryC1', 'POST', `/mediation/disputes/${id}/agreement`, {
      ...labourAgreement(),
      responsibilities: [],
      partySignatures: [],
    });
    expect(incomplete.status).toBe(400);
    expect(await incomplete.json()).toMatchObject({
      code: 'AGREEMENT_INCOMPLETE',
      message: '调解协议书缺少《人民调解法》第二十九条规定的内容：各方当事人的责任；各方当事人签名（盖章）',
    });
    expect(await detail(id)).toMatchObject({ status: 'CONVENED', agreement: null });

    expect((await call('secretaryC1', 'POST', `/mediation/disputes/${id}/agreement`, labourAgreement())).status).toBe(
      200,
    );
    const agreed = await eventually(async () => {
      const d = await detail(id);
      return d.hasAgreementPdf ? d : undefined;
    }, 'the agreement PDF');
    expect(agreed.status).toBe('AGREED');
    const pdf = await call('supervisorS1', 'GET', `/mediation/disputes/${id}/agreement.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const file = join(mkdtempSync(join(tmpdir(), 'agreement-')), 'agreement.pdf');
    writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('调解协议书');
    expect(text).toContain(agreed.disputeNo);
    expect(text).toContain('顺正河社区人民调解委员会');
    // page 1 of the agreement the process produced, for the closing note (test-runs/ is git-ignored)
    const image = join(__dirname, '..', '..', 'test-runs', 'mediation-labour-agreement');
    mkdirSync(dirname(image), { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, image]);
    expect(readFileSync(`${image}.png`).subarray(1, 4).toString('latin1')).toBe('PNG');

    expect(
      (
        await call('secretaryC1', 'POST', `/mediation/disputes/${id}/judicial-confirmation`, {
          appliedOn: '2026-12-05',
          court: '襄阳高新区人民法院',
        })
      ).status,
    ).toBe(200);
    expect((await call('gridWorkerG2', 'GET', `/mediation/disputes/${id}`)).status).toBe(404);
    // the lawyer holds no post in the community, yet the panel sees its dispute whole; someone never invited does not
    const panelView = await call('lawyerB', 'GET', `/mediation/panel/disputes/${id}`);
    expect(panelView.status).toBe(200);
    expect(((await panelView.json()) as Detail).timeline.map((e) => e.kind)).toContain('INVITATION_TIMED_OUT');
    expect((await call('lawyerB', 'GET', `/mediation/disputes/${id}`)).status).toBe(403);
    expect((await call('security', 'GET', `/mediation/panel/disputes/${id}`)).status).toBe(404);
    // and downloads the agreement there; nobody else does
    const panelPdf = await call('lawyerB', 'GET', `/mediation/panel/disputes/${id}/agreement.pdf`);
    expect(panelPdf.status).toBe(200);
    expect(panelPdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await panelPdf.arrayBuffer()).equals(readFileSync(file))).toBe(true);
    for (const outsider of ['security', 'gridWorkerG2'])
      expect((await call(outsider, 'GET', `/mediation/panel/disputes/${id}/agreement.pdf`)).status).toBe(404);
    const mine = (await (await call('lawyerA', 'GET', '/mediation/panel/disputes')).json()) as {
      items: { id: string }[];
    };
    expect(mine.items.map((d) => d.id)).toContain(id);
    expect((await call('gridWorkerG2', 'GET', `/mediation/disputes/${id}/agreement.pdf`)).status).toBe(404);
    const list = (await (
      await call('supervisorS1', 'GET', '/mediation/disputes?riskGrade=HIGH&pageSize=100')
    ).json()) as {
      items: { id: string }[];
    };
    expect(list.items.map((d) => d.id)).toContain(id);
    const audited = await db.query(
      "SELECT DISTINCT action FROM audit_entry WHERE entity_type = 'mediation_dispute' AND entity_id = $1",
      [id],
    );
    expect(audited.rows.map((r: { action: string }) => r.action)).toEqual(
      expect.arrayContaining(['mediation.intake', 'mediation.convened', 'mediation.agreed', 'mediation.agreement.pdf']),
    );
  });

  /** A resident request filed through the API (its workflow running) and accepted by the grid worker. */
  async function acceptedRequest(description: string): Promise<string> {
    const filed = await call('gridWorkerG1', 'POST', '/cases', {
      requestKey: `med-${randomUUID()}`,
      channel: 'HOTLINE',
      category: f.category,
      description,
      address: f.addresses.G1,
      reporterPhone: '13900000011',
    });
    expect(filed.status).toBe(201);
    const { id } = (await filed.json()) as { id: string };
    expect((await call('gridWorkerG1', 'POST', `/cases/${id}/accept`, {})).status).toBe(200);
    return id;
  }
  interface RequestDetail {
    status: string;
    convertedDisputeId: string | null;
    clocksStopReason: string | null;
    clocksStoppedAt: string | null;
    timeline: { kind: string }[];
    clocks: { name: string; state: string; stopReason?: string; disputeId?: string }[] | null;
  }
  const requestDetail = async (id: string) =>
    (await (await call('secretaryC1', 'GET', `/cases/${id}`)).json()) as RequestDetail;
  const caseEvents = async (caseId: string) =>
    Number((await db.query('SELECT count(*)::int AS n FROM case_event WHERE case_id = $1', [caseId])).rows[0].n);

  it('a resident request converted to a dispute stops its clocks, whose mediation fails and is referred to labour arbitration', async () => {
    const caseId = await acceptedRequest('邻居拖欠工钱');
    const body = {
      ...labourDispute(f, p),
      intakeKey: `referral-${f.tag}`,
      source: 'REQUEST_CASE',
      requestCaseId: caseId,
      category: f.category,
      parties: [
        { kind: 'PERSON', name: '赵某', phone: '13900000011', address: '幸福路1号' },
        { kind: 'PERSON', name: '钱某', address: '幸福路3号' },
      ],
      amountYuan: 20_000,
      gatheringThreat: false,
      violenceThreat: false,
      candidates: { police: [p.policeA] },
    };
    const created = await intake(body);
    // the same intake again (a retried POST): the same dispute, and the request converted once
    expect((await intake(body)).id).toBe(created.id);
    expect(
      (await db.query('SELECT count(*)::int AS n FROM mediation_dispute WHERE request_case_id = $1', [caseId])).rows[0]
        .n,
    ).toBe(1);
    const request = await eventually(async () => {
      const d = await requestDetail(caseId);
      return d.clocks ? d : undefined;
    }, 'the converted request with its clocks');
    expect(request).toMatchObject({
      status: 'CONVERTED',
      convertedDisputeId: created.id,
      clocksStopReason: '转入矛盾调解',
      clocksStoppedAt: expect.any(String),
    });
    expect(request.timeline.map((e) => e.kind).filter((k) => k.startsWith('CONVERTED'))).toEqual([
      'CONVERTED_TO_MEDIATION',
      'CONVERTED',
    ]);
    const resolution = request.clocks?.find((c) => c.name === 'resolution');
    expect(resolution).toMatchObject({ state: 'stopped', stopReason: '转入矛盾调解', disputeId: created.id });
    expect(request.clocks?.filter((c) => c.state === 'running' || c.state === 'lapsed')).toEqual([]);
    expect(
      (
        await db.query(
          "SELECT count(*)::int AS n FROM audit_entry WHERE entity_id = $1 AND action = 'case.converted'",
          [caseId],
        )
      ).rows[0].n,
    ).toBe(1);

    expect(created.riskGrade).toBe('LOW');
    const link = await db.query(
      "SELECT note, data FROM case_event WHERE case_id = $1 AND kind = 'CONVERTED_TO_MEDIATION'",
      [caseId],
    );
    expect(link.rows).toEqual([
      {
        note: `转入联调小组调解，纠纷编号 ${created.disputeNo}`,
        data: { disputeId: created.id, disputeNo: created.disputeNo },
      },
    ]);
    await answer('secretaryC1', created.id, 'secretary', true);
    await answer('policeA', created.id, 'police', true);
    await eventually(async () => (await detail(created.id)).status === 'CONVENED', 'the panel convened');
    const refused = await call('secretaryC1', 'POST', `/mediation/disputes/${created.id}/referral`, {
      to: 'DEPARTMENT',
      reason: '分歧过大',
      partiesNotice: '电话告知',
    });
    expect(refused.status).toBe(400);
    const referred = await call('secretaryC1', 'POST', `/mediation/disputes/${created.id}/referral`, {
      to: 'LABOUR_ARBITRATION',
      reason: '双方对补偿数额分歧过大，调解不成',
      partiesNotice: '已当面告知双方可申请劳动仲裁',
    });
    expect(referred.status).toBe(200);
    expect(await referred.json()).toMatchObject({ status: 'REFERRED', referral: { to: 'LABOUR_ARBITRATION' } });
    const again = await call('secretaryC1', 'POST', `/mediation/disputes/${created.id}/sessions`, {
      place: '调解室',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      message: expect.stringContaining('调解不成已移送'),
    });
    await eventually(
      async () =>
        (
          await db.query(
            "SELECT 1 FROM inbox_message WHERE template = 'mediation.progress' AND phone = '13900000011' AND dedup_key LIKE $1",
            [`mediation-${created.id}:referred%`],
          )
        ).rows.length > 0,
      'the party with a phone told of the referral',
    );
  });

  it('a request already closed is not converted: 409 in Chinese, and neither the dispute nor the request changes', async () => {
    const caseId = await acceptedRequest('楼上漏水');
    expect((await call('gridWorkerG1', 'POST', `/cases/${caseId}/handled`, { reply: '已修好' })).status).toBe(200);
    expect((await call('gridWorkerG1', 'POST', `/cases/${caseId}/close`, {})).status).toBe(200);
    const before = await caseEvents(caseId);
    const intakeKey = `closed-${randomUUID()}`;
    const refused = await call('secretaryC1', 'POST', '/mediation/disputes', {
      ...labourDispute(f, p),
      intakeKey,
      source: 'REQUEST_CASE',
      requestCaseId: caseId,
      category: f.category,
    });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      message: '诉求当前为「已办结」，不能转入矛盾调解',
    });
    expect(
      (await db.query('SELECT count(*)::int AS n FROM mediation_dispute WHERE intake_key = $1', [intakeKey])).rows[0].n,
    ).toBe(0);
    expect(await caseEvents(caseId)).toBe(before);
    expect(await requestDetail(caseId)).toMatchObject({
      status: 'CLOSED',
      convertedDisputeId: null,
      clocksStopReason: null,
    });
  });
});
