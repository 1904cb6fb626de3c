import type { INestApplication } from '@nestjs/common';
import { startApi } from '../fixtures/test-app';

interface OpenApiDoc {
  paths: Record<string, { post: { requestBody: { content: Record<string, { schema: { required: string[]; properties: Record<string, unknown> } }> } } }>;
}

describe('OpenAPI document', () => {
  let api: { app: INestApplication; url: string };
  beforeAll(async () => { api = await startApi(); });
  afterAll(() => api.app.close());

  it('is generated from the real controllers, with request schemas from their zod validators', async () => {
    const res = await fetch(`${api.url}/api/docs-json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as OpenApiDoc;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health', '/api/v1/wiring-checks', '/api/v1/wiring-checks/{workflowId}']));
    const body = doc.paths['/api/v1/wiring-checks'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(['note']);
    expect(body.properties.note).toMatchObject({ type: 'string', maxLength: 200 });
  });

  it('serves the interactive page', async () => {
    const res = await fetch(`${api.url}/api/docs`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('swagger');
  });
});
