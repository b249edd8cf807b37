import { useEffect, useMemo, useState } from 'react'
import type { ClinicalStateDto } from '../../../../shared/api/channels/clinical-state'
import type { SavedAssessment } from '../../../../shared/api/channels/assessments'
import { referralWords } from '../../../../shared/clinical/words'
import { athleteOverviewFacts, type AthleteOverviewFacts } from '../../../../shared/overview/athlete-overview'
import { formatDistance, type DistanceUnit } from '../../../../shared/units'
import { call, DATA_CHANGED } from '../../api'
import { DateText } from '../../components/DateText'
import { useDistanceText } from '../../components/use-distance-text'
import { datesInText, longDate } from '../../dates'
import { hrefFor } from '../../route'
import type { AthleteTabProps } from '../athlete/tabs'
import { OUTCOME_LABEL } from '../clearance/labels'
import { useClinicalState } from '../clinical/use-clinical-state'
import { useAthleteRecord } from '../log/use-athlete-record'
import { localToday } from '../log/run-form'
import { KIND_LABEL } from '../plan/format'
import { LatestAssessment } from './LatestAssessment'
import { OverviewWeeks } from './OverviewWeeks'
import './overview.css'

/** Saved assessments with their diagnoses (newest first), re-read after every saved change. */
function useSavedAssessments(athleteId: string): SavedAssessment[] | null {
  const [list, setList] = useState<SavedAssessment[] | null>(null)
  useEffect(() => {
    let live = true
    const load = () => void call('listAssessments', { athleteId }).then((l) => live && setList(l), () => live && setList([]))
    load()
    window.addEventListener(DATA_CHANGED, load)
    return () => {
      live = false
      window.removeEventListener(DATA_CHANGED, load)
    }
  }, [athleteId])
  return list
}

/**
 * The first athlete tab (issue 13, point 1): where this runner is at, on one screen. The state and its reasons
 * come from the one clinical state; every figure comes from shared/overview; this file only lays them out.
 */
