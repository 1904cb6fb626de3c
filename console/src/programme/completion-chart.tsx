import { BarChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { CompletionRow } from './quota-progress';

echarts.use([BarChart, GridComponent, TooltipComponent, DataZoomComponent, SVGRenderer]);

const VISIBLE = 15;
export const completionPct = (r: CompletionRow) => Math.round(r.completion * 1000) / 10;

/** Agencies ranked by completion of the year's "五个一" targets (first place on top). */
export default function CompletionChart({ rows }: { rows: CompletionRow[] }) {
  const shown = rows.map((r, i) => ({ ...r, rank: i + 1 })).reverse();
  const option = {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${v}%` },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
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
      {
        name: '完成率',
        type: 'bar',
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: unknown }) => `${Number(p.value).toFixed(1)}%`,
        },
        data: shown.map(completionPct),
      },
    ],
  };
  const height = Math.max(200, Math.min(rows.length, VISIBLE) * 44 + 40);
  return (
    <figure aria-label="机关年度任务完成率排名" style={{ margin: 0 }} data-testid="completion-chart">
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
