import { Injectable } from '@nestjs/common';
import { pageOf, toSkipTake } from '../../common/http/pagination';
import { Permission } from '../../common/auth/permissions';
import type { Principal } from '../../common/auth/principal';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import type {
  CreatePairingDto,
  DeployDto,
  ListMembersQuery,
  ListPairingsQuery,
  ReportInDto,
} from './dto/programme.dto';
import { PairingRepository } from './pairing.repository';
import { ProgrammeRepository } from './programme.repository';
import { ProgrammeVisibilityService } from './programme-visibility.service';

const isSupervisor = (p: Principal) => p.positions.some((x) => x.role === 'SUPERVISOR' || x.role === 'ADMIN');

/** 结对 pairing of agencies' party organisations with communities, 报到 report-ins, and 分批下沉、调强补优 deployments. */
@Injectable()
export class PairingService {
  constructor(
    private readonly repository: PairingRepository,
    private readonly programme: ProgrammeRepository,
    private readonly visibility: ProgrammeVisibilityService,
    private readonly audit: AuditService,
  ) {}

  async pair(principal: Principal, dto: CreatePairingDto) {
    if (!isSupervisor(principal)) throw new DomainError('FORBIDDEN', '只有督导可以设置结对');
    await this.requireOrg(dto.partyOrgId);
    await this.requireCommunity(dto.communityId);
    try {
      return await this.repository.transaction(async (tx) => {
        const row = await this.repository.createPairing(
          { ...dto, liveKey: `${dto.partyOrgId}:${dto.communityId}`, createdBy: principal.personId },
          tx,
        );
        await this.audit.record(
          {
            action: 'programme.pairing.create',
            entityType: 'programme_pairing',
            entityId: row.id,
            unitId: dto.communityId,
            after: row,
          },
          tx,
        );
        return row;
      });
    } catch (err) {
      if (this.repository.isUniqueViolation(err)) throw new DomainError('CONFLICT', '该机关党组织已与该社区结对');
      throw err;
    }
  }

  async endPairing(principal: Principal, id: string) {
    if (!isSupervisor(principal)) throw new DomainError('FORBIDDEN', '只有督导可以解除结对');
    const row = await this.repository.pairing(id, await this.visibility.units(principal, Permission.ProgrammeManage));
    if (!row) throw new DomainError('NOT_FOUND', '结对不存在或不在您的管辖范围内');
    return this.repository.transaction(async (tx) => {
      if ((await this.repository.endPairing(id, tx)).count !== 1)
        throw new DomainError('ILLEGAL_TRANSITION', '该结对已解除');
      const after = { ...row, endedAt: new Date(), liveKey: null };
      await this.audit.record(
        {
          action: 'programme.pairing.end',
          entityType: 'programme_pairing',
          entityId: id,
          unitId: row.communityId,
          before: row,
          after,
        },
        tx,
      );
      return after;
    });
  }

  /** With both sides' names: an agency's members may not read the community's unit, yet serve in it. */
  async pairings(principal: Principal, q: ListPairingsQuery) {
    const units = await this.visibility.units(principal, Permission.ProgrammeRead);
    const [rows, total] = await this.repository.pairings(units, q, toSkipTake(q));
    const name = await this.unitNames(rows);
    const items = rows.map((r) => ({
      ...r,
      partyOrgName: name.get(r.partyOrgId) ?? '',
      communityName: name.get(r.communityId) ?? '',
    }));
    return pageOf(items, total, q);
  }

  /** A member reports in (报到) to the community they live in; the community confirms. One live report-in per member. */
  async reportIn(principal: Principal, dto: ReportInDto) {
    const [post] = await this.repository.memberPosts(principal.personId);
    if (!post) throw new DomainError('FORBIDDEN', '只有在职党员可以报到');
    await this.requireCommunity(dto.communityId);
    const live = await this.repository.liveReportIn(principal.personId);
    if (live) throw new DomainError('CONFLICT', '您已报到，调整报到社区请由本机关党组织书记调派');
    try {
      return await this.repository.transaction(async (tx) => {
        const row = await this.repository.createReportIn(
          {
            personId: principal.personId,
            partyOrgId: post.unitId,
            communityId: dto.communityId,
            liveKey: principal.personId,
          },
          tx,
        );
        await this.audit.record(
          {
            action: 'programme.report-in',
            entityType: 'member_report_in',
            entityId: row.id,
            unitId: dto.communityId,
            after: row,
          },
          tx,
        );
        return row;
      });
    } catch (err) {
      if (this.repository.isUniqueViolation(err))
        throw new DomainError('CONFLICT', '您已报到，调整报到社区请由本机关党组织书记调派');
      throw err;
    }
  }

