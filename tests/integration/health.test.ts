import type { INestApplication } from '@nestjs/common';
import { freePort } from '../../src/infra/local-stack/ports';
import { startApi } from '../fixtures/test-app';
import type { HealthReport } from '../../src/modules/health/health.service';

describe('GET /health', () => {
  const apps: INestApplication[] = [];
  afterAll(() => Promise.all(apps.map((a) => a.close())));

  it('reports every dependency up, with its latency, when all are reachable', async () => {
    const { app, url } = await startApi();
    apps.push(app);
    const res = await fetch(`${url}/health`);
    const body = (await res.json()) as HealthReport;
    expect(res.status).toBe(200);
    for (const name of ['database', 'redis', 'temporal']) {
      expect(body.checks[name as keyof HealthReport['checks']]).toMatchObject({
        status: 'up',
        latencyMs: expect.any(Number),
      });
    }
  });

  it.each(['REDIS_URL', 'DATABASE_URL', 'TEMPORAL_ADDRESS'] as const)(
    'answers 503 and names the dependency when %s points nowhere',
    async (variable) => {
      const port = await freePort();
      const dead = {
        REDIS_URL: `redis://127.0.0.1:${port}`,
        DATABASE_URL: `postgresql://govflow@127.0.0.1:${port}/x`,
        TEMPORAL_ADDRESS: `127.0.0.1:${port}`,
      };
      const { app, url } = await startApi({ [variable]: dead[variable] });
      apps.push(app);
      const res = await fetch(`${url}/health`);
      const body = (await res.json()) as HealthReport;
      expect(res.status).toBe(503);
      const down = Object.entries(body.checks)
        .filter(([, c]) => c.status === 'down')
        .map(([n]) => n);
      expect(down).toEqual([{ REDIS_URL: 'redis', DATABASE_URL: 'database', TEMPORAL_ADDRESS: 'temporal' }[variable]]);
    },
  );
});
