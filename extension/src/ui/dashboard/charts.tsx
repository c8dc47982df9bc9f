import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { accent } from './chart-colors';

/*
 * Every recharts chart of the dashboard, in one module that the page loads on its own (see `lazy-charts.ts`):
 * recharts is most of the page's code, and the figures do not need it to show.
 */

const margin = { top: 8, right: 8, left: 0, bottom: 0 };

/** Stacked bars: one bar per row, one stack per series. */
export function StackedBarChart(props: {
  data: Record<string, string | number>[];
  category: string;
  series: { key: string; name: string; color: string }[];
  height: number;
}) {
  return (
    <ResponsiveContainer width="100%" height={props.height}>
      <BarChart data={props.data} margin={margin}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={props.category} fontSize={12} />
        <YAxis allowDecimals={false} fontSize={12} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {props.series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} stackId="a" fill={s.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** One series of bars; `onBarClick` gets the clicked row's index and makes the bars clickable. */
export function SimpleBarChart(props: {
  data: Record<string, string | number>[];
  category: string;
  value: string;
  name: string;
  height: number;
  categoryFontSize?: number;
  onBarClick?: (index: number) => void;
}) {
  const onBarClick = props.onBarClick;
  return (
    <ResponsiveContainer width="100%" height={props.height}>
      <BarChart data={props.data} margin={margin}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={props.category} fontSize={props.categoryFontSize ?? 12} />
        <YAxis allowDecimals={false} fontSize={12} />
        <Tooltip />
        <Bar
          dataKey={props.value}
          name={props.name}
          fill={accent}
          isAnimationActive={false}
          {...(onBarClick ? { cursor: 'pointer', onClick: (_d: unknown, index: number) => onBarClick(index) } : {})}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
