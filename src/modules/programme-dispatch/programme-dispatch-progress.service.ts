import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import type { Prisma } from '../../generated/prisma/client';
import { DomainError } from '../../common/errors/domain-error';
import { PROGRAMME_TASK_KINDS } from '../../shared/process/programme-kinds';
import type { ProgrammeTaskKind } from '../../shared/process/programme-kinds';
import { completionShare, monthBounds, monthKey, programmeMonthRefusal } from '../../shared/process/programme-rhythm';
import type { ProgrammeMonth } from '../../shared/process/programme-rhythm';
import { AuditService } from '../audit/audit.service';
import { NotificationService } from '../notification/notification.service';
import { ProgrammeYearService } from '../programme/programme-year.service';
import { ProgrammeDispatchRepository } from './programme-dispatch.repository';
import type {
  AgencyDispatchRow,
  CommunityDispatchRow,
  KindProgress,
  RankingRow,
  StoredDispatch,
} from './programme-dispatch.types';

const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : 0);
const perKind = <T>(make: (kind: ProgrammeTaskKind) => T) =>
  Object.fromEntries(PROGRAMME_TASK_KINDS.map((k) => [k, make(k)])) as Record<ProgrammeTaskKind, T>;

/** The programme-dispatch workflow's activities: build and store a month's report once, then tell everyone once. */
@Injectable()
export class ProgrammeDispatchProgressService {
  constructor(
    private readonly repository: ProgrammeDispatchRepository,
    private readonly years: ProgrammeYearService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
  ) {}

  async store(workflowId: string, period: ProgrammeMonth): Promise<StoredDispatch> {
    const refusal = programmeMonthRefusal(period);
    if (refusal) throw ApplicationFailure.nonRetryable(refusal, 'VALIDATION_FAILED');
    const { version, policy } = await this.years.policyFor(period.year).catch((err: unknown) => {
      if (err instanceof DomainError) throw ApplicationFailure.nonRetryable(err.message, err.code);
      throw err;
    });
    const key = monthKey(period);
    const { from, to } = monthBounds(period);
    const yearStart = new Date(`${period.year}-01-01T00:00:00+08:00`);
    const [tasks, wishes, pairings, reportIns, activities] = await Promise.all([
      this.repository.tasks(period.year),
      this.repository.wishes(to),
      this.repository.livePairings(),
      this.repository.liveReportIns(),
      this.repository.activities(from, to),
    ]);
    const agencyIds = [
      ...new Set([...pairings.map((p) => p.partyOrgId), ...tasks.flatMap((t) => (t.partyOrgId ? [t.partyOrgId] : []))]),
    ];
    const communityIds = [...new Set([...pairings.map((p) => p.communityId), ...tasks.map((t) => t.communityId)])];
    const [units, members] = await Promise.all([
      this.repository.units([...agencyIds, ...communityIds]),
      this.repository.memberCounts(agencyIds, to),
    ]);
    const nameOf = new Map(units.map((u) => [u.id, u.name]));
    const fulfilledBy = (w: (typeof wishes)[number], lo: Date) =>
      w.status === 'FULFILLED' && !!w.fulfilledAt && w.fulfilledAt >= lo && w.fulfilledAt < to;
    const progress = (rows: typeof tasks, kind: ProgrammeTaskKind): Omit<KindProgress, 'target'> => {
      const ofKind = rows.filter((t) => t.kind === kind);
      const open = ofKind.filter((t) => t.status !== 'CONFIRMED');
      return {
        confirmed: ofKind.filter((t) => t.status === 'CONFIRMED' && (t.confirmedMonth ?? '') <= key).length,
        confirmedThisMonth: ofKind.filter((t) => t.status === 'CONFIRMED' && t.confirmedMonth === key).length,
        inProgress: open.filter((t) => !t.overdue).length,
        overdue: open.filter((t) => t.overdue).length,
      };
    };
    const orgOfPerson = new Map(reportIns.map((r) => [r.personId, r.partyOrgId]));

    const agencies: AgencyDispatchRow[] = agencyIds.map((orgId) => {
      const own = tasks.filter((t) => t.partyOrgId === orgId);
      const wished = wishes.filter((w) => w.claimedByOrgId === orgId);
      const kinds = perKind((kind) => {
        const p = progress(own, kind);
        if (kind === 'MICRO_WISH') {
          p.confirmed += wished.filter((w) => fulfilledBy(w, yearStart)).length;
          p.confirmedThisMonth += wished.filter((w) => fulfilledBy(w, from)).length;
        }
        return { target: policy.targets[kind], ...p };
      });
      const attendances = activities.flatMap((a) => a.signups).filter((s) => orgOfPerson.get(s.personId) === orgId);
      const memberCount = members.get(orgId) ?? 0;
      const reportedIn = reportIns.filter((r) => r.partyOrgId === orgId && r.status === 'CONFIRMED').length;
      return {
        partyOrgId: orgId,
        name: nameOf.get(orgId) ?? '',
        kinds,
        completion: completionShare(kinds),
        members: memberCount,
        reportedIn,
        reportedInShare: share(reportedIn, memberCount),
        monthAttendances: attendances.length,
        monthHours: attendances.reduce((s, a) => s + Number(a.hours ?? 0), 0),
        monthWishesFulfilled: wished.filter((w) => fulfilledBy(w, from)).length,
      };
    });

    const communities: CommunityDispatchRow[] = communityIds.map((communityId) => {
      const own = tasks.filter((t) => t.communityId === communityId);
      const ins = reportIns.filter((r) => r.communityId === communityId);
      const held = activities.filter((a) => a.communityId === communityId);
      const wished = wishes.filter((w) => w.communityId === communityId);
      const confirmedIns = ins.filter((r) => r.status === 'CONFIRMED').length;
      return {
        communityId,
        name: nameOf.get(communityId) ?? '',
        kinds: perKind((kind) => progress(own, kind)),
        reportIns: ins.length,
        reportInsConfirmed: confirmedIns,
        reportInsConfirmedShare: share(confirmedIns, ins.length),
        monthActivities: held.length,
        monthAttendances: held.reduce((s, a) => s + a.signups.length, 0),
        monthWishesPublished: wished.filter((w) => w.createdAt >= from).length,
        monthWishesFulfilled: wished.filter((w) => fulfilledBy(w, from)).length,
      };
    });

    const ranking: RankingRow[] = [...agencies]
      .sort((a, b) => b.completion - a.completion || a.name.localeCompare(b.name, 'zh-CN'))
      .map((a, i) => ({
        rank: i + 1,
        partyOrgId: a.partyOrgId,
        name: a.name,
        completion: a.completion,
        kindsMet: Object.values(a.kinds).filter((k) => k.confirmed >= k.target).length,
      }));

    const stored = await this.repository.storeOnce(
      {
        year: period.year,
        month: period.month,
        policyVersion: version,
        agencies: agencies as unknown as Prisma.InputJsonValue,
        communities: communities as unknown as Prisma.InputJsonValue,
        ranking: ranking as unknown as Prisma.InputJsonValue,
        workflowId,
      },
      (id, tx) =>
        this.audit.record(
          {
            action: 'programme.dispatch.stored',
            entityType: 'programme_dispatch_report',
            entityId: id,
            unitId: null,
            workflowId,
            after: {
              year: period.year,
              month: period.month,
              agencies: agencies.length,
              communities: communities.length,
            },
          },
          tx,
        ),
    );
    return { reportId: stored.id, year: period.year, month: period.month, created: stored.created };
  }

