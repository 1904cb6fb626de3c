import pdfmake from 'pdfmake';
import type { CustomTableLayout, TDocumentDefinitions, TFontFamilyTypes } from 'pdfmake/interfaces';
import { CALENDAR_DATE_PATTERN, type MediationAgreementDocument } from './mediation-agreement-document';
import { agreementContent } from './mediation-agreement-layout';
import { resolveAgreementFonts } from './mediation-agreement-pdf-fonts';

export interface RenderMediationAgreementPdfOptions {
  /** Regular face (TTF/OTF, or a TTC/OTC collection whose SC face is used); defaults to Debian's Noto Sans CJK. */
  fontPath?: string;
}

const FONT = 'AgreementSans';

const AGREEMENT_GRID: CustomTableLayout = {
  hLineWidth: () => 0.6,
  vLineWidth: () => 0.6,
  hLineColor: () => '#333333',
  vLineColor: () => '#333333',
  paddingLeft: () => 5,
  paddingRight: () => 5,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

type PdfMakeInstance = typeof pdfmake;

/** The agreement's own day at 00:00 Asia/Shanghai: a creation date that is the same on every render. */
function effectiveInstant(date: string): Date {
  if (!CALENDAR_DATE_PATTERN.test(date)) throw new Error(`调解协议书生效日期格式应为 YYYY-MM-DD：${date}`);
  return new Date(`${date}T00:00:00+08:00`);
}

/**
 * Renders the agreement as an A4 PDF. Byte-identical for the same document and font: the creation and
 * modification dates come from the agreement's effective date, pdfkit derives the file /ID from that metadata,
 * and the subset tags from the font's order of first use. No database, clock or network involved.
 */
export async function renderMediationAgreementPdf(
  doc: MediationAgreementDocument,
  options: RenderMediationAgreementPdfOptions = {},
): Promise<Buffer> {
  const fonts = resolveAgreementFonts(options.fontPath);
  const fontFiles = new Set([fonts.normal, fonts.bold].map((f) => (Array.isArray(f) ? f[0] : f)));
  // A private instance: pdfmake's exported one keeps fonts and policies as module-wide state.
  const printer = new (pdfmake.constructor as new () => PdfMakeInstance)();
  printer.setUrlAccessPolicy(() => false);
  printer.setLocalAccessPolicy((path) => fontFiles.has(path));
  // pdfmake 0.3 takes [path, postscript name] for a face of a collection; @types/pdfmake does not know it yet.
  const family = { normal: fonts.normal, bold: fonts.bold, italics: fonts.normal, bolditalics: fonts.bold };
  printer.setFonts({ [FONT]: family as unknown as TFontFamilyTypes });
  printer.setTableLayouts({ agreementGrid: AGREEMENT_GRID });

  const created = effectiveInstant(doc.effectiveOn);
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [64, 64, 64, 72],
    version: '1.7',
    language: 'zh-CN',
    info: {
      title: `${doc.title ?? '人民调解协议书'} ${doc.agreementNo}`,
      author: doc.committeeName,
      subject: '人民调解协议书',
      creator: 'govflow',
      producer: 'govflow (pdfmake)',
      creationDate: created,
      modDate: created,
    },
    defaultStyle: { font: FONT, fontSize: 11, lineHeight: 1.45 },
    styles: {
      title: { fontSize: 22, bold: true, alignment: 'center', characterSpacing: 6, margin: [0, 0, 0, 10] },
      number: { fontSize: 10.5, alignment: 'right', margin: [0, 0, 0, 12] },
      heading: { fontSize: 13, bold: true, margin: [0, 12, 0, 4] },
      paragraph: { leadingIndent: 22, margin: [0, 0, 0, 3] },
      body: { margin: [0, 0, 0, 3] },
      label: { bold: true, fillColor: '#f2f2f2' },
      partyHead: { bold: true, fillColor: '#e6e6e6', alignment: 'center' },
      seal: { alignment: 'right', fontSize: 12, margin: [0, 2, 24, 2] },
      sealNote: { alignment: 'right', fontSize: 9, color: '#555555', margin: [0, 0, 24, 4] },
    },
    content: agreementContent(doc),
    // A section heading in the last lines of a page moves to the next one with its body.
    pageBreakBefore: (node) => node.headlineLevel === 1 && node.startPosition.verticalRatio > 0.9,
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        { text: doc.agreementNo, fontSize: 8.5, color: '#666666' },
        { text: `第 ${currentPage} 页 共 ${pageCount} 页`, fontSize: 8.5, color: '#666666', alignment: 'right' },
      ],
      margin: [64, 24, 64, 0],
    }),
  };
  return printer.createPdf(definition).getBuffer();
}
