import { hrefFor } from '../../route'
import { useDistanceText } from '../../components/use-distance-text'
import { longDate } from '../../dates'
import { StatusBadge } from './StatusBadge'
import { useClinicalState } from './use-clinical-state'

/**
 * The status header above every athlete tab: one component, reading the one clinical state. Red is a banner
 * that cannot be scrolled past unnoticed; every colour shows its most serious reason and what to do next.
 */
export function AthleteStatusHeader({ athleteId }: { athleteId: string }) {
  const { state, error } = useClinicalState(athleteId)
  const distanceText = useDistanceText()
  if (error) {
    return (
      <p className="form-error" role="alert">
        The clinical status could not be worked out: {error}
      </p>
    )
  }
  if (!state) return <p className="muted athlete-status-loading">Working out the clinical status…</p>
  const top = state.reasons[0]
  const actions = state.actions.slice(0, 3)
  return (
    <section className={`athlete-status athlete-status-${state.colour}`} aria-label="Clinical status" data-testid="athlete-status" data-level={state.colour}>
      <div className="athlete-status-line">
        <StatusBadge colour={state.colour} headline={state.headline} />
        {top && <span data-testid="athlete-status-reason">{distanceText(top.text)}</span>}
      </div>
      {actions.length > 0 && (
        <ul className="athlete-status-actions">
          {actions.map((a) => (
            <li key={a.code}>{distanceText(a.text)}</li>
          ))}
        </ul>
      )}
      <p className="muted athlete-status-meta">
        {state.openReferrals.length > 0 && (
          <>
            <a href={hrefFor({ name: 'athlete', id: athleteId, tab: 'referrals' })}>
              {state.openReferrals.length} open referral{state.openReferrals.length === 1 ? '' : 's'}
            </a>
            {' · '}
          </>
        )}
        {state.redFlagScreen.complete ? 'Red-flag screen complete' : 'Red-flag screen not complete'} · Next review {longDate(state.nextReviewDate)}
      </p>
    </section>
  )
}
