/**
 * Charts drawn on the server as inline SVG (no script, no chart CDN, no style attributes: only
 * SVG presentation attributes, which the pages' Content-Security-Policy allows). Each chart has
 * a title for screen readers; the numbers are also in the table under the charts.
 */
export interface BarGroup {
  readonly label: string;
  /** One value per series; null draws no bar ("—"). */
  readonly values: readonly (number | null)[];
  /** The text shown at the end of each bar. */
  readonly texts: readonly string[];
}

export const SERIES_COLOURS = ["#0b5cad", "#6fa8dc", "#c9daf8"] as const;

const W = 360;
const VALUE_W = 112;
const BAR_W = W - VALUE_W - 4;
const LABEL_H = 19;
const BAR_H = 16;
const BAR_GAP = 3;
const GROUP_GAP = 10;
const TOP = 22;
const FONT = "system-ui, -apple-system, 'PingFang SC', 'Noto Sans CJK SC', sans-serif";

function clip(label: string, max = 28): string {
  const chars = Array.from(label);
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : label;
}

/**
 * Horizontal bars scaled to `max` (default: the largest value): per group its label on a line,
 * then one bar per series with its value at the end. Narrow enough to stay legible on a phone.
 */
export function BarChart(props: {
  readonly id: string;
  readonly title: string;
  readonly series: readonly string[];
  readonly groups: readonly BarGroup[];
  readonly max?: number;
  /** Labels of the axis ticks at 0, ½ and the maximum. */
  readonly tick?: (value: number) => string;
}) {
  const { groups, series } = props;
  const largest = Math.max(0, ...groups.flatMap((g) => g.values.map((v) => v ?? 0)));
  const max = props.max ?? largest;
  const groupH = LABEL_H + series.length * (BAR_H + BAR_GAP);
  const height = TOP + groups.length * (groupH + GROUP_GAP);
  const x = (v: number) => (max > 0 ? Math.round((v / max) * BAR_W * 10) / 10 : 0);
  const ticks = max > 0 ? [0, max / 2, max] : [0];
  return (
    <svg
      class="qc-chart"
      viewBox={`0 0 ${W} ${height}`}
      role="img"
      aria-labelledby={`${props.id}-title`}
      data-testid={props.id}
      font-family={FONT}
      font-size="13"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      {ticks.map((tv, i) => (
        <g>
          <line
            x1={x(tv) + 0.5}
            x2={x(tv) + 0.5}
            y1={TOP - 6}
            y2={height - GROUP_GAP}
            stroke="#dde3ea"
            stroke-width="1"
          />
          {props.tick ? (
            <text
              x={x(tv) + 0.5}
              y={TOP - 9}
              text-anchor={i === 0 ? "start" : i === ticks.length - 1 ? "end" : "middle"}
              fill="#5b6b7c"
              font-size="11"
            >
              {props.tick(tv)}
            </text>
          ) : null}
        </g>
      ))}
      {groups.map((g, gi) => {
        const y0 = TOP + gi * (groupH + GROUP_GAP);
        return (
          <g data-group={g.label}>
            <text
              x="0"
              y={y0 + LABEL_H - 5}
              fill="#1d2733"
              font-weight="600"
              stroke="#fff"
              stroke-width="3"
              paint-order="stroke"
            >
              {clip(g.label)}
            </text>
            {g.values.map((v, si) => {
              const y = y0 + LABEL_H + si * (BAR_H + BAR_GAP);
              const w = v === null ? 0 : Math.max(v > 0 ? 1 : 0, x(v));
              return (
                <g>
                  {v === null ? null : (
                    <rect
                      x="0"
                      y={y}
                      width={w}
                      height={BAR_H}
                      rx="2"
                      fill={SERIES_COLOURS[si % SERIES_COLOURS.length]}
                      data-value={v}
                    >
                      <title>{`${g.label} · ${series[si] ?? ""}: ${g.texts[si] ?? ""}`}</title>
                    </rect>
                  )}
                  <text x={w + 4} y={y + BAR_H - 4} fill="#1d2733" font-size="12">
                    {g.texts[si] ?? "—"}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

/** The colour keys of a chart's series. */
export function Legend(props: { readonly series: readonly string[] }) {
  if (props.series.length < 2) return null;
  return (
    <ul class="qc-legend">
      {props.series.map((s, i) => (
        <li>
          <span class={`qc-key qc-k${i % SERIES_COLOURS.length}`} />
          {s}
        </li>
      ))}
    </ul>
  );
}
