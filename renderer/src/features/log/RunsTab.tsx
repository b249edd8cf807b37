import { useMemo, useState } from 'react'
import { loadFlags } from '../../../../shared/load/metrics'
import { formatDistance } from '../../../../shared/units'
import { Explained } from '../../components/Explained'
import { ExportedFileActions } from '../../components/ExportedFileActions'
import { call } from '../../api'
import { DateText } from '../../components/DateText'
import { RecordLockedNotice } from '../athlete/RecordLockedNotice'
import type { AthleteTabProps } from '../athlete/tabs'
import { lazyComponent } from '../../components/lazy'
import { QuickAdd } from './QuickAdd'
import { RunsTable } from './RunsTable'
import { localToday } from './run-form'
import { useAthleteRecord } from './use-athlete-record'
import './log.css'


// The chart library and the file importers load with the charts and the import button, not the log.
const AthleteCharts = lazyComponent(async () => (await import('./charts/AthleteCharts')).AthleteCharts, 'the charts')
const ImportRuns = lazyComponent(async () => (await import('./ImportRuns')).ImportRuns, 'import')

/** The athlete's "Runs & pain" tab: quick add, load facts, charts, import/export and the log itself. */
export function RunsTab({ athlete, settings }: AthleteTabProps) {
  const { record, error, reload } = useAthleteRecord(athlete.id)
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; path?: string } | null>(null)
  // The run just added or brought back by Undo: the table scrolls to it and marks it for a moment.
  const [highlightId, setHighlightId] = useState<string | null>(null)
  const unit = settings.distanceUnit
  const today = localToday()
  const runs = useMemo(() => record?.runs ?? [], [record])
  const startsOn = settings.weekStartsOn ?? 'monday'
  const load = useMemo(() => loadFlags(runs, today, { startsOn }), [runs, today, startsOn])

  if (error && !record) {
    return (
      <p className="form-error" role="alert">
        Could not load {athlete.name}’s log: {error}
      </p>
    )
  }
  if (!record) return <p>Loading the log…</p>
  const locked = record.locked

  return (
    <div className="runs-tab">
      <RecordLockedNotice record={record} />
      <div className="toolbar">
        <h2 className="tab-heading">Log a run</h2>
        <div className="spacer" />
        <ImportRuns athleteId={athlete.id} unit={unit} disabled={locked} onImported={reload} />
        <button
          type="button"
          disabled={runs.length === 0}
          onClick={async () => {
            try {
              const r = await call('exportRunsCsv', { athleteId: athlete.id })
              setMessage(r.path ? { kind: 'ok', text: `Exported ${r.runs} runs to ${r.path}.`, path: r.path } : null)
            } catch (e) {
              setMessage({ kind: 'error', text: (e as Error).message })
            }
          }}
        >
          Export CSV…
        </button>
      </div>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'error' : 'ok'}>
          {message.text}
          {message.path && <ExportedFileActions path={message.path} />}
        </p>
      )}
      <QuickAdd
        athleteId={athlete.id}
        unit={unit}
        disabled={locked}
        onSaved={async (run) => {
          await reload()
          setHighlightId(run.id)
        }}
      />

      <dl className="load-facts" aria-label="Load this week">
        <div>
          <dt>
            <Explained term="This week">Distance logged since {startsOn === 'sunday' ? 'Sunday' : 'Monday'}, the first day of the week in Settings.</Explained>
          </dt>
          <dd data-testid="this-week">{formatDistance(load.thisWeekKm, unit)}</dd>
        </div>
        <div>
          <dt>
            <Explained term="Last week">The whole of last week. This week is shown as a share of it so far, so it is low early in the week.</Explained>
          </dt>
          <dd>
            {formatDistance(load.lastWeekKm, unit)}
            {load.lastWeekKm > 0 && <span className="muted"> (this week so far: {Math.round((load.thisWeekKm / load.lastWeekKm) * 100)} % of it)</span>}
          </dd>
        </div>
        <div>
          <dt>
            <Explained term="Longest run, last 30 days">The longest single run in the 30 days up to today.</Explained>
          </dt>
          <dd>{load.longest30dKm === null ? '–' : formatDistance(load.longest30dKm, unit)}</dd>
        </div>
        <div>
          <dt>
            <Explained term="Safe next run">
              Up to 10 % longer than the longest run of the previous 30 days. Runs beyond that carried more injury risk (Frandsen et al. 2025).
            </Explained>
          </dt>
          <dd data-testid="next-run-limit">{load.nextRunLimitKm === null ? '–' : `up to ${formatDistance(load.nextRunLimitKm, unit)}`}</dd>
        </div>
        <div>
          <dt>
            <Explained term="Load trend">
              This week’s running compared with the last four weeks (averages over 7 and 28 days, recent days counting more). About 1 is steady, well above 1 a
              sudden rise. A trend to watch, not a risk score.
            </Explained>
          </dt>
          <dd>{load.acwr?.ratio == null ? 'needs 28 days of runs' : `${load.acwr.ratio.toFixed(2)} (1 = steady)`}</dd>
        </div>
      </dl>
      {load.flags.length > 0 && (
        <ul className="notice notice-warning load-flags">
          {load.flags.map((f) => (
            <li key={`${f.date}-${f.run.id}`}>
              ▲ The run on <DateText iso={f.date} style="long" /> ({formatDistance(f.run.distanceKm, unit)}) was {Math.round((f.ratio - 1) * 100)} % longer than the longest run of the
              previous 30 days ({formatDistance(f.previousLongestKm, unit)}). Runs more than 10 % beyond it carried more injury risk (Frandsen et al. 2025).
            </li>
          ))}
        </ul>
      )}

      <AthleteCharts runs={runs} unit={unit} startsOn={startsOn} today={today} athleteName={athlete.name} />

      <h2>Runs</h2>
      <RunsTable athleteId={athlete.id} runs={runs} unit={unit} locked={locked} onChanged={reload} highlightId={highlightId} onHighlight={setHighlightId} />
    </div>
  )
}
