import { useCallback, useState } from 'react'
import { weekDates } from '../../../../shared/calendar/calendar'
import { addDays } from '../../../../shared/dates'
import { startOfWeek } from '../../../../shared/format/dates'
import { call } from '../../api'
import { useAppData } from '../../app-data'
import { useMainData } from '../../components/use-main-data'
import { dateRangeText, longDate, todayIso, weekdayName } from '../../dates'
import { hrefFor } from '../../route'
import { StatusBadge } from '../clinical/StatusBadge'
import { GroupSelect } from '../squad/GroupSelect'
import { weekStartsOn } from './CalendarTab'
import { DayCellContent, ZoneLegend } from './DayCell'
import './calendar.css'

/** Running allowance from the clinical state, in the words this screen uses for "held". */
const HELD_WORDS = { none: 'Held: no running', hold: 'Held: do not increase', progress: null } as const

/**
 * The squad's week (issue 13 point 7): who ran, who has what planned and who is held. Held and the colour come
 * from each athlete's clinical state; main builds the cells one athlete at a time.
 */
export function SquadWeekScreen() {
  const { squad } = useAppData()
  const startsOn = squad ? weekStartsOn(squad.settings) : 'monday'
  const today = todayIso()
  const [first, setFirst] = useState(() => startOfWeek(today, startsOn))
  const [groupId, setGroupId] = useState('')
  const { value: week, error } = useMainData(useCallback(() => call('getSquadWeek', { weekStart: first, groupId: groupId || null }), [first, groupId]))
  if (!squad) return <p>Loading…</p>
  const unit = squad.settings.distanceUnit
  const dates = weekDates(first)
  const thisWeek = startOfWeek(today, startsOn)
  const title = `Week of ${dateRangeText(dates[0]!, dates[6]!, true)}`
  return (
    <section aria-labelledby="week-title">
      <div className="cal-nav">
        <h1 id="week-title">Squad week</h1>
        <button type="button" onClick={() => setFirst(addDays(first, -7))}>
          Previous week
        </button>
        <button type="button" onClick={() => setFirst(thisWeek)} disabled={first === thisWeek}>
          This week
        </button>
        <button type="button" onClick={() => setFirst(addDays(first, 7))}>
          Next week
        </button>
        <label htmlFor="week-group">Group</label>
        <GroupSelect id="week-group" groups={squad.groups} value={groupId} noneLabel="All groups" onChange={setGroupId} />
      </div>
      <p className="muted">
        {title}. Who ran (coloured by pain against the limits), what each active plan has for the day, and who is held by their status.
      </p>
      {error && (
        <p className="form-error" role="alert">
          Could not build the week: {error}
        </p>
      )}
      {!week && !error && <p>Loading everyone’s week…</p>}
      {week && week.athletes.length === 0 && <p>No active athletes{groupId ? ' in this group' : ''}.</p>}
      {week && week.athletes.length > 0 && (
        <table className="week-table" aria-label={`Squad runs and plans, ${title}`}>
          <colgroup>
            <col className="week-name" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Athlete</th>
              {dates.map((d) => (
                <th key={d} scope="col" aria-current={d === today ? 'date' : undefined}>
                  {weekdayName(d)} {Number(d.slice(8))}
                  <span className="sr-only"> {longDate(d)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {week.athletes.map((a) => (
              <tr key={a.athleteId} data-testid="week-row">
                <th scope="row">
                  <a href={hrefFor({ name: 'athlete', id: a.athleteId, tab: 'calendar' })}>{a.name}</a>
                  {HELD_WORDS[a.runningAllowance] ? (
                    <span className="week-held" data-testid="week-held">
                      {HELD_WORDS[a.runningAllowance]}
                    </span>
                  ) : null}
                  <StatusBadge colour={a.colour} headline={a.headline} />
                </th>
                {a.days.map((day) => (
                  <td key={day.date} className={day.date === today ? 'cal-today' : undefined}>
                    <DayCellContent day={day} unit={unit} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ZoneLegend />
    </section>
  )
}