export function OverviewTab({ athlete, settings }: AthleteTabProps) {
  const { state, error: stateError } = useClinicalState(athlete.id)
  const { record, error } = useAthleteRecord(athlete.id)
  const assessments = useSavedAssessments(athlete.id)
  const today = localToday()
  const unit = settings.distanceUnit
  const startsOn = settings.weekStartsOn ?? 'monday'
  const facts = useMemo<AthleteOverviewFacts | null>(() => {
    if (!record) return null
    const active = record.plans.find((p) => p.active) ?? null
    return athleteOverviewFacts({ runs: record.runs, assessments: record.assessments, activePlan: active, today, startsOn })
  }, [record, today, startsOn])

  if (error && !record) {
    return (
      <p className="form-error" role="alert">
        Could not load {athlete.name}’s record: {error}
      </p>
    )
  }
  if (!record || !facts || !assessments) return <p>Loading the overview…</p>
  const activePlan = record.plans.find((p) => p.active) ?? null
  const planLabel = activePlan ? datesInText(activePlan.label) : null
  return (
    <div className="overview-grid" data-testid="overview">
      <section className="overview-card" aria-labelledby="ov-state-title">
        <h2 id="ov-state-title">Where {athlete.name} is at</h2>
        {stateError && <p className="form-error">The clinical status could not be worked out: {stateError}</p>}
        {state ? <StateReasons state={state} athleteId={athlete.id} /> : !stateError && <p className="muted">Working out the clinical status…</p>}
      </section>

      <section className="overview-card" aria-labelledby="ov-assessment-title">
        <h2 id="ov-assessment-title">Latest assessment</h2>
        <LatestAssessment latest={assessments[0] ?? null} athleteId={athlete.id} />
      </section>

      <section className="overview-card" aria-labelledby="ov-plan-title">
        <h2 id="ov-plan-title">Plan this week</h2>
        <PlanProgress facts={facts} unit={unit} planLabel={planLabel} athleteId={athlete.id} />
        <h3>Upcoming sessions</h3>
        {facts.upcoming.length === 0 ? (
          <p className="muted">No planned sessions ahead.</p>
        ) : (
          <ul className="overview-list" data-testid="overview-upcoming">
            {facts.upcoming.map((r) => (
              <li key={`${r.date}-${r.kind}`}>
                <DateText iso={r.date} /> {KIND_LABEL[r.kind]}, {formatDistance(r.km, unit)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="overview-card overview-wide" aria-labelledby="ov-weeks-title">
        <h2 id="ov-weeks-title">Last 8 weeks: distance and pain</h2>
        <OverviewWeeks weeks={facts.weeks} unit={unit} startsOn={startsOn} athleteName={athlete.name} />
      </section>

      <section className="overview-card overview-wide" aria-labelledby="ov-notes-title">
        <h2 id="ov-notes-title">Recent notes</h2>
        {facts.notes.length === 0 ? (
          <p className="muted">No notes on runs or assessments yet.</p>
        ) : (
          <ul className="overview-list" data-testid="overview-notes">
            {facts.notes.map((n) => (
              <li key={`${n.kind}-${n.id}`}>
                <DateText iso={n.date} /> <span className="muted">{n.kind === 'run' ? 'Run' : 'Assessment'}:</span> {n.text}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}

function StateReasons({ state, athleteId }: { state: ClinicalStateDto; athleteId: string }) {
  const distanceText = useDistanceText()
  const referralsHref = hrefFor({ name: 'athlete', id: athleteId, tab: 'referrals' })
  return (
    <>
      <p data-testid="overview-headline">
        <strong>{state.headline}</strong>
      </p>
      {state.reasons.length > 0 && (
        <ul className="overview-list" data-testid="overview-reasons">
          {state.reasons.map((r, i) => (
            <li key={`${r.code}-${i}`}>{datesInText(distanceText(r.text))}</li>
          ))}
        </ul>
      )}
      <h3>Referrals and clearances</h3>
      {state.openReferrals.length === 0 && state.clearances.length === 0 ? (
        <p className="muted">No referral open or cleared.</p>
      ) : (
        <ul className="overview-list" data-testid="overview-referrals">
          {state.openReferrals.map((r) => (
            <li key={`open-${r.referralId}`}>
              Open since <DateText iso={r.since} />: {referralWords(r.referralId)}
              {r.stopsRunning ? ' (no running until cleared)' : ''}
            </li>
          ))}
          {state.clearances.map((c, i) => (
            <li key={`clear-${c.referralId}-${c.date}-${i}`}>
              <DateText iso={c.date} />: {referralWords(c.referralId)} — {OUTCOME_LABEL[c.outcome]}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={referralsHref}>See referrals and clearances</a> · Next review {longDate(state.nextReviewDate)}
      </p>
    </>
  )
}

function PlanProgress({ facts, unit, planLabel, athleteId }: { facts: AthleteOverviewFacts; unit: DistanceUnit; planLabel: string | null; athleteId: string }) {
  const planHref = hrefFor({ name: 'athlete', id: athleteId, tab: 'plan' })
  if (!planLabel) {
    return (
      <p className="muted">
        No active plan. <a href={planHref}>Make one on the Plan tab</a>.
      </p>
    )
  }
  const w = facts.thisPlanWeek
  if (!w) {
    return (
      <p>
        “{planLabel}” has no week running today. <a href={planHref}>Open the plan</a>.
      </p>
    )
  }
  return (
    <p data-testid="overview-plan-week">
      Week {w.index} of “{planLabel}”: {formatDistance(w.loggedKm ?? 0, unit)} done of {formatDistance(w.plannedKm, unit)} planned ({w.loggedRuns} of {w.plannedRuns}{' '}
      {w.plannedRuns === 1 ? 'session' : 'sessions'}). <a href={planHref}>Open the plan</a>.
    </p>
  )
}
