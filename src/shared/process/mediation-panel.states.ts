/**
 * 联调小组 panel slots: each role slot invites its candidates one at a time; an invitation is answered once. Written
 * once for the workflow (which ignores and records stale answers) and the API (which refuses them before signalling).
 */
export type SlotStatus = 'OPEN' | 'INVITING' | 'FILLED' | 'EXHAUSTED';
export type InvitationStatus = 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'TIMED_OUT' | 'WITHDRAWN';

export const SLOT_LABELS: Readonly<Record<SlotStatus, string>> = {
  OPEN: '待邀请',
  INVITING: '邀请中',
  FILLED: '已落实',
  EXHAUSTED: '候选人已用尽',
};
export const INVITATION_LABELS: Readonly<Record<InvitationStatus, string>> = {
  PENDING: '待答复',
  ACCEPTED: '已接受',
  DECLINED: '已婉拒',
  TIMED_OUT: '逾期未答复',
  WITHDRAWN: '已回避',
};

export interface PanelRefusal {
  code: 'SLOT_ALREADY_FILLED' | 'INVITATION_CLOSED';
  message: string;
}

/** Why an invitation may not be answered now: the slot was filled meanwhile, or this invitation is no longer open. */
export function invitationAnswerRefusal(
  invitation: InvitationStatus,
  slot: SlotStatus,
  slotLabel: string,
): PanelRefusal | undefined {
  if (invitation === 'PENDING' && slot !== 'FILLED') return undefined;
  if (slot === 'FILLED' && invitation !== 'ACCEPTED')
    return { code: 'SLOT_ALREADY_FILLED', message: `「${slotLabel}」席位已由其他成员接受，您的邀请已失效，无需再答复` };
  return {
    code: 'INVITATION_CLOSED',
    message: `该邀请当前为「${INVITATION_LABELS[invitation]}」，不能再次答复`,
  };
}

/** Only a member who accepted and still serves may withdraw (回避). */
export function withdrawRefusal(invitation: InvitationStatus): PanelRefusal | undefined {
  if (invitation === 'ACCEPTED') return undefined;
  return { code: 'INVITATION_CLOSED', message: `该成员的邀请当前为「${INVITATION_LABELS[invitation]}」，无需回避` };
}
