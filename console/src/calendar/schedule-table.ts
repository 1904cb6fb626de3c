/** One pasted line of a published schedule: `2027-01-01,元旦,休` (休 = day off, 班 = 调休上班). */
export interface ScheduleLine {
  line: number;
  date: string;
  name: string;
  kind: 'off' | 'makeUp';
  error?: string;
}
export interface Festival {
  name: string;
  off: string[];
  makeUp: string[];
}

const OFF = ['休', '放假', '休息'];
const MAKE_UP = ['班', '上班', '调休上班'];

const realDate = (text: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
};

/** Lines separated by commas, tabs (pasted from a spreadsheet) or Chinese commas; blank lines and a header skipped. */
export function parseSchedule(text: string): ScheduleLine[] {
  const out: ScheduleLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const cells = raw.split(/[,，\t]/).map((c) => c.trim());
    if (!raw.trim() || /日期/.test(cells[0] ?? '')) return;
    const [date = '', name = '', mark = ''] = cells;
    const kind = OFF.includes(mark) ? 'off' : MAKE_UP.includes(mark) ? 'makeUp' : null;
    const error = !realDate(date)
      ? `日期「${date}」无效，应为 YYYY-MM-DD`
      : !name
        ? '缺少节日名称'
        : !kind
          ? `第三列「${mark}」应为「休」或「班」`
          : undefined;
    out.push({ line: i + 1, date, name, kind: kind ?? 'off', ...(error ? { error } : {}) });
  });
  const seen = new Set<string>();
  for (const l of out) {
    if (!l.error && seen.has(l.date)) l.error = `${l.date} 重复出现`;
    seen.add(l.date);
  }
  return out;
}

/** The schedule's year: the latest year its dates fall in (a 元旦 bridge may reach into the December before). */
export const scheduleYear = (lines: ScheduleLine[]): number | null =>
  lines.length ? Math.max(...lines.map((l) => Number(l.date.slice(0, 4)))) : null;

/** Festivals in order of first appearance, as the import endpoint takes them. */
export function toFestivals(lines: ScheduleLine[]): Festival[] {
  const byName = new Map<string, Festival>();
  for (const l of lines) {
    const f = byName.get(l.name) ?? { name: l.name, off: [], makeUp: [] };
    f[l.kind].push(l.date);
    byName.set(l.name, f);
  }
  return [...byName.values()];
}
