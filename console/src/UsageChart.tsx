// A line chart of values per UTC day (uPlot, bundled): requests and errors, or
// latency. One chart per set of series that share a unit.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface DaySeries {
  label: string;
  color: string;
  values: Array<number | null>;
}

const secondsOf = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;

export function UsageChart({ title, days, series, width = 640, height = 200 }: { title: string; days: string[]; series: DaySeries[]; width?: number; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = new uPlot(
      {
        title,
        width,
        height,
        scales: { x: { time: true } },
        series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, spanGaps: false }))],
        axes: [{}, { size: 60 }],
      },
      [days.map(secondsOf), ...series.map((s) => s.values)],
      box.current!,
    );
    return () => chart.destroy();
  }, [title, width, height, JSON.stringify(days), JSON.stringify(series)]);
  return <div className="chart" ref={box} aria-label={title} />;
}
