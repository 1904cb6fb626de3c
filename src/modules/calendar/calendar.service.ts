import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { mayConfigureDistrict } from '../../common/auth/permissions';
import type { Principal } from '../../common/auth/principal';
import { DomainError } from '../../common/errors/domain-error';
import {
  BusinessCalendar,
  CalendarOverride,
  CN_2026_HOLIDAYS,
  PROVISIONAL_NOTE,
  calendarFromFestivals,
  computeDeadlineWithStatus,
  createCalendar,
  mergeCalendars,
  withPublishedThroughYear,
  yearsWithHolidays,
} from '../../shared/calendar';
import { JobQueueService } from '../../infra/queue/job-queue.service';
import { AuditService } from '../audit/audit.service';
import { OrgRepository } from '../org/org.repository';
import {
  appendFestivalsToBase,
  appendFestivalsToOverride,
  baseCalendarData,
  districtOverrideData,
} from './calendar-data.factory';
import type { CreateCalendarVersionDto, DeadlineQuery, ImportFestivalsDto } from './calendar.dto';
import { CalendarRepository, CalendarScope } from './calendar.repository';

export interface EffectiveCalendar {
  calendar: BusinessCalendar;
  /** 0 = none stored: the built-in 2026 schedule for the base, no override for the district. */
  versions: { base: number; district?: number };
}

type Tx = Prisma.TransactionClient;
type Row = NonNullable<Awaited<ReturnType<CalendarRepository['latest']>>>;

