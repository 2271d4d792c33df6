import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

echarts.use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

export interface ChartBar {
  name: string;
  /** Points (0..100), null when nobody scored yet. */
  value: number | null;
  highlight?: boolean;
}

/** Names take at most this share of the chart's width (cut with an ellipsis; the tooltip has the whole name). */
const NAME_SHARE = 0.32;

/**
 * Panel scores as horizontal bars, best first, with the pass mark drawn across and labelled
 * (ECharts as SVG, loaded with this page only). A bid nobody scored shows as unscored, not as 0.
 */
export default function RankingChart({ bars, passMark }: { bars: ChartBar[]; passMark: number }) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const unscored = t('room.unscored');
  const passLabel = t('room.passMarkLine', { mark: passMark });
  useEffect(() => {
    const host = element.current;
    if (!host) return undefined;
    const chart = echarts.init(host, undefined, { renderer: 'svg' });
    const sorted = [...bars].sort((a, b) => (a.value ?? -1) - (b.value ?? -1));
    const draw = () =>
      chart.setOption({
        grid: { left: 8, right: 72, top: 28, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'value', min: 0, max: 100 },
        yAxis: {
          type: 'category',
          data: sorted.map((bar) => bar.name),
          axisLabel: { width: Math.max(96, Math.floor(host.clientWidth * NAME_SHARE)), overflow: 'truncate' },
        },
        series: [
          {
            type: 'bar',
            data: sorted.map((bar) => ({
              value: bar.value ?? 0,
              itemStyle: { color: bar.highlight ? '#b71c1c' : '#8c8c8c' },
              label: { show: true, position: 'right', formatter: bar.value === null ? unscored : bar.value.toFixed(2), color: bar.value === null ? '#8c8c8c' : undefined },
            })),
            markLine: {
              symbol: 'none',
              silent: true,
              data: [{ xAxis: passMark }],
              lineStyle: { type: 'dashed', color: '#b71c1c' },
              label: { formatter: passLabel, position: 'end', color: '#b71c1c' },
            },
          },
        ],
      });
    draw();
    const resize = () => {
      chart.resize();
      draw();
    };
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [bars, passMark, unscored, passLabel]);
  return <div ref={element} style={{ height: Math.max(140, bars.length * 48 + 36) }} data-testid="ranking-chart" />;
}
