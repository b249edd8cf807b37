import { useState } from 'react'
import { useAppData } from '../../app-data'
import type { AthleteTabProps } from '../athlete/tabs'
import { ClearanceHistory } from './ClearanceHistory'
import { OpenReferrals } from './OpenReferrals'
import { ReadinessForm } from './ReadinessForm'
import { ReadinessResults } from './ReadinessResults'
import { useReferralsData } from './use-referrals-data'
import './clearance.css'

const RETURN_REASONS = new Set(['return-to-run-readiness', 'return-to-run-ladder'])

/**
 * The athlete's referrals (issue 10 items 2 and 4): each open referral with its "Record clearance" form, the
 * return to running after a cleared stop-running referral with its readiness tests, and the clearance
 * history. Everything shown comes from main's clinical state and lists; after a save they are read again.
 */
export function ReferralsTab({ athlete }: AthleteTabProps) {
  const { data, error, reload } = useReferralsData(athlete.id)
  const { status } = useAppData()
  const [message, setMessage] = useState<string | null>(null)
  const locked = status?.lockedAthleteIds.includes(athlete.id) ?? false
  if (error && !data) {
    return (
      <p className="form-error" role="alert">
        Could not load {athlete.name}’s referrals: {error}
      </p>
    )
  }
  if (!data) return <p>Loading the referrals…</p>
  const { state } = data
  const saved = async (text: string) => {
    await reload()
    setMessage(text)
  }
  const back = state.returnToRun
  const returnReason = state.reasons.find((r) => RETURN_REASONS.has(r.code))
  return (
    <div className="referrals-tab">
      <h2 className="tab-heading">Referrals and clearance</h2>
      {message && (
        <p className="notice notice-info" role="status">
          {message}
        </p>
      )}
      <OpenReferrals athleteId={athlete.id} referrals={state.openReferrals} locked={locked} onSaved={saved} />
      {(back || data.readinessTests.length > 0) && (
        <section aria-labelledby="readiness-title" className="readiness-section">
          <h3 id="readiness-title">Return to running: readiness tests</h3>
          {returnReason && (
            <p data-testid="return-status" data-status={back?.status}>
              {returnReason.text}
            </p>
          )}
          {back?.restrictions.map((r, i) => (
            <p key={i} className="notice notice-warning">
              Restriction from the clinician: {r}
            </p>
          ))}
          {back && <ReadinessForm athleteId={athlete.id} clearedOn={back.clearedOn} locked={locked} onSaved={saved} />}
          <ReadinessResults tests={data.readinessTests} />
        </section>
      )}
      <ClearanceHistory clearances={data.clearances} />
    </div>
  )
}
