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

  createCode(data: { phone: string; codeHash: string; expiresAt: Date }) {
    return this.prisma.oneTimeCode.create({ data });
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
