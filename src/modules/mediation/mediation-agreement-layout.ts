import type { Content, TableCell } from 'pdfmake/interfaces';
import {
  JUDICIAL_CONFIRMATION_DAYS,
  MEDIATION_PARTY_KIND_LABELS,
  MEDIATOR_ROLE_LABELS,
  type CalendarDate,
  type MediationAgreementDocument,
  type MediationAgreementParty,
} from './mediation-agreement-document';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 30 → 三十 (enough for section numbers, copies and day counts). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

export function chineseDate(date: CalendarDate): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function section(index: number, title: string, body: Content[]): Content[] {
  return [{ text: `${chineseNumber(index)}、${title}`, style: 'heading', headlineLevel: 1 }, ...body];
}

function partyTable(party: MediationAgreementParty): Content {
  const label = (text: string): TableCell => ({ text, style: 'label' });
  const wide = (text: string): TableCell[] => [{ text, colSpan: 3 }, {}, {}];
  const idLabel = { PERSON: '身份证号码', ENTERPRISE: '统一社会信用代码', GROUP: '证件号码' }[party.kind];
  const representative = party.representative
    ? `${party.representative}${party.representativeTitle ? `（${party.representativeTitle}）` : ''}`
    : '—';
  return {
    table: {
      widths: [96, '*', 72, '*'],
      body: [
        [{ text: party.designation, style: 'partyHead', colSpan: 4 }, {}, {}, {}],
        [label(party.kind === 'PERSON' ? '姓名' : '名称'), ...wide(party.name)],
        [label('类别'), MEDIATION_PARTY_KIND_LABELS[party.kind], label('人数'), `${party.headCount} 人`],
        [label(idLabel), ...wide(party.idNumber ?? '—')],
        [label('住所'), ...wide(party.address ?? '—')],
        [label('联系方式'), party.contact ?? '—', label(party.kind === 'PERSON' ? '代理人' : '代表人'), representative],
      ],
    },
    layout: 'agreementGrid',
    margin: [0, 4, 0, 6],
  };
}

function numbered(items: string[]): Content {
  return { stack: items.map((item, i) => ({ text: `${i + 1}. ${item}`, style: 'body', margin: [16, 0, 0, 2] })) };
}

function signatureBlock(doc: MediationAgreementDocument): Content {
  const partyRows: TableCell[][] = doc.partySignatures.map((s) => [
    { text: `${s.party}（签名或盖章）`, style: 'label' },
    s.signedBy,
    chineseDate(s.signedOn),
  ]);
  const mediatorRows: TableCell[][] = doc.mediatorSignatures.map((s) => [
    { text: `调解员（${MEDIATOR_ROLE_LABELS[s.role]}${s.roleNote ? `·${s.roleNote}` : ''}）`, style: 'label' },
    s.name,
    chineseDate(s.signedOn),
  ]);
  return {
    table: {
      widths: [190, '*', 110],
      body: [
        [
          { text: '签署人', style: 'partyHead' },
          { text: '签名', style: 'partyHead' },
          { text: '日期', style: 'partyHead' },
        ],
        ...partyRows,
        ...mediatorRows,
      ],
    },
    layout: 'agreementGrid',
    margin: [0, 4, 0, 0],
  };
}

/** The pdfmake content of the agreement; plain data so the layout can be read and tested apart from fonts. */
export function agreementContent(doc: MediationAgreementDocument): Content[] {
  const days = doc.judicialConfirmationDays ?? JUDICIAL_CONFIRMATION_DAYS;
  const copies = doc.copies ?? doc.parties.length + 1;
  const performance = [
    { text: [{ text: '履行方式：', bold: true }, doc.performance.method], style: 'body' },
    { text: [{ text: '履行期限：', bold: true }, `${chineseDate(doc.performance.deadline)}前履行完毕`], style: 'body' },
    ...(doc.performance.note ? [{ text: doc.performance.note, style: 'body' }] : []),
  ];
  return [
    { text: doc.title ?? '人民调解协议书', style: 'title' },
    { text: `编号：${doc.agreementNo}`, style: 'number' },
    ...section(1, '当事人基本情况', doc.parties.map(partyTable)),
    ...section(2, '纠纷的主要事实', [{ text: doc.facts, style: 'paragraph' }]),
    ...section(3, '争议事项', [numbered(doc.disputedMatters)]),
    ...section(4, '各方当事人的责任', [
      {
        stack: doc.responsibilities.map((r) => ({
          text: [{ text: `${r.party}：`, bold: true }, r.text],
          style: 'paragraph',
        })),
      },
    ]),
    ...section(5, '协议内容', [
      { text: '经人民调解委员会主持调解，各方当事人在平等协商、自愿的基础上达成如下协议：', style: 'paragraph' },
      numbered(doc.terms),
    ]),
    ...section(6, '履行方式和期限', performance),
    ...section(7, '告知事项', [
      numbered([
        '本协议经各方当事人签名或盖章、人民调解员签名并加盖人民调解委员会印章之日起生效，具有法律约束力，当事人应当按照约定履行（《中华人民共和国人民调解法》第三十一条）。',
        `各方当事人认为有必要的，可以自本协议生效之日起${chineseNumber(days)}日内共同向人民法院申请司法确认（《中华人民共和国人民调解法》第三十三条）；人民法院依法确认协议有效的，一方当事人拒绝履行或者未全部履行时，对方当事人可以向人民法院申请强制执行。`,
        '当事人之间就协议的履行或者协议的内容发生争议的，一方当事人可以向人民法院提起诉讼（《中华人民共和国人民调解法》第三十二条）。',
        `本协议一式${chineseNumber(copies)}份，各方当事人各执一份，人民调解委员会留存一份。`,
      ]),
    ]),
    ...section(8, '签名', [signatureBlock(doc)]),
    {
      stack: [
        { text: doc.committeeName, style: 'seal' },
        { text: '（人民调解委员会印章）', style: 'sealNote' },
        { text: chineseDate(doc.effectiveOn), style: 'seal' },
      ],
      margin: [0, 28, 0, 0],
      unbreakable: true,
    },
  ];
}
