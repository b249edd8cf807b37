import { useCallback, useEffect, useMemo, useState } from 'react'
import type { PlanDefaults, ReferralView } from '../../../../shared/api/channels/plans'
import type { PlanRecord } from '../../../../shared/domain/documents'
import type { Run } from '../../../../shared/domain/run'
import { planVsActual } from '../../../../shared/plan/plan-vs-actual'
import { formatDistance, localiseDistanceText, type DistanceUnit } from '../../../../shared/units'
import { ApiCallError, call } from '../../api'
import { ExportedFileActions } from '../../components/ExportedFileActions'
import { hrefFor } from '../../route'
import { RecordLockedNotice } from '../athlete/RecordLockedNotice'
import type { AthleteTabProps } from '../athlete/tabs'
import { useElementWidth } from '../log/charts/AthleteCharts'
import { useAthleteRecord } from '../log/use-athlete-record'
import { PHASE_LABEL, shortDate, stampText } from './format'
import { PlanBuilder } from './PlanBuilder'
import { PlanHistory } from './PlanHistory'
import { PlanVsActualChart, planVsActualSummary, PlanVsActualTable } from './PlanVsActualChart'
import { PlanWeeks, type SessionEdit } from './PlanWeeks'
import { ReferralList } from './ReferralList'
import { datesInText } from '../../dates'
import './plan.css'

/** `path`: a file just exported, offered with Open and Show in folder. */
type Message = { kind: 'ok' | 'error'; text: string; path?: string } | null

function errorText(error: unknown): string {
  return error instanceof ApiCallError || error instanceof Error ? error.message : String(error)
}

/** Plan against actual, with the text alternative. Fixed pixel width from the container, no animation. */
function PlanChart({ plan, runs, unit, today, athleteName }: { plan: PlanRecord; runs: readonly Run[]; unit: DistanceUnit; today: string; athleteName: string }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(900)
  const points = useMemo(() => planVsActual(plan.output.weeks, runs, today), [plan, runs, today])
  return (
    <div ref={ref} className="plan-chart">
      <figure className="chart-figure" aria-labelledby="plan-chart-title" data-testid="plan-vs-actual" data-weeks={points.length}>
        <h3 id="plan-chart-title" className="plan-chart-title">
          Plan against what was logged
        </h3>
        <PlanVsActualChart points={points} unit={unit} width={Math.min(width, 1100)} height={280} title={`${athleteName}: planned and logged distance per plan week, with pain`} />
        <figcaption className="chart-caption">{planVsActualSummary(points, unit)}</figcaption>
        <PlanVsActualTable points={points} unit={unit} className="sr-only" />
      </figure>
    </div>
  )
}

