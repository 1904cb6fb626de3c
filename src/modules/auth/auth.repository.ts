import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../infra/prisma/prisma.service';

@Injectable()
export class AuthRepository {
  constructor(private readonly prisma: PrismaService) {}

  findByUsername(username: string) {
    return this.prisma.person.findUnique({ where: { username } });
  }

  findByPhone(phone: string) {
    return this.prisma.person.findUnique({ where: { phone } });
  }

  findPerson(id: string) {
    return this.prisma.person.findUnique({ where: { id } });
  }

  /** Positions held on `day`, with the kind and parent of each unit so scopes can be derived. */
  activePositions(personId: string, day: Date) {
    return this.prisma.position.findMany({
      where: { personId, startsOn: { lte: day }, OR: [{ endsOn: null }, { endsOn: { gte: day } }] },
      include: { unit: { select: { kind: true, parentId: true } } },
    });
  }

  recordFailure(personId: string, lockUntil: Date | null) {
    return this.prisma.person.update({
      where: { id: personId },
      data: { failedLogins: { increment: 1 }, ...(lockUntil ? { lockedUntil: lockUntil, failedLogins: 0 } : {}) },
    });
  }

  clearFailures(personId: string) {
    return this.prisma.person.update({ where: { id: personId }, data: { failedLogins: 0, lockedUntil: null } });
  }

  createResident(phone: string, name: string) {
    return this.prisma.person.upsert({ where: { phone }, create: { phone, name, kind: 'RESIDENT' }, update: {} });
  }

  createRefreshToken(data: { id: string; personId: string; tokenHash: string; expiresAt: Date }) {
    return this.prisma.refreshToken.create({ data });
  }

  findRefreshToken(tokenHash: string) {
    return this.prisma.refreshToken.findUnique({ where: { tokenHash } });
  }

  /** Revokes one token only if it is still live; false when someone else got there first. */
  async revokeIfLive(id: string, replacedById: string | null, now: Date): Promise<boolean> {
    const { count } = await this.prisma.refreshToken.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: now, replacedById },
    });
    return count === 1;
  }

  revokeAllFor(personId: string, now: Date) {
    return this.prisma.refreshToken.updateMany({ where: { personId, revokedAt: null }, data: { revokedAt: now } });
  }

  /**
   * Issues a code unless the phone had one too recently or too often. The per-phone advisory lock makes the check and
   * the insert one step, so two racing requests cannot both pass the limit.
   */
  createCodeWithinLimits(
    data: { phone: string; codeHash: string; expiresAt: Date },
    limits: { now: Date; resendSeconds: number; maxPerHour: number },
  ): Promise<
    { created: { id: string } } | { refused: 'TOO_FREQUENT'; retryAfterSeconds: number } | { refused: 'HOURLY' }
  > {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`otp:${data.phone}`}, 0))`;
      const hourAgo = new Date(limits.now.getTime() - 3_600_000);
      const recent = await tx.oneTimeCode.findMany({
        where: { phone: data.phone, createdAt: { gt: hourAgo } },
        orderBy: { createdAt: 'desc' },
        select: { createdAt: true },
      });
      const sinceLatest = recent[0] ? (limits.now.getTime() - recent[0].createdAt.getTime()) / 1000 : Infinity;
      if (sinceLatest < limits.resendSeconds)
        return { refused: 'TOO_FREQUENT' as const, retryAfterSeconds: Math.ceil(limits.resendSeconds - sinceLatest) };
      if (recent.length >= limits.maxPerHour) return { refused: 'HOURLY' as const };
      return {
        created: await tx.oneTimeCode.create({ data: { ...data, createdAt: limits.now }, select: { id: true } }),
      };
    });
  }

  latestCode(phone: string) {
    return this.prisma.oneTimeCode.findFirst({ where: { phone }, orderBy: { createdAt: 'desc' } });
  }

  countAttempt(id: string) {
    return this.prisma.oneTimeCode.update({ where: { id }, data: { attempts: { increment: 1 } } });
  }

  async consumeCode(id: string, now: Date): Promise<boolean> {
    const { count } = await this.prisma.oneTimeCode.updateMany({
      where: { id, consumedAt: null },
      data: { consumedAt: now },
    });
    return count === 1;
  }
}
