import { Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DutyMarking } from '../../generated/prisma/enums';
import { Permission } from '../../common/auth/permissions';
import { Permit, unitFromParam } from '../../common/auth/permit.decorator';
import { ApiZodBody, ZodBody } from '../../common/http/zod-body.decorator';
import { DutyService } from './duty.service';
import { ApiErrors, ApiZodResponse, ResponseOf } from '../../common/http/api-responses';
import { assignabilitySchema, communityDutySchema, dutyListSchema, setMarkingSchema } from './dto/duty.dto';

@ApiTags('权责清单 duties')
@ApiBearerAuth()
@Controller('api/v1/communities/:communityId/duties')
export class DutyController {
  constructor(private readonly duties: DutyService) {}

  @Get()
  @Permit(Permission.DutyRead, unitFromParam('communityId'))
  @ApiOperation({ summary: '社区权责清单（职责事项/配合事项，含本社区调整）' })
  @ApiZodResponse(200, dutyListSchema)
  @ApiErrors(400)
  list(@Param('communityId') communityId: string): Promise<ResponseOf<typeof dutyListSchema>> {
    return this.duties.list(communityId);
  }

  @Get(':taskCode/assignability')
  @Permit(Permission.DutyRead, unitFromParam('communityId'))
  @ApiOperation({ summary: '该类任务可否派给该社区，以及依据的规则' })
  @ApiZodResponse(200, assignabilitySchema)
  mayAssign(
    @Param('communityId') communityId: string,
    @Param('taskCode') taskCode: string,
  ): Promise<ResponseOf<typeof assignabilitySchema>> {
    return this.duties.mayAssign(communityId, taskCode);
  }

  @Put(':taskCode')
  @Permit(Permission.DutyWrite, unitFromParam('communityId'))
  @ApiOperation({ summary: '调整本社区对某事项的标注' })
  @ApiZodBody(setMarkingSchema)
  @ApiZodResponse(200, communityDutySchema)
  set(
    @Param('communityId') communityId: string,
    @Param('taskCode') taskCode: string,
    @ZodBody(setMarkingSchema) dto: { marking: DutyMarking },
  ): Promise<ResponseOf<typeof communityDutySchema>> {
    return this.duties.setMarking(communityId, taskCode, dto.marking);
  }
}
