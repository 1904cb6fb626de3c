import { pageOf, toSkipTake } from '../../common/http/pagination';
import { Injectable } from '@nestjs/common';
import { Permission } from '../../common/auth/permissions';
import type { Principal } from '../../common/auth/principal';
import { DomainError } from '../../common/errors/domain-error';
import { toCstMinute } from '../../shared/calendar';
import { AuditService } from '../audit/audit.service';
import type { AttendanceDto, CreateActivityDto, ListActivitiesQuery } from './dto/programme.dto';
import { ProgrammeRepository } from './programme.repository';
import { ProgrammeVisibilityService } from './programme-visibility.service';
import { VolunteerRepository } from './volunteer.repository';

const HOUR_MS = 3_600_000;
/** Members may check in from this long before the start until the end. */
const CHECK_IN_EARLY_MS = 2 * HOUR_MS;

/** 志愿服务: a community publishes an activity with a cap; members sign up, check in, and the community confirms hours. */
@Injectable()
export class VolunteerService {
  constructor(
    private readonly activities: VolunteerRepository,
    private readonly programme: ProgrammeRepository,
    private readonly visibility: ProgrammeVisibilityService,
    private readonly audit: AuditService,
  ) {}

  async publish(principal: Principal, dto: CreateActivityDto) {
    if ((await this.programme.unit(dto.communityId))?.kind !== 'COMMUNITY')
      throw new DomainError('VALIDATION_FAILED', '志愿活动须发布到社区');
    if (Date.parse(dto.endsAt) <= Date.now()) throw new DomainError('VALIDATION_FAILED', '结束时间须晚于现在');
    return this.activities.transaction(async (tx) => {
      const row = await this.activities.create(
        { ...dto, startsAt: new Date(dto.startsAt), endsAt: new Date(dto.endsAt), createdBy: principal.personId },
        tx,
      );
      await this.audit.record(
        {
          action: 'programme.activity.publish',
          entityType: 'volunteer_activity',
          entityId: row.id,
          unitId: dto.communityId,
          after: row,
        },
        tx,
      );
      return row;
    });
  }

  async list(principal: Principal, q: ListActivitiesQuery) {
    const communities = await this.visibility.communities(principal);
    const [items, total] = await this.activities.list(communities, q.communityId, toSkipTake(q));
    return pageOf(items, total, q);
  }

  async detail(principal: Principal, id: string) {
    const found = await this.activities.find(id, await this.visibility.communities(principal));
    if (!found) throw new DomainError('NOT_FOUND', '志愿活动不存在或不在您的范围内');
    const people = await this.activities.people([...new Set(found.signups.map((s) => s.personId))]);
    const name = new Map(people.map((p) => [p.id, p.name]));
    return { ...found, signups: found.signups.map((s) => ({ ...s, personName: name.get(s.personId) ?? '' })) };
  }

  /** The sign-up row and the place it takes are one transaction: past the cap, neither is written. */
  async signUp(principal: Principal, id: string) {
    const activity = await this.detail(principal, id);
    if (!principal.positions.some((p) => p.role === 'PARTY_MEMBER' || p.role === 'AGENCY_SECRETARY'))
      throw new DomainError('FORBIDDEN', '只有机关党员可以报名志愿活动');
    if (activity.endsAt.getTime() <= Date.now()) throw new DomainError('ILLEGAL_TRANSITION', '活动已结束，不能报名');
    try {
      return await this.activities.transaction(async (tx) => {
        const signup = await this.activities.createSignup({ activityId: id, personId: principal.personId }, tx);
        if (!(await this.activities.takePlace(id, tx)))
          throw new DomainError('ACTIVITY_FULL', `活动「${activity.title}」已报满（${activity.cap} 人）`);
        await this.audit.record(
          {
            action: 'programme.activity.sign-up',
            entityType: 'volunteer_signup',
            entityId: signup.id,
            unitId: activity.communityId,
            after: signup,
          },
          tx,
        );
        return signup;
      });
    } catch (err) {
      if (this.activities.isUniqueViolation(err)) throw new DomainError('CONFLICT', '您已报名该活动');
      throw err;
    }
  }

  async checkIn(principal: Principal, id: string) {
    const activity = await this.detail(principal, id);
    const now = Date.now();
    if (now < activity.startsAt.getTime() - CHECK_IN_EARLY_MS || now > activity.endsAt.getTime())
      throw new DomainError(
        'ILLEGAL_TRANSITION',
        `签到时间为 ${toCstMinute(activity.startsAt.getTime() - CHECK_IN_EARLY_MS)} 至 ${toCstMinute(activity.endsAt.getTime())}`,
      );
    const signup = activity.signups.find((s) => s.personId === principal.personId);
    if (!signup) throw new DomainError('ILLEGAL_TRANSITION', '您未报名该活动');
    return this.activities.transaction(async (tx) => {
      if (!(await this.activities.checkIn(id, principal.personId, tx)))
        throw new DomainError('ILLEGAL_TRANSITION', '您已签到');
      await this.audit.record(
        {
          action: 'programme.activity.check-in',
          entityType: 'volunteer_signup',
          entityId: signup.id,
          unitId: activity.communityId,
          before: signup,
        },
        tx,
      );
      return (await this.activities.find(id, undefined, tx))!.signups.find((s) => s.id === signup.id);
    });
  }

  /** The community confirms who attended (checked in); each gets the activity's length as service hours. */
  async confirmAttendance(principal: Principal, id: string, dto: AttendanceDto) {
    const activity = await this.detail(principal, id);
    const units = await this.visibility.units(principal, Permission.ProgrammeManage);
    if (units && !units.includes(activity.communityId))
      throw new DomainError('FORBIDDEN', '只有活动所在社区可以确认出勤');
    const checkedIn = new Set(activity.signups.filter((s) => s.checkedInAt).map((s) => s.personId));
    const absent = dto.personIds.filter((p) => !checkedIn.has(p));
    if (absent.length)
      throw new DomainError('VALIDATION_FAILED', `以下人员未报名或未签到，不能确认出勤：${absent.join('、')}`);
    const hours = (activity.endsAt.getTime() - activity.startsAt.getTime()) / HOUR_MS;
    return this.activities.transaction(async (tx) => {
      const confirmed = await this.activities.confirmAttendance(id, dto.personIds, hours, tx);
      await this.audit.record(
        {
          action: 'programme.activity.attendance',
          entityType: 'volunteer_activity',
          entityId: id,
          unitId: activity.communityId,
          after: { personIds: dto.personIds, hours, confirmed },
        },
        tx,
      );
      return (await this.activities.find(id, undefined, tx))!;
    });
  }
}
