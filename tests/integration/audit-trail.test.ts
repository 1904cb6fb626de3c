import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { startApi } from '../fixtures/test-app';
import { authed, buildOrgFixture, login, OrgFixture } from '../fixtures/org-fixture';

describe('audit trail', () => {
  let api: { app: INestApplication; url: string };
  let f: OrgFixture;
  let db: Client;

  beforeAll(async () => {
    [api, f] = await Promise.all([startApi(), buildOrgFixture()]);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(() => Promise.all([api?.app.close(), db?.end()]));

  it('records who, what, when, from where, before/after and the correlation id of a change', async () => {
    const { accessToken } = await login(api.url, f.people.supervisorS1.username);
    const res = await fetch(
      `${api.url}/api/v1/communities/${f.units.C1.id}/duties/${f.dutyCode}`,
      authed(accessToken, {
        method: 'PUT',
        body: JSON.stringify({ marking: 'DUTY' }),
        headers: { 'x-correlation-id': `audit-${f.tag}`, 'user-agent': 'jest-audit' },
      }),
    );
    expect(res.status).toBe(200);
    const { rows } = await db.query('SELECT * FROM audit_entry WHERE correlation_id = $1', [`audit-${f.tag}`]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'duty.marking.set',
      actor_id: f.people.supervisorS1.id,
      actor_roles: ['SUPERVISOR'],
      unit_id: f.units.C1.id,
      before: null,
      after: expect.objectContaining({ marking: 'DUTY' }),
      user_agent: 'jest-audit',
      ip: expect.stringMatching(/127\.0\.0\.1/),
    });
  });

  it('refuses UPDATE, DELETE and TRUNCATE, even for the table owner', async () => {
    await expect(db.query("UPDATE audit_entry SET action = 'forged'")).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_entry')).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE audit_entry')).rejects.toThrow(/append-only/);
    const { rows } = await db.query("SELECT count(*)::int AS n FROM audit_entry WHERE action = 'forged'");
    expect(rows[0].n).toBe(0);
  });

  it('lets a supervisor read and export only their subtree, as CSV', async () => {
    const { accessToken } = await login(api.url, f.people.supervisorS1.username);
    const list = (await (
      await fetch(`${api.url}/api/v1/audit?entityType=fixture&pageSize=200`, authed(accessToken))
    ).json()) as { items: { action: string }[]; total: number };
    const actions = list.items.map((i) => i.action);
    expect(actions).toContain(`fixture.home-${f.tag}`);
    expect(actions).not.toContain(`fixture.away-${f.tag}`);
    const csv = await fetch(`${api.url}/api/v1/audit/export?entityType=fixture`, authed(accessToken));
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM, so Excel reads UTF-8
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      '编号,时间,操作人,操作人岗位,操作,对象类型,对象编号,所属单元,变更前,变更后,IP,客户端,关联编号,流程编号',
    );
    expect(text).toContain(`fixture.home-${f.tag}`);
    expect(text).not.toContain(`fixture.away-${f.tag}`);
  });
});
