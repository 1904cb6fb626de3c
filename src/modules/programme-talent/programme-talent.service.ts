import { Injectable } from '@nestjs/common';
import { Permission } from '../../common/auth/permissions';
import type { Principal } from '../../common/auth/principal';
import { DomainError } from '../../common/errors/domain-error';
import { pageOf, toSkipTake } from '../../common/http/pagination';
import { cstYearOf, isWorkingDay, toCstDate } from '../../shared/calendar';
import { haversineMeters, type Point } from '../../shared/geo/haversine.util';
import {
  TALENT_AVAILABILITY,
  TALENT_AVAILABILITY_LABELS,
  TALENT_SKILLS,
  TALENT_SKILL_LABELS,
  talentSkillLabel,
} from '../../shared/process/programme-talent';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { ProgrammeRepository } from '../programme/programme.repository';
import { ProgrammeVisibilityService } from '../programme/programme-visibility.service';
import { ProgrammeYearService } from '../programme/programme-year.service';
import { ProgrammeTaskRepository } from '../programme-task/programme-task.repository';
import { ProgrammeTaskService } from '../programme-task/programme-task.service';
import type {
  CandidatesQuery,
  ChooseDto,
  ListNeedsQuery,
  PublishNeedDto,
  RegisterTalentDto,
} from './dto/programme-talent.dto';
import { ProgrammeTalentRepository } from './programme-talent.repository';

const DAY = 86_400_000;
type Need = NonNullable<Awaited<ReturnType<ProgrammeTalentRepository['need']>>>;
type Match = NonNullable<Awaited<ReturnType<ProgrammeTalentRepository['match']>>>;

/**
 * 人才超市: members and residents register skills where they live; a community publishes a need at a place; candidates
 * are ranked by distance; each chosen person becomes a quota task (a member carries it out, a resident helps).
 */
@Injectable()
export class ProgrammeTalentService {
  constructor(
    private readonly talents: ProgrammeTalentRepository,
    private readonly programme: ProgrammeRepository,
    private readonly visibility: ProgrammeVisibilityService,
    private readonly tasks: ProgrammeTaskService,
    private readonly taskRows: ProgrammeTaskRepository,
    private readonly calendars: CalendarService,
    private readonly years: ProgrammeYearService,
    private readonly audit: AuditService,
  ) {}

  catalogue() {
    return {
      skills: TALENT_SKILLS.map((code) => ({ code, label: TALENT_SKILL_LABELS[code] })),
      availability: TALENT_AVAILABILITY.map((code) => ({ code, label: TALENT_AVAILABILITY_LABELS[code] })),
    };
  }

  /** Registers (or updates) one of the caller's skills; the place is their address, or a member's report-in community. */
  async register(principal: Principal, dto: RegisterTalentDto) {
    const post = principal.positions.find((p) => p.role === 'PARTY_MEMBER' || p.role === 'AGENCY_SECRETARY');
    if (!post && principal.kind !== 'RESIDENT')
      throw new DomainError('FORBIDDEN', '只有在职党员和居民可以在人才超市登记技能');
    let where: { place: Point; communityId: string; streetId: string; addressText: string | null };
    if (dto.address) {
      const found = await this.placeOf(dto.address);
      where = { ...found, addressText: found.text };
    } else if (post) {
      const communityId = await this.programme.reportedCommunityOf(principal.personId);
      if (!communityId)
        throw new DomainError('VALIDATION_FAILED', '您尚未报到社区，请填写居住地址（已登记的门牌地址）');
      const place = await this.talents.communityCentre(communityId);
      const streetId = await this.talents.streetOf(communityId);
      if (!place || !streetId)
        throw new DomainError('VALIDATION_FAILED', '报到社区尚无定位信息，请填写居住地址（已登记的门牌地址）');
      where = { place, communityId, streetId, addressText: null };
    } else throw new DomainError('VALIDATION_FAILED', '请填写居住地址（已登记的门牌地址）');
    return this.talents.transaction(async (tx) => {
      const row = await this.talents.upsertTalent(
        { personId: principal.personId, skill: dto.skill },
        {
          holderKind: post ? 'MEMBER' : 'RESIDENT',
          note: dto.note ?? null,
          availability: dto.availability,
          partyOrgId: post?.unitId ?? null,
          communityId: where.communityId,
          streetId: where.streetId,
          addressText: where.addressText,
          ...where.place,
        },
        tx,
      );
      await this.audit.record(
        {
          action: 'programme.talent.register',
          entityType: 'programme_talent',
          entityId: row.id,
          unitId: where.communityId,
          after: row,
        },
        tx,
      );
      return row;
    });
  }

  mine(principal: Principal) {
    return this.talents.talentsOf(principal.personId);
  }