  async confirmReportIn(principal: Principal, id: string) {
    const units = await this.visibility.units(principal, Permission.ProgrammeManage);
    const row = await this.repository.reportIn(id, units);
    if (!row || (units && !units.includes(row.communityId)))
      throw new DomainError('NOT_FOUND', '报到记录不存在或不在您的管辖范围内');
    return this.repository.transaction(async (tx) => {
      if ((await this.repository.confirmReportIn(id, principal.personId, tx)).count !== 1)
        throw new DomainError('ILLEGAL_TRANSITION', '该报到已确认或已结束');
      const after = { ...row, status: 'CONFIRMED' as const, confirmedBy: principal.personId };
      await this.audit.record(
        {
          action: 'programme.report-in.confirm',
          entityType: 'member_report_in',
          entityId: id,
          unitId: row.communityId,
          before: row,
          after,
        },
        tx,
      );
      return after;
    });
  }

  /**
   * 分批下沉、调强补优: the agency sends members to a community in a batch. A member already serving elsewhere (or in
   * another batch) has that report-in ended with the reason and a new one opened, so the history stays.
   */
  async deploy(principal: Principal, dto: DeployDto) {
    const agencyId = await this.requireOrg(dto.partyOrgId);
    const units = await this.visibility.units(principal, Permission.ProgrammeServe).catch(() => undefined);
    const mayDeploy =
      isSupervisor(principal) ||
      principal.positions.some((p) => p.role === 'AGENCY_SECRETARY' && (units ?? []).includes(dto.partyOrgId));
    if (!mayDeploy) throw new DomainError('FORBIDDEN', '只有本机关党组织书记或督导可以调派党员');
    await this.requireCommunity(dto.communityId);
    for (const memberId of dto.memberIds)
      if (!(await this.programme.serves(memberId, agencyId)))
        throw new DomainError('VALIDATION_FAILED', `党员 ${memberId} 不是本机关的在职党员`);
    return this.repository.transaction(async (tx) => {
      const rows = [];
      for (const personId of [...new Set(dto.memberIds)]) {
        const live = await this.repository.liveReportIn(personId, tx);
        if (live && live.communityId === dto.communityId && live.batch === dto.batch) {
          rows.push(live);
          continue;
        }
        if (live) await this.repository.endReportIn(live.id, dto.reason ?? `第 ${dto.batch} 批调派`, tx);
        const row = await this.repository.createReportIn(
          { personId, partyOrgId: dto.partyOrgId, communityId: dto.communityId, batch: dto.batch, liveKey: personId },
          tx,
        );
        await this.audit.record(
          {
            action: 'programme.deploy',
            entityType: 'member_report_in',
            entityId: row.id,
            unitId: dto.communityId,
            before: live,
            after: row,
          },
          tx,
        );
        rows.push(row);
      }
      return rows;
    });
  }

  /** Members' report-in state, service count and hours, for the agency secretary and the community. */
  async members(principal: Principal, q: ListMembersQuery) {
    const units = await this.visibility.units(principal, Permission.ProgrammeRead);
    const named = q.q ? await this.repository.peopleNamed(q.q) : undefined;
    const [rows, total] = await this.repository.reportIns(units, q, named, toSkipTake(q));
    const ids = [...new Set(rows.map((r) => r.personId))];
    const [people, service, unitName] = await Promise.all([
      this.repository.people(ids),
      this.repository.serviceOf(ids),
      this.unitNames(rows),
    ]);
    const names = new Map(people.map((p) => [p.id, p.name]));
    const items = rows.map((r) => ({
      ...r,
      personName: names.get(r.personId) ?? '',
      partyOrgName: unitName.get(r.partyOrgId) ?? '',
      communityName: unitName.get(r.communityId) ?? '',
      serviceCount: service.get(r.personId)?.count ?? 0,
      serviceHours: service.get(r.personId)?.hours ?? 0,
    }));
    return pageOf(items, total, q);
  }

  /** Both sides' names: an agency's members may not read the community's unit, yet serve in it. */
  private async unitNames(rows: { partyOrgId: string; communityId: string }[]) {
    const units = await this.repository.unitNames([...new Set(rows.flatMap((r) => [r.partyOrgId, r.communityId]))]);
    return new Map(units.map((u) => [u.id, u.name]));
  }

  private async requireOrg(orgId: string): Promise<string> {
    const agencyId = await this.programme.agencyOf(orgId);
    if (!agencyId) throw new DomainError('VALIDATION_FAILED', '须为机关党组织（或区直机关）');
    return agencyId;
  }

  private async requireCommunity(id: string) {
    if ((await this.programme.unit(id))?.kind !== 'COMMUNITY') throw new DomainError('VALIDATION_FAILED', '须为社区');
  }
}
