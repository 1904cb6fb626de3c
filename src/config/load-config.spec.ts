import { LOCAL_WEBHOOK_SECRET } from './env.schema';
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
    expect(() => loadConfig({ ...valid, DATABASE_URL: undefined, PORT: 'eighty' })).toThrow(
      /DATABASE_URL.*PORT|PORT.*DATABASE_URL/,
    );
  });

  it('refuses a short token secret', () => {
    expect(() => loadConfig({ ...valid, AUTH_TOKEN_SECRET: 'short' })).toThrow(/AUTH_TOKEN_SECRET/);
  });

  it('rejects a Redis URL given for the database', () => {
    expect(() => loadConfig({ ...valid, DATABASE_URL: 'redis://x:1' })).toThrow(/DATABASE_URL/);
  });

  describe('in production', () => {
    const production = {
      ...valid,
      NODE_ENV: 'production',
      AUTH_TOKEN_SECRET: '9f2c4e7a1b8d3f6e0a5c2b9d4e7f1a3c',
      NOTIFY_WEBHOOK_SECRET: 'a7Kq2mZ9xT4vB8nR',
    };

    it('starts with explicitly set, non-default secrets', () => {
      expect(loadConfig(production)).toMatchObject({
        NODE_ENV: 'production',
        NOTIFY_WEBHOOK_SECRET: 'a7Kq2mZ9xT4vB8nR',
      });
    });

    it('refuses a missing webhook secret instead of falling back to the local default', () => {
      expect(() => loadConfig({ ...production, NOTIFY_WEBHOOK_SECRET: undefined })).toThrow(
        /NOTIFY_WEBHOOK_SECRET: 生产环境必须显式设置 NOTIFY_WEBHOOK_SECRET/,
      );
    });

    it('refuses the local webhook secret given explicitly', () => {
      expect(() => loadConfig({ ...production, NOTIFY_WEBHOOK_SECRET: LOCAL_WEBHOOK_SECRET })).toThrow(
        /NOTIFY_WEBHOOK_SECRET: 生产环境不能使用本地开发默认值/,
      );
    });

    it('refuses a missing token secret, and a placeholder one', () => {
      expect(() => loadConfig({ ...production, AUTH_TOKEN_SECRET: undefined })).toThrow(
        /AUTH_TOKEN_SECRET: 生产环境必须显式设置 AUTH_TOKEN_SECRET/,
      );
      expect(() => loadConfig({ ...production, AUTH_TOKEN_SECRET: 'x'.repeat(32) })).toThrow(
        /AUTH_TOKEN_SECRET: 生产环境的 AUTH_TOKEN_SECRET 过于简单/,
      );
    });

    it('names both variables when both secrets are missing', () => {
      expect(() =>
        loadConfig({ ...production, AUTH_TOKEN_SECRET: undefined, NOTIFY_WEBHOOK_SECRET: undefined }),
      ).toThrow(/AUTH_TOKEN_SECRET[\s\S]*NOTIFY_WEBHOOK_SECRET/);
    });
  });

  it('keeps the local defaults outside production', () => {
    for (const NODE_ENV of ['development', 'test', undefined]) {
      expect(loadConfig({ ...valid, NODE_ENV, AUTH_TOKEN_SECRET: 'x'.repeat(32) })).toMatchObject({
        NOTIFY_WEBHOOK_SECRET: LOCAL_WEBHOOK_SECRET,
      });
    }
  });
});
