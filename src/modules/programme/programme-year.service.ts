import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { mayConfigureDistrict } from '../../common/auth/permissions';
import type { Principal } from '../../common/auth/principal';
import { DomainError } from '../../common/errors/domain-error';
import { logger } from '../../common/logging/logger';
import { AuditService } from '../audit/audit.service';
import { ProcessPolicyService } from '../policy/policy.service';
import type { ProgrammePolicy } from '../policy/programme-policy.schema';
import { ProgrammeRepository } from './programme.repository';

export interface ProgrammeYearView {
  year: number;
  policyVersion: number;
  policy: ProgrammePolicy;
  openedAt: Date;
}

/** 双进双联 years: each pins the programme policy version in force; a new year starts from a copy of the last one's. */
@Injectable()
export class ProgrammeYearService {
  private readonly listeners: Array<() => Promise<unknown>> = [];

  constructor(
    private readonly repository: ProgrammeRepository,
    private readonly policies: ProcessPolicyService,
    private readonly audit: AuditService,
  ) {}

  /** Called after a year is opened or its settings change (the programme's Schedules follow them). */
  onYearChanged(listener: () => Promise<unknown>): void {
    this.listeners.push(listener);
  }

  /** The change is saved; a listener that fails (Temporal unreachable) is logged and catches up at the next start. */
  private async changed(): Promise<void> {
    for (const listener of this.listeners)
      await listener().catch((err: unknown) => logger.warn({ err }, '双进双联年度设置已保存，定时任务同步失败'));
  }

  async list(): Promise<ProgrammeYearView[]> {
    return Promise.all((await this.repository.years()).map((row) => this.view(row)));
  }

  async get(year: number): Promise<ProgrammeYearView> {
    const row = await this.repository.year(year);
    if (!row) throw new DomainError('NOT_FOUND', `${year} 年度双进双联尚未开启`);
    return this.view(row);
  }

  /** The year's settings for a new task; refused while the year is not open. */
  async policyFor(year: number): Promise<{ version: number; policy: ProgrammePolicy }> {
    const view = await this.get(year);
    return { version: view.policyVersion, policy: view.policy };
  }

  /** Opens a year: a copy of the previous year's settings as a new policy version, or the current version for the first year. */
  async open(principal: Principal, year: number): Promise<ProgrammeYearView> {
    this.assertMayConfigure(principal);
    if (await this.repository.year(year)) throw new DomainError('CONFLICT', `${year} 年度双进双联已开启`);
    const previous = await this.repository.year(year - 1);
    const version = previous
      ? (
          await this.policies.create(
            principal,
            'programme',
            (await this.policies.get('programme', previous.policyVersion)).data,
            `${year} 年度沿用 ${year - 1} 年度设置`,
          )
        ).version
      : (await this.policies.current('programme')).version;
    const row = await this.pin(year, version, principal, 'programme.year.open');
    await this.changed();
    return this.view(row);
  }

  /** A new version of the year's settings (validated by the programme policy schema), pinned to the year. */
  async updatePolicy(principal: Principal, year: number, body: unknown, note?: string): Promise<ProgrammeYearView> {
    this.assertMayConfigure(principal);
    await this.get(year);
    const created = await this.policies.create(principal, 'programme', body, note ?? `${year} 年度设置调整`);
    const row = await this.pin(year, created.version, principal, 'programme.year.policy');
    await this.changed();
    return this.view(row);
  }

  private pin(year: number, policyVersion: number, principal: Principal, action: string) {
    return this.repository.transaction(async (tx) => {
      await this.repository.lockYears(tx);
      const before = await this.repository.year(year, tx);
      if (action === 'programme.year.open' && before) throw new DomainError('CONFLICT', `${year} 年度双进双联已开启`);
      const row = await this.repository.upsertYear({ year, policyVersion, openedBy: principal.personId }, tx);
      await this.audit.record(
        { action, entityType: 'programme_year', entityId: String(year), unitId: null, before, after: row },
        tx as Prisma.TransactionClient,
      );
      return row;
    });
  }

  private async view(row: { year: number; policyVersion: number; openedAt: Date }): Promise<ProgrammeYearView> {
    const { data } = await this.policies.get('programme', row.policyVersion);
    return { year: row.year, policyVersion: row.policyVersion, policy: data, openedAt: row.openedAt };
  }

  private assertMayConfigure(principal: Principal) {
    if (!mayConfigureDistrict(principal))
      throw new DomainError('FORBIDDEN', '只有区级督导或系统管理员可以设置双进双联年度');
  }
}
