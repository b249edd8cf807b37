import type { WeekStartDay } from '../../../../shared/dates'
import type { SeriesPoint } from '../../../../shared/load/chart-data'
import { formatDistance, type DistanceUnit } from '../../../../shared/units'
import { DateText } from '../../components/DateText'
import { TableHead } from '../../components/Table'
import { lazyComponent } from '../../components/lazy'
import { useElementWidth } from '../log/charts/AthleteCharts'

// The chart library loads with the chart, not with the overview's words.
const WeeklyLoadChart = lazyComponent(async () => (await import('../log/charts/WeeklyLoadChart')).WeeklyLoadChart, 'the chart')

/** The runs tab's weekly chart over the last eight weeks, with the same figures as a small table. */
export function OverviewWeeks({ weeks, unit, startsOn, athleteName }: { weeks: SeriesPoint[]; unit: DistanceUnit; startsOn: WeekStartDay; athleteName: string }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(600)
  return (
    <div className="overview-weeks">
      {/* The table below carries the same figures for screen readers and the keyboard; inert keeps the chart (which recharts makes focusable) out of both. */}
      <div className="overview-weeks-chart" ref={ref} inert>
        <WeeklyLoadChart series={{ granularity: 'week', points: weeks }} unit={unit} startsOn={startsOn} width={width} height={220} title={`${athleteName}: distance per week with pain`} />
      </div>
      <table className="overview-weeks-table" data-testid="overview-weeks">
        <caption className="sr-only">Distance and pain per week, last 8 weeks</caption>
        <TableHead columns={['Week starting', 'Distance', 'Runs', 'Highest pain']} />
        <tbody>
          {weeks.map((w) => (
            <tr key={w.start} data-week={w.start}>
              <th scope="row">
                <DateText iso={w.start} />
              </th>
              <td>{formatDistance(w.km, unit)}</td>
              <td>{w.runs}</td>
              <td>{w.maxPain === null ? '–' : `${w.maxPain}/10`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
