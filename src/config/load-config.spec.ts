import { loadConfig } from './load-config';

const valid = {
  DATABASE_URL: 'postgresql://u@127.0.0.1:5432/db',
  REDIS_URL: 'redis://127.0.0.1:6379',
  TEMPORAL_ADDRESS: '127.0.0.1:7233',
  AUTH_TOKEN_SECRET: 'x'.repeat(32),
};

describe('loadConfig', () => {
  it('applies defaults to a minimal environment', () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({ PORT: 3000, TEMPORAL_NAMESPACE: 'default', TEMPORAL_TASK_QUEUE: 'govflow' });
  });

  it('names each missing or malformed variable', () => {
    expect(() => loadConfig({ ...valid, DATABASE_URL: undefined, PORT: 'eighty' }))
      .toThrow(/DATABASE_URL.*PORT|PORT.*DATABASE_URL/);
  });

  it('refuses a short token secret', () => {
    expect(() => loadConfig({ ...valid, AUTH_TOKEN_SECRET: 'short' })).toThrow(/AUTH_TOKEN_SECRET/);
  });

  it('rejects a Redis URL given for the database', () => {
    expect(() => loadConfig({ ...valid, DATABASE_URL: 'redis://x:1' })).toThrow(/DATABASE_URL/);
  });
});
