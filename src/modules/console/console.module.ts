import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { NextFunction, Request, Response } from 'express';
import { projectRoot } from '../../infra/local-stack/paths';
import { CONSOLE_CSP, setConsoleHeaders } from './console-headers';

export const CONSOLE_ROOT = '/console';
export const consoleDistDir = (): string => process.env.GOVFLOW_CONSOLE_DIST ?? join(projectRoot, 'console', 'dist');

/** Until the console is built, /console says how to build it (instead of a file-system error naming paths). */
@Module({})
class ConsoleNotBuiltModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply((_req: Request, res: Response, _next: NextFunction) => {
        res.status(503).setHeader('content-security-policy', CONSOLE_CSP);
        res
          .type('text/plain; charset=utf-8')
          .send('控制台尚未构建：请运行 npm start（或 bash scripts/console-build.sh）后重启服务。');
      })
      .forRoutes(CONSOLE_ROOT, `${CONSOLE_ROOT}/*path`);
  }
}

/**
 * The built console (console/dist) at /console, with its security headers; any other /console/* path answers
 * index.html so the browser's router can take it (deep links and reloads work).
 */
@Module({})
export class ConsoleModule {
  static forRoot(): DynamicModule {
    const rootPath = consoleDistDir();
    if (!existsSync(join(rootPath, 'index.html'))) return { module: ConsoleModule, imports: [ConsoleNotBuiltModule] };
    return {
      module: ConsoleModule,
      imports: [
        ServeStaticModule.forRoot({
          rootPath,
          serveRoot: CONSOLE_ROOT,
          renderPath: '/{*path}',
          serveStaticOptions: {
            index: 'index.html',
            fallthrough: true,
            setHeaders: (res: Response, path: string) => setConsoleHeaders(res, path),
          },
        }),
      ],
    };
  }
}
