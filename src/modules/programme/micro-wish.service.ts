import { pageOf, toSkipTake } from '../../common/http/pagination';
import { Injectable } from '@nestjs/common';
import { Permission } from '../../common/auth/permissions';
import type { Principal } from '../../common/auth/principal';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import type { CreateWishDto, ListWishesQuery } from './dto/programme.dto';
import { MicroWishRepository } from './micro-wish.repository';
import { ProgrammeRepository } from './programme.repository';
import { ProgrammeVisibilityService } from './programme-visibility.service';

const statusLabel = { OPEN: '待认领', CLAIMED: '已被认领', FULFILLED: '已实现' } as const;

/** 微心愿: a community publishes, a member (for their agency) claims once, may release before fulfilment; the resident confirms. */
@Injectable()
export class MicroWishService {
  constructor(
    private readonly wishes: MicroWishRepository,
    private readonly programme: ProgrammeRepository,
    private readonly visibility: ProgrammeVisibilityService,
    private readonly audit: AuditService,
  ) {}

  async publish(principal: Principal, dto: CreateWishDto) {
    if ((await this.programme.unit(dto.communityId))?.kind !== 'COMMUNITY')
      throw new DomainError('VALIDATION_FAILED', '微心愿须发布到社区');
    if (Date.parse(dto.deadline) <= Date.now()) throw new DomainError('VALIDATION_FAILED', '截止时间须晚于现在');
    return this.wishes.transaction(async (tx) => {
      const row = await this.wishes.create(
        { ...dto, deadline: new Date(dto.deadline), createdBy: principal.personId },
        tx,
      );
      await this.audit.record(
        {
          action: 'programme.wish.publish',
          entityType: 'micro_wish',
          entityId: row.id,
          unitId: dto.communityId,
          after: row,
        },
        tx,
      );
      return row;
    });
  }

  async list(principal: Principal, q: ListWishesQuery) {
    const [items, total] = await this.wishes.list(await this.visibility.communities(principal), q, toSkipTake(q));
    return pageOf(items, total, q);
  }

  /** Claims for the member's own party organisation; of two racing claims exactly one wins. */
  async claim(principal: Principal, id: string) {
    const wish = await this.visible(principal, id);
    const orgId = await this.servingOrg(principal);
    return this.wishes.transaction(async (tx) => {
      if (!(await this.wishes.claim(id, principal.personId, orgId, tx))) {
        const now = await this.wishes.find(id, undefined, tx);
        if (now?.status === 'OPEN') throw new DomainError('ILLEGAL_TRANSITION', '该微心愿已过认领截止时间');
        throw new DomainError('WISH_ALREADY_CLAIMED', `该微心愿${statusLabel[now?.status ?? 'CLAIMED']}，不能重复认领`);
      }
      const after = await this.wishes.find(id, undefined, tx);
      await this.audit.record(
        {
          action: 'programme.wish.claim',
          entityType: 'micro_wish',
          entityId: id,
          unitId: wish.communityId,
          before: wish,
          after,
        },
        tx,
      );
      return after;
    });
  }

  async release(principal: Principal, id: string) {
    const wish = await this.visible(principal, id);
    return this.wishes.transaction(async (tx) => {
      if (!(await this.wishes.release(id, principal.personId, tx)))
        throw new DomainError('ILLEGAL_TRANSITION', '只有认领人可以在心愿实现前放弃认领');
      const after = await this.wishes.find(id, undefined, tx);
      await this.audit.record(
        {
          action: 'programme.wish.release',
          entityType: 'micro_wish',
          entityId: id,
          unitId: wish.communityId,
          before: wish,
          after,
        },
        tx,
      );
      return after;
    });
  }

  /** The resident the wish was published for confirms it came true; only then does it count. */
  async confirmFulfilled(principal: Principal, id: string) {
    const wish = await this.wishes.byResident(id, principal.phone);
    if (!wish) throw new DomainError('NOT_FOUND', '心愿不存在');
    return this.wishes.transaction(async (tx) => {
      if (!(await this.wishes.fulfil(id, principal.phone, tx)))
        throw new DomainError('ILLEGAL_TRANSITION', `该微心愿${statusLabel[wish.status]}，不能确认实现`);
      const after = await this.wishes.find(id, undefined, tx);
      await this.audit.record(
        {
          action: 'programme.wish.fulfil',
          entityType: 'micro_wish',
          entityId: id,
          unitId: wish.communityId,
          before: wish,
          after,
        },
        tx,
      );
      return after;
    });
  }

  private async visible(principal: Principal, id: string) {
    const wish = await this.wishes.find(id, await this.visibility.communities(principal));
    if (!wish) throw new DomainError('NOT_FOUND', '微心愿不存在或不在您的范围内');
    return wish;
  }

  /** The party organisation a member or secretary serves in: where the claim is counted. */
  private async servingOrg(principal: Principal): Promise<string> {
    const post = principal.positions.find((p) => p.role === 'PARTY_MEMBER' || p.role === 'AGENCY_SECRETARY');
    if (!post) throw new DomainError('FORBIDDEN', `只有机关党员可以认领微心愿（${Permission.ProgrammeServe}）`);
    return post.unitId;
  }
}