const BUILT_IN_BASE = calendarFromFestivals(CN_2026_HOLIDAYS);
const CST_OFFSET_MS = 8 * 3_600_000;
const toCstIso = (ms: number) => `${new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
const asJson = (value: BusinessCalendar | CalendarOverride) => value as unknown as Prisma.InputJsonValue;
const baseOf = (row: Row | null) => (row ? createCalendar(row.data as Partial<BusinessCalendar>) : BUILT_IN_BASE);

/** The shared calendar module's errors are plain Errors; at this edge they become a 400 that writes nothing. */
function validCalendar<T>(build: () => T): T {
  try {
    return build();
  } catch (err) {
    throw new DomainError('CALENDAR_INVALID', `工作日历无效：${(err as Error).message}`);
  }
}

/** Versioned business calendars: a national base and per-district overrides, read fresh on every call. */
@Injectable()
export class CalendarService {
  constructor(
    private readonly repository: CalendarRepository,
    private readonly org: OrgRepository,
    private readonly audit: AuditService,
    private readonly queues: JobQueueService,
  ) {}

  async effectiveCalendar(districtId?: string): Promise<EffectiveCalendar> {
    if (districtId) await this.requireDistrict(districtId);
    const [baseRow, districtRow] = await Promise.all([
      this.repository.latest(null),
      districtId ? this.repository.latest(districtId) : null,
    ]);
    const base = baseOf(baseRow);
    // published years: those the national base has holidays in, and those a district imported ahead of it (its own local days are not a schedule)
    const baseYears = yearsWithHolidays(base.holidays);
    if (!districtId)
      return { calendar: withPublishedThroughYear(base, baseYears), versions: { base: baseRow?.version ?? 0 } };
    const override = districtRow?.data as CalendarOverride | undefined;
    const merged = override ? mergeCalendars(base, override) : base;
    const calendar = withPublishedThroughYear(merged, [...baseYears, ...(override?.publishedYears ?? [])]);
    return { calendar, versions: { base: baseRow?.version ?? 0, district: districtRow?.version ?? 0 } };
  }

  /**
   * The newest version of every scope. A running case records the versions it computed its deadlines with; the
   * request module compares them with these and signals its workflow to re-compute (nothing is pushed from here).
   */
  async latestVersionNumbers(): Promise<{ base: number; districts: Record<string, number> }> {
    const rows = await this.repository.latestVersionPerScope();
    const districts = Object.fromEntries(
      rows.filter((r) => r.scopeUnitId).map((r) => [r.scopeUnitId as string, r._max.version ?? 0]),
    );
    return { base: rows.find((r) => r.scopeUnitId === null)?._max.version ?? 0, districts };
  }

  async listVersions(districtId?: string) {
    if (districtId) await this.requireDistrict(districtId);
    return this.repository.list(districtId ?? null);
  }

  async createVersion(principal: Principal, dto: CreateCalendarVersionDto) {
    const { districtId, note, ...input } = dto;
    await this.assertMayWrite(principal, districtId);
    return this.insertNext(districtId ?? null, note, principal.personId, async (previous, tx) => {
      if (!districtId) return validCalendar(() => baseCalendarData(input));
      const base = baseOf(await this.repository.latest(null, tx));
      // a whole new override keeps the years the district imported before
      const publishedYears = (previous?.data as CalendarOverride | undefined)?.publishedYears;
      return validCalendar(() => districtOverrideData(base, { ...input, publishedYears }));
    });
  }

  async importFestivals(principal: Principal, dto: ImportFestivalsDto) {
    const { districtId, year, festivals } = dto;
    await this.assertMayWrite(principal, districtId);
    const note = dto.note ?? `导入 ${year} 年国务院放假安排（${festivals.map((f) => f.name).join('、')}）`;
    return this.insertNext(districtId ?? null, note, principal.personId, async (previous, tx) => {
      if (!districtId) return validCalendar(() => appendFestivalsToBase(baseOf(previous), year, festivals));
      const base = baseOf(await this.repository.latest(null, tx));
      const override = (previous?.data ?? { holidays: [], makeUpWorkdays: [] }) as CalendarOverride;
      return validCalendar(() => districtOverrideData(base, appendFestivalsToOverride(override, year, festivals)));
    });
  }

  async deadline(q: DeadlineQuery) {
    const { calendar, versions } = await this.effectiveCalendar(q.districtId);
    const startMs = Date.parse(q.start);
    const limit = { unit: q.unit, amount: q.amount };
    const { deadlineMs, provisional } = validCalendar(() => computeDeadlineWithStatus(calendar, startMs, limit));
    return {
      start: new Date(startMs).toISOString(),
      limit,
      deadline: new Date(deadlineMs).toISOString(),
      deadlineCst: toCstIso(deadlineMs),
      versions,
      publishedThroughYear: calendar.publishedThroughYear ?? null,
      provisional,
      ...(provisional ? { note: PROVISIONAL_NOTE } : {}),
    };
  }

  /** Version 1 of the base calendar (the 2026 national schedule) when none exists; safe from several processes at once. */
  async ensureBaseCalendar(): Promise<boolean> {
    return this.repository.transaction(async (tx) => {
      await this.repository.lockScope(null, tx);
      if (await this.repository.latest(null, tx)) return false;
      await this.insertIn(
        tx,
        { scopeUnitId: null, version: 1, data: asJson(BUILT_IN_BASE), note: '系统初始版本：国务院 2026 年放假安排' },
        null,
      );
      return true;
    });
  }

  private async assertMayWrite(principal: Principal, districtId?: string): Promise<void> {
    if (districtId) return this.requireDistrict(districtId);
    if (!mayConfigureDistrict(principal))
      throw new DomainError('FORBIDDEN', '只有区级督导或系统管理员可以修改全国基础日历');
  }

  private async insertNext(
    scope: CalendarScope,
    note: string | undefined,
    createdBy: string,
    build: (previous: Row | null, tx: Tx) => Promise<BusinessCalendar | CalendarOverride>,
  ) {
    const created = await this.repository.transaction(async (tx) => {
      await this.repository.lockScope(scope, tx);
      const previous = await this.repository.latest(scope, tx);
      const data = await build(previous, tx);
      return this.insertIn(
        tx,
        { scopeUnitId: scope, version: (previous?.version ?? 0) + 1, data: asJson(data), note, createdBy },
        previous,
      );
    });
    // running cases re-compute their deadlines with the new calendar (the job is keyed by the version, so it runs once)
    await this.queues.enqueue(
      'cases.calendar-changed',
      { calendarVersionId: created.id, districtId: scope },
      { jobId: `calendar-changed-${created.id}` },
    );
    return created;
  }

  private async insertIn(tx: Tx, row: Parameters<CalendarRepository['insert']>[0], previous: Row | null) {
    const created = await this.repository.insert(row, tx);
    await this.audit.record(
      {
        action: 'calendar.version.create',
        entityType: 'calendar_version',
        entityId: created.id,
        unitId: row.scopeUnitId,
        before: previous && { version: previous.version, data: previous.data },
        after: created,
      },
      tx,
    );
    return created;
  }

  private async requireDistrict(unitId: string): Promise<void> {
    const unit = await this.org.findUnit(unitId);
    if (!unit || unit.kind !== 'DISTRICT')
      throw new DomainError('UNKNOWN_UNIT', `${unitId} 不是区级单元，区级日历调整只能挂在区上`);
  }
}
