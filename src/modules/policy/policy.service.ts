import { Injectable } from '@nestjs/common';
import type { ZodType } from 'zod';
import type { Prisma } from '../../generated/prisma/client';
import { mayConfigureDistrict } from '../../common/auth/permissions';
import type { Principal } from '../../common/auth/principal';
import { DomainError } from '../../common/errors/domain-error';
import { ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { AuditService } from '../audit/audit.service';
import { PolicyRepository } from './policy.repository';
import { isProcessKey, PolicyDataOf, ProcessKey, processKeys, processPolicies } from './process-policy.registry';

export interface PolicyVersionView<T> {
  process: string;
  version: number;
  data: T;
  note: string | null;
  createdBy: string | null;
  createdAt: Date;
}

type Row = NonNullable<Awaited<ReturnType<PolicyRepository['find']>>>;
const view = <T>(row: Row): PolicyVersionView<T> => ({
  process: row.process,
  version: row.version,
  data: row.data as T,
  note: row.note,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
});

/** Versioned process policies. A running case keeps the version it started with; a new version only affects new cases. */
@Injectable()
export class ProcessPolicyService {
  constructor(
    private readonly repository: PolicyRepository,
    private readonly audit: AuditService,
  ) {}

  async current<K extends string>(process: K): Promise<PolicyVersionView<PolicyDataOf<K>>> {
    const key = this.processKey(process);
    let row = await this.repository.latest(key);
    if (!row) {
      await this.ensureDefaults(key);
      row = await this.repository.latest(key);
    }
    if (!row) throw new DomainError('INTERNAL', `流程 ${key} 没有可用的策略版本`);
    return view(row);
  }

  async get<K extends string>(process: K, version: number): Promise<PolicyVersionView<PolicyDataOf<K>>> {
    const key = this.processKey(process);
    const row = await this.repository.find(key, version);
    if (!row) throw new DomainError('NOT_FOUND', `流程 ${key} 没有第 ${version} 版策略`);
    return view(row);
  }

  async list<K extends string>(process: K): Promise<PolicyVersionView<PolicyDataOf<K>>[]> {
    return (await this.repository.list(this.processKey(process))).map((row) => view(row));
  }

  /** Unknown process → 404, caller below district level → 403, invalid policy → 400; only then a new version. */
  async create<K extends string>(
    principal: Principal,
    process: K,
    body: unknown,
    note?: string,
  ): Promise<PolicyVersionView<PolicyDataOf<K>>> {
    const key = this.processKey(process);
    if (!mayConfigureDistrict(principal))
      throw new DomainError('FORBIDDEN', '只有区级督导或系统管理员可以修改流程策略');
    const schema: ZodType = processPolicies[key].schema;
    const data = new ZodValidationPipe(schema).transform(body);
    return view(await this.insertNext(key, data as Prisma.InputJsonValue, note, principal.personId));
  }

  /** Version 1 with the defaults when a process has none yet; safe to run from several processes at once. */
  async ensureDefaults(process: ProcessKey): Promise<boolean> {
    return this.repository.transaction(async (tx) => {
      await this.repository.lockProcess(process, tx);
      if (await this.repository.latest(process, tx)) return false;
      await this.insertIn(
        tx,
        process,
        1,
        processPolicies[process].defaults as Prisma.InputJsonValue,
        '系统初始版本（领域默认值）',
      );
      return true;
    });
  }

  async ensureAllDefaults(): Promise<void> {
    for (const process of processKeys) await this.ensureDefaults(process);
  }

  private insertNext(process: ProcessKey, data: Prisma.InputJsonValue, note: string | undefined, createdBy: string) {
    return this.repository.transaction(async (tx) => {
      await this.repository.lockProcess(process, tx);
      const latest = await this.repository.latest(process, tx);
      return this.insertIn(tx, process, (latest?.version ?? 0) + 1, data, note, createdBy);
    });
  }

  private async insertIn(
    tx: Prisma.TransactionClient,
    process: ProcessKey,
    version: number,
    data: Prisma.InputJsonValue,
    note?: string,
    createdBy?: string,
  ) {
    const row = await this.repository.insert({ process, version, data, note, createdBy }, tx);
    await this.audit.record(
      { action: 'policy.version.create', entityType: 'policy_version', entityId: row.id, unitId: null, after: row },
      tx,
    );
    return row;
  }

  private processKey(process: string): ProcessKey {
    if (isProcessKey(process)) return process;
    throw new DomainError('NOT_FOUND', `未知流程「${process}」，可配置的流程：${processKeys.join(', ')}`);
  }
}
