// Calf-pain assessments for the demo squad: what a club coach would plausibly have recorded for each story.
// Pure and deterministic (same athlete, story and date → same records). Every demo athlete with a record has
// the whole red-flag screen asked, so each picture is complete: the 'red-flag' story is a suspected DVT after
// a long-haul flight home from a race (red), 'amber-referral' an Achilles tendinopathy that needs a physio
// before distance goes up (amber), 'improving' two screenings five weeks apart with real gains in ankle range
// and calf endurance, 'flare-after-spike' a long run far beyond the previous month's longest, and the rest
// the everyday overload mix of stiff ankles, weak hip abductors, feet that roll in and everyday footwear.

import { heelRaiseNorm } from '../assessment/norms'
import type { AssessmentInput } from '../assessment/schema'
import { addDays, ageOn } from '../dates'
import type { AssessmentRecord } from '../domain/documents'
import type { Athlete } from '../domain/squad'
import type { DemoStory } from './demo-squad'
import { seededRandom } from './random'

type Symptoms = NonNullable<AssessmentInput['symptoms']>
type History = NonNullable<AssessmentInput['history']>
type Screening = NonNullable<AssessmentInput['screening']>

/** Every red-flag question asked and answered "no". */
const NO_RED_FLAGS = {
  chestPainOrBreathlessness: false,
  swelling: false,
  warmthOrRedness: false,
  bruising: false,
  popOrKickSensation: false,
  unableToHeelRaise: false,
  painAtRest: false,
  nightPain: false,
  numbnessOrTingling: false,
  footWeakness: false,
  coldOrPaleFoot: false,
  focalBoneTenderness: false,
  painfulHop: false,
  backPainOrRadiatingPain: false,
  saddleNumbnessOrBladderBowelChange: false,
  forcedToStop: false,
  muscleHernia: false,
} as const satisfies Symptoms

function noRiskHistory(athlete: Athlete, monthsRunning: number): History {
  return {
    recentSurgeryOrImmobilisation: false,
    recentLongHaulTravel: false,
    previousDvt: false,
    activeCancer: false,
    previousCalfInjury: false,
    previousBoneStressInjury: false,
    vascularRiskFactors: ['none-of-these'],
    ...(athlete.sex === 'female' ? { hormonalContraceptiveOrHrt: false, irregularOrAbsentPeriods: false } : {}),
    monthsRunning,
  }
}

/** The classic exertional overload story: gradual, tight and achy, builds during the run, settles quickly. */
function overloadSymptoms(side: 'left' | 'right', startsAfterMinutes: number, weeksSinceOnset: number, nextMorningPain: number): Symptoms {
  return {
    location: 'calf',
    side,
    onset: 'gradual',
    character: ['tight', 'aching'],
    startsAfterMinutes,
    worsensAsRunContinues: true,
    settlesAfterStoppingMinutes: 5,
    nextMorningPain,
    morningStiffness: false,
    weeksSinceOnset,
    ...NO_RED_FLAGS,
  }
}

function hashOf(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return h >>> 0
}

const half = (x: number) => Math.round(x * 2) / 2

/** The 'return-to-run' runner's calf strain: this many days before the demo's today. */
export const DEMO_STRAIN_DAYS_AGO = 21