function PlanView({ plan, runs, unit, today, athleteName, athleteId, locked, amber, knownReferrals, showReferFirst, withheld, onChanged, setMessage }: {
  plan: PlanRecord
  /** Referral titles from the latest assessment, for a refer-first plan. */
  knownReferrals: readonly ReferralView[]
  /** False when the tab already shows the refer-first panel above. */
  showReferFirst: boolean
  /** The latest assessment is red: a running plan is kept as history only, not to be followed or edited. */
  withheld: boolean
  runs: readonly Run[]
  unit: DistanceUnit
  today: string
  athleteName: string
  athleteId: string
  locked: boolean
  amber: boolean
  onChanged(record: PlanRecord | null): Promise<void>
  setMessage(m: Message): void
}) {
  const [busy, setBusy] = useState<string | null>(null)
  const out = plan.output
  const current = out.weeks.find((w) => w.startDate <= today && today <= w.endDate)

  const regenerate = async () => {
    setBusy('regenerate')
    setMessage(null)
    try {
      const record = await call('regeneratePlan', { athleteId, planId: plan.id })
      await onChanged(record)
      setMessage({ kind: 'ok', text: `Regenerated from ${record.request.today ?? today}: weeks 1–${record.output.keptWeeks} kept, the rest rebuilt from the log. The previous version is in the history.` })
    } catch (error) {
      setMessage({ kind: 'error', text: errorText(error) })
    } finally {
      setBusy(null)
    }
  }

  const exportPdf = async () => {
    setBusy('export')
    setMessage(null)
    try {
      const result = await call('exportPlanPdf', { athleteId, planId: plan.id })
      if (result.path === null) setMessage({ kind: 'ok', text: 'Export cancelled; no file was written.' })
      else setMessage({ kind: 'ok', text: `Saved the PDF${result.pages ? ` (${result.pages} ${result.pages === 1 ? 'page' : 'pages'})` : ''} to ${result.path}.`, path: result.path })
    } catch (error) {
      setMessage({ kind: 'error', text: errorText(error) })
    } finally {
      setBusy(null)
    }
  }

  const editSession = async (edit: SessionEdit): Promise<string | null> => {
    try {
      const record = await call('editPlanSession', { athleteId, planId: plan.id, ...edit })
      await onChanged(record)
      setMessage({ kind: 'ok', text: `Week ${edit.weekIndex} updated; the plan still keeps every safety rule.` })
      return null
    } catch (error) {
      return errorText(error)
    }
  }

  return (
    <section className="plan-view" aria-labelledby="plan-view-title">
      <div className="toolbar">
        <h3 id="plan-view-title" className="plan-view-title">
          {datesInText(plan.label)}
        </h3>
        {plan.active ? <span className="badge badge-green">Active</span> : <span className="badge">History</span>}
        {plan.editedAt && <span className="badge">Edited {stampText(plan.editedAt)}</span>}
        <div className="spacer" />
        {out.status === 'ok' && (
          <button type="button" disabled={locked || busy !== null} onClick={() => void regenerate()}>
            {busy === 'regenerate' ? 'Regenerating…' : 'Regenerate from today'}
          </button>
        )}
        <button type="button" className="primary" disabled={busy !== null} onClick={() => void exportPdf()}>
          {busy === 'export' ? 'Making the PDF…' : 'Export PDF…'}
        </button>
      </div>
      <p className="muted">
        Made {stampText(plan.createdAt)} from {plan.request.runs?.length ?? 0} logged runs.{' '}
        {out.status === 'ok' &&
          `${out.weeks.length} weeks from ${shortDate(out.weeks[0]?.startDate ?? plan.request.startDate, true)}, target ${formatDistance(plan.request.targetWeeklyKm, unit)} a week${out.targetReached ? '' : out.awaitingReferralClearance ? ' (held until the referral is cleared)' : ' (not reached within the plan)'}.`}
        {current && ` This is week ${current.index} (${PHASE_LABEL[current.phase]}).`}
      </p>
      {out.status === 'refer-first' && showReferFirst && (
        <div className="refer-first-panel" role="region" aria-label="Refer first">
          <p className="refer-first-heading">REFER FIRST — see a doctor before running</p>
          <ReferralList referrals={(out.referrals ?? []).map((r) => ({ ...r, title: knownReferrals.find((k) => k.id === r.id)?.title ?? r.id.replace(/-/g, ' ') }))} />
        </div>
      )}
      {withheld && out.status === 'ok' && (
        <p className="form-error" role="alert">
          Do not follow this plan: a referral that stops running is open. It is kept as history; its PDF shows the referral instead of the running weeks.
        </p>
      )}
      {out.status === 'refer-first' && <p>This sheet has no running plan. Its PDF is a one-page referral letter for the clinician, with a clearance section for them to fill in.</p>}
      {amber && out.status === 'ok' && (
        // A clearance is recorded once, per referral, on the Referrals tab (who cleared it, the outcome, any
        // restrictions), so the header, the board and every plan agree; regenerating then picks it up.
        <div className="notice notice-warning plan-clearance">
          <div>
            {out.awaitingReferralClearance
              ? 'Amber: running holds at the comfortable level until the referral is cleared.'
              : 'The referral behind this hold has been cleared; regenerate to rebuild from the log.'}{' '}
            Record a clearance on the <a href={hrefFor({ name: 'athlete', id: athleteId, tab: 'referrals' })}>Referrals tab</a>, then regenerate the plan.
          </div>
        </div>
      )}
      {(out.notes.length > 0 || out.adaptations.length > 0) && (
        <details className="plan-notes-box">
          <summary>Notes for the coach ({out.notes.length + out.adaptations.length})</summary>
          <ul className="plan-notes">
            {out.adaptations.map((a, i) => (
              <li key={`a${i}`}>
                <strong>Week {a.weekIndex}:</strong> {localiseDistanceText(a.because, unit)}
              </li>
            ))}
            {out.notes.map((n, i) => (
              <li key={`n${i}`}>{localiseDistanceText(n, unit)}</li>
            ))}
          </ul>
        </details>
      )}
      {out.status === 'ok' && (
        <>
          <PlanChart plan={plan} runs={runs} unit={unit} today={today} athleteName={athleteName} />
          <h3>Week by week</h3>
          <p className="muted">Edit a session to change it; CalfCoach re-checks the whole plan and refuses a change that breaks a safety rule.</p>
          <PlanWeeks output={out} unit={unit} today={today} {...(locked || withheld ? {} : { onEditSession: editSession })} />
        </>
      )}
    </section>
  )
}

