import { useState } from 'react'
import type { ChartRange } from '../../../../../shared/load/chart-data'

const FIXED: { id: Exclude<ChartRange, object>; label: string }[] = [
  { id: '12w', label: '12 weeks' },
  { id: '6m', label: '6 months' },
  { id: '1y', label: '1 year' },
  { id: 'all', label: 'All' },
]

/**
 * The one range for every chart on the page: a fixed span, or the coach's own from–to. The custom dates
 * apply once both are filled and in order; until then the charts keep the range they had.
 */
export function ChartRangeControl({ range, today, onChange }: { range: ChartRange; today: string; onChange(range: ChartRange): void }) {
  const custom = typeof range === 'object'
  const [open, setOpen] = useState(custom)
  const [from, setFrom] = useState(custom ? range.from : '')
  const [to, setTo] = useState(custom ? range.to : today)
  const problem = from && to && from > to ? 'The start must be on or before the end.' : null
  const problemId = problem ? 'chart-range-problem' : undefined
  const apply = (nextFrom: string, nextTo: string) => {
    if (nextFrom && nextTo && nextFrom <= nextTo) onChange({ from: nextFrom, to: nextTo })
  }
  return (
    <div className="chart-range">
      <div role="group" aria-label="Chart range" className="segmented">
        {FIXED.map((r) => (
          <button
            key={r.id}
            type="button"
            aria-pressed={!open && range === r.id}
            onClick={() => {
              setOpen(false)
              onChange(r.id)
            }}
          >
            {r.label}
          </button>
        ))}
        <button type="button" aria-pressed={open} aria-expanded={open} aria-controls="chart-range-custom" onClick={() => setOpen(true)}>
          Custom…
        </button>
      </div>
      {open && (
        <div className="chart-range-custom" id="chart-range-custom">
          <RangeDate id="chart-from" label="From" value={from} max={today} problemId={problemId} onPick={(value) => {
            setFrom(value)
            apply(value, to)
          }} />
          <RangeDate id="chart-to" label="to" value={to} max={today} problemId={problemId} onPick={(value) => {
            setTo(value)
            apply(from, value)
          }} />
          {problem && (
            <span className="error" id={problemId} role="alert">
              {problem}
            </span>
          )}
        </div>
      )}
    </div>
  )
}

/** One end of the custom range; both ends are marked invalid while they are out of order. */
function RangeDate({ id, label, value, max, problemId, onPick }: { id: string; label: string; value: string; max: string; problemId: string | undefined; onPick(value: string): void }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="date" max={max} value={value} aria-invalid={problemId ? true : undefined} aria-describedby={problemId} onChange={(e) => onPick(e.target.value)} />
    </>
  )
}
