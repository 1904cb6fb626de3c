import { Controller, Get, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal, CurrentScope } from '../../common/auth/current-principal.decorator';
import { Permission } from '../../common/auth/permissions';
import { Authenticated, Permit, unitFromBody } from '../../common/auth/permit.decorator';
import type { Principal } from '../../common/auth/principal';
import type { UnitScope } from '../../common/auth/unit-scope';
import { ApiErrors, ApiZodResponse } from '../../common/http/api-responses';
import { pageQuerySchema } from '../../common/http/pagination';
import type { PageQuery } from '../../common/http/pagination';
import { ApiZodBody, ZodBody } from '../../common/http/zod-body.decorator';
import { ApiZodQuery, ZodQuery } from '../../common/http/zod-query.decorator';
import {
  AddCandidatesDto,
  addCandidatesSchema,
  AdjustRiskDto,
  adjustRiskSchema,
  AgreementDto,
  agreementSchema,
  AnswerInvitationDto,
  answerInvitationSchema,
  disputeDetailSchema,
  disputePageSchema,
  IntakeDto,
  intakeSchema,
  JudicialConfirmationDto,
  judicialConfirmationSchema,
  ListDisputesQuery,
  listDisputesSchema,
  myInvitationsSchema,
  RecordSessionDto,
  recordSessionSchema,
  RecordVisitDto,
  recordVisitSchema,
  ReferDto,
  referSchema,
  ScheduleSessionDto,
  scheduleSessionSchema,
  WithdrawDto,
  withdrawSchema,
} from './dto/mediation.dto';
import { MediationService } from './mediation.service';

const answerResultSchema = z.object({
  invitationId: z.string(),
  disputeId: z.string(),
  answer: z.enum(['ACCEPT', 'DECLINE']),
});

const pdfFile = ({ fileName, bytes }: { fileName: string; bytes: Buffer }) =>
  new StreamableFile(bytes, {
    type: 'application/pdf',
    disposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  });

@ApiTags('联调小组 mediation')
@ApiBearerAuth()
@Controller('api/v1/mediation')
export class MediationController {
  constructor(private readonly mediation: MediationService) {}

  @Post('disputes')
  @Permit(Permission.CaseWrite, unitFromBody('communityId'))
  @ApiOperation({
    summary:
      '受理矛盾纠纷（来访、热线、网格员上报，或由诉求转入）：按策略计算风险等级（可附理由调整），高风险立即以紧急级别通知街道和区；' +
      '按类别的席位组建联调小组。同一 intakeKey 重复提交返回同一纠纷。由诉求转入（requestCaseId）时，诉求改为「已转矛盾调解」，' +
      '各项时限停止计时（原因「转入矛盾调解」及纠纷 id 记入诉求）；诉求已办结、已合并或已转入其他纠纷 → 409 ILLEGAL_TRANSITION，不受理',
  })
  @ApiZodBody(intakeSchema)
  @ApiZodResponse(201, disputeDetailSchema, '已受理')
  @ApiErrors(400, 404, 409)
  intake(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @ZodBody(intakeSchema) dto: IntakeDto,
  ) {
    return this.mediation.intake(principal, scope, dto);
  }

  @Get('disputes')
  @Permit(Permission.CaseRead)
  @ApiOperation({ summary: '辖区内的矛盾纠纷（按状态、风险等级、社区筛选，分页，新受理的在前），附各席位' })
  @ApiZodQuery(listDisputesSchema)
  @ApiZodResponse(200, disputePageSchema)
  list(@CurrentScope() scope: UnitScope, @ZodQuery(listDisputesSchema) q: ListDisputesQuery) {
    return this.mediation.list(scope, q);
  }

  @Get('panel/disputes')
  @Authenticated()
  @ApiOperation({ summary: '我受邀或参加的联调小组的纠纷（不限辖区，分页）' })
  @ApiZodQuery(pageQuerySchema)
  @ApiZodResponse(200, disputePageSchema)
  panelList(@CurrentPrincipal() principal: Principal, @ZodQuery(pageQuerySchema) q: PageQuery) {
    return this.mediation.panelList(principal, q);
  }