  async publish(principal: Principal, dto: PublishNeedDto) {
    if ((await this.programme.unit(dto.communityId))?.kind !== 'COMMUNITY')
      throw new DomainError('VALIDATION_FAILED', '人才需求须发布到社区');
    const at = await this.placeOf(dto.address);
    if (at.communityId !== dto.communityId) throw new DomainError('VALIDATION_FAILED', '需求地点须在本社区内');
    const { address, ...rest } = dto;
    return this.talents.transaction(async (tx) => {
      const row = await this.talents.createNeed(
        { ...rest, addressText: address, ...at.place, createdBy: principal.personId },
        tx,
      );
      await this.audit.record(
        {
          action: 'programme.talent.need.publish',
          entityType: 'programme_talent_need',
          entityId: row.id,
          unitId: dto.communityId,
          after: row,
        },
        tx,
      );
      return this.withName(row);
    });
  }

  async list(principal: Principal, q: ListNeedsQuery) {
    const [rows, total] = await this.talents.needs(await this.visibility.communities(principal), q, toSkipTake(q));
    const [, units] = await this.talents.names([], [...new Set(rows.map((r) => r.communityId))]);
    const names = new Map(units.map((u) => [u.id, u.name]));
    return pageOf(
      rows.map((r) => ({ ...r, communityName: names.get(r.communityId) ?? '' })),
      total,
      q,
    );
  }

  /** Who offers the need's skill, nearest first: members of agencies paired with its community, residents of its street. */
  async candidates(principal: Principal, id: string, q: CandidatesQuery) {
    const need = await this.managed(principal, id);
    const ranked = await this.ranked(need);
    const page = ranked.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
    const [people, units] = await this.talents.names(
      page.map((c) => c.talent.personId),
      [...new Set(page.flatMap((c) => [c.talent.communityId, c.talent.partyOrgId ?? c.talent.communityId]))],
    );
    const personName = new Map(people.map((p) => [p.id, p.name]));
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const chosen = new Map((await this.talents.matchesOf(need.id)).map((m) => [m.personId, m.taskId]));
    return pageOf(
      page.map(({ talent: t, distanceMeters }) => ({
        talentId: t.id,
        personId: t.personId,
        name: personName.get(t.personId) ?? '',
        holderKind: t.holderKind,
        note: t.note,
        availability: t.availability,
        partyOrgName: t.partyOrgId ? (unitName.get(t.partyOrgId) ?? null) : null,
        communityName: unitName.get(t.communityId) ?? '',
        distanceMeters,
        taskId: chosen.get(t.personId) ?? null,
      })),
      ranked.length,
      q,
    );
  }

  /**
   * Chooses a candidate: the choice is written once per need and person (a second choice returns the same task), within
   * the need's headcount, and becomes a task of the need's kind — assigned to a member's party organisation with the
   * member named, or open for the paired agencies with a resident recorded as its helper.
   */
  async choose(principal: Principal, id: string, dto: ChooseDto) {
    const need = await this.managed(principal, id);
    const earlier = await this.talents.match(need.id, dto.personId);
    if (earlier) return this.complete(principal, need, earlier);
    const talent = await this.talents.talent(dto.personId, need.skill);
    if (!talent)
      throw new DomainError(
        'VALIDATION_FAILED',
        `该人员未在人才超市登记「${talentSkillLabel(need.skill)}」技能，不能选定`,
      );
    if (talent.availability === 'PAUSED') throw new DomainError('VALIDATION_FAILED', '该人员已暂停接单，不能选定');
    if (talent.holderKind === 'MEMBER') {
      const agencyId = talent.partyOrgId ? await this.programme.agencyOf(talent.partyOrgId) : undefined;
      if (!agencyId || !(await this.programme.serves(talent.personId, agencyId)))
        throw new DomainError('VALIDATION_FAILED', '该党员已不是机关在职党员，不能选定');
      if (!(await this.taskRows.livePairing(talent.partyOrgId as string, need.communityId)))
        throw new DomainError('VALIDATION_FAILED', '该党员所在机关党组织未与本社区结对，不能选定');
    } else if (talent.streetId !== (await this.talents.streetOf(need.communityId)))
      throw new DomainError('VALIDATION_FAILED', '该居民不住在本街道，不能选定');
    // The task needs this year's programme open: refuse before the choice is written, not after.
    await this.years.policyFor(cstYearOf(Date.now()));
    let match: Match;
    try {
      match = await this.talents.transaction(async (tx) => {
        if (!(await this.talents.takePlace(need.id, tx)))
          throw new DomainError('CONFLICT', `该需求已选满 ${need.headcount} 人`);
        const row = await this.talents.createMatch(
          {
            needId: need.id,
            personId: talent.personId,
            talentId: talent.id,
            holderKind: talent.holderKind,
            distanceMeters: Math.round(haversineMeters(need, talent)),
            chosenBy: principal.personId,
          },
          tx,
        );
        await this.audit.record(
          {
            action: 'programme.talent.choose',
            entityType: 'programme_talent_need',
            entityId: need.id,
            unitId: need.communityId,
            after: row,
          },
          tx,
        );
        return row;
      });
    } catch (err) {
      // Two choices of the same person raced: the first one's row stands and both get its task.
      const raced = this.talents.isUniqueViolation(err) ? await this.talents.match(need.id, dto.personId) : null;
      if (!raced) throw err;
      match = raced;
    }
    return this.complete(principal, need, match);
  }

