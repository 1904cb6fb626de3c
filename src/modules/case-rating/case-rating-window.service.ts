import { Injectable } from '@nestjs/common';
import { TemporalClientService } from '../../infra/temporal/temporal-client.service';
import { startOnce } from '../../infra/temporal/workflow-calls';
import { NotificationService } from '../notification/notification.service';
import { ProcessPolicyService } from '../policy/policy.service';
import { startSearchAttributes } from '../../shared/search-attributes';
import type { CaseKeys } from '../../shared/search-attributes';
import type { CaseRatingInput } from '../../../workflows/case-rating.workflow';

const DAY_MS = 86_400_000;
export const ratingWorkflowId = (caseId: string) => `rating-${caseId}`;

interface ClosedCase extends CaseKeys {
  id: string;
  policyVersion: number;
  closedAt: Date | null;
  reporterPhone: string;
}

/** Opens a closed case's rating window: its workflow (at most one per case, ever) and the invitation to the reporter. */
@Injectable()
export class CaseRatingWindowService {
  constructor(
    private readonly temporal: TemporalClientService,
    private readonly policies: ProcessPolicyService,
    private readonly notifications: NotificationService,
  ) {}

  /** The window's length comes from the request-loop policy version the case started with. */
  async windowEndsAt(row: ClosedCase): Promise<Date> {
    const policy = await this.policies.get('request-loop', row.policyVersion);
    return new Date((row.closedAt ?? new Date()).getTime() + policy.data.rating.windowDays * DAY_MS);
  }

  /** Safe to repeat: a second start finds the workflow (running or finished) and the invitation already sent. */
  async open(row: ClosedCase, invite = true): Promise<void> {
    const windowEndsAt = await this.windowEndsAt(row);
    const input: CaseRatingInput = { caseId: row.id, windowEndsMs: windowEndsAt.getTime() };
    await startOnce(
      this.temporal.client,
      'caseRatingWorkflow',
      ratingWorkflowId(row.id),
      this.temporal.taskQueue,
      input,
      startSearchAttributes('case-rating', 'OPEN', row),
    );
    if (!invite) return;
    const days = Math.round((windowEndsAt.getTime() - (row.closedAt ?? windowEndsAt).getTime()) / DAY_MS);
    await this.notifications.notify({
      recipients: [{ phone: row.reporterPhone }],
      template: 'rating.invitation',
      data: { caseNo: row.caseNo, days },
      options: { dedupKey: `${ratingWorkflowId(row.id)}:invitation` },
    });
  }
}
