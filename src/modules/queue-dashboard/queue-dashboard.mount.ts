import type { INestApplication } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NextFunction, Request, Response } from 'express';
import { QueueName } from '../../infra/queue/job-catalog';
import { JobQueueService } from '../../infra/queue/job-queue.service';
import {
  QUEUE_DASHBOARD_PATH,
  QueueDashboardAccessService,
  SESSION_TTL_SECONDS,
  type DashboardAccess,
} from './queue-dashboard-access.service';

export const DASHBOARD_COOKIE = 'govflow_qd';

/**
 * bull-board's page loads its own script and CSS files from /admin/queues/static and calls /admin/queues/api; its
 * only inline script is a JSON data block, which CSP does not execute. Its Google Fonts link is left blocked (the
 * page falls back to system fonts) rather than opening the page to another host. Applies to this path only.
 */
export const QUEUE_DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function cookieOf(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === DASHBOARD_COOKIE) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

function refuse(req: Request, res: Response, access: Extract<DashboardAccess, { ok: false }>): void {
  const correlationId = (req as Request & { correlationId?: string }).correlationId;
  res.status(access.status).json({ code: access.code, message: access.message, correlationId });
}

/** The dashboard for every BullMQ queue at /admin/queues, open only to an administrator's cookie session. */
export function mountQueueDashboard(app: INestApplication): void {
  const queues = app.get(JobQueueService);
  const access = app.get(QueueDashboardAccessService);
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map((name) => new BullMQAdapter(queues.queue(name))),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'govflow 队列看板' } },
  });

  const guard = (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('content-security-policy', QUEUE_DASHBOARD_CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('cache-control', 'no-store');
    const ticket = typeof req.query.ticket === 'string' ? req.query.ticket : undefined;
    const run = async () => {
      if (ticket) {
        const redeemed = await access.redeemTicket(ticket);
        if (!redeemed.ok) return refuse(req, res, redeemed);
        res.cookie(DASHBOARD_COOKIE, redeemed.session, {
          httpOnly: true,
          sameSite: 'strict',
          secure: req.secure,
          path: QUEUE_DASHBOARD_PATH,
          maxAge: SESSION_TTL_SECONDS * 1000,
        });
        // the ticket leaves the address bar (and history) at once
        return res.redirect(303, `${QUEUE_DASHBOARD_PATH}/`);
      }
      const session = await access.checkSession(cookieOf(req));
      if (!session.ok) return refuse(req, res, session);
      next();
    };
    run().catch(next);
  };
  app.use(QUEUE_DASHBOARD_PATH, guard, serverAdapter.getRouter());
}
