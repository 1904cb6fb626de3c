import { Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { DutyMarking } from '../../generated/prisma/enums';
import { Permission } from '../../common/auth/permissions';
import { Permit, unitFromParam } from '../../common/auth/permit.decorator';
import { ApiZodBody, ZodBody } from '../../common/http/zod-body.decorator';
import { DutyService } from './duty.service';

const setMarkingSchema = z.object({ marking: z.enum(DutyMarking) });

@ApiTags('权责清单 duties')
@ApiBearerAuth()
@Controller('api/v1/communities/:communityId/duties')
export class DutyController {
  constructor(private readonly duties: DutyService) {}

  @Get()
  @Permit(Permission.DutyRead, unitFromParam('communityId'))
  @ApiOperation({ summary: '社区权责清单（职责事项/配合事项，含本社区调整）' })
  list(@Param('communityId') communityId: string) {
    return this.duties.list(communityId);
  }

  @Get(':taskCode/assignability')
  @Permit(Permission.DutyRead, unitFromParam('communityId'))
  @ApiOperation({ summary: '该类任务可否派给该社区，以及依据的规则' })
  mayAssign(@Param('communityId') communityId: string, @Param('taskCode') taskCode: string) {
    return this.duties.mayAssign(communityId, taskCode);
  }

  @Put(':taskCode')
  @Permit(Permission.DutyWrite, unitFromParam('communityId'))
  @ApiOperation({ summary: '调整本社区对某事项的标注' })
  @ApiZodBody(setMarkingSchema)
  set(@Param('communityId') communityId: string, @Param('taskCode') taskCode: string, @ZodBody(setMarkingSchema) dto: { marking: DutyMarking }) {
    return this.duties.setMarking(communityId, taskCode, dto.marking);
  }
}
