import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env.schema';
import { RedisService } from '../../infra/redis/redis.service';
import { Permission, rolePermissions } from '../../common/auth/permissions';
import type { Principal } from '../../common/auth/principal';
import { AuditService } from '../audit/audit.service';
import { PrincipalLoader } from '../auth/principal.loader';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
export const TICKET_TTL_SECONDS = 60;
export const SESSION_TTL_SECONDS = 15 * 60;

export type DashboardAccess =
  | { ok: true; principal: Principal }
  | { ok: false; status: 401 | 403; code: 'UNAUTHENTICATED' | 'FORBIDDEN'; message: string };

const digest = (secret: string) => createHash('sha256').update(secret).digest('hex');
const mayDiagnose = (p: Principal) =>
  p.positions.some((pos) => rolePermissions[pos.role].includes(Permission.SystemDiagnose));

/**
 * A browser cannot send `Authorization` on a navigation, so the console trades its bearer token for a ticket
 * (single use, a minute) that the dashboard's first page exchanges for an httpOnly cookie session (15 minutes,
 * scoped to the dashboard's path). Redis keeps only digests; GETDEL makes a replayed ticket find nothing. The person's
 * positions are re-read on every request, so an administrator who loses the post loses the dashboard at once.
 */
@Injectable()
export class QueueDashboardAccessService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisService,
    private readonly principals: PrincipalLoader,
    private readonly audit: AuditService,
  ) {}

  async issueTicket(principal: Principal): Promise<{ ticket: string; url: string; expiresInSeconds: number }> {
    const ticket = randomBytes(32).toString('base64url');
    await this.client().then((c) => c.set(this.key('ticket', ticket), principal.personId, 'EX', TICKET_TTL_SECONDS));
    await this.audit.record({ action: 'queue-dashboard.ticket', entityType: 'queue-dashboard' });
    return {
      ticket,
      url: `${QUEUE_DASHBOARD_PATH}?ticket=${encodeURIComponent(ticket)}`,
      expiresInSeconds: TICKET_TTL_SECONDS,
    };
  }

  /** Spends the ticket (once) and opens a cookie session for its holder, if they may still see the dashboard. */
  async redeemTicket(ticket: string): Promise<DashboardAccess & { session?: string }> {
    const personId = await this.client().then((c) => c.getdel(this.key('ticket', ticket)));
    if (!personId) return refused(403, 'FORBIDDEN', '队列看板的访问凭证无效、已过期或已被使用，请从控制台重新打开');
    const access = await this.accessOf(personId);
    if (!access.ok) return access;
    const session = randomBytes(32).toString('base64url');
    await this.client().then((c) => c.set(this.key('session', session), personId, 'EX', SESSION_TTL_SECONDS));
    return { ...access, session };
  }

  async checkSession(session: string | undefined): Promise<DashboardAccess> {
    if (!session) return refused(401, 'UNAUTHENTICATED', '请从控制台的「队列看板」入口打开（需管理员登录）');
    const personId = await this.client().then((c) => c.get(this.key('session', session)));
    if (!personId) return refused(401, 'UNAUTHENTICATED', '队列看板会话已过期，请从控制台重新打开');
    return this.accessOf(personId);
  }

  private async accessOf(personId: string): Promise<DashboardAccess> {
    const principal = await this.principals.load(personId);
    if (!principal || !mayDiagnose(principal)) return refused(403, 'FORBIDDEN', '只有系统管理员可以查看队列看板');
    return { ok: true, principal };
  }

  private key(kind: 'ticket' | 'session', secret: string): string {
    return `${this.config.QUEUE_PREFIX}:queue-dashboard:${kind}:${digest(secret)}`;
  }

  private async client() {
    if (this.redis.client.status === 'wait') await this.redis.client.connect();
    return this.redis.client;
  }
}

const refused = (status: 401 | 403, code: 'UNAUTHENTICATED' | 'FORBIDDEN', message: string): DashboardAccess => ({
  ok: false,
  status,
  code,
  message,
});
