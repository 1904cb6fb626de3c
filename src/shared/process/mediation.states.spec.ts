import {
  agreementRefusalMessage,
  DISPUTE_ACTIONS,
  DISPUTE_STATES,
  disputeActionRefusal,
  missingAgreementContent,
  panelConvened,
} from './mediation.states';
import type { AgreementTerms, DisputeAction, DisputeState } from './mediation.states';
import { invitationAnswerRefusal, withdrawRefusal } from './mediation-panel.states';

const complete = (): AgreementTerms => ({
  committeeName: '顺正河社区人民调解委员会',
  parties: [
    { designation: '甲方', name: '职工', kind: 'GROUP', headCount: 80 },
    { designation: '乙方', name: '公司', kind: 'ENTERPRISE', headCount: 1 },
  ],
  facts: '搬迁',
  disputedMatters: ['补偿'],
  responsibilities: [{ party: '乙方', text: '支付补偿' }],
  terms: ['支付 240 万元'],
  performance: { method: '转账', deadline: '2026-12-31' },
  partySignatures: [
    { party: '甲方', signedBy: '王某', signedOn: '2026-11-30' },
    { party: '乙方', signedBy: '李某', signedOn: '2026-11-30' },
  ],
  mediatorSignatures: [{ name: '张书记', role: 'COMMUNITY_SECRETARY', signedOn: '2026-11-30' }],
  effectiveOn: '2026-11-30',
});

describe('mediation state table', () => {
  it('names only known states and never leaves a final one', () => {
    for (const [action, step] of Object.entries(DISPUTE_ACTIONS)) {
      for (const s of [...step.from, ...step.to]) expect(DISPUTE_STATES).toHaveProperty(s);
      if (action !== 'recordJudicialConfirmation') expect(step.from.filter((s) => DISPUTE_STATES[s].final)).toEqual([]);
    }
  });

  it.each(Object.keys(DISPUTE_STATES) as DisputeState[])('refuses steps the table does not allow from %s', (state) => {
    for (const action of Object.keys(DISPUTE_ACTIONS) as DisputeAction[]) {
      const refusal = disputeActionRefusal(action, state);
      expect(refusal === undefined).toBe(DISPUTE_ACTIONS[action].from.includes(state));
    }
  });

  it('a session while the panel is forming is refused as not convened, in Chinese', () => {
    expect(disputeActionRefusal('scheduleSession', 'FORMING')).toEqual({
      code: 'PANEL_NOT_CONVENED',
      message: '调解小组尚未组建完成（必选席位未全部落实），不能安排调解会',
    });
    expect(disputeActionRefusal('scheduleSession', 'REFERRED')?.code).toBe('ILLEGAL_TRANSITION');
  });

  it('the panel is convened when every required slot is filled, optional ones aside', () => {
    expect(
      panelConvened([
        { required: true, status: 'FILLED' },
        { required: false, status: 'EXHAUSTED' },
      ]),
    ).toBe(true);
    expect(panelConvened([{ required: true, status: 'INVITING' }])).toBe(false);
  });

  it('an agreement lacking Article 29 content is refused with every missing item, in the law’s order', () => {
    expect(missingAgreementContent(complete())).toEqual([]);
    const t = complete();
    t.facts = ' ';
    t.performance = { method: '转账', deadline: '年底' };
    t.partySignatures = t.partySignatures.slice(0, 1);
    expect(agreementRefusalMessage(missingAgreementContent(t))).toBe(
      '调解协议书缺少《人民调解法》第二十九条规定的内容：纠纷的主要事实；履行期限；各方当事人签名（盖章）',
    );
    expect(missingAgreementContent(undefined)).toHaveLength(11);
  });

  it('a second acceptance for a filled slot and an answered invitation are refused differently', () => {
    expect(invitationAnswerRefusal('PENDING', 'INVITING', '律师')).toBeUndefined();
    expect(invitationAnswerRefusal('TIMED_OUT', 'FILLED', '律师')?.code).toBe('SLOT_ALREADY_FILLED');
    expect(invitationAnswerRefusal('DECLINED', 'INVITING', '律师')?.code).toBe('INVITATION_CLOSED');
    expect(invitationAnswerRefusal('ACCEPTED', 'FILLED', '律师')?.code).toBe('INVITATION_CLOSED');
    expect(withdrawRefusal('ACCEPTED')).toBeUndefined();
    expect(withdrawRefusal('PENDING')?.message).toContain('无需回避');
  });
});
