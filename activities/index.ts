import type { ModuleRef } from '@nestjs/core';
import { CaseProgressService } from '../src/modules/request/case-progress.service';
import { CoHandlingProgressService } from '../src/modules/request/co-handling-progress.service';
import { WiringCheckService } from '../src/modules/wiring-check/wiring-check.service';
import { coHandlingActivities } from './co-handling.activities';
import { requestCaseActivities } from './request-case.activities';
import { wiringCheckActivities } from './wiring-check.activities';

/** Every activity, bound to the Nest service that implements it. */
export function createActivities(moduleRef: ModuleRef) {
  const get = <T>(type: new (...args: never[]) => T): T => moduleRef.get(type, { strict: false });
  return {
    ...wiringCheckActivities(get(WiringCheckService)),
    ...requestCaseActivities(get(CaseProgressService)),
    ...coHandlingActivities(get(CoHandlingProgressService)),
  };
}