  /** The match's task, created once under a key of the match (a retry after a failure finds and finishes it). */
  private async complete(principal: Principal, need: Need, match: Match) {
    const member = match.holderKind === 'MEMBER';
    const talent = await this.talents.talent(match.personId, need.skill);
    const [[person]] = await this.talents.names([match.personId], []);
    const planDate = await this.nextWorkingDay(need.communityId);
    const create = () =>
      this.tasks.create(
        principal,
        {
          requestKey: `talent-${match.id}`,
          kind: need.kind,
          title: `人才超市：${need.title}`.slice(0, 100),
          description: `${need.description}\n地点：${need.addressText}\n${member ? '承办党员' : '协助居民'}：${
            person?.name ?? ''
          }（${talentSkillLabel(need.skill)}，距需求地点约 ${match.distanceMeters} 米）`.slice(0, 2000),
          communityId: need.communityId,
          partyOrgId: member ? (talent?.partyOrgId ?? undefined) : undefined,
          planDate,
        },
        `talent:${match.id}`,
      );
    // Two choices of the same person at once both reach here: the one whose task row lost the race takes the winner's.
    const task = await create().catch((err: unknown) => {
      if (this.talents.isUniqueViolation(err)) return create();
      throw err;
    });
    if (member) await this.tasks.nameChosenMember(principal, task.id, match.personId);
    else await this.tasks.addHelper(principal, task.id, match.personId);
    if (!match.taskId) await this.talents.linkTask(match.id, task.id);
    return {
      id: match.id,
      needId: match.needId,
      personId: match.personId,
      holderKind: match.holderKind,
      distanceMeters: match.distanceMeters,
      taskId: task.id,
      taskNo: task.taskNo,
    };
  }

  private async ranked(need: Need) {
    const pairedOrgs = (await this.programme.pairedCommunities(undefined))
      .filter((p) => p.communityId === need.communityId)
      .map((p) => p.partyOrgId);
    const streetId = (await this.talents.streetOf(need.communityId)) ?? '';
    const found = await this.talents.candidates(need.skill, pairedOrgs, streetId);
    const serving = await this.talents.inService(found.filter((t) => t.holderKind === 'MEMBER').map((t) => t.personId));
    return found
      .filter((t) => t.holderKind === 'RESIDENT' || serving.has(t.personId))
      .map((talent) => ({ talent, distanceMeters: Math.round(haversineMeters(need, talent)) }))
      .sort((a, b) => a.distanceMeters - b.distanceMeters || a.talent.personId.localeCompare(b.talent.personId));
  }

  /** A registered, geocoded address and the community it lies in. */
  private async placeOf(text: string) {
    const found = await this.talents.address(text);
    if (!found?.communityId || !found.streetId)
      throw new DomainError('ADDRESS_UNKNOWN', `地址「${text}」未登记到任何网格，请核对门牌后重新填写`);
    if (!found.place)
      throw new DomainError('VALIDATION_FAILED', `地址「${text}」尚未定位（没有经纬度），暂不能用于人才超市`);
    return { text: found.text, place: found.place, communityId: found.communityId, streetId: found.streetId };
  }

  /** The need's community lies in the caller's programme.manage scope (404 otherwise, as for other programme rows). */
  private async managed(principal: Principal, id: string): Promise<Need> {
    const need = await this.talents.need(id, await this.visibility.units(principal, Permission.ProgrammeManage));
    if (!need) throw new DomainError('NOT_FOUND', '人才需求不存在或不在您的管辖范围内');
    return need;
  }

  /** Today when it is a working day on the community's calendar, else the next one: the plan date of a chosen match's task. */
  private async nextWorkingDay(communityId: string): Promise<string> {
    const { calendar } = await this.calendars.effectiveCalendar(await this.programme.districtOf(communityId));
    for (let ms = Date.now(); ; ms += DAY) if (isWorkingDay(calendar, toCstDate(ms))) return toCstDate(ms);
  }

  private async withName<T extends { communityId: string }>(row: T) {
    const [, [unit]] = await this.talents.names([], [row.communityId]);
    return { ...row, communityName: unit?.name ?? '' };
  }
}
