import { mayTake, type CaseAction, type CaseState } from '../../../src/shared/process/request-case.states';
import { api, type CaseDetail } from '../api/client';

export interface ActionField {
  name: 'note' | 'reply' | 'reason' | 'workingDays';
  label: string;
  placeholder?: string;
  kind?: 'text' | 'days';
}

export interface ActionForm {
  action: CaseAction;
  label: string;
  /** What the step needs typed in; absent when a click is enough. */
  fields?: ActionField[];
  danger?: boolean;
}

const note = (label: string, placeholder: string): ActionField[] => [{ name: 'note', label, placeholder }];

/** The steps a case worker takes from this page, in the order they come up. */
export const workerActions: ActionForm[] = [
  { action: 'accept', label: '受理' },
  { action: 'progress', label: '添加进展', fields: note('进展说明', '如：已联系物业，明日上门维修') },
  { action: 'requestInfo', label: '请群众补充信息', fields: note('需补充的内容', '如：请提供具体楼栋号和照片') },
  {
    action: 'provideInfo',
    label: '登记群众补充的信息',
    fields: note('群众补充的内容', '如：电话回访，群众补充了楼栋号'),
  },
  {
    action: 'departmentContacted',
    label: '已联系街道部门',
    fields: note('联系情况', '如：已电话联系街道城管科王科长，约定明日现场查看'),
  },
  {
    action: 'requestExtension',
    label: '申请延期',
    fields: [
      { name: 'workingDays', label: '延期工作日数', kind: 'days' },
      { name: 'reason', label: '延期理由', placeholder: '如：需等待供电部门排期更换线路' },
    ],
  },
  {
    action: 'markHandled',
    label: '标记为已处置',
    fields: [{ name: 'reply', label: '处置答复', placeholder: '向群众说明处置结果' }],
  },
  { action: 'returnCase', label: '退回', fields: note('退回理由', '说明为何不属于本网格职责'), danger: true },
];

/** What the case's state allows now (the state table the workflow and the API decide with); the API has the last word. */
export const availableActions = (status: string): ActionForm[] =>
  workerActions.filter((a) => mayTake(a.action, status as CaseState));

export type ActionValues = Partial<Record<ActionField['name'], string | number>>;
export type ActionResult = { data: CaseDetail; error?: undefined } | { data?: undefined; error: unknown };
type Answer = { data?: CaseDetail; error?: unknown; response: Response };

const resultOf = (answer: Answer): ActionResult =>
  answer.data
    ? { data: answer.data }
    : { error: answer.error ?? { message: `操作失败（HTTP ${answer.response.status}）` } };

export async function takeAction(id: string, action: CaseAction, values: ActionValues = {}): Promise<ActionResult> {
  const path = { params: { path: { id } } };
  const text = (name: ActionField['name']) => String(values[name] ?? '');
  const answer: Answer = await (() => {
    switch (action) {
      case 'accept':
        return api.POST('/api/v1/cases/{id}/accept', { ...path, body: {} });
      case 'progress':
        return api.POST('/api/v1/cases/{id}/progress', { ...path, body: { note: text('note') } });
      case 'requestInfo':
        return api.POST('/api/v1/cases/{id}/request-info', { ...path, body: { note: text('note') } });
      case 'provideInfo':
        return api.POST('/api/v1/cases/{id}/provide-info', { ...path, body: { note: text('note') } });
      case 'departmentContacted':
        return api.POST('/api/v1/cases/{id}/department-contacted', { ...path, body: { note: text('note') } });
      case 'requestExtension':
        return api.POST('/api/v1/cases/{id}/extension', {
          ...path,
          body: { workingDays: Number(values.workingDays), reason: text('reason') },
        });
      case 'markHandled':
        return api.POST('/api/v1/cases/{id}/handled', { ...path, body: { reply: text('reply') } });
      case 'returnCase':
        return api.POST('/api/v1/cases/{id}/return', { ...path, body: { note: text('note') } });
      default:
        throw new Error(`unsupported action ${action}`);
    }
  })();
  return resultOf(answer);
}

export type CoHandlingStep = 'progress' | 'done';

/** A co-handling unit's own staff record their part: 协办进展 or 协办完成. */
export async function takeCoHandlingStep(id: string, unitId: string, step: CoHandlingStep, note: string) {
  const params = { params: { path: { id, unitId } }, body: { note } };
  const answer: Answer =
    step === 'progress'
      ? await api.POST('/api/v1/cases/{id}/co-handlers/{unitId}/progress', params)
      : await api.POST('/api/v1/cases/{id}/co-handlers/{unitId}/done', params);
  return resultOf(answer);
}
