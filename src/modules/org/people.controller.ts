import { Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope } from '../../common/auth/current-principal.decorator';
import { Permission } from '../../common/auth/permissions';
import { Permit, unitFromBody } from '../../common/auth/permit.decorator';
import type { UnitScope } from '../../common/auth/unit-scope';
import { ApiZodBody, ZodBody } from '../../common/http/zod-body.decorator';
import { ApiZodQuery, ZodQuery } from '../../common/http/zod-query.decorator';
import {
  CreatePersonDto,
  createPersonSchema,
  CreatePositionDto,
  createPositionSchema,
  ListPeopleQuery,
  listPeopleSchema,
} from './dto/org.dto';
import { PeopleService } from './people.service';
import { ApiErrors, ApiZodResponse, ResponseOf } from '../../common/http/api-responses';
import { personDetailSchema, personPageSchema, personSchema, positionSchema } from './dto/org.dto';

@ApiTags('人员与岗位 people')
@ApiBearerAuth()
@Controller('api/v1/people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @Permit(Permission.PeopleRead)
  @ApiOperation({ summary: '管辖范围内的人员（按单元、岗位、姓名筛选）' })
  @ApiZodQuery(listPeopleSchema)
  @ApiZodResponse(200, personPageSchema)
  list(
    @CurrentScope() scope: UnitScope,
    @ZodQuery(listPeopleSchema) q: ListPeopleQuery,
  ): Promise<ResponseOf<typeof personPageSchema>> {
    return this.people.list(scope, q);
  }

  @Get(':id')
  @Permit(Permission.PeopleRead)
  @ApiOperation({ summary: '人员详情及其岗位' })
  @ApiZodResponse(200, personDetailSchema)
  get(@CurrentScope() scope: UnitScope, @Param('id') id: string): Promise<ResponseOf<typeof personDetailSchema>> {
    return this.people.get(scope, id);
  }

  @Post()
  @Permit(Permission.PeopleWrite)
  @ApiOperation({ summary: '登记人员（手机号唯一）' })
  @ApiZodBody(createPersonSchema)
  @ApiZodResponse(201, personSchema, '已登记')
  @ApiErrors(409)
  create(@ZodBody(createPersonSchema) dto: CreatePersonDto): Promise<ResponseOf<typeof personSchema>> {
    return this.people.createPerson(dto);
  }

  @Post('positions')
  @Permit(Permission.PeopleWrite, unitFromBody('unitId'))
  @ApiOperation({ summary: '任命岗位（校验岗位与单元类型）' })
  @ApiZodBody(createPositionSchema)
  @ApiZodResponse(201, positionSchema, '已任命')
  appoint(@ZodBody(createPositionSchema) dto: CreatePositionDto): Promise<ResponseOf<typeof positionSchema>> {
    return this.people.createPosition(dto);
  }
}
