import type { Prisma } from '../../generated/prisma/client';
import { CaseStatus } from '../../generated/prisma/enums';
import { DomainError } from '../../common/errors/domain-error';
import type { ListCasesQuery } from './dto/request-case.dto';

const NOT_OPEN: readonly CaseStatus[] = ['HANDLED', 'CLOSED', 'MERGED', 'CONVERTED'];

/** The statuses a list shows: the one asked for; open ones; or all but merged (the case they joined carries on). */
export function listedStatuses(q: Pick<ListCasesQuery, 'status' | 'open'>): CaseStatus[] {
  if (q.status) return [q.status];
  const all = Object.values(CaseStatus);
  return q.open === 'true' ? all.filter((s) => !NOT_OPEN.includes(s)) : all.filter((s) => s !== 'MERGED');
}

export const newestOrder: Prisma.RequestCaseOrderByWithRelationInput[] = [{ createdAt: 'desc' }, { id: 'desc' }];
export const deadlineOrder: Prisma.RequestCaseOrderByWithRelationInput[] = [
  { resolveDeadline: { sort: 'asc', nulls: 'first' } },
  { acceptDeadline: 'asc' },
  { id: 'asc' },
];

/** An opaque position after the last case of a page (its filing time and id). */
export const encodeCaseCursor = (row: { createdAt: Date; id: string }): string =>
  Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');

export function decodeCaseCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(createdAt.getTime()))
    throw new DomainError('VALIDATION_FAILED', 'cursor 无效，请使用上一页返回的 nextCursor');
  return { createdAt, id };
}
