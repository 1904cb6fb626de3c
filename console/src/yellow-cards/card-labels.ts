import { CARD_STATES, type CardState } from '../../../src/shared/process/yellow-card.states';

export { CARD_ACTIONS, INTERVIEW_ACTION, type CardState } from '../../../src/shared/process/yellow-card.states';

export const cardStateLabel = Object.fromEntries(
  Object.entries(CARD_STATES).map(([state, s]) => [state, s.label]),
) as Record<CardState, string>;

export const cardStateColor: Record<CardState, string> = {
  ISSUED: 'gold',
  SUBMITTED: 'blue',
  SENT_BACK: 'orange',
  APPEALED: 'purple',
  RECTIFIED: 'green',
  VOID: 'default',
};

export const holderKindLabel: Record<string, string> = { UNIT: '单位', PERSON: '个人' };

export const interviewLabel: Record<string, string> = {
  SCHEDULED: '待约谈',
  HELD: '已约谈',
  CANCELLED: '已取消',
};

export const cardEventLabel: Record<string, string> = {
  ISSUED: '签发黄牌',
  YELLOW_CARD: '签发黄牌',
  REMINDED: '时限提醒',
  SUBMITTED: '提交说明和整改方案',
  SENT_BACK: '退回修改',
  RECTIFIED: '审核通过，已整改',
  APPEALED: '提出申诉',
  APPEAL_UPHELD: '申诉成立，黄牌撤销',
  APPEAL_REJECTED: '申诉驳回',
  ESCALATED: '逾期升级',
  INTERVIEW_SCHEDULED: '安排约谈',
  INTERVIEW_HELD: '已约谈',
  ANNUAL_REVIEW_FLAGGED: '列入年度述职评议',
  VOIDED_WITH_RATING: '评价撤销，黄牌随之撤销',
};
