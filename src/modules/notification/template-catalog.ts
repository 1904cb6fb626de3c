/**
 * The templates producers send, with the variables each producer supplies (its contract). Supervisors may
 * re-word a template as a new version, but only with these variables: that is checked when the version is saved.
 */
export const templateCatalog = {
  'auth.one-time-code': {
    variables: ['code', 'minutes'],
    title: '登录验证码',
    body: '您的验证码是 {{code}}，{{minutes}} 分钟内有效。如非本人操作请忽略。',
  },
  'notify.escalation': {
    variables: ['originalTitle', 'originalRecipient', 'sentAt'],
    title: '【未确认上报】{{originalTitle}}',
    body: '发给{{originalRecipient}}的提醒「{{originalTitle}}」自 {{sentAt}} 起仍未确认，请督促处理。',
  },
  'notify.digest': {
    variables: ['periodLabel', 'count', 'items'],
    title: '{{periodLabel}}待办汇总（{{count}} 项）',
    body: '您有 {{count}} 项待办：\n{{items}}',
  },
  'notify.broadcast': {
    variables: ['title', 'text'],
    title: '{{title}}',
    body: '{{text}}',
  },
  'request.reminder': {
    variables: ['caseNo', 'clockLabel', 'deadline', 'percent'],
    title: '诉求 {{caseNo}} {{clockLabel}}即将到期',
    body: '诉求 {{caseNo}} 的{{clockLabel}}时限已用去 {{percent}}%，截止 {{deadline}}，请尽快处理。',
  },
  'request.escalation': {
    variables: ['caseNo', 'clockLabel', 'deadline', 'levelLabel'],
    title: '诉求 {{caseNo}} {{clockLabel}}超时，已上报{{levelLabel}}',
    body: '诉求 {{caseNo}} 的{{clockLabel}}已于 {{deadline}} 超时，已自动升级至{{levelLabel}}督办。',
  },
  'request.returned': {
    variables: ['caseNo', 'reason'],
    title: '诉求 {{caseNo}} 被退回，请重新派单',
    body: '承办网格认为诉求 {{caseNo}} 不属于本单位职责，理由：{{reason}}。请核实后重新派单。',
  },
  'rating.invitation': {
    variables: ['caseNo', 'days'],
    title: '请评价诉求 {{caseNo}} 的办理情况',
    body: '您反映的诉求 {{caseNo}} 已办结。请在 {{days}} 天内登录为办理情况评价（1–5 星），您的评价将用于考核承办单位。',
  },
  'mediation.risk-alert': {
    variables: ['disputeNo', 'subject', 'riskLabel', 'reasons', 'communityName'],
    title: '【{{riskLabel}}】矛盾纠纷 {{disputeNo}}：{{subject}}',
    body: '{{communityName}}受理的矛盾纠纷 {{disputeNo}}（{{subject}}）评定为{{riskLabel}}：{{reasons}}。请立即关注并指导联调小组处置。',
  },
  'mediation.invitation': {
    variables: ['disputeNo', 'subject', 'slotLabel', 'deadline'],
    title: '邀请您作为{{slotLabel}}参加联调小组（{{disputeNo}}）',
    body: '矛盾纠纷 {{disputeNo}}（{{subject}}）邀请您以{{slotLabel}}身份参加联调小组，请于 {{deadline}} 前接受或婉拒。',
  },
  'mediation.session': {
    variables: ['disputeNo', 'subject', 'place', 'startsAt', 'seq'],
    title: '调解会提醒：{{disputeNo}} 第 {{seq}} 次调解',
    body: '矛盾纠纷 {{disputeNo}}（{{subject}}）第 {{seq}} 次调解会定于 {{startsAt}} 在{{place}}举行，请准时参加。',
  },
  'mediation.overdue': {
    variables: ['disputeNo', 'subject', 'deadline', 'orderDeadline'],
    title: '【督办】矛盾纠纷 {{disputeNo}} 调解超期',
    body: '矛盾纠纷 {{disputeNo}}（{{subject}}）的调解期限已于 {{deadline}} 届满，已生成督办单，请于 {{orderDeadline}} 前督促办结。',
  },
  'mediation.progress': {
    variables: ['disputeNo', 'eventLabel', 'note'],
    title: '矛盾纠纷 {{disputeNo}}：{{eventLabel}}',
    body: '矛盾纠纷 {{disputeNo}}：{{eventLabel}}。{{note}}',
  },
  'mediation.visit': {
    variables: ['disputeNo', 'subject', 'dueAt', 'seq'],
    title: '回访提醒：{{disputeNo}} 第 {{seq}} 次回访',
    body: '请于 {{dueAt}} 前完成矛盾纠纷 {{disputeNo}}（{{subject}}）调解协议履行情况的第 {{seq}} 次回访并登记。',
  },
  'card.issued': {
    variables: ['cardNo', 'caseNo', 'holderLabel', 'deadline', 'repeatCount'],
    title: '黄牌预警 {{cardNo}}：{{holderLabel}}',
    body: '因诉求 {{caseNo}} 被群众评为一星，向{{holderLabel}}发出黄牌预警（周期内第 {{repeatCount}} 张）。请于 {{deadline}} 前提交书面说明和整改方案。',
  },
  'card.reminder': {
    variables: ['cardNo', 'whatLabel', 'deadline', 'percent'],
    title: '黄牌 {{cardNo}} {{whatLabel}}即将到期',
    body: '黄牌 {{cardNo}} 的{{whatLabel}}时限已用去 {{percent}}%，截止 {{deadline}}，请尽快办理。',
  },
  'card.escalation': {
    variables: ['cardNo', 'whatLabel', 'deadline', 'levelLabel', 'holderLabel'],
    title: '黄牌 {{cardNo}} {{whatLabel}}超时，已上报{{levelLabel}}',
    body: '{{holderLabel}}的黄牌 {{cardNo}} {{whatLabel}}已于 {{deadline}} 超时，已上报{{levelLabel}}督导。',
  },
  'card.progress': {
    variables: ['cardNo', 'eventLabel', 'note'],
    title: '黄牌 {{cardNo}}：{{eventLabel}}',
    body: '黄牌 {{cardNo}} {{eventLabel}}。{{note}}',
  },
  'card.interview': {
    variables: ['cardNo', 'holderLabel', 'deadline', 'repeatCount'],
    title: '约谈提醒：{{holderLabel}}',
    body: '{{holderLabel}}在统计周期内已累计 {{repeatCount}} 张黄牌（最新 {{cardNo}}），请督导于 {{deadline}} 前完成约谈并登记。',
  },
  'request.co-handling': {
    variables: ['caseNo', 'category', 'address', 'reason'],
    title: '诉求 {{caseNo}} 请贵单位协办',
    body: '诉求 {{caseNo}}（{{category}}，{{address}}）需要贵单位协办：{{reason}}。请登记协办进展，完成后标记协办完成。',
  },
  'request.co-handling-removed': {
    variables: ['caseNo', 'reason'],
    title: '诉求 {{caseNo}} 已不需要贵单位协办',
    body: '派单人员已将贵单位从诉求 {{caseNo}} 的协办单位中移除，理由：{{reason}}。',
  },
  'request.co-handling-done': {
    variables: ['caseNo', 'unitName', 'note'],
    title: '诉求 {{caseNo}} 协办单位已完成协办',
    body: '{{unitName}}已完成诉求 {{caseNo}} 的协办：{{note}}',
  },
  'programme.task-reminder': {
    variables: ['taskNo', 'title', 'kindLabel', 'deadline', 'percent'],
    title: '双进双联任务 {{taskNo}} 即将到期',
    body: '{{kindLabel}}任务「{{title}}」（{{taskNo}}）时限已用去 {{percent}}%，截止 {{deadline}}，请按时完成并提交完成材料。',
  },
  'programme.task-overdue': {
    variables: ['taskNo', 'title', 'kindLabel', 'deadline', 'level', 'nextDeadline'],
    title: '双进双联任务 {{taskNo}} 已逾期（第 {{level}} 级）',
    body: '{{kindLabel}}任务「{{title}}」（{{taskNo}}）已于 {{deadline}} 逾期未完成，已上报第 {{level}} 级督办。{{nextDeadline}}',
  },
  'programme.task-low-rating': {
    variables: ['taskNo', 'title', 'stars', 'raterName', 'comment'],
    title: '双进双联任务 {{taskNo}} 收到差评（{{stars}} 星）',
    body: '任务「{{title}}」（{{taskNo}}）的受益方{{raterName}}评价 {{stars}} 星：{{comment}}请核实情况并改进。',
  },
  'programme.task-progress': {
    variables: ['taskNo', 'title', 'eventLabel', 'note'],
    title: '双进双联任务 {{taskNo}}：{{eventLabel}}',
    body: '任务「{{title}}」（{{taskNo}}）{{eventLabel}}。{{note}}',
  },
  'programme.dispatch-agency': {
    variables: ['period', 'name', 'completion', 'rank', 'reportId'],
    title: '{{period}}双进双联调度：{{name}}',
    body: '{{name}}截至{{period}}底"五个一"任务完成率 {{completion}}%，全区排名第 {{rank}} 位。详见调度报告（{{reportId}}）。',
  },
  'programme.dispatch-community': {
    variables: ['period', 'name', 'overdue', 'activities', 'reportId'],
    title: '{{period}}双进双联调度：{{name}}',
    body: '{{name}}{{period}}开展志愿服务活动 {{activities}} 次，当前逾期任务 {{overdue}} 项。详见调度报告（{{reportId}}）。',
  },
  'programme.dispatch-district': {
    variables: ['period', 'agencies', 'top', 'reportId'],
    title: '{{period}}双进双联全区调度',
    body: '全区 {{agencies}} 个结对机关{{period}}进展已汇总，完成率前列：{{top}}。详见调度报告（{{reportId}}）。',
  },
  'programme.inspection-open': {
    variables: ['period', 'agencies', 'deadline'],
    title: '{{period}}双进双联督查开始',
    body: '本轮全覆盖督查涉及 {{agencies}} 个结对机关，请督查组于 {{deadline}} 前逐一录入督查结果。',
  },
  'programme.inspection-reminder': {
    variables: ['period', 'open', 'names', 'deadline'],
    title: '{{period}}双进双联督查还有 {{open}} 个单位未录入',
    body: '以下单位的督查结果尚未录入：{{names}}。本轮督查 {{deadline}} 截止。',
  },
  'programme.interview-scheduled': {
    variables: ['name', 'reason', 'time'],
    title: '约谈通知：{{name}}',
    body: '{{name}}因{{reason}}，定于 {{time}} 由区级督导约谈，请党组织书记按时参加。',
  },
  'programme.interview-reminder': {
    variables: ['name', 'reason', 'time'],
    title: '约谈提醒：{{name}}',
    body: '{{name}}的约谈将于 {{time}} 进行（原因：{{reason}}），请按时参加。',
  },
  'calendar.schedule-missing': {
    variables: ['year', 'districtName', 'publishedThroughYear'],
    title: '请录入 {{year}} 年节假日安排',
    body: '{{districtName}}的工作日历只有截至 {{publishedThroughYear}} 年的放假安排。{{year}} 年的安排录入前，跨入该年的办理期限按普通工作日计算，均为暂定。国务院公布后请在「工作日历」中导入 {{year}} 年放假安排。',
  },
} as const satisfies Record<string, { variables: readonly string[]; title: string; body: string }>;

export type TemplateKey = keyof typeof templateCatalog;
export const isTemplateKey = (key: string): key is TemplateKey => key in templateCatalog;
