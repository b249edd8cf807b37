import { useEffect, useState } from 'react'
import type { SquadReport } from '../../../../shared/api/channels/report'
import { formatDistance, localiseDistanceText } from '../../../../shared/units'
import { call } from '../../api'
import { TableHead } from '../../components/Table'
import { datesInText, longDate } from '../../dates'
import { PRINT_ERROR_ATTRIBUTE, PRINT_READY_ATTRIBUTE } from '../../print-attributes'
import '../plan/plan.css'
import './report.css'

// The squad report as printed to PDF (issue 13 point 8): the board for a group or the whole squad.
// Red rows are marked three ways (a boxed list first, the word "Red" and a thick rule on the row) so
// they survive a black-and-white printer.

const COLOUR_WORD = { red: 'Red', amber: 'Amber', green: 'Green' } as const

function RedFirst({ report }: { report: SquadReport }) {
  const red = report.rows.filter((r) => r.colour === 'red')
  if (red.length === 0) return null
  return (
    <section className="print-refer print-refer-first" aria-label="Athletes who must not run before a clinician" data-testid="report-red-box">
      <p className="print-refer-title">
        Red: {red.length} {red.length === 1 ? 'athlete needs' : 'athletes need'} a clinician before running
      </p>
      <ul>
        {red.map((r) => (
          <li key={r.athleteId}>
            <strong>{r.name}</strong>: {r.seeClinicianToday ? 'see a clinician today. ' : ''}
            {datesInText(r.reasons[0]?.text ?? r.headline)}
          </li>
        ))}
      </ul>
    </section>
  )
}

export function PrintSquadReport({ groupId }: { groupId: string | null }) {
  const [report, setReport] = useState<SquadReport | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    document.body.removeAttribute(PRINT_READY_ATTRIBUTE)
    document.body.removeAttribute(PRINT_ERROR_ATTRIBUTE)
    document.body.classList.add('printing-plan')
    let cancelled = false
    call('getSquadReport', { groupId })
      .then((r) => {
        if (!cancelled) setReport(r)
      })
      .catch((e: unknown) => {
        const message = e instanceof Error ? e.message : String(e)
        setError(message)
        document.body.setAttribute(PRINT_ERROR_ATTRIBUTE, message.slice(0, 500))
      })
    return () => {
      cancelled = true
      document.body.classList.remove('printing-plan')
    }
  }, [groupId])
  // No charts here: ready once the table is on the page and the fonts are in.
  useEffect(() => {
    if (!report) return
    let cancelled = false
    void document.fonts.ready.then(() =>
      requestAnimationFrame(() => {
        if (!cancelled) document.body.setAttribute(PRINT_READY_ATTRIBUTE, 'true')
      }),
    )
    return () => {
      cancelled = true
    }
  }, [report])

  if (error) return <p role="alert">The squad report could not be printed: {error}</p>
  if (!report) return <p>Preparing the squad report…</p>
  const unit = report.distanceUnit
  const { counts } = report
  return (
    <article className="print-plan print-squad" aria-label="Squad report">
      <header className="print-head">
        <h1>Squad report: {report.groupName ?? 'whole squad'}</h1>
        <p className="print-meta">
          {longDate(report.today)} · {report.rows.length} {report.rows.length === 1 ? 'athlete' : 'athletes'} · {counts.red} red ({counts.seeClinicianToday} to see a
          clinician today), {counts.amber} amber, {counts.green} green
        </p>
      </header>
      <RedFirst report={report} />
      {report.rows.length === 0 ? (
        <p>No active athletes in this group.</p>
      ) : (
        <table>
          <TableHead columns={['Athlete', 'Status', 'Why', 'This week', 'Last 4 weeks', 'Highest pain (5 weeks)']} />
          <tbody>
            {report.rows.map((r) => (
              <tr key={r.athleteId} className={`report-row report-${r.colour}`} data-testid="report-row">
                <th scope="row">{r.name}</th>
                <td>
                  <strong className="report-colour">{COLOUR_WORD[r.colour]}</strong> {datesInText(r.headline.replace(/^(Red|Amber|Green):\s*/, ''))}
                </td>
                <td>
                  {r.reasons.length === 0 ? (
                    'Nothing to note.'
                  ) : (
                    <ul className="report-reasons">
                      {r.reasons.map((reason, i) => (
                        <li key={i}>{datesInText(localiseDistanceText(reason.text, unit))}</li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>{formatDistance(r.weekKm, unit)}</td>
                <td>{formatDistance(r.last4WeeksKm, unit)}</td>
                <td>{r.highestPain === null ? 'none logged' : `${r.highestPain}/10`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="print-meta">Status, reasons and distances are the triage board’s on the day printed. Pain is the worst score logged during, after or the next morning.</p>
    </article>
  )
}
