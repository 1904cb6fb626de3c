import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { DEFAULT_MEDIATION_PDF_FONT_PATH } from '../../config/env.schema';

/** pdfmake's font descriptor: a path, or [path, postscript name] to pick one face of a TTC/OTC collection. */
export type FontSource = string | [string, string];

export interface AgreementFonts {
  normal: FontSource;
  bold: FontSource;
}

const COLLECTION_EXTENSIONS = new Set(['.ttc', '.otc']);

/**
 * Resolves the regular face and its bold sibling (`…-Regular.ttc` → `…-Bold.ttc`, the regular face when absent).
 * Debian's Noto CJK collections hold JP/KR/SC/TC/HK faces; the SC face is chosen by its postscript name
 * (`NotoSansCJK-Regular.ttc` → `NotoSansCJKsc-Regular`) so simplified glyph forms are printed.
 */
export function resolveAgreementFonts(fontPath: string = DEFAULT_MEDIATION_PDF_FONT_PATH): AgreementFonts {
  if (!existsSync(fontPath)) throw new Error(`调解协议书字体文件不存在：${fontPath}（MEDIATION_PDF_FONT_PATH）`);
  const boldPath = join(dirname(fontPath), basename(fontPath).replace(/Regular/, 'Bold'));
  const bold = boldPath !== fontPath && existsSync(boldPath) ? boldPath : fontPath;
  return { normal: fontSource(fontPath), bold: fontSource(bold) };
}

function fontSource(path: string): FontSource {
  const ext = extname(path).toLowerCase();
  if (!COLLECTION_EXTENSIONS.has(ext)) return path;
  const [family, weight = 'Regular'] = basename(path, extname(path)).split('-');
  return [path, `${family}sc-${weight}`];
}
