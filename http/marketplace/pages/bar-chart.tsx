/**
 * A horizontal grouped bar chart rendered on the server as inline SVG (no script, no chart CDN,
 * no inline style: colours and fonts are presentation attributes, which the CSP allows). Each
 * row is a label line with one bar per series under it, so it stays legible on a phone: the
 * viewBox is 360 units wide and the stylesheet caps the drawing at 480 px.
 */
export interface ChartSeries {
  readonly key: string;
  readonly name: string;
  readonly colour: string;
}

export interface ChartRow {
  readonly label: string;
  readonly values: readonly number[];
}

const WIDTH = 360;
const LABEL_H = 22;
const BAR_H = 12;
const BAR_GAP = 3;
const ROW_GAP = 14;
const VALUE_W = 72;
const TOP = 6;

/** A label cut to fit the chart width (CJK characters count double). */
export function fitLabel(label: string, maxUnits = 40): string {
  let units = 0;
  let out = "";
  for (const ch of label) {
    units += ch.charCodeAt(0) < 256 ? 1 : 2;
    if (units > maxUnits) return `${out}…`;
    out += ch;
  }
  return out;
}

export function BarChart(props: {
  readonly title: string;
  readonly series: readonly ChartSeries[];
  readonly rows: readonly ChartRow[];
  readonly formatValue?: (n: number) => string;
  readonly testid?: string;
}) {
  const { series, rows } = props;
  const show = props.formatValue ?? ((n: number) => String(n));
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const rowH = LABEL_H + series.length * (BAR_H + BAR_GAP) + ROW_GAP;
  const height = TOP + rows.length * rowH;
  const barArea = WIDTH - VALUE_W;
  const titleId = `${props.testid ?? "chart"}-title`;
  return (
    <svg
      class="mk-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={titleId}
      data-testid={props.testid}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={titleId}>{props.title}</title>
      {rows.map((r, i) => {
        const y = TOP + i * rowH;
        return (
          <g data-row={r.label}>
            <text x="0" y={y + 16} font-size="16" fill="#1d2733">
              {fitLabel(r.label)}
            </text>
            {series.map((s, j) => {
              const value = r.values[j] ?? 0;
              const w = value === 0 ? 0 : Math.max(2, Math.round((value / max) * barArea));
              const by = y + LABEL_H + j * (BAR_H + BAR_GAP);
              return (
                <>
                  <rect x="0" y={by} width={barArea} height={BAR_H} fill="#eef3f8" rx="2" />
                  <rect
                    x="0"
                    y={by}
                    width={w}
                    height={BAR_H}
                    fill={s.colour}
                    rx="2"
                    data-series={s.key}
                    data-value={String(value)}
                  >
                    <title>{`${s.name}: ${show(value)}`}</title>
                  </rect>
                  <text x={barArea + 6} y={by + BAR_H - 1} font-size="13" fill="#5b6b7c">
                    {show(value)}
                  </text>
                </>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
