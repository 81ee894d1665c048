/**
 * Charts drawn on the server as inline SVG: no script, no chart CDN, no style attributes (only
 * SVG presentation attributes, which the pages' Content-Security-Policy allows). Each chart has
 * a title for screen readers, and every figure it draws is also printed as text next to it.
 */
export const CHART_COLOURS = ["#0b5cad", "#e0782b", "#2e7d32", "#8e44ad", "#c0392b", "#7f8c8d"] as const;

const FONT = "system-ui, -apple-system, 'PingFang SC', 'Noto Sans CJK SC', sans-serif";

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** What is printed at the end of the bar (e.g. "1,500.00 万元"). */
  readonly text: string;
  /** A key for tests and for the tooltip. */
  readonly key?: string;
}

function clip(label: string, max: number): string {
  const chars = Array.from(label);
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : label;
}

/** Horizontal bars, one row per item, scaled to the largest value. */
export function BarChart(props: { readonly id: string; readonly title: string; readonly bars: readonly Bar[] }) {
  const W = 360;
  const LABEL_W = 112;
  const VALUE_W = 64;
  const BAR_W = W - LABEL_W - VALUE_W;
  const ROW = 24;
  const TOP = 6;
  const max = Math.max(0, ...props.bars.map((b) => b.value));
  const height = TOP + Math.max(1, props.bars.length) * ROW + 4;
  const x = (v: number) => (max > 0 ? Math.round((v / max) * BAR_W * 10) / 10 : 0);
  return (
    <svg
      class="fx-chart"
      viewBox={`0 0 ${W} ${height}`}
      role="img"
      aria-labelledby={`${props.id}-title`}
      data-testid={props.id}
      font-family={FONT}
      font-size="13"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <line x1={LABEL_W} x2={LABEL_W} y1={TOP - 2} y2={height - 2} stroke="#b8c2cc" stroke-width="1" />
      {props.bars.map((b, i) => {
        const y = TOP + i * ROW;
        const w = b.value > 0 ? Math.max(1, x(b.value)) : 0;
        return (
          <g data-bar={b.key ?? b.label} data-value={b.value}>
            <text x={LABEL_W - 6} y={y + 15} text-anchor="end" fill="#1d2733">
              {clip(b.label, 8)}
            </text>
            <rect x={LABEL_W} y={y + 3} width={w} height={16} rx="2" fill={CHART_COLOURS[i % CHART_COLOURS.length]}>
              <title>{`${b.label}: ${b.text}`}</title>
            </rect>
            <text x={LABEL_W + w + 4} y={y + 15} fill="#1d2733" font-size="12">
              {b.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** One bar split into parts (e.g. a loss by party), with a legend under it. */
export function StackedBar(props: { readonly id: string; readonly title: string; readonly parts: readonly Bar[] }) {
  const W = 360;
  const H = 24;
  const total = props.parts.reduce((s, p) => s + Math.max(0, p.value), 0);
  let at = 0;
  return (
    <>
      <svg
        class="fx-chart"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${props.id}-title`}
        data-testid={props.id}
        font-family={FONT}
        font-size="12"
      >
        <title id={`${props.id}-title`}>{props.title}</title>
        <rect x="0" y="2" width={W} height={H - 4} rx="4" fill="#eef2f6" />
        {props.parts.map((p, i) => {
          const w = total > 0 ? Math.round((Math.max(0, p.value) / total) * W * 10) / 10 : 0;
          const x = at;
          at += w;
          return w > 0 ? (
            <rect
              x={x}
              y="2"
              width={w}
              height={H - 4}
              fill={CHART_COLOURS[i % CHART_COLOURS.length]}
              data-bar={p.key ?? p.label}
              data-value={p.value}
            >
              <title>{`${p.label}: ${p.text}`}</title>
            </rect>
          ) : null;
        })}
      </svg>
      <ul class="fx-legend">
        {props.parts.map((p, i) => (
          <li>
            <span class={`fx-key fx-k${i % CHART_COLOURS.length}`} />
            {p.label} {p.text}
          </li>
        ))}
      </ul>
    </>
  );
}
