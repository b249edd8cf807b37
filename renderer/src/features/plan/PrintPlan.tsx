import { Component, type ReactNode, useEffect, useState } from 'react'
import type { PrintData } from '../../../../shared/api/channels/plans'
import { PAIN_RULES_SOURCE } from '../../../../shared/plan/pain-rules'
import { formatDistance } from '../../../../shared/units'
import { call } from '../../api'
import { TableHead } from '../../components/Table'
import { engineText } from '../../components/use-distance-text'
import { datesInText } from '../../dates'
import { weeklySummary } from '../log/charts/AthleteCharts'
import { WeeklyLoadChart } from '../log/charts/WeeklyLoadChart'
import { dateRange, distinctDetails, KIND_LABEL, PHASE_LABEL, shortDate, stampText, weekday } from './format'
import { redFlagQuestion } from '../assessment/labels'
import type { PlanAcknowledgement } from '../../../../shared/domain/documents'
import { PlanVsActualChart, planVsActualSummary } from './PlanVsActualChart'
import { ReferralLetterPrint } from './ReferralLetterPrint'
import { ReferralList } from './ReferralList'
import './plan.css'

import { PRINT_ERROR_ATTRIBUTE, PRINT_READY_ATTRIBUTE } from '../../print-attributes'

/** Chart size in CSS pixels: fits the printable width of A4 and Letter with 0.5 in margins. */
const CHART_WIDTH = 680

const PATTERN_TEXT = {
  typical: 'The story fits calf overload from running (the usual, benign pattern).',
  partial: 'The story partly fits calf overload from running.',
  atypical: 'The story does not fit simple calf overload; see the referrals and notes.',
} as const

function markFailed(message: string): void {
  document.body.removeAttribute(PRINT_READY_ATTRIBUTE)
  document.body.setAttribute(PRINT_ERROR_ATTRIBUTE, message.slice(0, 500) || 'The print view failed.')
}

/**
 * Marks the page ready once every chart has drawn its SVG with axes (no animation, fixed size) and the
 * fonts are loaded; marks it failed if that does not happen in time.
 */
function useMarkReadyWhenDrawn(data: PrintData | null, expectedCharts: number): void {
  useEffect(() => {
    if (!data) return
    let cancelled = false
    const started = performance.now()
    const drawn = () => {
      const surfaces = [...document.querySelectorAll('.print-plan .recharts-wrapper > svg.recharts-surface')]
      return surfaces.length >= expectedCharts && surfaces.every((s) => s.querySelector('.recharts-cartesian-axis-tick') !== null)
    }
    const check = () => {
      if (cancelled) return
      if (drawn()) {
        performance.mark('print-charts-drawn')
        // One more frame after the fonts so the layout that printing sees is the one just drawn.
        void document.fonts.ready.then(() =>
          requestAnimationFrame(() => {
            if (cancelled) return
            performance.mark('print-ready')
            document.body.setAttribute(PRINT_READY_ATTRIBUTE, 'true')
          }),
        )
        return
      }
      if (performance.now() - started > 10_000) {
        markFailed('The charts did not finish drawing.')
        return
      }
      requestAnimationFrame(check)
    }
    requestAnimationFrame(check)
    return () => {
      cancelled = true
    }
  }, [data, expectedCharts])
}

/** A drawing error must not leave the printer waiting for the timeout: report it on <body> at once. */
class PrintErrorBoundary extends Component<{ children: ReactNode }, { error: string | null }> {
  override state: { error: string | null } = { error: null }
  static getDerivedStateFromError(error: unknown): { error: string } {
    return { error: error instanceof Error ? error.message : String(error) }
  }
  override componentDidCatch(error: unknown): void {
    markFailed(`The print view could not be drawn: ${error instanceof Error ? error.message : String(error)}`)
  }
  override render(): ReactNode {
    return this.state.error === null ? this.props.children : <p role="alert">The plan could not be printed: {this.state.error}</p>
  }
}

