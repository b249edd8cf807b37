import { useMemo, useState } from 'react'
import { calendarDays, monthTotals, monthWeeks, shiftMonth } from '../../../../shared/calendar/calendar'
import type { WeekStartDay } from '../../../../shared/format/dates'
import { formatDistance } from '../../../../shared/units'
import { longDate, monthTitle, todayIso, weekdayName } from '../../dates'
import type { AthleteTabProps } from '../athlete/tabs'
import { useAthleteRecord } from '../log/use-athlete-record'
import { DayCellContent, ZoneLegend } from './DayCell'
import './calendar.css'

/** The day the coach's weeks start on (Settings; Monday when never chosen). */
export function weekStartsOn(settings: AthleteTabProps['settings']): WeekStartDay {
  return settings.weekStartsOn ?? 'monday'
}

/**
 * One athlete's month (issue 13 point 7): each day's logged runs, coloured and worded by the pain-monitoring
 * limits, beside the active plan's sessions for that day.
 */
export function CalendarTab({ athlete, settings }: AthleteTabProps) {
  const { record, error } = useAthleteRecord(athlete.id)
  const today = todayIso()
  const [month, setMonth] = useState(today.slice(0, 7))
  const startsOn = weekStartsOn(settings)
  const unit = settings.distanceUnit
  const weeks = useMemo(() => {
    if (!record) return null
    const plan = record.plans.find((p) => p.active)
    const planned = plan ? plan.output.weeks.flatMap((w) => w.runs) : []
    return monthWeeks(month, startsOn).map((dates) => calendarDays(dates, { runs: record.runs, planned }))
  }, [record, month, startsOn])

  if (error && !record) return <p className="form-error" role="alert">Could not load {athlete.name}’s log: {error}</p>
  if (!record || !weeks) return <p>Loading the calendar…</p>
  const totals = monthTotals(weeks.flat(), month)
  const title = monthTitle(`${month}-01`)
  const hasPlan = record.plans.some((p) => p.active)
  return (
    <section aria-labelledby="calendar-title">
      <div className="cal-nav">
        <h2 id="calendar-title" className="tab-heading">
          {title}
        </h2>
        <button type="button" onClick={() => setMonth(shiftMonth(month, -1))}>
          Previous month
        </button>
        <button type="button" onClick={() => setMonth(today.slice(0, 7))} disabled={month === today.slice(0, 7)}>
          This month
        </button>
        <button type="button" onClick={() => setMonth(shiftMonth(month, 1))}>
          Next month
        </button>
      </div>
      <p data-testid="calendar-totals">
        {title}: {totals.runs} {totals.runs === 1 ? 'run' : 'runs'} logged, {formatDistance(totals.loggedKm, unit)}
        {totals.overLimits > 0 && `, ${totals.overLimits} with pain outside the limits`}.{' '}
        {hasPlan ? `${totals.sessions} ${totals.sessions === 1 ? 'session' : 'sessions'} planned, ${formatDistance(totals.plannedKm, unit)}.` : 'No active plan.'}
      </p>
      <table className="cal-table" aria-label={`${athlete.name}’s runs and planned sessions in ${title}`}>
        <thead>
          <tr>
            {weeks[0]!.map((d) => (
              <th key={d.date} scope="col">
                {weekdayName(d.date)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]!.date}>
              {week.map((day) => {
                const outside = day.date.slice(0, 7) !== month
                return (
                  <td
                    key={day.date}
                    className={`${outside ? 'cal-outside' : ''} ${day.date === today ? 'cal-today' : ''}`}
                    data-date={day.date}
                    aria-current={day.date === today ? 'date' : undefined}
                  >
                    <span className="cal-date">
                      <span aria-hidden="true">{Number(day.date.slice(8))}</span>
                      <span className="sr-only">{longDate(day.date)}</span>
                    </span>
                    <DayCellContent day={day} unit={unit} />
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <ZoneLegend />
    </section>
  )
}
