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
} as const satisfies Record<string, { variables: readonly string[]; title: string; body: string }>;

export type TemplateKey = keyof typeof templateCatalog;
export const isTemplateKey = (key: string): key is TemplateKey => key in templateCatalog;
