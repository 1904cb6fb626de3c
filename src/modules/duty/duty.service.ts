import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import type { DutyMarking } from '../../generated/prisma/enums';
import { AuditService } from '../audit/audit.service';
import { OrgRepository } from '../org/org.repository';
import { DutyRepository } from './duty.repository';

export interface AssignmentRuling {
  allowed: boolean;
  marking: DutyMarking | null;
  rule: 'COMMUNITY_OVERRIDE' | 'DISTRICT_DEFAULT' | 'NOT_ON_LIST';
  reason: string;
}

const markingLabel: Record<DutyMarking, string> = { DUTY: '职责事项', COOPERATION: '配合事项' };

/** 权责清单: what may be assigned to a community, and why. Work not on the list is refused (基层减负). */
@Injectable()
export class DutyService {
  constructor(
    private readonly duties: DutyRepository,
    private readonly org: OrgRepository,
    private readonly audit: AuditService,
  ) {}

  async mayAssign(communityId: string, taskCode: string): Promise<AssignmentRuling> {
    await this.requireCommunity(communityId);
    const item = await this.duties.item(taskCode);
    if (!item) {
      return {
        allowed: false,
        marking: null,
        rule: 'NOT_ON_LIST',
        reason: `「${taskCode}」不在社区权责清单内，不得派给社区（基层减负）`,
      };
    }
    const override = await this.duties.override(communityId, taskCode);
    const marking = override?.marking ?? item.defaultMarking;
    const rule = override ? 'COMMUNITY_OVERRIDE' : 'DISTRICT_DEFAULT';
    const source = override ? '本社区清单' : '全区清单';
    return { allowed: true, marking, rule, reason: `「${item.name}」在${source}中为${markingLabel[marking]}` };
  }

  async list(communityId: string) {
    await this.requireCommunity(communityId);
    const items = await this.duties.itemsWithOverrides(communityId);
    return items.map((i) => ({
      code: i.code,
      name: i.name,
      defaultMarking: i.defaultMarking,
      marking: i.communities[0]?.marking ?? i.defaultMarking,
      overridden: i.communities.length > 0,
    }));
  }

  async setMarking(communityId: string, taskCode: string, marking: DutyMarking) {
    await this.requireCommunity(communityId);
    if (!(await this.duties.item(taskCode))) throw new DomainError('NOT_FOUND', `权责清单中没有事项 ${taskCode}`);
    const before = await this.duties.override(communityId, taskCode);
    return this.duties.transaction(async (tx) => {
      const after = await this.duties.setOverride(communityId, taskCode, marking, tx);
      await this.audit.record(
        {
          action: 'duty.marking.set',
          entityType: 'community_duty',
          entityId: `${communityId}:${taskCode}`,
          unitId: communityId,
          before,
          after,
        },
        tx,
      );
      return after;
    });
  }

  private async requireCommunity(communityId: string): Promise<void> {
    const unit = await this.org.findUnit(communityId);
    if (!unit || unit.kind !== 'COMMUNITY') throw new DomainError('UNKNOWN_UNIT', `社区 ${communityId} 不存在`);
  }
}
