const COLUMNS = [
  'id',
  'at',
  'actorId',
  'actorRoles',
  'action',
  'entityType',
  'entityId',
  'unitId',
  'before',
  'after',
  'ip',
  'userAgent',
  'correlationId',
  'workflowId',
] as const;
const HEADER = [
  '编号',
  '时间',
  '操作人',
  '操作人岗位',
  '操作',
  '对象类型',
  '对象编号',
  '所属单元',
  '变更前',
  '变更后',
  'IP',
  '客户端',
  '关联编号',
  '流程编号',
];

/** RFC 4180 quoting; cells starting with = + - @ are prefixed so spreadsheets do not run them as formulas. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text =
    value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvHeader = () => `\uFEFF${HEADER.join(',')}\r\n`;

export const csvRow = (entry: Record<(typeof COLUMNS)[number], unknown>) =>
  `${COLUMNS.map((c) => cell(entry[c])).join(',')}\r\n`;
