import { caseActions, illegalActionMessage, mayTake } from '../src/shared/process/request-case.states';
import type { CaseAction, CaseState } from '../src/shared/process/request-case.states';
import { refuse } from './refusal';

export type { CaseState } from '../src/shared/process/request-case.states';
export {
  CASE_START,
  caseActions,
  CONVERTED_STOP_REASON,
  FINISHED,
  OPEN,
  UNACCEPTED,
} from '../src/shared/process/request-case.states';

/** Refuses the step unless the state table allows it from the case's state. */
export function requireState(action: CaseAction, state: CaseState): void {
  if (!mayTake(action, state)) illegal(caseActions[action].label, state);
}

export function illegal(label: string, from: CaseState): never {
  refuse('ILLEGAL_TRANSITION', illegalActionMessage(label, from));
}

export function invalid(message: string): never {
  refuse('VALIDATION_FAILED', message);
}
