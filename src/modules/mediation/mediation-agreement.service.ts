import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env.schema';
import type { AgreementTerms } from '../../shared/process/mediation.states';
import { AuditService } from '../audit/audit.service';
import { MEDIATOR_ROLES } from './mediation-agreement-document';
import type { MediationAgreementDocument, MediatorRole } from './mediation-agreement-document';
import { renderMediationAgreementPdf } from './mediation-agreement-pdf';
import { MediationRepository } from './mediation.repository';

/** The printable 调解协议书: the recorded terms as the renderer's document, and its PDF stored with the dispute. */
export function agreementDocument(disputeNo: string, terms: AgreementTerms): MediationAgreementDocument {
  return {
    agreementNo: `调协字〔${terms.effectiveOn.slice(0, 4)}〕${disputeNo} 号`,
    committeeName: terms.committeeName,
    parties: terms.parties,
    facts: terms.facts,
    disputedMatters: terms.disputedMatters,
    responsibilities: terms.responsibilities,
    terms: terms.terms,
    performance: terms.performance,
    partySignatures: terms.partySignatures,
    mediatorSignatures: terms.mediatorSignatures.map((m) =>
      (MEDIATOR_ROLES as readonly string[]).includes(m.role)
        ? { ...m, role: m.role as MediatorRole }
        : { ...m, role: 'OTHER' as const, roleNote: m.roleNote ?? m.role },
    ),
    effectiveOn: terms.effectiveOn,
  };
}

@Injectable()
export class MediationAgreementService {
  constructor(
    private readonly disputes: MediationRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Renders and stores the agreement's PDF once (bytea beside the dispute: written with a conditional update, backed up
   * with the database, no second store to keep consistent; a reopened dispute clears it for the next agreement).
   */
  async renderAndStore(workflowId: string, step: string): Promise<void> {
    const dispute = await this.disputes.byWorkflow(workflowId);
    if (!dispute?.agreement || (await this.disputes.hasPdf(dispute.id))) return;
    const pdf = await renderMediationAgreementPdf(
      agreementDocument(dispute.disputeNo, dispute.agreement as unknown as AgreementTerms),
      { fontPath: this.config.MEDIATION_PDF_FONT_PATH },
    );
    const bytes = new Uint8Array(pdf.byteLength);
    bytes.set(pdf);
    await this.disputes.transaction(async (tx) => {
      if (!(await this.disputes.storePdfOnce(dispute.id, bytes, tx))) return;
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      await this.disputes.addEventOnce(
        {
          disputeId: dispute.id,
          dedupKey: `${workflowId}:${step}`,
          kind: 'AGREEMENT_PDF',
          data: { bytes: pdf.byteLength, sha256 },
        },
        tx,
      );
      await this.audit.record(
        {
          action: 'mediation.agreement.pdf',
          entityType: 'mediation_dispute',
          entityId: dispute.id,
          unitId: dispute.communityId,
          workflowId,
          after: { bytes: pdf.byteLength, sha256 },
        },
        tx,
      );
    });
  }
}
