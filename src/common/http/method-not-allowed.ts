import type { NextFunction, Request, Response } from 'express';
import { toErrorBody } from '../errors/to-error-body';
import { DomainError } from '../errors/domain-error';
import { correlationIdOf } from './correlation-id.middleware';

interface RouteMethods {
  pattern: RegExp;
  methods: Set<string>;
  params: number;
}

/** `/api/v1/cases/{id}/accept` → a regex matching that path with any one segment for `{id}` (and an optional trailing slash). */
const patternOf = (path: string) =>
  new RegExp(
    `^${path
      .split(/\{[^}]+\}/)
      .map((s) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
      .join('[^/]+')}/?$`,
  );

/**
 * Answers 405 with an `Allow` header (and the error body) when a path exists but not with the request's method,
 * instead of the router's 404. The routes are the OpenAPI document's paths, so the two cannot disagree.
 */
export function methodNotAllowed(paths: Record<string, object>) {
  const routes: RouteMethods[] = Object.entries(paths).map(([path, operations]) => {
    const methods = new Set(Object.keys(operations).map((m) => m.toUpperCase()));
    if (methods.has('GET')) methods.add('HEAD');
    return { pattern: patternOf(path), methods, params: (path.match(/\{/g) ?? []).length };
  });
  return (req: Request, res: Response, next: NextFunction): void => {
    const path = req.path;
    const candidates = routes.filter((r) => r.pattern.test(path));
    // as OpenAPI matches: a concrete path (`/people/positions`) before a templated one (`/people/{id}`)
    const fewest = Math.min(...candidates.map((r) => r.params));
    const matching = candidates.filter((r) => r.params === fewest);
    if (!matching.length || matching.some((r) => r.methods.has(req.method))) return next();
    const allow = [...new Set(matching.flatMap((r) => [...r.methods]))].sort();
    const { status, body } = toErrorBody(
      new DomainError('METHOD_NOT_ALLOWED', `该地址不支持 ${req.method} 方法，可用方法：${allow.join(', ')}`, {
        allow,
      }),
      correlationIdOf(req),
    );
    res.setHeader('allow', allow.join(', '));
    res.status(status).json(body);
  };
}
