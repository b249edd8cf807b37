import { addDays } from '../dates'
import type { Clearance } from '../clinical/clearance'
import type { ReadinessTest } from '../clinical/readiness'
import type { AssessmentRecord, PlanRecord } from '../domain/documents'
import type { Run } from '../domain/run'
import type { Athlete, Group } from '../domain/squad'
import { pick, round1, seededRandom } from './random'
import { demoAssessments, demoClearances, demoPlans, demoReadinessTests, demoStoppedRunningOn } from './demo-clinical'

export interface DemoAthlete {
  athlete: Athlete
  runs: Run[]
  assessments: AssessmentRecord[]
  plans: PlanRecord[]
  clearances: Clearance[]
  readinessTests: ReadinessTest[]
}

export interface DemoSquad {
  groups: Group[]
  athletes: DemoAthlete[]
}

/** How an athlete's last months went; each one makes the charts and the triage board tell a story. */
export type DemoStory =
  | 'steady'
  | 'improving'
  | 'flare-after-spike'
  | 'stopped-logging'
  | 'red-flag'
  | 'amber-referral'
  | 'building'
  /** A referral from an earlier assessment that the newest one did not find: open until its clearance is recorded. */
  | 'awaiting-clearance'
  /** A stop-running referral cleared by a physio: in the readiness tests before the first run. */
  | 'return-to-run'

const FIRST = ['Aoife', 'Ben', 'Chloe', 'Dev', 'Elena', 'Finn', 'Grace', 'Hamid', 'Isla', 'Jonas', 'Kemi', 'Liam', 'Maya', 'Niall', 'Olga', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Tariq', 'Uma', 'Vera', 'Will', 'Yusuf']
const LAST = ['Byrne', 'Okafor', 'Lindqvist', 'Patel', 'Moreau', 'Kowalski', 'Hughes', 'Nakamura', 'Silva', 'Brennan', 'Adeyemi', 'Fischer', 'Walsh', 'Costa', 'Novak', 'Reid']
const STORIES: DemoStory[] = [
  'flare-after-spike',
  'improving',
  'red-flag',
  'amber-referral',
  'stopped-logging',
  'improving',
  'flare-after-spike',
  'building',
  'awaiting-clearance',
  'return-to-run',
]

const GROUPS: Group[] = [
  { id: 'grp-tuesday-intervals', name: 'Tuesday intervals' },
  { id: 'grp-masters', name: 'Masters' },
  { id: 'grp-marathon-block', name: 'Marathon block' },
  { id: 'grp-beginners', name: 'Couch to 10k' },
]

const TRAINING_STATUS: Partial<Record<DemoStory, Athlete['trainingStatus']>> = {
  'red-flag': 'resting',
  'return-to-run': 'resting',
  'amber-referral': 'rehab',
  improving: 'rehab',
  'awaiting-clearance': 'rehab',
}

export const DEMO_ATHLETE_COUNT = 24
const DAYS = 182

/** A realistic club: 24 athletes, six months of runs and pain scores, deterministic for a given date. */
export function generateDemoSquad(today: Date, seed = 20261126): DemoSquad {
  const random = seededRandom(seed)
  const todayIso = today.toISOString().slice(0, 10)
  const stamp = today.toISOString()
  const athletes: DemoAthlete[] = []
  for (let i = 0; i < DEMO_ATHLETE_COUNT; i++) {
    const sex = i % 2 === 0 ? 'female' : 'male'
    const age = 19 + Math.floor(random() * 45)
    const birthYear = Number(todayIso.slice(0, 4)) - age
    const story = STORIES[i] ?? 'steady'
    const groupIds = [GROUPS[i % 4]!.id, ...(age >= 40 && i % 4 !== 1 ? [GROUPS[1]!.id] : [])]
    const athlete: Athlete = {
      id: `ath-demo-${String(i + 1).padStart(2, '0')}`,
      name: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`,
      sex,
      dateOfBirth: `${birthYear}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
      email: `${FIRST[i % FIRST.length]!.toLowerCase()}@example.org`,
      phone: '',
      groupIds: [...new Set(groupIds)],
      notes: story === 'steady' || story === 'building' ? '' : `Demo story: ${story.replace(/-/g, ' ')}.`,
      trainingStatus: TRAINING_STATUS[story] ?? 'running',
      archived: i === DEMO_ATHLETE_COUNT - 1,
      createdAt: stamp,
      updatedAt: stamp,
    }
    // Runs are drawn for every story alike (so one story never shifts another athlete's log); a runner told
    // to stop has none logged after that day.
    const stoppedOn = demoStoppedRunningOn(story, todayIso)
    const runs = demoRuns(random, athlete.id, story, todayIso, stamp).filter((r) => stoppedOn === null || r.date < stoppedOn)
    const assessments = demoAssessments(athlete, story, age, todayIso, stamp)
    athletes.push({
      athlete,
      runs,
      assessments,
      plans: demoPlans(athlete, story, runs, assessments, todayIso, stamp),
      clearances: demoClearances(athlete, story, todayIso),
      readinessTests: demoReadinessTests(story, todayIso),
    })
  }
  return { groups: GROUPS, athletes }
}

function demoRuns(random: () => number, athleteId: string, story: DemoStory, todayIso: string, stamp: string): Run[] {
  const runs: Run[] = []
  const base = 18 + random() * 30
  const runDays = new Set([1, 3, 5, 6].slice(0, 3 + Math.floor(random() * 2)))
  const stopAt = story === 'stopped-logging' ? DAYS - 24 : DAYS
  for (let d = 0; d < stopAt; d++) {
    const date = addDays(todayIso, d - DAYS)
    const weekday = (d + 3) % 7
    if (!runDays.has(weekday)) continue
    const progress = d / DAYS
    const isLong = weekday === 6
    let km = (base / runDays.size) * (isLong ? 1.6 : 0.85) * (0.9 + random() * 0.2)
    let pain = 1 + random() * 2
    if (story === 'improving') pain = Math.max(0, 6 - progress * 6 + random() * 1.5)
    if (story === 'flare-after-spike') {
      if (progress > 0.82 && isLong && progress < 0.86) km *= 1.7
      pain = progress > 0.82 ? 4 + random() * 3.5 : 1 + random() * 1.5
    }
    if (story === 'red-flag') pain = progress > 0.9 ? 6 + random() * 2 : 2 + random() * 2
    if (story === 'amber-referral') pain = 2.5 + random() * 2.5
    if (story === 'building') km *= 0.8 + progress * 0.35
    km = Math.max(2, round1(km))
    const painDuring = Math.min(10, Math.round(pain))
    runs.push({
      id: `run-${athleteId.slice(4)}-${String(d).padStart(3, '0')}`,
      date,
      distanceKm: km,
      durationSec: Math.round(km * (300 + random() * 60)),
      painDuring,
      painAfter: Math.min(10, Math.max(0, painDuring - 1 + Math.round(random()))),
      painNextMorning: Math.min(10, Math.max(0, painDuring - 2 + Math.round(random() * 2))),
      painOnsetKm: painDuring >= 3 ? round1(Math.min(km, 3 + random() * 4)) : null,
      performancePercent: painDuring >= 5 ? 80 + Math.round(random() * 10) : 100,
      surface: pick(random, ['road', 'trail', 'track', 'treadmill']),
      shoes: pick(random, ['daily trainer', 'racing flat', 'trail shoe']),
      notes: '',
      source: { kind: 'demo' },
      createdAt: stamp,
      updatedAt: stamp,
    })
  }
  return runs
}
