export { caseStateLabel } from '../../../src/shared/process/request-case.states';

export const clockLabel: Record<string, string> = {
  accept: '受理时限',
  resolution: '办结时限',
  rework: '重新办理时限',
  firstResponse: '首次反馈时限',
  contactDepartment: '联系街道部门时限',
};

export const clockStateLabel: Record<string, string> = {
  running: '计时中',
  paused: '已暂停',
  met: '已按时完成',
  lapsed: '已超时',
  stopped: '已停止',
};

/** The ladder's rungs above the grid (网格员 → 社区 → 街道部门 → 区督办). */
export const escalationLabel = (level: number): string =>
  ['', '已升级至社区', '已升级至街道部门', '已升级至区级督办'][level] ?? `已升级 ${level} 级`;

export const eventLabel: Record<string, string> = {
  REPORTED: '登记诉求',
  ACCEPTED: '受理',
  HANDLING: '开始处置',
  PROGRESS: '处置进展',
  HANDLED: '已处置并答复',
  CLOSED: '办结',
  RETURNED: '退回',
  REASSIGNED: '重新派单',
  MERGED: '合并',
  DISPUTED: '群众提出异议',
  REMINDED: '时限提醒',
  ESCALATED: '超时升级',
  WAITING_RESIDENT: '请群众补充信息',
  INFO_REQUESTED: '请群众补充信息',
  INFO_PROVIDED: '群众已补充信息',
  EXTENSION_REQUESTED: '申请延期',
  EXTENSION_DECIDED: '延期审批',
  DEADLINE_RECOMPUTED: '时限重算',
  POLICY_MIGRATED: '流程策略迁移',
  DEPARTMENT_CONTACTED: '已联系街道部门',
  SUPERVISION_ORDER: '督办单',
  CO_HANDLER_ADDED: '邀请协办',
  CO_HANDLER_REMOVED: '移除协办单位',
  CO_HANDLER_PROGRESS: '协办进展',
  CO_HANDLER_DONE: '协办完成',
  CO_HANDLER_STOPPED: '协办终止',
  RATED: '群众评价',
  UNRATED: '未评价',
  CONVERTED_TO_MEDIATION: '转入联调小组调解',
  CONVERTED: '已转矛盾调解（时限停止）',
};

export const urgencyLabel: Record<string, string> = { NORMAL: '一般', URGENT: '紧急', CRITICAL: '特急' };
