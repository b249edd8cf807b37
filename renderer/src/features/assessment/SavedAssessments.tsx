import type { AssessmentComparison, SavedAssessment } from '../../../../shared/api/channels/assessments'
import type { Triage } from '../../../../shared/assessment/schema'
import { RowActions, TableHead } from '../../components/Table'
import { LIKELIHOOD_LABEL, TRIAGE_WORD, factorTitle, redFlagGapText, redFlagScreen, referralTitle } from './labels'
import { DateText } from '../../components/DateText'
import { RecordAuthor } from '../athlete/record-authors'
import { dayMonth, tableDate } from '../../dates'

export function TriageBadge({ triage }: { triage: Triage }) {
  return <span className={`badge badge-${triage} as-badge`}>{TRIAGE_WORD[triage]}</span>
}

/** A saved assessment's triage: green only once its red-flag screen is complete, as on the banner. */
function SavedTriage({ diagnosis }: { diagnosis: SavedAssessment['diagnosis'] }) {
  const complete = redFlagScreen(diagnosis).complete
  return (
    <>
      {diagnosis.triage === 'green' && !complete ? <span className="badge badge-incomplete as-badge">Incomplete</span> : <TriageBadge triage={diagnosis.triage} />}
      {!complete && <div className="as-small">{redFlagGapText(diagnosis)}</div>}
    </>
  )
}

/** Saved assessments, newest first: date, triage in words, the first referral and the top factors. */
export function AssessmentList({
  assessments,
  onEdit,
  onDelete,
  readOnly,
}: {
  assessments: SavedAssessment[]
  onEdit(a: SavedAssessment): void
  onDelete(a: SavedAssessment): void
  readOnly: boolean
}) {
  if (assessments.length === 0) {
    return <p className="muted">No assessments saved yet. Start one with “New assessment”: the result updates as you fill it in.</p>
  }
  return (
    <table className="as-list">
      <caption className="sr-only">Saved assessments, newest first</caption>
      <TableHead columns={['Date', 'Triage', 'Top factors', 'Note']} actions />
      <tbody>
        {assessments.map((a) => {
          const d = a.diagnosis
          const first = d.referrals[0]
          return (
            <tr key={a.id} data-testid="assessment-row">
              <td>
                <DateText iso={a.date} />
              </td>
              <td>
                <SavedTriage diagnosis={d} />
                {first && <div className="as-small">{referralTitle(first.id)}{d.referrals.length > 1 ? ` (+${d.referrals.length - 1} more)` : ''}</div>}
              </td>
              <td>
                {d.factors.length === 0 ? (
                  <span className="muted">None found</span>
                ) : (
                  <ul className="as-compact">
                    {d.factors.slice(0, 3).map((f) => (
                      <li key={f.id}>
                        {factorTitle(f.id)} <span className="muted">({LIKELIHOOD_LABEL[f.likelihood].toLowerCase()})</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="as-note-cell">
                {a.note || <span className="muted">—</span>}
                <RecordAuthor id={a.id} />
              </td>
              <RowActions>
                <button type="button" aria-label={`Edit assessment of ${tableDate(a.date)}`} onClick={() => onEdit(a)}>
                  Edit
                </button>
                <button type="button" className="danger" disabled={readOnly} aria-label={`Delete assessment of ${tableDate(a.date)}`} onClick={() => onDelete(a)}>
                  Delete…
                </button>
              </RowActions>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

const DIRECTION_TEXT = { better: '▲ Better', worse: '▼ Worse', same: '● Changed' } as const

/**
 * The latest two assessments side by side: only changes beyond the tests' measurement error count as real
 * (knee-to-wall 1.0 cm per leg, heel raises 6 reps, …); the rest is listed separately as noise.
 */
export function Comparison({ comparison, assessments }: { comparison: AssessmentComparison; assessments: SavedAssessment[] }) {
  const previous = assessments.find((a) => a.id === comparison.previous.id)
  const latest = assessments.find((a) => a.id === comparison.latest.id)
  const real = [...comparison.changes.filter((c) => c.real)].sort(
    (a, b) => (a.direction === 'worse' ? 0 : a.direction === 'better' ? 1 : 2) - (b.direction === 'worse' ? 0 : b.direction === 'better' ? 1 : 2),
  )
  const noise = comparison.changes.filter((c) => !c.real)
  return (
    <section className="panel as-compare" aria-labelledby="as-compare-title" data-testid="assessment-comparison">
      <h2 id="as-compare-title">
        What really changed: {dayMonth(comparison.previous.date, true)} → {dayMonth(comparison.latest.date, true)}
      </h2>
      {previous && latest && (
        <p>
          Triage: <TriageBadge triage={previous.diagnosis.triage} /> → <TriageBadge triage={latest.diagnosis.triage} />
        </p>
      )}
      {real.length === 0 ? (
        <p>Nothing changed by more than the tests’ measurement error.</p>
      ) : (
        <ul className="as-changes">
          {real.map((c) => (
            <li key={`${c.field}.${c.side ?? ''}`} className={`as-change as-change-${c.direction}`} data-testid="real-change">
              <span className={`as-tag as-dir-${c.direction}`}>{DIRECTION_TEXT[c.direction]}</span> {c.text}
            </li>
          ))}
        </ul>
      )}
      {noise.length > 0 && (
        <details>
          <summary>Within measurement error or unchanged ({noise.length})</summary>
          <ul className="as-changes">
            {noise.map((c) => (
              <li key={`${c.field}.${c.side ?? ''}`}>{c.text}</li>
            ))}
          </ul>
        </details>
      )}
      <p className="as-small muted">
        Real change means beyond measurement error: knee-to-wall 1.0 cm per leg, heel raises 6 reps. Categorical tests (Thomas, single-leg squat,
        Trendelenburg) only compare when the same tester uses the same method.
      </p>
    </section>
  )
}
