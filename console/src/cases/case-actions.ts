import { mayTake, type CaseAction, type CaseState } from '../../../src/shared/process/request-case.states';
import { api, type CaseDetail } from '../api/client';

export interface ActionForm {
  action: CaseAction;
  label: string;
  /** The text the step needs, with its label; absent when a click is enough. */
  field?: { name: 'note' | 'reply'; label: string; placeholder: string };
  danger?: boolean;
}

/** The steps a case worker takes from this page, in the order they come up. */
export const workerActions: ActionForm[] = [
  { action: 'accept', label: '受理' },
  {
    action: 'progress',
    label: '添加进展',
    field: { name: 'note', label: '进展说明', placeholder: '如：已联系物业，明日上门维修' },
  },
  {
    action: 'requestInfo',
    label: '请群众补充信息',
    field: { name: 'note', label: '需补充的内容', placeholder: '如：请提供具体楼栋号和照片' },
  },
  {
    action: 'markHandled',
    label: '标记为已处置',
    field: { name: 'reply', label: '处置答复', placeholder: '向群众说明处置结果' },
  },
  {
    action: 'returnCase',
    label: '退回',
    field: { name: 'note', label: '退回理由', placeholder: '说明为何不属于本网格职责' },
    danger: true,
  },
];

/** What the case's state allows now (the state table the workflow and the API decide with); the API has the last word. */
export const availableActions = (status: string): ActionForm[] =>
  workerActions.filter((a) => mayTake(a.action, status as CaseState));

export type ActionResult = { data: CaseDetail; error?: undefined } | { data?: undefined; error: unknown };

export async function takeAction(id: string, action: CaseAction, text: string | undefined): Promise<ActionResult> {
  const path = { params: { path: { id } } };
  const note = text ?? '';
  const answer: { data?: CaseDetail; error?: unknown; response: Response } = await (() => {
    switch (action) {
      case 'accept':
        return api.POST('/api/v1/cases/{id}/accept', { ...path, body: text ? { note: text } : {} });
      case 'progress':
        return api.POST('/api/v1/cases/{id}/progress', { ...path, body: { note } });
      case 'requestInfo':
        return api.POST('/api/v1/cases/{id}/request-info', { ...path, body: { note } });
      case 'markHandled':
        return api.POST('/api/v1/cases/{id}/handled', { ...path, body: { reply: note } });
      case 'returnCase':
        return api.POST('/api/v1/cases/{id}/return', { ...path, body: { note } });
      default:
        throw new Error(`unsupported action ${action}`);
    }
  })();
  return answer.data
    ? { data: answer.data }
    : { error: answer.error ?? { message: `操作失败（HTTP ${answer.response.status}）` } };
}
