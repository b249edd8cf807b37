import type { Clearance } from '../../../../shared/clinical/clearance'
import { referralWords } from '../../../../shared/clinical/words'
import { TableHead } from '../../components/Table'
import { tableDate } from '../../dates'
import { RecordAuthor } from '../athlete/record-authors'
import { OUTCOME_LABEL, ROLE_LABEL } from './labels'

/** Every clearance ever recorded for the athlete, newest first (as listClearances gives them); kept for good. */
export function ClearanceHistory({ clearances }: { clearances: readonly Clearance[] }) {
  return (
    <section aria-labelledby="clearance-history-title" className="clearance-history-section">
      <h3 id="clearance-history-title">Clearance history</h3>
      {clearances.length === 0 ? (
        <p className="muted">No clearance recorded yet.</p>
      ) : (
        <table data-testid="clearance-history">
          <caption className="sr-only">Clearances, newest first</caption>
          <TableHead columns={['Date', 'Referral', 'Cleared by', 'Outcome', 'Restrictions or advice']} />
          <tbody>
            {clearances.map((c) => (
              <tr key={c.id} data-testid="clearance-row">
                <td>{tableDate(c.date)}</td>
                <td>
                  {referralWords(c.referralId)}
                  {c.migrated && (
                    <>
                      {' '}
                      <span className="badge" title="Made from the plan’s earlier single “referral cleared on” date">
                        Migrated
                      </span>
                    </>
                  )}
                </td>
                <td>
                  {ROLE_LABEL[c.clearedBy.role]}: {c.clearedBy.name}
                </td>
                <td>{OUTCOME_LABEL[c.outcome]}</td>
                <td>
                  {c.restrictions?.trim() || '—'}
                  {/* Which coach recorded it, in a shared club folder (nothing for a single coach). */}
                  <RecordAuthor id={c.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
