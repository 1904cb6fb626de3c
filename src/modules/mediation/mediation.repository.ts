import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import type { UnitScope } from '../../common/auth/unit-scope';
import { PrismaService } from '../../infra/prisma/prisma.service';
import { unitsInScope } from '../org/org.repository';

type Tx = Prisma.TransactionClient;

/** Disputes whose community lies in the scope. */
export const disputesInScope = (scope: UnitScope): Prisma.MediationDisputeWhereInput =>
  scope.all ? {} : { community: unitsInScope(scope) };

const detailInclude = {
  events: { orderBy: { seq: 'asc' } },
  slots: { orderBy: { key: 'asc' } },
  invitations: { orderBy: [{ slotKey: 'asc' }, { seq: 'asc' }] },
  sessions: { orderBy: { seq: 'asc' } },
  visits: { orderBy: [{ round: 'asc' }, { seq: 'asc' }] },
  supervisionOrders: { orderBy: { openedAt: 'asc' } },
} satisfies Prisma.MediationDisputeInclude;

/** Disputes, their panel, sessions, visits and timeline: every write keyed so a retried activity writes nothing twice. */
@Injectable()
export class MediationRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  byIntakeKey(intakeKey: string, tx: Tx = this.prisma) {
    return tx.mediationDispute.findUnique({ where: { intakeKey } });
  }

  byWorkflow(workflowId: string, tx: Tx = this.prisma) {
    return tx.mediationDispute.findUnique({ where: { workflowId } });
  }

  createDispute(data: Prisma.MediationDisputeUncheckedCreateInput, tx: Tx) {
    return tx.mediationDispute.create({ data });
  }

  updateDispute(id: string, data: Prisma.MediationDisputeUncheckedUpdateInput, tx: Tx) {
    return tx.mediationDispute.update({ where: { id }, data });
  }

  async addEventOnce(data: Prisma.MediationEventUncheckedCreateInput, tx: Tx): Promise<boolean> {
    return (await tx.mediationEvent.createMany({ data: [data], skipDuplicates: true })).count === 1;
  }

  intakeEvent(disputeId: string) {
    return this.prisma.mediationEvent.findFirst({ where: { disputeId, kind: 'INTAKE' }, orderBy: { seq: 'asc' } });
  }

  createSlots(data: Prisma.MediationSlotCreateManyInput[], tx: Tx) {
    return tx.mediationSlot.createMany({ data, skipDuplicates: true });
  }

  updateSlot(disputeId: string, key: string, data: Prisma.MediationSlotUncheckedUpdateInput, tx: Tx) {
    return tx.mediationSlot.update({ where: { disputeId_key: { disputeId, key } }, data });
  }

  slots(disputeId: string, tx: Tx = this.prisma) {
    return tx.mediationSlot.findMany({ where: { disputeId }, orderBy: { key: 'asc' } });
  }

  async addInvitationOnce(data: Prisma.MediationInvitationUncheckedCreateInput, tx: Tx): Promise<boolean> {
    return (await tx.mediationInvitation.createMany({ data: [data], skipDuplicates: true })).count === 1;
  }

  invitation(disputeId: string, slotKey: string, seq: number, tx: Tx = this.prisma) {
    return tx.mediationInvitation.findUnique({ where: { disputeId_slotKey_seq: { disputeId, slotKey, seq } } });
  }

  /** Settles an invitation only from the given status: a retried activity changes nothing the second time. */
  async settleInvitation(
    disputeId: string,
    slotKey: string,
    seq: number,
    from: string,
    data: Prisma.MediationInvitationUncheckedUpdateManyInput,
    tx: Tx,
  ): Promise<boolean> {
    return (
      (await tx.mediationInvitation.updateMany({ where: { disputeId, slotKey, seq, status: from }, data })).count === 1
    );
  }

  async addSessionOnce(data: Prisma.MediationSessionUncheckedCreateInput, tx: Tx): Promise<boolean> {
    return (await tx.mediationSession.createMany({ data: [data], skipDuplicates: true })).count === 1;
  }

  async recordSessionOnce(
    disputeId: string,
    seq: number,
    data: Prisma.MediationSessionUncheckedUpdateManyInput,
    tx: Tx,
  ): Promise<boolean> {
    return (await tx.mediationSession.updateMany({ where: { disputeId, seq, recordedAt: null }, data })).count === 1;
  }

  session(disputeId: string, seq: number, tx: Tx = this.prisma) {
    return tx.mediationSession.findUnique({ where: { disputeId_seq: { disputeId, seq } } });
  }

  async addVisitOnce(data: Prisma.MediationVisitUncheckedCreateInput, tx: Tx): Promise<boolean> {
    return (await tx.mediationVisit.createMany({ data: [data], skipDuplicates: true })).count === 1;
  }

  visit(disputeId: string, round: number, seq: number, tx: Tx = this.prisma) {
    return tx.mediationVisit.findUnique({ where: { disputeId_round_seq: { disputeId, round, seq } } });
  }

  async finishVisitOnce(
    disputeId: string,
    round: number,
    seq: number,
    data: Prisma.MediationVisitUncheckedUpdateManyInput,
    tx: Tx,
  ): Promise<boolean> {
    return (await tx.mediationVisit.updateMany({ where: { disputeId, round, seq, status: 'OPEN' }, data })).count === 1;
  }

  async addSupervisionOrderOnce(data: Prisma.MediationSupervisionOrderUncheckedCreateInput, tx: Tx) {
    return (await tx.mediationSupervisionOrder.createMany({ data: [data], skipDuplicates: true })).count === 1;
  }

  async storePdfOnce(id: string, pdf: Uint8Array<ArrayBuffer>, tx: Tx): Promise<boolean> {
    return (
      (await tx.mediationDispute.updateMany({ where: { id, agreementPdf: null }, data: { agreementPdf: pdf } }))
        .count === 1
    );
  }

  async hasPdf(id: string): Promise<boolean> {
    return (await this.prisma.mediationDispute.count({ where: { id, agreementPdf: { not: null } } })) === 1;
  }

  listDisputes(where: Prisma.MediationDisputeWhereInput, page: { skip: number; take: number }) {
    return this.prisma.$transaction([
      this.prisma.mediationDispute.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        ...page,
        omit: { agreementPdf: true },
        include: { slots: { orderBy: { key: 'asc' } } },
      }),
      this.prisma.mediationDispute.count({ where }),
    ]);
  }

  disputeInScope(id: string, scope: UnitScope) {
    if (!isUuidLike(id)) return Promise.resolve(null);
    return this.prisma.mediationDispute.findFirst({
      where: { id, ...disputesInScope(scope) },
      omit: { agreementPdf: true },
      include: detailInclude,
    });
  }

  pdfInScope(id: string, scope: UnitScope) {
    if (!isUuidLike(id)) return Promise.resolve(null);
    return this.prisma.mediationDispute.findFirst({
      where: { id, ...disputesInScope(scope) },
      select: { disputeNo: true, agreementPdf: true },
    });
  }

  /** Disputes the person was invited to (any answer): the panel's own view, outside any unit scope. */
  panelDisputesOf(personId: string, page: { skip: number; take: number }) {
    const where: Prisma.MediationDisputeWhereInput = { invitations: { some: { personId } } };
    return this.prisma.$transaction([
      this.prisma.mediationDispute.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        ...page,
        omit: { agreementPdf: true },
        include: { slots: { orderBy: { key: 'asc' } } },
      }),
      this.prisma.mediationDispute.count({ where }),
    ]);
  }

  async invitedTo(disputeId: string, personId: string): Promise<boolean> {
    if (!isUuidLike(disputeId)) return false;
    return (await this.prisma.mediationInvitation.count({ where: { disputeId, personId } })) > 0;
  }

  /** Open invitations a person was sent, with their dispute's number and subject (the invitee's own list). */
  pendingInvitationsOf(personId: string) {
    return this.prisma.mediationInvitation.findMany({
      where: { personId, status: 'PENDING' },
      orderBy: { deadline: 'asc' },
      include: { dispute: { select: { id: true, disputeNo: true, subject: true, category: true } } },
    });
  }

  invitationById(id: string) {
    if (!isUuidLike(id)) return Promise.resolve(null);
    return this.prisma.mediationInvitation.findUnique({ where: { id }, include: { dispute: true } });
  }

  slotOf(disputeId: string, key: string) {
    return this.prisma.mediationSlot.findUnique({ where: { disputeId_key: { disputeId, key } } });
  }

  personNames(ids: string[]) {
    return this.prisma.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, phone: true } });
  }

  requestCaseInScope(id: string, where: Prisma.RequestCaseWhereInput) {
    if (!isUuidLike(id)) return Promise.resolve(null);
    return this.prisma.requestCase.findFirst({ where: { id, ...where } });
  }

  async addCaseEventOnce(data: Prisma.CaseEventUncheckedCreateInput, tx: Tx): Promise<boolean> {
    return (await tx.caseEvent.createMany({ data: [data], skipDuplicates: true })).count === 1;
  }
}

const isUuidLike = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
