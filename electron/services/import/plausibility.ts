// Checks that flag a row whose values are possible but unlikely for a run by one of our athletes: a car
// journey or a ride under a run label, a walk or a watch left running, a watch with an unset clock. A
// flagged row is still importable, but it starts unticked and the reason is shown next to it.
import type { RunInput } from '../../../shared/domain/run'
import { formatDuration } from '../../../shared/units'

/** Faster than this (seconds per km) is beyond any runner over a whole activity: 2:30 min/km. */
export const FASTEST_PACE_SEC_PER_KM = 150
/** Slower than this (seconds per km) is walking pace or a watch left running: 15:00 min/km. */
export const SLOWEST_PACE_SEC_PER_KM = 900
export const EARLIEST_PLAUSIBLE_DATE = '1990-01-01'
export const LONGEST_PLAUSIBLE_KM = 250
export const SHORTEST_PLAUSIBLE_SEC = 60

function pace(secPerKm: number): string {
  return `${formatDuration(Math.round(secPerKm))} per km`
}

/** Reasons to look again at a run before importing it; empty when nothing is unusual. `today` is YYYY-MM-DD. */
export function plausibilityFlags(run: Pick<RunInput, 'date' | 'distanceKm' | 'durationSec'>, today: string): string[] {
  const flags: string[] = []
  const sec = typeof run.durationSec === 'number' ? run.durationSec : null
  if (sec !== null && run.distanceKm > 0) {
    const secPerKm = sec / run.distanceKm
    if (secPerKm < FASTEST_PACE_SEC_PER_KM) {
      flags.push(`The pace, ${pace(secPerKm)}, is faster than 2:30 per km: this looks like a ride or a journey by car, or the distance is wrong.`)
    } else if (secPerKm > SLOWEST_PACE_SEC_PER_KM) {
      flags.push(`The pace, ${pace(secPerKm)}, is slower than 15:00 per km: this looks like a walk or hike, or the watch was left running.`)
    }
  }
  if (run.date < EARLIEST_PLAUSIBLE_DATE) {
    flags.push(`The date, ${run.date}, is before 1990: the watch's clock was probably not set.`)
  } else if (run.date > today) {
    flags.push(`The date, ${run.date}, is in the future: check the watch's clock.`)
  }
  if (run.distanceKm > LONGEST_PLAUSIBLE_KM) flags.push(`The distance, ${run.distanceKm} km, is more than 250 km.`)
  if (sec !== null && sec < SHORTEST_PLAUSIBLE_SEC) flags.push(`The run lasted ${sec} s, under a minute.`)
  return flags
}
