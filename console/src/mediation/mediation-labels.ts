import { MEDIATOR_ROLE_LABELS } from '../../../src/modules/mediation/mediation-agreement-document';
import { INVITATION_LABELS, SLOT_LABELS } from '../../../src/shared/process/mediation-panel.states';
import { DISPUTE_STATES, RISK_LABELS } from '../../../src/shared/process/mediation.states';

export { INVITATION_LABELS, MEDIATOR_ROLE_LABELS, RISK_LABELS, SLOT_LABELS };

export const disputeStateLabel = (s: string): string => DISPUTE_STATES[s as keyof typeof DISPUTE_STATES]?.label ?? s;
export const riskLabel = (g: string): string => RISK_LABELS[g as keyof typeof RISK_LABELS] ?? g;
export const slotLabel = (s: string): string => SLOT_LABELS[s as keyof typeof SLOT_LABELS] ?? s;
export const invitationLabel = (s: string): string => INVITATION_LABELS[s as keyof typeof INVITATION_LABELS] ?? s;

export const riskColor: Record<string, string> = { LOW: 'green', MEDIUM: 'orange', HIGH: 'red' };
export const slotColor: Record<string, string> = {
  OPEN: 'default',
  INVITING: 'processing',
  FILLED: 'green',
  EXHAUSTED: 'red',
};
export const invitationColor: Record<string, string> = {
  PENDING: 'processing',
  ACCEPTED: 'green',
  DECLINED: 'orange',
  TIMED_OUT: 'red',
  WITHDRAWN: 'default',
};
export const disputeStateColor: Record<string, string> = {
  FORMING: 'processing',
  CONVENED: 'blue',
  AGREED: 'green',
  REFERRED: 'purple',
  CLOSED: 'default',
};

export const partyKindLabel: Record<string, string> = { PERSON: '自然人', ENTERPRISE: '企业', GROUP: '群体' };
export const sourceLabel: Record<string, string> = {
  WALK_IN: '来访',
  HOTLINE: '热线',
  GRID_WORKER: '网格员上报',
  REQUEST_CASE: '诉求转入',
};
export const referralLabel: Record<string, string> = {
  LABOUR_ARBITRATION: '劳动仲裁',
  LITIGATION: '诉讼',
  DEPARTMENT: '职能部门',
};
export const DISPUTE_CATEGORIES = ['劳资纠纷（调解）', '邻里纠纷', '婚姻家庭纠纷', '物业纠纷', '土地纠纷', '其他纠纷'];
export const DISPUTE_STATES_FILTER = Object.fromEntries(
  ['FORMING', 'CONVENED', 'AGREED', 'REFERRED', 'CLOSED'].map((k) => [k, { text: disputeStateLabel(k) }]),
);

export const timelineLabel: Record<string, string> = {
  INTAKE: '受理纠纷',
  CONVERTED_TO_MEDIATION: '由诉求转入',
  PANEL_FORMING: '开始组建联调小组',
  INVITED: '发出邀请',
  INVITATION_ACCEPTED: '接受邀请',
  INVITATION_DECLINED: '婉拒邀请',
  INVITATION_TIMED_OUT: '邀请逾期未答复',
  INVITATION_WITHDRAWN: '邀请撤回',
  MEMBER_WITHDRAWN: '成员回避',
  SLOT_EXHAUSTED: '席位候选人已用尽',
  CANDIDATES_ADDED: '补充候选人',
  CONVENED: '联调小组组建完成',
  PANEL_INCOMPLETE: '必需席位空缺，重新邀请',
  RISK_ADJUSTED: '调整风险等级',
  SESSION_SCHEDULED: '安排调解会',
  SESSION_REMINDED: '调解会提醒',
  SESSION_RECORDED: '记录调解会',
  ESCALATED: '超过调解期限，街道督办',
  AGREED: '达成调解协议',
  AGREEMENT_PDF: '生成调解协议书 PDF',
  JUDICIAL_CONFIRMATION_NOTICE: '告知可申请司法确认',
  JUDICIAL_CONFIRMATION: '登记司法确认',
  REFERRED: '调解不成移送',
  VISIT_DUE: '回访到期',
  VISIT_PERFORMED: '回访：协议正在履行',
  VISIT_BROKEN: '回访：协议未履行',
  REOPENED: '重新调解',
  CLOSED: '结案',
  STALE_ANSWER: '过期的答复（已忽略）',
  STALE_WITHDRAWAL: '过期的回避申请（已忽略）',
};
