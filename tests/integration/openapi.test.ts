import type { INestApplication } from '@nestjs/common';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { buildDocumentOffline } from '../../scripts/openapi-offline';
import { startApi } from '../fixtures/test-app';
import { buildOrgFixture, login } from '../fixtures/org-fixture';

interface Response {
  description: string;
  content?: Record<string, { schema: Record<string, unknown> }>;
}
interface Operation {
  security?: unknown[];
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, Response>;
}
interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { required: string[]; properties: Record<string, unknown> }> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const operationsOf = (doc: OpenApiDoc) =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([m]) => METHODS.includes(m))
      .map(([method, op]) => ({ path, method, op, name: `${method.toUpperCase()} ${path}` })),
  );
const errorRef = { $ref: '#/components/schemas/ErrorBody' };

describe('OpenAPI document', () => {
  let api: { app: INestApplication; url: string };
  let doc: OpenApiDoc;
  let token: string;
  beforeAll(async () => {
    const fixture = await buildOrgFixture();
    api = await startApi();
    token = (await login(api.url, fixture.people.admin.username)).accessToken;
    doc = (await (await fetch(`${api.url}/api/docs-json`)).json()) as OpenApiDoc;
  });
  afterAll(() => api.app.close());

  it('is generated from the real controllers, with request schemas from their zod validators', () => {
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/health', '/api/v1/wiring-checks', '/api/v1/wiring-checks/{workflowId}']),
    );
    const body = (
      doc.paths['/api/v1/wiring-checks'].post.requestBody as {
        content: Record<string, { schema: { required: string[]; properties: Record<string, unknown> } }>;
      }
    ).content['application/json'].schema;
    expect(body.required).toEqual(['note']);
    expect(body.properties.note).toMatchObject({ type: 'string', maxLength: 200 });
  });

  it('declares a success body schema for every operation (except 204) and the shared error body for every error status', () => {
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThanOrEqual(70);
    const missing: string[] = [];
    for (const { name, op } of ops) {
      const success = Object.entries(op.responses).filter(([s]) => /^2\d\d$/.test(s));
      if (!success.length) missing.push(`${name}: no 2xx`);
      for (const [status, response] of success) {
        if (status !== '204' && !response.content) missing.push(`${name}: ${status} without a body schema`);
      }
      for (const [status, response] of Object.entries(op.responses).filter(
        ([s]) => (/^[45]\d\d$/.test(s) && s !== '503') || (s === '503' && name !== 'GET /health'),
      )) {
        if (JSON.stringify(response.content?.['application/json']?.schema) !== JSON.stringify(errorRef))
          missing.push(`${name}: ${status} not ErrorBody`);
      }
      if (!op.responses['500']) missing.push(`${name}: no 500`);
      if ((op.parameters?.length || op.requestBody) && !op.responses['400']) missing.push(`${name}: input without 400`);
      if (op.security?.length && !op.responses['401']) missing.push(`${name}: bearer without 401`);
    }
    expect(missing).toEqual([]);
    expect([...doc.components.schemas.ErrorBody.required].sort()).toEqual(['code', 'correlationId', 'message']);
    expect(Object.keys(doc.components.schemas.ErrorBody.properties).sort()).toEqual([
      'code',
      'correlationId',
      'details',
      'message',
    ]);
  });

  it('declares the statuses specific routes answer: 403 for permissions, 409 conflicts, 423 lock, 429 attempts, 503 health', () => {
    expect(Object.keys(doc.paths['/api/v1/auth/login'].post.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '423', '500']),
    );
    expect(doc.paths['/api/v1/auth/login'].post.security ?? []).toEqual([]);
    expect(Object.keys(doc.paths['/api/v1/auth/code/verify'].post.responses)).toEqual(expect.arrayContaining(['429']));
    expect(Object.keys(doc.paths['/api/v1/org/units'].post.responses)).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '404', '409']),
    );
    expect(Object.keys(doc.paths['/health'].get.responses)).toEqual(expect.arrayContaining(['200', '503']));
  });

  it('is the same document without services as with them, and the committed client types match it', async () => {
    const offline = await buildDocumentOffline();
    expect(JSON.parse(JSON.stringify(offline))).toEqual(doc);
    const root = join(__dirname, '..', '..');
    const check = await promisify(execFile)(
      'npx',
      ['--no-install', 'ts-node', '-P', 'tsconfig.json', '--transpile-only', 'scripts/api-types.ts', '--check'],
      { cwd: root },
    ).then(
      () => 'up to date',
      (err: { stderr?: string }) => err.stderr?.trim() ?? String(err),
    );
    expect(check).toBe('up to date');
  }, 120_000);

  it('answers 405 with an Allow header and the error body for a method the path does not have', async () => {
    const res = await fetch(`${api.url}/api/v1/org/units`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, POST');
    const body = (await res.json()) as { code: string; message: string; correlationId: string };
    expect(body).toMatchObject({ code: 'METHOD_NOT_ALLOWED', correlationId: res.headers.get('x-correlation-id') });
    const withParam = await fetch(`${api.url}/api/v1/cases/${'0'.repeat(8)}-0000-0000-0000-000000000000/accept`, {
      method: 'GET',
    });
    expect(withParam.status).toBe(405);
    expect(withParam.headers.get('allow')).toBe('POST');
    // a concrete path is matched before a templated one: /people/positions is not /people/{id}
    const concrete = await fetch(`${api.url}/api/v1/people/positions`, {
      method: 'GET',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(concrete.status).toBe(405);
    expect(concrete.headers.get('allow')).toBe('POST');
    expect((await fetch(`${api.url}/api/v1/no-such-path`, { method: 'DELETE' })).status).toBe(404);
    expect(
      (await fetch(`${api.url}/api/v1/org/units`, { method: 'GET', headers: { authorization: `Bearer ${token}` } }))
        .status,
    ).toBe(200);
  });

  it('refuses a NUL character in the body, path or query with 400 and the error body, and creates nothing', async () => {
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const count = async () =>
      ((await (await fetch(`${api.url}/api/v1/org/units?pageSize=1`, { headers: auth })).json()) as { total: number })
        .total;
    const before = await count();
    const parent = (
      (await (await fetch(`${api.url}/api/v1/org/units?kind=DISTRICT`, { headers: auth })).json()) as {
        items: { id: string }[];
      }
    ).items[0].id;
    const refused = [
      await fetch(`${api.url}/api/v1/org/units`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ parentId: parent, kind: 'STREET', code: 'NUL-1', name: '空\u0000字符街道' }),
      }),
      await fetch(`${api.url}/api/v1/org/units`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ parentId: parent, kind: 'STREET', code: 'NUL-2', name: '街道', ['\u0000']: 1 }),
      }),
      await fetch(`${api.url}/api/v1/org/units/%00`, { headers: auth }),
      await fetch(`${api.url}/api/v1/org/address-lookup?address=%00`, { headers: auth }),
    ];
    for (const res of refused) {
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining('空字符'),
        correlationId: res.headers.get('x-correlation-id'),
      });
    }
    expect(await count()).toBe(before);
    const malformed = await fetch(`${api.url}/api/v1/org/units`, { method: 'POST', headers: auth, body: '{"name":' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ correlationId: malformed.headers.get('x-correlation-id') });
  });

  it('serves the interactive page', async () => {
    const res = await fetch(`${api.url}/api/docs`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('swagger');
  });
});
