import { useState } from 'react'
import { addDays } from '../../../../shared/dates'
import { call } from '../../api'
import { ExportResult } from '../../components/ExportedFileActions'
import { todayIso } from '../../dates'
import './report.css'

type Outcome = { text: string; path: string | null; error: boolean } | null

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * The board's exports (issue 13 point 8): the squad report PDF for the group the board shows (or everyone),
 * and every run of that group between two dates as one CSV.
 */
export function SquadExports({ groupId, groupLabel }: { groupId: string | null; groupLabel: string }) {
  const [from, setFrom] = useState(() => addDays(todayIso(), -27))
  const [to, setTo] = useState(() => todayIso())
  const [busy, setBusy] = useState<'pdf' | 'csv' | null>(null)
  const [outcome, setOutcome] = useState<Outcome>(null)

  const run = async (kind: 'pdf' | 'csv', work: () => Promise<Outcome>) => {
    setBusy(kind)
    setOutcome(null)
    try {
      setOutcome(await work())
    } catch (error) {
      setOutcome({ text: errorText(error), path: null, error: true })
    } finally {
      setBusy(null)
    }
  }
  const exportPdf = () =>
    run('pdf', async () => {
      const r = await call('exportSquadReportPdf', { groupId })
      if (r.path === null) return { text: 'Export cancelled; no file was written.', path: null, error: false }
      const pages = r.pages ? `, ${r.pages} ${r.pages === 1 ? 'page' : 'pages'}` : ''
      return { text: `Saved the squad report (${r.athletes} ${r.athletes === 1 ? 'athlete' : 'athletes'}${pages}) to ${r.path}.`, path: r.path, error: false }
    })
  const exportCsv = () =>
    run('csv', async () => {
      if (!from || !to) return { text: 'Choose the first and the last day of the runs to export.', path: null, error: true }
      if (from > to) return { text: 'The first day must not be after the last day.', path: null, error: true }
      const r = await call('exportSquadRunsCsv', { groupId, from, to })
      if (r.path === null) return { text: 'Export cancelled; no file was written.', path: null, error: false }
      return { text: `Exported ${r.runs} ${r.runs === 1 ? 'run' : 'runs'} from ${r.athletes} ${r.athletes === 1 ? 'athlete' : 'athletes'} to ${r.path}.`, path: r.path, error: false }
    })

  return (
    <section className="squad-exports" aria-labelledby="squad-exports-title">
      <h2 id="squad-exports-title" className="sr-only">
        Squad report and runs export
      </h2>
      <button type="button" disabled={busy !== null} onClick={() => void exportPdf()}>
        {busy === 'pdf' ? 'Making the report…' : `Squad report PDF (${groupLabel})…`}
      </button>
      <div className="field">
        <label htmlFor="squad-csv-from">Runs from</label>
        <input id="squad-csv-from" type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="squad-csv-to">to</label>
        <input id="squad-csv-to" type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
      </div>
      <button type="button" disabled={busy !== null} onClick={() => void exportCsv()}>
        {busy === 'csv' ? 'Exporting…' : 'Export runs CSV…'}
      </button>
      {outcome && <ExportResult text={outcome.text} path={outcome.path} error={outcome.error} />}
    </section>
  )
}