/** What the coach acknowledged when building the plan without a full red-flag screen: printed first, in a box. */
function PrintAcknowledgement({ acknowledgement: a }: { acknowledgement: PlanAcknowledgement }) {
  return (
    <section className="print-ack" aria-label="Coach's acknowledgement" data-testid="print-acknowledgement">
      <p className="print-ack-title">
        {a.reason === 'no-assessment' ? 'Built without an assessment: red flags not checked' : 'Red-flag screen incomplete when this plan was built'}
      </p>
      <p>
        The coach acknowledged on {stampText(a.at)}: “{a.text}”
      </p>
      {a.unanswered.length > 0 && <p>Not asked: {a.unanswered.map(redFlagQuestion).join('; ')}</p>}
    </section>
  )
}

/** The plan as the runner takes it home: printed to PDF by main (printToPDF) or the test harness (page.pdf). */
export function PrintPlan(props: { athleteId: string; planId: string }) {
  return (
    <PrintErrorBoundary>
      <PrintPlanView {...props} />
    </PrintErrorBoundary>
  )
}

function PrintPlanView({ athleteId, planId }: { athleteId: string; planId: string }) {
  const [data, setData] = useState<PrintData | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    document.body.removeAttribute(PRINT_READY_ATTRIBUTE)
    document.body.removeAttribute(PRINT_ERROR_ATTRIBUTE)
    document.body.classList.add('printing-plan')
    performance.mark('print-start')
    let cancelled = false
    call('getPrintData', { athleteId, planId })
      .then((d) => {
        performance.mark('print-data')
        if (!cancelled) setData(d)
      })
      .catch((e: unknown) => {
        const message = e instanceof Error ? e.message : String(e)
        setError(message)
        markFailed(message)
      })
    return () => {
      cancelled = true
      document.body.classList.remove('printing-plan')
    }
  }, [athleteId, planId])
  const showPlan = data !== null && data.letter === null && data.plan.output.weeks.length > 0
  // The referral letter has no chart; the plan has its weekly chart and, with weeks, the plan chart.
  useMarkReadyWhenDrawn(data, data?.letter ? 0 : showPlan ? 2 : 1)

  if (error) {
    return (
      <div className="print-plan">
        <p role="alert">The plan could not be printed: {error}</p>
      </div>
    )
  }
  if (!data) return <p className="print-plan">Preparing the plan…</p>
  if (data.letter) return <ReferralLetterPrint data={data} letter={data.letter} />

  const { athlete, settings, plan, assessment } = data
  const unit = settings.distanceUnit
  const out = plan.output
  const by = [settings.coachName, settings.clubName].filter(Boolean).join(', ')
  const rules = data.painRules.filter((r) => r !== PAIN_RULES_SOURCE)

  return (
    <article className="print-plan" aria-label={`${athlete.name}: return-to-distance plan`}>
      <header className="print-head">
        <h1>Return-to-distance plan</h1>
        <p className="print-athlete">
          <strong>{athlete.name}</strong> · {shortDate(data.today, true)}
        </p>
        <p className="print-meta">
          {by ? `Prepared by ${by}. ` : ''}Plan “{datesInText(plan.label)}”, made {stampText(plan.createdAt)}
          {plan.editedAt ? `, sessions edited ${stampText(plan.editedAt)}` : ''}.
        </p>
        <p className={`print-status print-status-${data.colour}`} data-testid="print-status">
          Status today: <strong>{data.headline}</strong>
        </p>
      </header>

      {plan.acknowledgement && <PrintAcknowledgement acknowledgement={plan.acknowledgement} />}

      {data.referrals.length > 0 && (
        <section className="print-refer" aria-label="Referral">
          <p className="print-refer-title">REFER — See a clinician before increasing running</p>
          <p>Keep running at the comfortable level in the plan, but do not increase it until a clinician has seen you about:</p>
          <ReferralList referrals={data.referrals} unit={unit} />
        </section>
      )}

      <section className="print-section">
        <h2>Assessment summary</h2>
        {assessment ? (
          <>
            <p>
              {assessment.date ? `Assessment of ${shortDate(assessment.date, true)}. ` : ''}
              <strong>{data.headline}.</strong>
            </p>
            <p>{PATTERN_TEXT[assessment.patternFit]}</p>
            {assessment.factors.length > 0 ? (
              <p>
                Likely contributing factors:{' '}
                {assessment.factors.map((f, i) => (
                  <span key={f.id}>
                    {i > 0 ? '; ' : ''}
                    {f.title} ({f.likelihood})
                  </span>
                ))}
                .
              </p>
            ) : (
              <p>No contributing factor stood out.</p>
            )}
          </>
        ) : (
          <p>No assessment has been recorded: the plan prescribes the daily calf and hip-flexor stretches only.</p>
        )}
      </section>

      {showPlan && (
        <section className="print-section">
          <h2>The plan week by week</h2>
          <p>
            {out.weeks.length} weeks from {shortDate(out.weeks[0]?.startDate ?? plan.request.startDate, true)}: from {formatDistance(plan.request.currentWeeklyKm, unit)} a week
            towards {formatDistance(plan.request.targetWeeklyKm, unit)}, {plan.request.runDaysPerWeek} runs a week
            {out.targetReached ? '.' : ' (the target is not reached within this plan; your coach will extend it).'}
            {out.awaitingReferralClearance ? ' Running holds at this level until the referral has been seen.' : ''}
          </p>
          <table className="print-weeks">
            <TableHead columns={['Week', 'Phase', 'Total', 'Planned sessions', 'What to check']} />
            <tbody>
              {out.weeks.map((w) => (
                <tr key={w.index}>
                  <th scope="row">
                    Week {w.index}
                    <div className="print-dates">{dateRange(w.startDate, w.endDate)}</div>
                  </th>
                  <td>
                    {PHASE_LABEL[w.phase]}
                    {w.lighterWeek && <div className="print-lighter">Lighter week</div>}
                  </td>
                  <td>{formatDistance(w.plannedKm, unit)}</td>
                  <td>
                    <ul className="print-sessions">
                      {w.runs.map((r) => (
                        <li key={r.date}>
                          {weekday(r.date)} {shortDate(r.date)}: {KIND_LABEL[r.kind]} {formatDistance(r.km, unit)}
                        </li>
                      ))}
                    </ul>
                    {/* How to run them, once per different instruction: a week of walk–runs repeats the same one up to 7 times. */}
                    {distinctDetails(w.runs).map((detail) => (
                      <p key={detail} className="print-session-detail">
                        {engineText(detail, unit)}
                      </p>
                    ))}
                  </td>
                  <td className="print-gate">{engineText(w.gate ?? w.focus, unit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <section className="print-section">
        <h2>Exercise sheet</h2>
        {data.exercises.length > 0 ? (
          <table className="print-exercises">
            <TableHead columns={['Exercise', 'Dose', 'When']} />
            <tbody>
              {data.exercises.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    {e.title}
                    {e.purpose && <div className="print-purpose">{e.purpose}</div>}
                  </th>
                  <td>{e.dose}</td>
                  <td>{e.weeks}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>No exercises prescribed.</p>
        )}
      </section>

      <section className="print-section print-rules">
        <h2>Pain rules</h2>
        <ol>
          {rules.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ol>
        <p className="print-source">{PAIN_RULES_SOURCE}</p>
      </section>

      <section className="print-section print-charts">
        <h2>Pain and distance</h2>
        <figure className="print-figure" data-testid="print-weekly-chart">
          <WeeklyLoadChart series={data.weekly} unit={unit} startsOn={settings.weekStartsOn ?? 'monday'} width={CHART_WIDTH} height={260} title={`${athlete.name}: distance per week with pain, last 12 weeks`} />
          <figcaption>Last 12 weeks: {weeklySummary(data.weekly, unit)}</figcaption>
        </figure>
        {showPlan && (
          <figure className="print-figure" data-testid="print-plan-chart">
            <PlanVsActualChart points={data.planVsActual} unit={unit} width={CHART_WIDTH} height={240} interactive={false} />
            <figcaption>{planVsActualSummary(data.planVsActual, unit)}</figcaption>
          </figure>
        )}
      </section>
    </article>
  )
}
