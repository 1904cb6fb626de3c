import { REQUEST_CATEGORIES } from '../../../src/modules/org/seed/categories';

export { caseStateLabel } from '../../../src/shared/process/request-case.states';

/** The district's request categories: the code is what the API stores and routes by, the name what people read. */
export const categoryOptions = REQUEST_CATEGORIES.map((c) => ({ value: c.code, label: c.name }));
const categoryNames = new Map(REQUEST_CATEGORIES.map((c) => [c.code, c.name]));
export const categoryName = (code: string): string => categoryNames.get(code) ?? code;

/**
 * Each timeline entry as a sentence a resident understands. Kinds that mean nothing to them (internal bookkeeping the
 * API does not already hide) have no sentence and are left out.
 */
const sentences: Record<string, (note: string | null) => string> = {
  REPORTED: () => '您反映的问题已登记，等待网格员受理',
  ACCEPTED: () => '网格员已受理您的诉求',
  HANDLING: () => '工作人员正在处置',
  PROGRESS: (note) => `办理进展：${note ?? '工作人员正在处置'}`,
  INFO_REQUESTED: (note) => `工作人员请您补充信息${note ? `：${note}` : ''}`,
  WAITING_RESIDENT: (note) => `工作人员请您补充信息${note ? `：${note}` : ''}`,
  INFO_PROVIDED: (note) => `您已补充信息${note ? `：${note}` : ''}`,
  RETURNED: () => '诉求正在重新分派给负责的网格',
  REASSIGNED: () => '诉求已重新分派给负责的网格',
  EXTENSION_REQUESTED: () => '工作人员申请延长办理时间',
  EXTENSION_DECIDED: () => '延长办理时间的申请已审批',
  DEPARTMENT_CONTACTED: () => '已联系街道相关部门共同处理',
  DEADLINE_RECOMPUTED: () => '因节假日安排调整，办理期限已重新计算',
  HANDLED: (note) => `已处置并答复${note ? `：${note}` : ''}`,
  DISPUTED: (note) => `您对处置结果提出了异议${note ? `：${note}` : ''}，诉求重新办理`,
  CLOSED: (note) => `您已确认处置结果，诉求办结${note ? `（留言：${note}）` : ''}`,
  MERGED: () => '该问题已有人反映，已与同一问题合并办理',
  RATED: () => '您已评价',
  UNRATED: () => '评价期已结束，未评价',
};

export function timelineSentence(kind: string, note: string | null): string | null {
  return sentences[kind]?.(note) ?? null;
}

export const starWords = ['非常不满意', '不满意', '一般', '满意', '非常满意'];
