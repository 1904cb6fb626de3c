import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope } from '../../common/auth/current-principal.decorator';
import { Permission } from '../../common/auth/permissions';
import { Permit } from '../../common/auth/permit.decorator';
import type { UnitScope } from '../../common/auth/unit-scope';
import { ApiZodQuery, ZodQuery } from '../../common/http/zod-query.decorator';
import { CaseMeasuresService } from './case-measures.service';
import { CaseMeasuresQuery, caseMeasuresSchema } from './dto/case-measures.dto';
import { ApiZodResponse } from '../../common/http/api-responses';
import { caseMeasuresResultSchema } from './dto/case-measures.dto';

const DEFINITIONS = `
统计对象：创建时间在 [from, to) 内、网格在调用者管辖范围内的诉求。groupBy=unit 时按诉求所在网格经闭包表归集到 level 指定的网格/社区/街道（只列出管辖范围内的单位）；groupBy=person 时计入受理或处置该诉求的人员（诉求时间线 ACCEPTED/HANDLED 事件的操作人，一件诉求可计入多人）。asOf 为计算时刻。
- 已受理 accepted：状态不再是 REPORTED。按时受理 acceptedOnTime：acceptedAt ≤ acceptDeadline。应响应 responseDue：已受理，或受理时限在 asOf 之前已到期。
- 响应率 responseRate = acceptedOnTime ÷ responseDue（仍在受理时限内且未受理的诉求不计入）。
- 解决率 resolutionRate = handled ÷ (accepted − transferred)，handled 为状态 HANDLED 或 CLOSED；transferred 为已并案（MERGED）或已转矛盾调解（CONVERTED）的诉求，已作答复、在别处解决，不计入解决率和按时办结的分母。
- 按时率 onTimeRate.accept = acceptedOnTime ÷ accepted；onTimeRate.resolution = handledOnTime ÷ resolutionDue，handledOnTime 为 handledAt ≤ resolveDeadline 的已处置诉求，resolutionDue 为已处置、或已受理（未并案、未转调解）且办结时限在 asOf 之前已到期的诉求。
- 满意率 satisfactionRate = satisfied ÷ rated：rated 为群众已评价且评价未因申诉成立被撤销的诉求（逾期未评价的不计入分子分母），satisfied 为其中四星、五星的诉求。
- 分母为 0 时比率为 null；比率为 0–1 的小数，保留 4 位。排序：onTimeRate.resolution 降序，再按 responseRate 降序（null 在后），再按总数降序。counts.escalated 为 escalationLevel > 0 的诉求数。
Scope: cases created in [from, to) whose grid lies in the caller's scope. groupBy=unit rolls cases up from their grid through the closure table to the grid, community or street named by level (only units inside the scope are listed); groupBy=person counts a case for each person who accepted or handled it (actor of its ACCEPTED/HANDLED timeline events). asOf is when the figures were computed.
- accepted: status is no longer REPORTED. acceptedOnTime: acceptedAt ≤ acceptDeadline. responseDue: accepted, or the accept deadline passed before asOf.
- Response rate = acceptedOnTime ÷ responseDue (cases still inside their accept window and not yet accepted are left out).
- Resolution rate = handled ÷ (accepted − transferred), handled meaning status HANDLED or CLOSED; transferred counts cases merged into another (MERGED) or converted into a mediation dispute (CONVERTED): answered, resolved elsewhere, so left out of both resolution denominators.
- On-time rates: accept = acceptedOnTime ÷ accepted; resolution = handledOnTime ÷ resolutionDue, where handledOnTime is handled with handledAt ≤ resolveDeadline and resolutionDue is handled, or accepted (not merged or converted) with the resolve deadline passed before asOf.
- Satisfaction rate = satisfied ÷ rated: rated counts cases the resident rated whose rating was not struck out by an upheld appeal (unrated cases count in neither); satisfied counts those with four or five stars.
- A rate with a zero denominator is null; rates are fractions 0–1 rounded to 4 places. Ranked by resolution on-time rate, then response rate (descending, nulls last), then total. counts.escalated: cases with escalationLevel > 0.`;

@ApiTags('群众诉求 cases')
@ApiBearerAuth()
@Controller('api/v1/case-measures')
export class CaseMeasuresController {
  constructor(private readonly measures: CaseMeasuresService) {}

  @Get()
  @Permit(Permission.CaseRead)
  @ApiOperation({ summary: '三率：响应率、解决率、满意率（按单位或人员排名）', description: DEFINITIONS.trim() })
  @ApiZodQuery(caseMeasuresSchema)
  @ApiZodResponse(200, caseMeasuresResultSchema)
  measure(@CurrentScope() scope: UnitScope, @ZodQuery(caseMeasuresSchema) q: CaseMeasuresQuery) {
    return this.measures.measure(scope, q);
  }
}