  /** Each agency's secretary, each community's secretary and the district supervisors, once per report. */
  async notify(_workflowId: string, reportId: string): Promise<void> {
    const report = await this.repository.byId(reportId);
    if (!report) throw ApplicationFailure.nonRetryable(`调度报告 ${reportId} 不存在`, 'NOT_FOUND');
    const period = `${report.year} 年 ${report.month} 月`;
    const dedup = `programme-dispatch:${monthKey(report)}`;
    for (const a of report.agencies as unknown as AgencyDispatchRow[]) {
      const rank = (report.ranking as unknown as RankingRow[]).find((r) => r.partyOrgId === a.partyOrgId)?.rank ?? 0;
      await this.notifications.notify({
        recipients: [{ role: 'AGENCY_SECRETARY', unitId: a.partyOrgId }],
        template: 'programme.dispatch-agency',
        data: { period, name: a.name, completion: Math.round(a.completion * 100), rank, reportId },
        options: { dedupKey: `${dedup}:agency:${a.partyOrgId}` },
      });
    }
    for (const c of report.communities as unknown as CommunityDispatchRow[]) {
      const overdue = Object.values(c.kinds).reduce((s, k) => s + k.overdue, 0);
      await this.notifications.notify({
        recipients: [{ role: 'COMMUNITY_SECRETARY', unitId: c.communityId }],
        template: 'programme.dispatch-community',
        data: { period, name: c.name, overdue, activities: c.monthActivities, reportId },
        options: { dedupKey: `${dedup}:community:${c.communityId}` },
      });
    }
    const ranking = report.ranking as unknown as RankingRow[];
    const districts = await this.repository.districtsOf([
      ...ranking.map((r) => r.partyOrgId),
      ...(report.communities as unknown as CommunityDispatchRow[]).map((c) => c.communityId),
    ]);
    const top = ranking
      .slice(0, 3)
      .map((r) => `${r.rank}. ${r.name}（${Math.round(r.completion * 100)}%）`)
      .join('；');
    for (const districtId of districts)
      await this.notifications.notify({
        recipients: [{ role: 'SUPERVISOR', unitId: districtId }],
        template: 'programme.dispatch-district',
        data: { period, agencies: ranking.length, top: top || '暂无', reportId },
        options: { dedupKey: `${dedup}:district:${districtId}` },
      });
  }
}
