import { useState } from 'react'
import type { OpenReferralDto } from '../../../../shared/api/channels/clinical-state'
import { referralWords } from '../../../../shared/clinical/words'
import { useDistanceText } from '../../components/use-distance-text'
import { tableDate } from '../../dates'
import { URGENCY_TEXT } from '../plan/format'
import { ClearanceForm } from './ClearanceForm'

/**
 * One card per open referral (from the clinical state), each with its own "Record clearance" form. A
 * referral the newest assessment did not find again stays here until its clearance is recorded.
 */
export function OpenReferrals({ athleteId, referrals, locked, onSaved }: {
  athleteId: string
  referrals: readonly OpenReferralDto[]
  locked: boolean
  onSaved(message: string): Promise<void>
}) {
  const [open, setOpen] = useState<string | null>(null)
  const distanceText = useDistanceText()
  return (
    <section aria-labelledby="open-referrals-title">
      <h3 id="open-referrals-title">Open referrals</h3>
      {referrals.length === 0 && <p className="muted">No referral is open: nothing waits for a clinician.</p>}
      {referrals.map((r) => {
        const title = referralWords(r.referralId)
        const level = r.stopsRunning || r.urgency !== 'before-progressing' ? 'red' : 'amber'
        return (
          <article key={r.referralId} className={`open-referral open-referral-${level}`} aria-label={title} data-testid="open-referral" data-referral-id={r.referralId}>
            <h4>{title}</h4>
            <p>
              <strong>{URGENCY_TEXT[r.urgency]}.</strong> {r.stopsRunning ? 'No running until the clearance is recorded. ' : 'Running holds where it is until the clearance is recorded. '}
              Raised by the assessment of {tableDate(r.since)}.
            </p>
            {r.notFoundInLatestAssessment && (
              <p className="notice notice-warning" data-testid="not-found-in-latest">
                Not found in the latest assessment: record the clearance.
              </p>
            )}
            {r.because.length > 0 && (
              <ul className="open-referral-because">
                {r.because.map((b, i) => (
                  <li key={i}>{distanceText(b)}</li>
                ))}
              </ul>
            )}
            {open === r.referralId ? (
              <ClearanceForm
                athleteId={athleteId}
                referralId={r.referralId}
                referralTitle={title}
                since={r.since}
                onCancel={() => setOpen(null)}
                onSaved={async () => {
                  setOpen(null)
                  await onSaved(`Clearance recorded for ${title}.`)
                }}
              />
            ) : (
              <button type="button" disabled={locked} aria-label={`Record clearance: ${title}`} onClick={() => setOpen(r.referralId)}>
                Record clearance
              </button>
            )}
          </article>
        )
      })}
    </section>
  )
}
