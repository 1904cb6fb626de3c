import type {
  AgreementDto,
  IntakeDto,
  JudicialConfirmationDto,
  RecordSessionDto,
  RecordVisitDto,
  ReferDto,
  ScheduleSessionDto,
} from '../../../src/modules/mediation/dto/mediation.dto';
import type { AgreementTerms } from '../../../src/shared/process/mediation.states';
import { authedFetch } from '../api/session-token';

// Typed from the API's own DTOs and read model (the OpenAPI answers are loose objects beyond the promised fields).
export type IntakeBody = Omit<IntakeDto, 'candidates'> & { candidates?: IntakeDto['candidates'] };
export type { AgreementDto, RecordSessionDto, RecordVisitDto, ReferDto, ScheduleSessionDto };
export type JudicialConfirmationBody = JudicialConfirmationDto;

export interface DisputeParty {
  kind: 'PERSON' | 'ENTERPRISE' | 'GROUP';
  name: string;
  headCount?: number;
  phone?: string;
  idNumber?: string;
  address?: string;
  representative?: string;
}
export interface DisputeSlot {
  key: string;
  label: string;
  required: boolean;
  status: string;
  memberId: string | null;
  memberName?: string | null;
}
export interface DisputeInvitation {
  id: string;
  slotKey: string;
  seq: number;
  personId: string;
  personName?: string | null;
  status: string;
  invitedAt: string;
  deadline: string;
  respondedAt: string | null;
  reason: string | null;
}
export interface DisputeSession {
  seq: number;
  place: string;
  startsAt: string;
  attendance: { attendance?: string[]; absent?: string[] } | string[] | null;
  minutes: string | null;
  recordedAt: string | null;
}
export interface DisputeVisit {
  round: number;
  seq: number;
  assigneeId: string;
  dueAt: string;
  status: string;
  performed: boolean | null;
  note: string | null;
  doneAt: string | null;
}
export interface DisputeEvent {
  kind: string;
  note?: string | null;
  at: string;
  data?: Record<string, unknown>;
}
export interface DisputeRow {
  id: string;
  disputeNo: string;
  communityId: string;
  category: string;
  subject: string;
  status: string;
  riskGrade: string;
  riskReasons: string[];
  riskAdjustReason?: string | null;
  dueAt: string;
  createdAt?: string;
  headCount?: number;
  slots: DisputeSlot[];
}
export interface DisputeDetail extends DisputeRow {
  description: string;
  source: string;
  parties: DisputeParty[];
  amountYuan: number | null;
  convenerId?: string;
  convenerName?: string | null;
  escalated?: boolean;
  agreement: AgreementTerms | null;
  agreedAt?: string | null;
  referral?: Record<string, unknown> | null;
  judicialConfirmation?: JudicialConfirmationDto | null;
  invitations: DisputeInvitation[];
  sessions: DisputeSession[];
  visits: DisputeVisit[];
  timeline: DisputeEvent[];
  hasAgreementPdf: boolean;
}
export interface DisputePage {
  items: DisputeRow[];
  total: number;
  page: number;
  pageSize: number;
}
export interface MyInvitation {
  id: string;
  slotKey: string;
  deadline: string;
  dispute: { id: string; disputeNo: string; subject: string; category: string };
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await authedFetch(
    new Request(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw json ?? { code: `HTTP_${res.status}`, message: '操作失败，请稍后重试' };
  return json as T;
}

const base = '/api/v1/mediation';
const dispute = (id: string) => `${base}/disputes/${encodeURIComponent(id)}`;

export const mediationApi = {
  intake: (body: IntakeBody) => call<DisputeDetail>('POST', `${base}/disputes`, body),
  list: (q: { page: number; pageSize: number; status?: string; riskGrade?: string }) => {
    const qs = new URLSearchParams(Object.entries(q).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
    return call<DisputePage>('GET', `${base}/disputes?${qs.toString()}`);
  },
  detail: (id: string) => call<DisputeDetail>('GET', dispute(id)),
  /** The panel's own view: disputes I was invited to or sit on, wherever they are. */
  panelList: (q: { page: number; pageSize: number }) =>
    call<DisputePage>('GET', `${base}/panel/disputes?page=${q.page}&pageSize=${q.pageSize}`),
  panelDetail: (id: string) => call<DisputeDetail>('GET', `${base}/panel/disputes/${encodeURIComponent(id)}`),
  myInvitations: () => call<MyInvitation[]>('GET', `${base}/invitations/mine`),
  answer: (invitationId: string, accept: boolean, reason?: string) =>
    call<{ invitationId: string; answer: string }>(
      'POST',
      `${base}/invitations/${encodeURIComponent(invitationId)}/answer`,
      { accept, ...(reason ? { reason } : {}) },
    ),
  adjustRisk: (id: string, grade: string, reason: string) =>
    call<DisputeDetail>('POST', `${dispute(id)}/risk`, { grade, reason }),
  withdraw: (id: string, slotKey: string, reason: string) =>
    call<DisputeDetail>('POST', `${dispute(id)}/slots/${slotKey}/withdrawal`, { reason }),
  scheduleSession: (id: string, body: ScheduleSessionDto) =>
    call<DisputeDetail>('POST', `${dispute(id)}/sessions`, body),
  recordSession: (id: string, seq: number, body: RecordSessionDto) =>
    call<DisputeDetail>('POST', `${dispute(id)}/sessions/${seq}/record`, body),
  agreement: (id: string, body: AgreementDto) => call<DisputeDetail>('POST', `${dispute(id)}/agreement`, body),
  refer: (id: string, body: ReferDto) => call<DisputeDetail>('POST', `${dispute(id)}/referral`, body),
  recordVisit: (id: string, body: RecordVisitDto) => call<DisputeDetail>('POST', `${dispute(id)}/visits/current`, body),
  judicialConfirmation: (id: string, body: JudicialConfirmationBody) =>
    call<DisputeDetail>('POST', `${dispute(id)}/judicial-confirmation`, body),
  /** The convener names more candidates for a slot; the process invites them in order after those already asked. */
  addCandidates: (id: string, slotKey: string, personIds: string[]) =>
    call<DisputeDetail>('POST', `${dispute(id)}/slots/${encodeURIComponent(slotKey)}/candidates`, { personIds }),
  /** The stored PDF, fetched with the in-memory token (a plain link could not carry it). */
  async agreementPdf(id: string): Promise<{ blob: Blob; fileName: string }> {
    const res = await authedFetch(new Request(`${dispute(id)}/agreement.pdf`));
    if (!res.ok) throw (await res.json().catch(() => undefined)) ?? { code: `HTTP_${res.status}`, message: '下载失败' };
    const disposition = res.headers.get('content-disposition') ?? '';
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
    return { blob: await res.blob(), fileName: encoded ? decodeURIComponent(encoded) : '调解协议书.pdf' };
  },
};