export function demoAssessments(athlete: Athlete, story: DemoStory, age: number, today: string, stamp: string): AssessmentRecord[] {
  const random = seededRandom(hashOf(`${athlete.id}:${story}`))
  const between = (lo: number, hi: number) => lo + random() * (hi - lo)
  const whole = (lo: number, hi: number) => Math.round(between(lo, hi))
  const female = athlete.sex === 'female'
  const side: 'left' | 'right' = random() < 0.5 ? 'left' : 'right'
  const other: 'left' | 'right' = side === 'left' ? 'right' : 'left'
  const bySide = <T,>(painful: T, good: T) => ({ [side]: painful, [other]: good }) as { left: T; right: T }
  let n = 0

  const record = (daysAgo: number, input: Omit<AssessmentInput, 'athlete'>, note: string): AssessmentRecord => {
    const date = addDays(today, -daysAgo)
    const years = athlete.dateOfBirth ? ageOn(athlete.dateOfBirth, date) : age
    const ageYears = Math.min(110, Math.max(10, years))
    n += 1
    return {
      id: `asm-${athlete.id.replace(/^ath-/, '')}-${n}`,
      date,
      input: { athlete: { sex: athlete.sex, ageYears }, ...input },
      note,
      createdAt: stamp,
      updatedAt: stamp,
    }
  }

  /** A runner whose calf and hip tests are within the usual range (heel raises around their age/sex average). */
  const heelRaiseMean = heelRaiseNorm(athlete.dateOfBirth ? ageOn(athlete.dateOfBirth, today) : age, athlete.sex)?.mean ?? 28
  const soundScreening = (): Screening => ({
    kneeToWallCm: { left: half(between(10.5, 13)), right: half(between(10.5, 13)) },
    singleLegHeelRaiseReps: { left: whole(heelRaiseMean - 1, heelRaiseMean + 5), right: whole(heelRaiseMean - 1, heelRaiseMean + 5) },
    thomasTest: { left: 'negative', right: 'negative' },
    singleLegSquat: { left: 'good', right: 'good' },
    trendelenburg: { left: 'negative', right: 'negative' },
    footPostureIndex: { left: whole(1, 4), right: whole(1, 4) },
    singleLegBridgeReps: { left: whole(22, 30), right: whole(22, 30) },
  })

  switch (story) {
    case 'red-flag': {
      const earlier = record(
        48,
        {
          symptoms: overloadSymptoms(side, 30, 3, 2),
          history: noRiskHistory(athlete, 60),
          screening: { ...soundScreening(), kneeToWallCm: bySide(8.5, 10.5) },
          lifestyle: { sittingHoursPerDay: 6, highHeelsDaysPerWeek: 0, unsupportiveFlatShoesDaysPerWeek: 1 },
          training: { weeklyKm: 42, weeklyKmFourWeeksAgo: 38, longestRunLast30DaysKm: 21, longestRunThisWeekKm: 18 },
        },
        'Marathon block. Tight calf late in long runs; stretching plan given.',
      )
      const latest = record(
        2,
        {
          symptoms: {
            ...NO_RED_FLAGS,
            location: 'calf',
            side,
            onset: 'gradual',
            character: ['tight', 'heavy'],
            swelling: true,
            warmthOrRedness: true,
            calfCircumferenceDifferenceCm: 3.5,
            weeksSinceOnset: 1,
          },
          history: { ...noRiskHistory(athlete, 60), recentLongHaulTravel: true },
          training: { weeklyKm: 12, weeklyKmFourWeeksAgo: 55, longestRunLast30DaysKm: 32, longestRunThisWeekKm: 42.2 },
        },
        'Flew home (11 h) the day after an overseas marathon. Calf swollen, warm and 3.5 cm bigger than the other side. Sent to the GP the same day; no running or calf massage until cleared.',
      )
      return [earlier, latest]
    }
    case 'amber-referral': {
      return [
        record(
          9,
          {
            symptoms: {
              ...NO_RED_FLAGS,
              location: 'achilles',
              side,
              onset: 'gradual',
              character: ['dull', 'tight'],
              startsAfterMinutes: 0,
              worsensAsRunContinues: false,
              settlesAfterStoppingMinutes: 10,
              nextMorningPain: 4,
              morningStiffness: true,
              weeksSinceOnset: 7,
            },
            history: noRiskHistory(athlete, 96),
            screening: {
              ...soundScreening(),
              kneeToWallCm: bySide(9, 11),
              singleLegHeelRaiseReps: bySide(whole(12, 16), whole(24, 28)),
            },
            lifestyle: { sittingHoursPerDay: 7, highHeelsDaysPerWeek: 0, unsupportiveFlatShoesDaysPerWeek: 0 },
            training: { weeklyKm: 35, weeklyKmFourWeeksAgo: 40, longestRunLast30DaysKm: 18, longestRunThisWeekKm: 14 },
          },
          'Stiff Achilles for the first steps every morning, warms up after ten minutes and aches afterwards. Booked with the club physio; holding distance until seen.',
        ),
      ]
    }
    case 'awaiting-clearance': {
      // Back pain running into the calf: referred to have the back checked. The re-screen a month later found
      // no back pain, which does not close the referral: it waits for the clearance.
      const sound = soundScreening()
      return [
        record(
          34,
          {
            symptoms: { ...overloadSymptoms(side, 20, 5, 2), backPainOrRadiatingPain: true },
            history: noRiskHistory(athlete, 72),
            screening: sound,
            lifestyle: { sittingHoursPerDay: 9, highHeelsDaysPerWeek: 0, unsupportiveFlatShoesDaysPerWeek: 1 },
            training: { weeklyKm: 32, weeklyKmFourWeeksAgo: 30, longestRunLast30DaysKm: 14, longestRunThisWeekKm: 12 },
          },
          'Low back ache with pain running down into the calf on longer runs. Asked to see the GP or a physio about the back before adding distance.',
        ),
        record(
          5,
          {
            symptoms: overloadSymptoms(side, 30, 10, 1),
            history: noRiskHistory(athlete, 73),
            screening: sound,
            lifestyle: { sittingHoursPerDay: 8, highHeelsDaysPerWeek: 0, unsupportiveFlatShoesDaysPerWeek: 1 },
            training: { weeklyKm: 30, weeklyKmFourWeeksAgo: 32, longestRunLast30DaysKm: 13, longestRunThisWeekKm: 12 },
          },
          'Re-screen: no back pain today, calf only tight late in runs. Still waiting for the appointment about the back.',
        ),
      ]
    }
    case 'return-to-run': {
      // A calf strain at a hill sprint: stopped running and saw the club physio, who cleared a return.
      return [
        record(
          DEMO_STRAIN_DAYS_AGO,
          {
            symptoms: {
              ...NO_RED_FLAGS,
              location: 'calf',
              side,
              onset: 'sudden',
              character: ['sharp'],
              popOrKickSensation: true,
              weeksSinceOnset: 0,
            },
            history: { ...noRiskHistory(athlete, 50), previousCalfInjury: true },
            screening: { ...soundScreening(), singleLegHeelRaiseReps: bySide(whole(8, 12), whole(26, 30)) },
            training: { weeklyKm: 38, weeklyKmFourWeeksAgo: 36, longestRunLast30DaysKm: 16, longestRunThisWeekKm: 10 },
          },
          'Felt a kick in the calf on the third hill sprint and limped home. No running; booked with the club physio.',
        ),
      ]
    }
    case 'improving': {
      const common = { history: { ...noRiskHistory(athlete, 30), previousCalfInjury: true } }
      // Same tester, same method: only the tests the programme targets move between the two screenings.
      const sound = soundScreening()
      return [
        record(
          38,
          {
            ...common,
            symptoms: overloadSymptoms(side, 15, 4, 5),
            screening: {
              ...sound,
              kneeToWallCm: bySide(7, 9),
              singleLegHeelRaiseReps: bySide(12, 17),
              singleLegSquat: bySide('poor', 'fair'),
              trendelenburg: bySide('positive', 'negative'),
            },
            lifestyle: { sittingHoursPerDay: 9, highHeelsDaysPerWeek: 0, unsupportiveFlatShoesDaysPerWeek: female ? 4 : 2 },
            training: { weeklyKm: 20, weeklyKmFourWeeksAgo: 24, longestRunLast30DaysKm: 10, longestRunThisWeekKm: 8 },
          },
          'Start of rehab: calf and soleus stretches, heel raises, clams and side-lying abductions. Runs cut to what stays comfortable.',
        ),
        record(
          4,
          {
            ...common,
            symptoms: overloadSymptoms(side, 40, 9, 1),
            screening: {
              ...sound,
              kneeToWallCm: bySide(10, 11),
              singleLegHeelRaiseReps: bySide(22, 26),
              singleLegSquat: bySide('fair', 'good'),
              trendelenburg: bySide('negative', 'negative'),
            },
            lifestyle: { sittingHoursPerDay: 7, highHeelsDaysPerWeek: 0, unsupportiveFlatShoesDaysPerWeek: 1 },
            training: { weeklyKm: 28, weeklyKmFourWeeksAgo: 22, longestRunLast30DaysKm: 10, longestRunThisWeekKm: 11 },
          },
          'Five weeks on: ankle range and heel raises clearly better, pain only late in long runs. Keep the programme going.',
        ),
      ]
    }
    case 'flare-after-spike': {
      return [
        record(
          24,
          {
            symptoms: overloadSymptoms(side, 25, 3, 4),
            history: noRiskHistory(athlete, 40),
            screening: {
              ...soundScreening(),
              kneeToWallCm: bySide(10.5, 11.5),
            },
            lifestyle: { sittingHoursPerDay: 6, highHeelsDaysPerWeek: 0, unsupportiveFlatShoesDaysPerWeek: 1 },
            training: { weeklyKm: 46, weeklyKmFourWeeksAgo: 30, longestRunLast30DaysKm: 14, longestRunThisWeekKm: 30 },
          },
          'Calf flared the week of a 30 km trail race (previous longest 14 km in the month before). Back to comfortable runs; rebuild the long run by about 10 % at a time.',
        ),
      ]
    }
    default: {
      const pictures = 3
      const variant = hashOf(athlete.id) % (pictures + 1)
      // One runner in four has never been screened: the board shows "no assessment" for them.
      if (story !== 'stopped-logging' && variant === pictures) return []
      const daysAgo = story === 'stopped-logging' ? 70 : whole(10, 60)
      const base = {
        symptoms: overloadSymptoms(side, whole(20, 40), whole(2, 5), whole(1, 3)),
        history: noRiskHistory(athlete, whole(12, 120)),
        training: (() => {
          const longest = half(between(12, 22))
          const weekly = half(between(25, 50))
          return { weeklyKm: weekly, weeklyKmFourWeeksAgo: half(weekly * between(0.9, 1.1)), longestRunLast30DaysKm: longest, longestRunThisWeekKm: half(longest * between(0.8, 1.0)) }
        })(),
      }
      if (variant % pictures === 0) {
        // Stiff ankles and everyday footwear.
        return [
          record(
            daysAgo,
            {
              ...base,
              screening: { ...soundScreening(), kneeToWallCm: bySide(half(between(6.5, 8)), half(between(8.5, 9.5))) },
              lifestyle: female
                ? { sittingHoursPerDay: 7, highHeelsDaysPerWeek: 4, unsupportiveFlatShoesDaysPerWeek: 1 }
                : { sittingHoursPerDay: 7, highHeelsDaysPerWeek: 0, unsupportiveFlatShoesDaysPerWeek: 5 },
            },
            'Club screening night. Stiff ankles, most days in unhelpful shoes: daily calf stretches and a shoe chat.',
          ),
        ]
      }
      if (variant % pictures === 1) {
        // Weak hip abductors and long sitting with short hip flexors.
        return [
          record(
            daysAgo,
            {
              ...base,
              screening: {
                ...soundScreening(),
                singleLegSquat: bySide('poor', 'fair'),
                trendelenburg: bySide('positive', 'negative'),
                thomasTest: { left: 'positive', right: 'positive' },
                singleLegBridgeReps: bySide(whole(12, 16), whole(18, 22)),
              },
              lifestyle: { sittingHoursPerDay: 10, highHeelsDaysPerWeek: 0, unsupportiveFlatShoesDaysPerWeek: 1 },
            },
            'Hip drops on the single-leg squat; desk job. Clams, side-lying abductions, hip hikes and bridges.',
          ),
        ]
      }
      // Feet that roll in, with a stiff ankle on the painful side.
      return [
        record(
          daysAgo,
          {
            ...base,
            screening: {
              ...soundScreening(),
              footPostureIndex: bySide(whole(7, 9), whole(5, 7)),
              navicularDropMm: bySide(whole(11, 13), whole(8, 10)),
              kneeToWallCm: bySide(half(between(8.5, 9.5)), half(between(11, 12))),
            },
            lifestyle: { sittingHoursPerDay: 6, highHeelsDaysPerWeek: 0, unsupportiveFlatShoesDaysPerWeek: 2 },
          },
          'Feet roll in noticeably on the FPI; stiff ankle on the sore side. Stretches, and a look at shoes.',
        ),
      ]
    }
  }
}
