import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

export interface ChartBar {
  name: string;
  /** Points (0..100), null when nobody scored yet. */
  value: number | null;
  highlight?: boolean;
}

/** Panel scores as horizontal bars, best first, with the pass mark drawn across (ECharts, loaded with this page only). */
export default function RankingChart({ bars, passMark }: { bars: ChartBar[]; passMark: number }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return undefined;
    const chart = echarts.init(element.current);
    const sorted = [...bars].sort((a, b) => (a.value ?? -1) - (b.value ?? -1));
    chart.setOption({
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', min: 0, max: 100 },
      yAxis: { type: 'category', data: sorted.map((bar) => bar.name) },
      series: [
        {
          type: 'bar',
          data: sorted.map((bar) => ({ value: bar.value ?? 0, itemStyle: { color: bar.highlight ? '#b71c1c' : '#8c8c8c' } })),
          label: { show: true, position: 'right', formatter: ({ value }: { value: number }) => value.toFixed(2) },
          markLine: { symbol: 'none', data: [{ xAxis: passMark }], lineStyle: { type: 'dashed' } },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [bars, passMark]);
  return <div ref={element} style={{ height: Math.max(120, bars.length * 48) }} data-testid="ranking-chart" />;
}
