import { Injectable } from '@nestjs/common';
import type { UnitScope } from '../../common/auth/unit-scope';
import { ratio } from '../../shared/ratio';
import type { CaseMeasuresQuery } from './dto/case-measures.dto';
import { CaseMeasuresRepository, MeasureCounts } from './case-measures.repository';

/** Descending with "no figure" last. */
const desc = (a: number | null, b: number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : b - a);

function ratesOf(c: MeasureCounts) {
  return {
    responseRate: ratio(c.acceptedOnTime, c.responseDue),
    resolutionRate: ratio(c.handled, c.accepted - c.transferred),
    onTimeRate: { accept: ratio(c.acceptedOnTime, c.accepted), resolution: ratio(c.handledOnTime, c.resolutionDue) },
    satisfactionRate: ratio(c.satisfied, c.rated),
  };
}

/** 三率 (response, resolution, satisfaction) per unit or per person, ranked; the counting happens in SQL. */
@Injectable()
export class CaseMeasuresService {
  constructor(private readonly measures: CaseMeasuresRepository) {}

  async measure(scope: UnitScope, q: CaseMeasuresQuery) {
    const period = { from: new Date(q.from), to: new Date(q.to), asOf: new Date() };
    const rows =
      q.groupBy === 'unit'
        ? (await this.measures.byUnit(scope, period, q.level)).map(({ id, code, name, kind, ...counts }) => ({
            unit: { id, code, name, kind },
            counts,
            label: code,
          }))
        : (await this.measures.byPerson(scope, period)).map(({ id, name, ...counts }) => ({
            person: { id, name },
            counts,
            label: name + id,
          }));
    const items = rows
      .map(({ label, ...row }) => ({ ...row, ...ratesOf(row.counts), label }))
      .sort(
        (a, b) =>
          desc(a.onTimeRate.resolution, b.onTimeRate.resolution) ||
          desc(a.responseRate, b.responseRate) ||
          b.counts.total - a.counts.total ||
          a.label.localeCompare(b.label),
      )
      .map(({ label: _label, ...item }, i) => ({ rank: i + 1, ...item }));
    return {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      asOf: period.asOf.toISOString(),
      groupBy: q.groupBy,
      level: q.groupBy === 'unit' ? q.level : null,
      total: items.length,
      items,
    };
  }
}
