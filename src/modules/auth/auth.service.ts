import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env.schema';
import { DomainError } from '../../common/errors/domain-error';
import type { Principal } from '../../common/auth/principal';
import { AuditService } from '../audit/audit.service';
import { NotificationService } from '../notification/notification.service';
import { signAccessToken, verifyAccessToken } from './access-token';
import { AuthRepository } from './auth.repository';
import { hashPassword, verifyPassword } from './password-hasher';
import { PrincipalLoader } from './principal.loader';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  tokenType: 'Bearer';
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
let dummyHash: Promise<string> | undefined;

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: AuthRepository,
    private readonly principals: PrincipalLoader,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
  ) {}

  async login(username: string, password: string): Promise<TokenPair> {
    const person = await this.repository.findByUsername(username);
    const now = new Date();
    if (person?.lockedUntil && person.lockedUntil > now) {
      throw new DomainError('ACCOUNT_LOCKED', `连续登录失败次数过多，账号已锁定至 ${person.lockedUntil.toISOString()}`);
    }
    // Unknown users still cost one hash, so timing does not reveal which usernames exist.
    const ok = await verifyPassword(
      password,
      person?.passwordHash ?? (await (dummyHash ??= hashPassword(randomUUID()))),
    );
    if (!person || !person.passwordHash || !ok) {
      if (person) await this.countFailure(person.id, person.failedLogins, now);
      throw new DomainError('INVALID_CREDENTIALS', '用户名或密码错误');
    }
    await this.repository.clearFailures(person.id);
    await this.audit.record({ action: 'auth.login', entityType: 'person', entityId: person.id, actorId: person.id });
    return this.issue(person.id, person.kind);
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const now = new Date();
    const stored = await this.repository.findRefreshToken(sha256(refreshToken));
    if (!stored) throw new DomainError('TOKEN_INVALID', '刷新令牌无效');
    if (stored.revokedAt) {
      // A revoked token presented again means it leaked: end every session of this person.
      await this.repository.revokeAllFor(stored.personId, now);
      throw new DomainError('TOKEN_REVOKED', '刷新令牌已被吊销，请重新登录');
    }
    if (stored.expiresAt <= now) throw new DomainError('TOKEN_EXPIRED', '刷新令牌已过期，请重新登录');
    const person = await this.repository.findPerson(stored.personId);
    if (!person) throw new DomainError('TOKEN_INVALID', '刷新令牌无效');
    const nextId = randomUUID();
    if (!(await this.repository.revokeIfLive(stored.id, nextId, now))) {
      throw new DomainError('TOKEN_REVOKED', '刷新令牌已被使用，请重新登录');
    }
    await this.audit.record({
      action: 'auth.refresh',
      entityType: 'refresh_token',
      entityId: stored.id,
      actorId: person.id,
      after: { replacedBy: nextId },
    });
    return this.issue(person.id, person.kind, nextId);
  }

  async logout(refreshToken: string): Promise<void> {
    const stored = await this.repository.findRefreshToken(sha256(refreshToken));
    if (!stored) throw new DomainError('TOKEN_INVALID', '刷新令牌无效');
    await this.repository.revokeIfLive(stored.id, null, new Date());
    await this.audit.record({
      action: 'auth.logout',
      entityType: 'person',
      entityId: stored.personId,
      actorId: stored.personId,
    });
  }

  async requestCode(phone: string): Promise<{ expiresIn: number }> {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const now = new Date();
    const outcome = await this.repository.createCodeWithinLimits(
      {
        phone,
        codeHash: sha256(`${phone}:${code}`),
        expiresAt: new Date(now.getTime() + this.config.OTP_TTL_SECONDS * 1000),
      },
      { now, resendSeconds: this.config.OTP_RESEND_SECONDS, maxPerHour: this.config.OTP_MAX_PER_HOUR },
    );
    if ('refused' in outcome && outcome.refused === 'TOO_FREQUENT')
      throw new DomainError('CODE_TOO_FREQUENT', `验证码发送过于频繁，请 ${outcome.retryAfterSeconds} 秒后再试`, {
        retryAfterSeconds: outcome.retryAfterSeconds,
      });
    if ('refused' in outcome)
      throw new DomainError('CODE_HOURLY_LIMIT', '该手机号一小时内获取验证码次数已达上限，请稍后再试');
    const row = outcome.created;
    await this.notifications.notify({
      recipients: [{ phone }],
      template: 'auth.one-time-code',
      data: { code, minutes: Math.round(this.config.OTP_TTL_SECONDS / 60) },
      options: { dedupKey: `otp:${row.id}`, urgency: 'URGENT' },
    });
    await this.audit.record({
      action: 'auth.code.request',
      entityType: 'one_time_code',
      entityId: row.id,
      after: { phone },
    });
    return { expiresIn: this.config.OTP_TTL_SECONDS };
  }

  async verifyCode(phone: string, code: string): Promise<TokenPair> {
    const now = new Date();
    const latest = await this.repository.latestCode(phone);
    if (!latest) throw new DomainError('CODE_INVALID', '验证码错误');
    if (latest.consumedAt) throw new DomainError('CODE_USED', '验证码已使用，请重新获取');
    if (latest.expiresAt <= now) throw new DomainError('CODE_EXPIRED', '验证码已过期，请重新获取');
    if (latest.attempts >= this.config.OTP_MAX_ATTEMPTS)
      throw new DomainError('TOO_MANY_ATTEMPTS', '验证码尝试次数过多，请重新获取');
    if (latest.codeHash !== sha256(`${phone}:${code}`)) {
      await this.repository.countAttempt(latest.id);
      throw new DomainError('CODE_INVALID', '验证码错误');
    }
    if (!(await this.repository.consumeCode(latest.id, now)))
      throw new DomainError('CODE_USED', '验证码已使用，请重新获取');
    const person =
      (await this.repository.findByPhone(phone)) ??
      (await this.repository.createResident(phone, `居民${phone.slice(-4)}`));
    await this.audit.record({
      action: 'auth.login-code',
      entityType: 'person',
      entityId: person.id,
      actorId: person.id,
    });
    return this.issue(person.id, person.kind);
  }

  async authenticate(bearer: string): Promise<Principal> {
    const claims = verifyAccessToken(this.config.AUTH_TOKEN_SECRET, bearer, Date.now());
    const principal = await this.principals.load(claims.sub);
    if (!principal) throw new DomainError('TOKEN_INVALID', '访问令牌对应的人员不存在');
    return principal;
  }

  private async issue(
    personId: string,
    kind: 'STAFF' | 'RESIDENT',
    refreshId: string = randomUUID(),
  ): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    await this.repository.createRefreshToken({
      id: refreshId,
      personId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
    });
    const ttl = this.config.ACCESS_TOKEN_TTL_SECONDS;
    return {
      accessToken: signAccessToken(this.config.AUTH_TOKEN_SECRET, personId, kind, ttl, Date.now()),
      refreshToken,
      expiresIn: ttl,
      tokenType: 'Bearer',
    };
  }

  private async countFailure(personId: string, failuresSoFar: number, now: Date): Promise<void> {
    const lock =
      failuresSoFar + 1 >= this.config.LOGIN_MAX_FAILURES
        ? new Date(now.getTime() + this.config.LOGIN_LOCK_MINUTES * 60_000)
        : null;
    await this.repository.recordFailure(personId, lock);
    if (lock)
      await this.audit.record({
        action: 'auth.locked',
        entityType: 'person',
        entityId: personId,
        after: { lockedUntil: lock },
      });
  }
}
