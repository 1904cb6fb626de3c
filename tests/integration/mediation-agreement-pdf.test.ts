import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { missingArticle29Content } from '../../src/modules/mediation/mediation-agreement-document';
import { renderMediationAgreementPdf } from '../../src/modules/mediation/mediation-agreement-pdf';
import { SHUNZHENGHE_LABOUR_AGREEMENT as AGREEMENT } from '../fixtures/mediation-agreement';

/** Re-record after a deliberate layout, font or dependency change: GOVFLOW_RECORD_GOLDEN=1 npx jest <this file>. */
const GOLDEN = join(__dirname, '..', 'fixtures', 'golden', 'mediation-agreement.pdf');
const PAGE_IMAGE = join('test-runs', 'mediation-agreement-page1');

const work = mkdtempSync(join(tmpdir(), 'agreement-pdf-'));
let pdf: Buffer;
let pdfPath: string;

function poppler(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8' });
}
const squeeze = (s: string) => s.replace(/\s+/g, '');

beforeAll(async () => {
  pdf = await renderMediationAgreementPdf(AGREEMENT);
  pdfPath = join(work, 'agreement.pdf');
  writeFileSync(pdfPath, pdf);
  if (process.env.GOVFLOW_RECORD_GOLDEN === '1') {
    mkdirSync(dirname(GOLDEN), { recursive: true });
    writeFileSync(GOLDEN, pdf);
  }
  mkdirSync('test-runs', { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, PAGE_IMAGE]);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('调解协议书 PDF', () => {
  it('matches the golden file byte for byte', () => {
    expect(existsSync(GOLDEN)).toBe(true);
    const golden = readFileSync(GOLDEN);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBe(golden.length);
    expect(pdf.equals(golden)).toBe(true);
  });

  it('renders the same agreement to identical bytes twice, and a changed agreement differently', async () => {
    const again = await renderMediationAgreementPdf(AGREEMENT);
    expect(again.equals(pdf)).toBe(true);
    const amended = await renderMediationAgreementPdf({ ...AGREEMENT, terms: [...AGREEMENT.terms, '补充条款。'] });
    expect(amended.equals(pdf)).toBe(false);
  });

  it('reads back the Article 29 content, the parties, the terms, signatures and the Article 33 notice', () => {
    const text = squeeze(poppler('pdftotext', ['-enc', 'UTF-8', pdfPath, '-']));
    const expected = [
      '人民调解协议书',
      `编号：${AGREEMENT.agreementNo}`,
      '一、当事人基本情况',
      '二、纠纷的主要事实',
      '三、争议事项',
      '四、各方当事人的责任',
      '五、协议内容',
      '六、履行方式和期限',
      '七、告知事项',
      '八、签名',
      ...AGREEMENT.parties.flatMap((p) => [p.name, p.address!, p.representative!]),
      '80人',
      AGREEMENT.parties[1].idNumber!,
      AGREEMENT.facts,
      ...AGREEMENT.disputedMatters,
      ...AGREEMENT.responsibilities.map((r) => `${r.party}：${r.text}`),
      ...AGREEMENT.terms.map((t, i) => `${i + 1}.${t}`),
      `履行方式：${AGREEMENT.performance.method}`,
      '履行期限：2023年11月30日前履行完毕',
      '自本协议生效之日起三十日内共同向人民法院申请司法确认',
      '第三十三条',
      '本协议一式三份',
      ...AGREEMENT.mediatorSignatures.map((m) => m.name),
      '调解员（律师）',
      '调解员（民警·米庄派出所）',
      AGREEMENT.committeeName,
      '（人民调解委员会印章）2023年10月28日',
    ];
    const missing = expected.filter((s) => !text.includes(squeeze(s)));
    expect(missing).toEqual([]);
  });

  it('embeds only subsets of the Noto Sans CJK SC faces', () => {
    const rows = poppler('pdffonts', [pdfPath]).trim().split('\n').slice(2);
    const fonts = rows.map((row) => {
      const cols = row.trim().split(/\s+/);
      return { name: cols[0], emb: cols.at(-5), sub: cols.at(-4), uni: cols.at(-3) };
    });
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'NotoSansCJKsc-Bold',
      'NotoSansCJKsc-Regular',
    ]);
    for (const font of fonts) {
      expect(font.name).toMatch(/^[A-Z]{6}\+/);
      expect(font).toMatchObject({ emb: 'yes', sub: 'yes', uni: 'yes' });
    }
    // The whole collection is ~20 MB per face; a subset of a few hundred glyphs is far smaller.
    expect(pdf.length).toBeLessThan(1_000_000);
  });

  it('dates the file by the agreement, not by the clock', () => {
    const info = poppler('pdfinfo', ['-isodates', pdfPath]);
    expect(info).toMatch(/CreationDate:\s+2023-10-27T16:00:00Z/);
    expect(info).toMatch(/ModDate:\s+2023-10-27T16:00:00Z/);
    expect(info).toMatch(/Title:\s+人民调解协议书 米庄调协字〔2023〕第017号/);
    expect(info).toMatch(/Page size:\s+595.28 x 841.89 pts \(A4\)/);
  });

  it('writes page 1 as an image for the closing note', () => {
    const png = readFileSync(`${PAGE_IMAGE}.png`);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('refuses a font path that does not exist, naming the variable', async () => {
    await expect(renderMediationAgreementPdf(AGREEMENT, { fontPath: join(work, 'none.ttc') })).rejects.toThrow(
      /字体文件不存在.*MEDIATION_PDF_FONT_PATH/,
    );
  });
});

describe('人民调解法第二十九条 content check', () => {
  it('finds a complete agreement complete', () => {
    expect(missingArticle29Content(AGREEMENT)).toEqual([]);
  });

  it('names every missing part of an empty agreement', () => {
    const empty = {
      ...AGREEMENT,
      parties: [AGREEMENT.parties[0]],
      facts: ' ',
      disputedMatters: [],
      responsibilities: [{ party: '甲方', text: '' }],
      terms: [''],
      performance: { method: '', deadline: '2023-11' },
    };
    expect(missingArticle29Content(empty)).toEqual([
      '当事人基本情况',
      '纠纷的主要事实',
      '争议事项',
      '各方当事人的责任',
      '达成协议的内容',
      '履行方式、期限',
    ]);
  });
});