  @Get('panel/disputes/:id')
  @Authenticated()
  @ApiOperation({ summary: '联调小组成员（含受邀人）查看纠纷详情和完整时间线（不限辖区）' })
  @ApiZodResponse(200, disputeDetailSchema)
  @ApiErrors(404)
  panelDetail(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.mediation.panelDetail(principal, id);
  }

  @Get('panel/disputes/:id/agreement.pdf')
  @Authenticated()
  @ApiOperation({ summary: '联调小组成员（含受邀人）下载调解协议书 PDF（不限辖区）' })
  @ApiProduces('application/pdf')
  @ApiResponse({
    status: 200,
    description: '调解协议书',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors(404)
  async panelAgreementPdf(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return pdfFile(await this.mediation.panelAgreementPdf(principal, id));
  }

  @Get('invitations/mine')
  @Authenticated()
  @ApiOperation({ summary: '发给我的、待答复的联调小组邀请（附答复期限）' })
  @ApiZodResponse(200, myInvitationsSchema)
  myInvitations(@CurrentPrincipal() principal: Principal) {
    return this.mediation.myInvitations(principal);
  }

  @Post('invitations/:invitationId/answer')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    summary:
      '受邀人接受或婉拒邀请（仅本人）。席位已由他人接受 → 409 SLOT_ALREADY_FILLED；邀请已答复或逾期 → 409 INVITATION_CLOSED',
  })
  @ApiZodBody(answerInvitationSchema)
  @ApiZodResponse(200, answerResultSchema)
  @ApiErrors(404, 409)
  answer(
    @CurrentPrincipal() principal: Principal,
    @Param('invitationId') invitationId: string,
    @ZodBody(answerInvitationSchema) dto: AnswerInvitationDto,
  ) {
    return this.mediation.answerInvitation(principal, invitationId, dto.accept, dto.reason);
  }

  @Get('disputes/:id')
  @Permit(Permission.CaseRead)
  @ApiOperation({
    summary:
      '纠纷详情：当事人、风险等级及理由、席位与邀请（含答复期限）、调解会、协议、移送、回访、督办单、时间线和流程实时状态',
  })
  @ApiZodResponse(200, disputeDetailSchema)
  detail(@CurrentScope() scope: UnitScope, @Param('id') id: string) {
    return this.mediation.detail(scope, id);
  }

