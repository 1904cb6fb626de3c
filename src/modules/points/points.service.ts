import { Injectable } from '@nestjs/common';
import type { UnitScope } from '../../common/auth/unit-scope';
import { pageOf, toSkipTake } from '../../common/http/pagination';
import type { PointsBalancesQuery, PointsEntriesQuery } from './dto/points.dto';
import { PointsRepository } from './points.repository';

/** The points ledger, read only: entries as written, balances and rankings summed per period, never stored. */
@Injectable()
export class PointsService {
  constructor(private readonly points: PointsRepository) {}

  async entries(scope: UnitScope, q: PointsEntriesQuery) {
    const { items, total } = await this.points.entries(
      scope,
      {
        unitId: q.unitId,
        personId: q.personId,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      },
      toSkipTake(q),
    );
    return pageOf(items, total, q);
  }

  async balances(scope: UnitScope, q: PointsBalancesQuery) {
    const page = toSkipTake(q);
    const { rows, total } = await this.points.balances(scope, new Date(q.from), new Date(q.to), q.groupBy, page);
    return {
      from: q.from,
      to: q.to,
      groupBy: q.groupBy,
      total,
      page: q.page,
      pageSize: q.pageSize,
      items: rows.map((row, i) => ({ rank: page.skip + i + 1, ...row })),
    };
  }
}
