import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { Permission } from '../../common/auth/permissions';
import type { Principal } from '../../common/auth/principal';
import { PROGRAMME_TASK_KIND_LABELS, PROGRAMME_TASK_KINDS } from '../../shared/process/programme-kinds';
import type { ProgrammeTaskKind } from '../../shared/process/programme-kinds';
import { CompletionRepository } from './completion.repository';
import { ProgrammeRepository } from './programme.repository';
import { ProgrammeYearService } from './programme-year.service';
import { ProgrammeVisibilityService } from './programme-visibility.service';

export interface CompletionRow {
  partyOrgId: string;
  name: string;
  kinds: Record<ProgrammeTaskKind, { target: number; confirmed: number }>;
  /** Kinds whose target is met, of all kinds. */
  kindsMet: number;
  /** Confirmed towards targets (each kind capped at its target) over the sum of targets. */
  completion: number;
}

/** The year's completion table: per paired agency, confirmed tasks of each kind against the year's targets. */
@Injectable()
export class CompletionService {
  constructor(
    private readonly repository: CompletionRepository,
    private readonly programme: ProgrammeRepository,
    private readonly years: ProgrammeYearService,
    private readonly visibility: ProgrammeVisibilityService,
  ) {}

  async table(principal: Principal, year: number) {
    const { policy } = await this.years.policyFor(year);
    const units = await this.visibility.units(principal, Permission.ProgrammeRead);
    const pairings = await this.programme.pairedCommunities(undefined);
    const [tasks, wishes] = await Promise.all([
      this.repository.confirmedTasks(year),
      this.repository.fulfilledWishes(year),
    ]);
    // an agency is in scope when its organisation is, or when it is paired with a community that is
    const orgs = new Set([
      ...pairings
        .filter((p) => !units || units.includes(p.partyOrgId) || units.includes(p.communityId))
        .map((p) => p.partyOrgId),
      ...tasks.map((t) => t.partyOrgId as string).filter((id) => !units || units.includes(id)),
    ]);
    const names = new Map((await this.repository.units([...orgs])).map((u) => [u.id, u.name]));
    const rows: CompletionRow[] = [...orgs].map((orgId) => {
      const kinds = Object.fromEntries(
        PROGRAMME_TASK_KINDS.map((kind) => {
          const confirmed =
            (tasks.find((t) => t.partyOrgId === orgId && t.kind === kind)?._count._all ?? 0) +
            (kind === 'MICRO_WISH' ? (wishes.find((w) => w.claimedByOrgId === orgId)?._count._all ?? 0) : 0);
          return [kind, { target: policy.targets[kind], confirmed }];
        }),
      ) as CompletionRow['kinds'];
      const values = Object.values(kinds);
      const targetSum = values.reduce((s, k) => s + k.target, 0);
      const done = values.reduce((s, k) => s + Math.min(k.confirmed, k.target), 0);
      return {
        partyOrgId: orgId,
        name: names.get(orgId) ?? '',
        kinds,
        kindsMet: values.filter((k) => k.confirmed >= k.target).length,
        completion: targetSum ? Math.round((done / targetSum) * 1000) / 1000 : 0,
      };
    });
    rows.sort((a, b) => b.completion - a.completion || a.name.localeCompare(b.name, 'zh-CN'));
    return { year, rows };
  }

  async workbook(principal: Principal, year: number): Promise<Buffer> {
    const { rows } = await this.table(principal, year);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet(`${year}年度完成情况`);
    sheet.columns = [
      { header: '排名', key: 'rank', width: 6 },
      { header: '机关党组织', key: 'name', width: 36 },
      ...PROGRAMME_TASK_KINDS.map((k) => ({
        header: `${PROGRAMME_TASK_KIND_LABELS[k]}（完成/目标）`,
        key: k,
        width: 18,
      })),
      { header: '达标项数', key: 'kindsMet', width: 10 },
      { header: '完成率', key: 'completion', width: 10, style: { numFmt: '0.0%' } },
    ];
    rows.forEach((row, i) =>
      sheet.addRow({
        rank: i + 1,
        name: row.name,
        ...Object.fromEntries(PROGRAMME_TASK_KINDS.map((k) => [k, `${row.kinds[k].confirmed}/${row.kinds[k].target}`])),
        kindsMet: row.kindsMet,
        completion: row.completion,
      }),
    );
    sheet.getRow(1).font = { bold: true };
    return Buffer.from(await book.xlsx.writeBuffer());
  }
}
