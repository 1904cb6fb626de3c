import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { Permission, mayConfigureDistrict } from '../../common/auth/permissions';
import type { Principal } from '../../common/auth/principal';
import { DomainError } from '../../common/errors/domain-error';
import { TemporalClientService } from '../../infra/temporal/temporal-client.service';
import { startOnce } from '../../infra/temporal/workflow-calls';
import { PROGRAMME_TASK_KIND_LABELS, PROGRAMME_TASK_KINDS } from '../../shared/process/programme-kinds';
import { monthKey } from '../../shared/process/programme-rhythm';
import type { ProgrammeMonth } from '../../shared/process/programme-rhythm';
import { ProgrammeVisibilityService } from '../programme/programme-visibility.service';
import { ProgrammeYearService } from '../programme/programme-year.service';
import { ProgrammeDispatchRepository } from './programme-dispatch.repository';
import type { AgencyDispatchRow, CommunityDispatchRow, RankingRow } from './programme-dispatch.types';

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
const percent = (x: number) => `${Math.round(x * 1000) / 10}%`;
const csvCell = (v: unknown) => {
  const s = String(v ?? '');
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Stored monthly dispatch reports: list, one report (each caller sees the agencies and communities in scope), export. */
@Injectable()
export class ProgrammeDispatchService {
  constructor(
    private readonly repository: ProgrammeDispatchRepository,
    private readonly years: ProgrammeYearService,
    private readonly visibility: ProgrammeVisibilityService,
    private readonly temporal: TemporalClientService,
  ) {}

  /** Runs the dispatch for a month now (a missed or repeated month); the month's report is stored once. */
  async run(principal: Principal, period: ProgrammeMonth): Promise<{ workflowId: string }> {
    if (!mayConfigureDistrict(principal)) throw new DomainError('FORBIDDEN', '只有区级督导或系统管理员可以发起调度');
    await this.years.get(period.year);
    const workflowId = `programme-dispatch-${monthKey(period)}`;
    await startOnce(this.temporal.client, 'programmeDispatchWorkflow', workflowId, this.temporal.taskQueue, period);
    return { workflowId };
  }

  async list(principal: Principal, year?: number) {
    await this.visibility.units(principal, Permission.ProgrammeRead);
    const rows = await this.repository.list(year);
    return rows.map((r) => ({
      id: r.id,
      year: r.year,
      month: r.month,
      policyVersion: r.policyVersion,
      agencyCount: (r.agencies as unknown[]).length,
      communityCount: (r.communities as unknown[]).length,
      createdAt: r.createdAt,
    }));
  }

  async get(principal: Principal, id: string) {
    const units = await this.visibility.units(principal, Permission.ProgrammeRead);
    const row = isUuid(id) ? await this.repository.byId(id) : null;
    if (!row) throw new DomainError('NOT_FOUND', '调度报告不存在');
    const seen = (unitId: string) => !units || units.includes(unitId);
    return {
      id: row.id,
      year: row.year,
      month: row.month,
      policyVersion: row.policyVersion,
      createdAt: row.createdAt,
      agencies: (row.agencies as unknown as AgencyDispatchRow[]).filter((a) => seen(a.partyOrgId)),
      communities: (row.communities as unknown as CommunityDispatchRow[]).filter((c) => seen(c.communityId)),
      ranking: (row.ranking as unknown as RankingRow[]).filter((r) => seen(r.partyOrgId)),
    };
  }

  async workbook(principal: Principal, id: string): Promise<{ name: string; body: Buffer }> {
    const report = await this.get(principal, id);
    const book = new ExcelJS.Workbook();
    const ranking = book.addWorksheet('全区排名');
    ranking.columns = [
      { header: '排名', key: 'rank', width: 6 },
      { header: '机关党组织', key: 'name', width: 36 },
      { header: '达标项数', key: 'kindsMet', width: 10 },
      { header: '完成率', key: 'completion', width: 10, style: { numFmt: '0.0%' } },
    ];
    report.ranking.forEach((r) => ranking.addRow(r));
    const agencies = book.addWorksheet('机关进展');
    agencies.addRow(this.agencyHeader());
    report.agencies.forEach((a) => agencies.addRow(this.agencyCells(a)));
    const communities = book.addWorksheet('社区进展');
    communities.addRow([
      '社区',
      ...PROGRAMME_TASK_KINDS.flatMap((k) =>
        [0, 1, 2].map((i) => `${PROGRAMME_TASK_KIND_LABELS[k]}${['已确认', '进行中', '逾期'][i]}`),
      ),
      '报到党员',
      '已确认报到',
      '本月活动',
      '本月参加人次',
      '本月发布微心愿',
      '本月实现微心愿',
    ]);
    report.communities.forEach((c) =>
      communities.addRow([
        c.name,
        ...PROGRAMME_TASK_KINDS.flatMap((k) => [c.kinds[k].confirmed, c.kinds[k].inProgress, c.kinds[k].overdue]),
        c.reportIns,
        c.reportInsConfirmed,
        c.monthActivities,
        c.monthAttendances,
        c.monthWishesPublished,
        c.monthWishesFulfilled,
      ]),
    );
    for (const sheet of [ranking, agencies, communities]) sheet.getRow(1).font = { bold: true };
    return { name: `programme-dispatch-${monthKey(report)}.xlsx`, body: Buffer.from(await book.xlsx.writeBuffer()) };
  }

  /** The agencies' progress as CSV, UTF-8 with a BOM so spreadsheet programs read the Chinese correctly. */
  async csv(principal: Principal, id: string): Promise<{ name: string; body: Buffer }> {
    const report = await this.get(principal, id);
    const lines = [this.agencyHeader(), ...report.agencies.map((a) => this.agencyCells(a))].map((cells) =>
      cells.map(csvCell).join(','),
    );
    return {
      name: `programme-dispatch-${monthKey(report)}.csv`,
      body: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'),
    };
  }

  private agencyHeader(): string[] {
    return [
      '机关党组织',
      ...PROGRAMME_TASK_KINDS.flatMap((k) =>
        ['目标', '已确认', '本月确认', '进行中', '逾期'].map((h) => `${PROGRAMME_TASK_KIND_LABELS[k]}${h}`),
      ),
      '完成率',
      '在职党员',
      '已报到',
      '报到率',
      '本月志愿服务人次',
      '本月服务时长',
      '本月实现微心愿',
    ];
  }

  private agencyCells(a: AgencyDispatchRow): (string | number)[] {
    return [
      a.name,
      ...PROGRAMME_TASK_KINDS.flatMap((k) => {
        const p = a.kinds[k];
        return [p.target, p.confirmed, p.confirmedThisMonth, p.inProgress, p.overdue];
      }),
      percent(a.completion),
      a.members,
      a.reportedIn,
      percent(a.reportedInShare),
      a.monthAttendances,
      a.monthHours,
      a.monthWishesFulfilled,
    ];
  }
}
