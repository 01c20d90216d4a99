import type { Series } from './types'

interface Props {
  series: Series
  width?: number
  height?: number
  /** Shows retries as a third colour (the overview); the destination list shows delivered and failed. */
  withRetries?: boolean
  label: string
}

/** Stacked bars per bucket: delivered (green), failed (red), optionally retried (amber). No chart library. */
export function TrendChart({ series, width = 120, height = 28, withRetries = false, label }: Props) {
  const buckets = series.delivered.length
  const totals = series.delivered.map(
    (delivered, i) => delivered + series.failed[i] + (withRetries ? series.retried[i] : 0)
  )
  const max = Math.max(1, ...totals)
  const barWidth = width / buckets
  const bars = []
  for (let i = 0; i < buckets; i++) {
    let y = height
    const parts: Array<[number, string]> = [
      [series.delivered[i], 'bar-delivered'],
      [series.failed[i], 'bar-failed']
    ]
    if (withRetries) parts.push([series.retried[i], 'bar-retried'])
    for (const [count, kind] of parts) {
      if (count <= 0) continue
      const h = Math.max(1, (count / max) * (height - 1))
      y -= h
      bars.push(<rect class={kind} x={i * barWidth + 0.5} y={y} width={Math.max(1, barWidth - 1)} height={h} />)
    }
  }
  return (
    <svg
      class="trend"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      data-testid="trend"
    >
      <title>{label}</title>
      <line class="baseline" x1="0" y1={height - 0.5} x2={width} y2={height - 0.5} />
      {bars}
    </svg>
  )
}