  @Get('disputes/:id/agreement.pdf')
  @Permit(Permission.CaseRead)
  @ApiOperation({ summary: '下载调解协议书 PDF' })
  @ApiProduces('application/pdf')
  @ApiResponse({
    status: 200,
    description: '调解协议书',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors(404)
  async agreementPdf(@CurrentScope() scope: UnitScope, @Param('id') id: string) {
    return pdfFile(await this.mediation.agreementPdf(scope, id));
  }

  @Post('disputes/:id/risk')
  @HttpCode(200)
  @Permit(Permission.CaseWrite)
  @ApiOperation({ summary: '承办人调整风险等级（须写明理由；调为高风险时通知街道和区）' })
  @ApiZodBody(adjustRiskSchema)
  @ApiZodResponse(200, disputeDetailSchema)
  @ApiErrors(409)
  adjustRisk(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @ZodBody(adjustRiskSchema) dto: AdjustRiskDto,
  ) {
    return this.mediation.act(principal, scope, id, 'adjustRisk', dto);
  }

  @Post('disputes/:id/slots/:slotKey/candidates')
  @HttpCode(200)
  @Permit(Permission.CaseWrite)
  @ApiOperation({ summary: '为席位补充候选人（候选人用尽时）；按顺序继续邀请' })
  @ApiZodBody(addCandidatesSchema)
  @ApiZodResponse(200, disputeDetailSchema)
  @ApiErrors(400, 409)
  addCandidates(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @Param('slotKey') slotKey: string,
    @ZodBody(addCandidatesSchema) dto: AddCandidatesDto,
  ) {
    return this.mediation.addCandidates(principal, scope, id, slotKey, dto.personIds);
  }

  @Post('disputes/:id/slots/:slotKey/withdrawal')
  @HttpCode(200)
  @Permit(Permission.CaseWrite)
  @ApiOperation({ summary: '成员回避：席位空出后按候选人顺序重新邀请' })
  @ApiZodBody(withdrawSchema)
  @ApiZodResponse(200, disputeDetailSchema)
  @ApiErrors(409)
  withdraw(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @Param('slotKey') slotKey: string,
    @ZodBody(withdrawSchema) dto: WithdrawDto,
  ) {
    return this.mediation.withdrawMember(principal, scope, id, slotKey, dto.reason);
  }

  @Post('disputes/:id/sessions')
  @HttpCode(200)
  @Permit(Permission.CaseWrite)
  @ApiOperation({
    summary: '安排调解会（地点、时间）；会前提醒成员和当事人。小组未组建完成 → 409 PANEL_NOT_CONVENED',
  })
  @ApiZodBody(scheduleSessionSchema)
  @ApiZodResponse(200, disputeDetailSchema)
  @ApiErrors(409)
  scheduleSession(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @ZodBody(scheduleSessionSchema) dto: ScheduleSessionDto,
  ) {
    return this.mediation.act(principal, scope, id, 'scheduleSession', dto);
  }

  @Post('disputes/:id/sessions/:seq/record')
  @HttpCode(200)
  @Permit(Permission.CaseWrite)
  @ApiOperation({ summary: '记录调解会的出席情况和调解笔录' })
  @ApiZodBody(recordSessionSchema)
  @ApiZodResponse(200, disputeDetailSchema)
  @ApiErrors(409)
  recordSession(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @Param('seq') seq: string,
    @ZodBody(recordSessionSchema) dto: RecordSessionDto,
  ) {
    return this.mediation.act(principal, scope, id, 'recordSession', { ...dto, seq: Number(seq) });
  }

  @Post('disputes/:id/agreement')
  @HttpCode(200)
  @Permit(Permission.CaseWrite)
  @ApiOperation({
    summary:
      '登记调解协议书（《人民调解法》第二十九条内容及签名、调解委员会）；缺项 → 400 AGREEMENT_INCOMPLETE 并列出缺少的内容。' +
      '随后生成协议书 PDF、告知司法确认期限并安排回访',
  })
  @ApiZodBody(agreementSchema)
  @ApiZodResponse(200, disputeDetailSchema)
  @ApiErrors(400, 409)
  agreement(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @ZodBody(agreementSchema) dto: AgreementDto,
  ) {
    return this.mediation.act(principal, scope, id, 'recordAgreement', { terms: dto });
  }

  @Post('disputes/:id/referral')
  @HttpCode(200)
  @Permit(Permission.CaseWrite)
  @ApiOperation({ summary: '调解不成，移送劳动仲裁、诉讼或职能部门，并记录告知当事人的情况' })
  @ApiZodBody(referSchema)
  @ApiZodResponse(200, disputeDetailSchema)
  @ApiErrors(409)
  refer(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @ZodBody(referSchema) dto: ReferDto,
  ) {
    return this.mediation.act(principal, scope, id, 'refer', dto);
  }

  @Post('disputes/:id/visits/current')
  @HttpCode(200)
  @Permit(Permission.CaseWrite)
  @ApiOperation({ summary: '登记当前到期的回访：协议是否正在履行；未履行则纠纷重新进入调解（原小组）' })
  @ApiZodBody(recordVisitSchema)
  @ApiZodResponse(200, disputeDetailSchema)
  @ApiErrors(409)
  recordVisit(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @ZodBody(recordVisitSchema) dto: RecordVisitDto,
  ) {
    return this.mediation.act(principal, scope, id, 'recordVisit', dto);
  }

  @Post('disputes/:id/judicial-confirmation')
  @HttpCode(200)
  @Permit(Permission.CaseWrite)
  @ApiOperation({ summary: '登记司法确认的申请日期、受理法院和结果（《人民调解法》第三十三条）' })
  @ApiZodBody(judicialConfirmationSchema)
  @ApiZodResponse(200, disputeDetailSchema)
  @ApiErrors(409)
  judicialConfirmation(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @ZodBody(judicialConfirmationSchema) dto: JudicialConfirmationDto,
  ) {
    return this.mediation.act(principal, scope, id, 'recordJudicialConfirmation', dto);
  }
}
