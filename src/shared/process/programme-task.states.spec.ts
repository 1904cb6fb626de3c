import { isClockRunning, isTaskFinal, TASK_ACTIONS, TASK_STATES, taskActionRefusal } from './programme-task.states';
import type { TaskAction, TaskState } from './programme-task.states';
import { missingEvidence, missingEvidenceMessage } from './programme-kinds';

const states = Object.keys(TASK_STATES) as TaskState[];
const actions = Object.keys(TASK_ACTIONS) as TaskAction[];

describe('the programme task table', () => {
  it('allows exactly these steps (and nothing from a confirmed task)', () => {
    const allowed = Object.fromEntries(
      actions.map((a) => [a, states.filter((s) => taskActionRefusal(a, s) === undefined)]),
    );
    expect(allowed).toEqual({
      assign: ['OPEN'],
      nameMembers: ['ASSIGNED', 'SENT_BACK'],
      submit: ['ASSIGNED', 'SENT_BACK'],
      review: ['SUBMITTED'],
    });
    expect(states.filter(isTaskFinal)).toEqual(['CONFIRMED']);
  });

  it('every state but the first is reached by some step', () => {
    expect(new Set(actions.flatMap((a) => TASK_ACTIONS[a].to))).toEqual(new Set(states.filter((s) => s !== 'OPEN')));
  });

  it('the clock runs until the report is in, and again after a send-back', () => {
    expect(states.filter(isClockRunning)).toEqual(['OPEN', 'ASSIGNED', 'SENT_BACK']);
  });

  it('refuses with the state and the step in Chinese', () => {
    expect(taskActionRefusal('review', 'ASSIGNED')).toEqual({
      code: 'ILLEGAL_TRANSITION',
      message: '任务当前为「承办中」，不能确认或退回',
    });
    expect(taskActionRefusal('assign', 'ASSIGNED')).toEqual({
      code: 'ILLEGAL_TRANSITION',
      message: '任务当前为「承办中」，不能认领或分派',
    });
    expect(taskActionRefusal('submit', 'CONFIRMED')?.message).toBe('任务当前为「已确认完成」，不能提交完成材料');
    for (const { label } of Object.values(TASK_STATES)) expect(label).toMatch(/^[\u4e00-\u9fa5]+$/);
  });

  it('names the missing evidence in the policy order', () => {
    const required = ['description', 'photos', 'attendance', 'beneficiaryConfirmation'] as const;
    expect(missingEvidence(required, undefined)).toEqual([...required]);
    expect(missingEvidence(required, { description: '  ', photos: [], attendance: ['张三'] })).toEqual([
      'description',
      'photos',
      'beneficiaryConfirmation',
    ]);
    expect(
      missingEvidence(required, {
        description: '修缮活动室',
        photos: ['photo:1'],
        attendance: ['张三'],
        beneficiaryConfirmation: { name: '李四' },
      }),
    ).toEqual([]);
    expect(missingEvidenceMessage(['photos', 'attendance'])).toBe('完成材料不全，还缺：现场照片、参加人员签到');
    expect(missingEvidenceMessage([])).toBeUndefined();
  });
});