/** The athlete's Plan tab: defaults from the log and the latest assessment, builder, active plan, history. */
export function PlanTab({ athlete, settings }: AthleteTabProps) {
  const unit = settings.distanceUnit
  const { record, error, reload } = useAthleteRecord(athlete.id)
  const [defaults, setDefaults] = useState<PlanDefaults | null>(null)
  const [defaultsError, setDefaultsError] = useState<string | null>(null)
  const [selected, setSelected] = useState<string | null>(null)
  const [building, setBuilding] = useState(false)
  const [message, setMessage] = useState<Message>(null)
  const [busy, setBusy] = useState(false)

  const loadDefaults = useCallback(async () => {
    try {
      setDefaults(await call('planDefaults', { athleteId: athlete.id }))
      setDefaultsError(null)
    } catch (e) {
      setDefaultsError(errorText(e))
    }
  }, [athlete.id])
  useEffect(() => {
    void loadDefaults()
  }, [loadDefaults])

  const plans = useMemo(() => [...(record?.plans ?? [])].reverse(), [record])
  const active = plans.find((p) => p.active) ?? null
  const shown = plans.find((p) => p.id === selected) ?? active

  const changed = async (rec: PlanRecord | null) => {
    await reload()
    await loadDefaults()
    if (rec) setSelected(rec.id)
  }

  if ((error && !record) || defaultsError) {
    return (
      <p className="form-error" role="alert">
        Could not load {athlete.name}’s plans: {error ?? defaultsError}
      </p>
    )
  }
  if (!record || !defaults) return <p>Loading the plan…</p>
  const locked = record.locked
  const today = defaults.today
  const assessment = defaults.assessment
  const showBuilder = !defaults.referFirst && (building || !active)

  const saveReferFirst = async () => {
    setBusy(true)
    setMessage(null)
    try {
      const rec = await call('savePlan', { athleteId: athlete.id, request: defaults.request })
      await changed(rec)
      setMessage({ kind: 'ok', text: 'Saved the refer-first sheet. Export it as a PDF for the runner.' })
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="plan-tab">
      <RecordLockedNotice record={record} />
      <div className="toolbar">
        <h2 className="tab-heading">Return-to-distance plan</h2>
        <div className="spacer" />
        {active && !defaults.referFirst && !building && (
          <button type="button" disabled={locked} onClick={() => setBuilding(true)}>
            New plan…
          </button>
        )}
      </div>
      <p className="muted plan-assessment-line">
        <span data-testid="plan-status" data-level={defaults.colour}>
          Status today: <strong>{defaults.headline}</strong>.
        </span>{' '}
        {assessment ? `Latest assessment ${assessment.date ?? ''}.` : 'No assessment yet: a plan can be made from the log, with the daily stretches only.'}
      </p>
      {message && (
        <p className={message.kind === 'error' ? 'form-error' : 'notice notice-info'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
          {message.path && <ExportedFileActions path={message.path} />}
        </p>
      )}

      {defaults.referFirst && assessment && (
        <section className="refer-first-panel" aria-labelledby="refer-first-title">
          <h3 id="refer-first-title" className="refer-first-heading">
            REFER FIRST — see a doctor before running
          </h3>
          <p>
            A referral that stops running is open, so CalfCoach gives no running plan. Refer the runner for these reasons; once a clinician has seen them, record the clearance on the Referrals tab:
          </p>
          <ReferralList referrals={assessment.referrals} />
          <div className="actions">
            <button type="button" className="primary" disabled={busy || locked} onClick={() => void saveReferFirst()}>
              Save refer-first sheet
            </button>
          </div>
        </section>
      )}

      {!defaults.referFirst && defaults.holdForReferral && assessment && (
        <section className="notice notice-warning plan-amber" aria-label="Referral before progressing">
          <div>
            <strong>Amber — refer before progressing.</strong> The plan holds at the comfortable level until the referral is cleared:
            <ReferralList referrals={assessment.referrals} />
          </div>
        </section>
      )}

      {showBuilder && (
        <PlanBuilder
          key={`${defaults.today}-${active?.id ?? 'none'}`}
          athleteId={athlete.id}
          defaults={defaults}
          unit={unit}
          locked={locked}
          onSaved={(rec) => {
            setBuilding(false)
            setMessage({ kind: 'ok', text: `Saved “${datesInText(rec.label)}” as the active plan.` })
            void changed(rec)
          }}
          {...(active ? { onCancel: () => setBuilding(false) } : {})}
        />
      )}

      {shown && (
        <PlanView
          key={shown.id}
          plan={shown}
          runs={record.runs}
          unit={unit}
          today={today}
          athleteName={athlete.name}
          athleteId={athlete.id}
          locked={locked}
          amber={defaults.holdForReferral}
          knownReferrals={assessment?.referrals ?? []}
          showReferFirst={!defaults.referFirst}
          withheld={defaults.referFirst}
          onChanged={changed}
          setMessage={setMessage}
        />
      )}

      {plans.length > 0 && (
        <PlanHistory
          athleteId={athlete.id}
          plans={plans}
          shownId={shown?.id ?? null}
          locked={locked}
          onShow={setSelected}
          onChanged={changed}
          onError={(e) => setMessage({ kind: 'error', text: errorText(e) })}
        />
      )}
    </div>
  )
}
