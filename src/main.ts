import 'reflect-metadata';
import { loadConfig } from './config/load-config';
import { logger } from './common/logging/logger';
import { createApi } from './create-api';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await createApi(config);
  await app.listen(config.PORT, config.HOST);
  logger.info(
    { url: `http://${config.HOST}:${config.PORT}`, docs: `http://${config.HOST}:${config.PORT}/api/docs` },
    'API 已启动',
  );
}

bootstrap().catch((err: unknown) => {
  logger.fatal({ err }, 'API 启动失败');
  process.exit(1);
});
