import { BarChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

// Only what a ranked bar chart needs, and SVG (its labels are text a screen reader and a test can read).
echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, SVGRenderer]);

export interface RateRow {
  rank: number;
  name: string;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
}

const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);
const VISIBLE = 15;
// Each bar says its figure (a 0 % bar has no length to see); a rate without cases says so.
const valueLabel = {
  show: true,
  position: 'right',
  formatter: (p: { value: unknown }) => (p.value == null ? '无数据' : `${Number(p.value).toFixed(1)}%`),
};

/** The three rates per unit, ranked (first place on top). */
export default function RatesChart({ rows, title }: { rows: RateRow[]; title: string }) {
  const shown = [...rows].reverse(); // a horizontal bar chart draws its first category at the bottom
  const option = {
    // Figures, not a show: bars drawn at their value at once (and reduced motion for everyone).
    animation: false,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => (v == null ? '无数据' : `${v}%`),
    },
    legend: { data: ['响应率', '解决率', '满意率'], top: 0 },
    grid: { left: 8, right: 40, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      data: shown.map((r) => `${r.rank}. ${r.name}`),
      axisLabel: { width: 220, overflow: 'truncate' },
    },
    dataZoom:
      rows.length > VISIBLE
        ? [{ type: 'slider', yAxisIndex: 0, startValue: rows.length - VISIBLE, endValue: rows.length - 1, right: 0 }]
        : [],
    series: [
      { name: '响应率', type: 'bar', label: valueLabel, data: shown.map((r) => pct(r.responseRate)) },
      { name: '解决率', type: 'bar', label: valueLabel, data: shown.map((r) => pct(r.resolutionRate)) },
      { name: '满意率', type: 'bar', label: valueLabel, data: shown.map((r) => pct(r.satisfactionRate)) },
    ],
  };
  const height = Math.max(240, Math.min(rows.length, VISIBLE) * 60 + 60);
  return (
    <figure aria-label={title} style={{ margin: 0 }} data-testid="rates-chart">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height, width: '100%' }}
        opts={{ renderer: 'svg' }}
      />
    </figure>
  );
}
