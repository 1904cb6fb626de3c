import { Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope } from '../../common/auth/current-principal.decorator';
import { Permission } from '../../common/auth/permissions';
import { Permit, unitFromBody, unitFromParam } from '../../common/auth/permit.decorator';
import type { UnitScope } from '../../common/auth/unit-scope';
import { ApiZodBody, ZodBody } from '../../common/http/zod-body.decorator';
import { ApiZodQuery, ZodQuery } from '../../common/http/zod-query.decorator';
import {
  CreateUnitDto,
  createUnitSchema,
  DescendantsQuery,
  descendantsSchema,
  handlingDepartmentSchema,
  ListUnitsQuery,
  listUnitsSchema,
  MoveUnitDto,
  moveUnitSchema,
  resolveAddressSchema,
} from './dto/org.dto';
import { OrgService } from './org.service';
import { ApiErrors, ApiZodResponse, ResponseOf } from '../../common/http/api-responses';
import {
  addressLookupSchema,
  handlingDepartmentResponseSchema,
  orgUnitDetailSchema,
  orgUnitPageSchema,
  orgUnitSchema,
  staffSchema,
} from './dto/org.dto';

@ApiTags('组织架构 org')
@ApiBearerAuth()
@Controller('api/v1/org')
export class OrgController {
  constructor(private readonly org: OrgService) {}

  @Get('units')
  @Permit(Permission.OrgRead)
  @ApiOperation({ summary: '列出管辖范围内的组织单元（可按类型、上级、名称筛选）' })
  @ApiZodQuery(listUnitsSchema)
  @ApiZodResponse(200, orgUnitPageSchema)
  list(
    @CurrentScope() scope: UnitScope,
    @ZodQuery(listUnitsSchema) q: ListUnitsQuery,
  ): Promise<ResponseOf<typeof orgUnitPageSchema>> {
    return this.org.listUnits(scope, q);
  }

  @Get('units/:id')
  @Permit(Permission.OrgRead, unitFromParam('id'))
  @ApiOperation({ summary: '组织单元详情，含上级链' })
  @ApiZodResponse(200, orgUnitDetailSchema)
  get(@Param('id') id: string): Promise<ResponseOf<typeof orgUnitDetailSchema>> {
    return this.org.getUnit(id);
  }

  @Get('units/:id/descendants')
  @Permit(Permission.OrgRead, unitFromParam('id'))
  @ApiOperation({ summary: '某单元之下的全部单元（闭包表一次查询）' })
  @ApiZodQuery(descendantsSchema)
  @ApiZodResponse(200, orgUnitPageSchema)
  descendants(
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @ZodQuery(descendantsSchema) q: DescendantsQuery,
  ): Promise<ResponseOf<typeof orgUnitPageSchema>> {
    return this.org.descendants(scope, id, q);
  }

  @Post('units')
  @Permit(Permission.OrgWrite, unitFromBody('parentId'))
  @ApiOperation({ summary: '新建组织单元（校验上级类型）' })
  @ApiZodBody(createUnitSchema)
  @ApiZodResponse(201, orgUnitSchema, '已创建')
  @ApiErrors(409)
  create(@ZodBody(createUnitSchema) dto: CreateUnitDto): Promise<ResponseOf<typeof orgUnitSchema>> {
    return this.org.createUnit(dto);
  }

  @Patch('units/:id/parent')
  @Permit(Permission.OrgWrite, unitFromParam('id'), unitFromBody('parentId'))
  @ApiOperation({ summary: '调整上级单元（拒绝形成环）' })
  @ApiZodBody(moveUnitSchema)
  @ApiZodResponse(200, orgUnitSchema)
  move(@Param('id') id: string, @ZodBody(moveUnitSchema) dto: MoveUnitDto): Promise<ResponseOf<typeof orgUnitSchema>> {
    return this.org.moveUnit(id, dto.parentId);
  }

  @Get('grids/:id/staff')
  @Permit(Permission.OrgRead, unitFromParam('id'))
  @ApiOperation({ summary: '网格的网格长、网格员' })
  @ApiZodResponse(200, staffSchema)
  gridStaff(@Param('id') id: string): Promise<ResponseOf<typeof staffSchema>> {
    return this.org.gridStaff(id);
  }

  @Get('address-lookup')
  @Permit(Permission.OrgRead)
  @ApiOperation({ summary: '地址所属网格及其责任人' })
  @ApiZodQuery(resolveAddressSchema)
  @ApiZodResponse(200, addressLookupSchema)
  @ApiErrors(404)
  resolveAddress(
    @CurrentScope() scope: UnitScope,
    @ZodQuery(resolveAddressSchema) q: { address: string },
  ): Promise<ResponseOf<typeof addressLookupSchema>> {
    return this.org.resolveAddress(scope, q.address);
  }

  @Get('streets/:id/handling-department')
  @Permit(Permission.OrgRead, unitFromParam('id'))
  @ApiOperation({ summary: '某街道负责某类诉求的部门' })
  @ApiZodQuery(handlingDepartmentSchema)
  @ApiZodResponse(200, handlingDepartmentResponseSchema)
  handlingDepartment(
    @Param('id') id: string,
    @ZodQuery(handlingDepartmentSchema) q: { category: string },
  ): Promise<ResponseOf<typeof handlingDepartmentResponseSchema>> {
    return this.org.handlingDepartment(id, q.category);
  }
}
