// Foot, footwear and load factors: pronation (FPI-6, navicular drop), everyday footwear and sudden jumps in
// running load. Part of FACTOR_RULES (see factors.ts).

import { FOOT_POSTURE, LIFESTYLE, NAVICULAR_DROP, TRAINING_LOAD } from '../norms'
import { DEFAULT_THRESHOLDS, atLeastFinding, listedSidesFinding, namedSidesFinding } from './findings'
import type { FactorFinding, FactorRule } from './types'
import { fmt } from './types'

/**
 * A finding on this week's longest run against the longest of the previous 30 days, tested only when both
 * are recorded and this week's is an actual run.
 */
function longestRunFinding(spec: {
  readonly id: string
  readonly weight: number
  readonly text: (now: number, before: number) => string | null
}): FactorFinding {
  return {
    id: spec.id,
    uses: [
      ['training', 'longestRunThisWeekKm'],
      ['training', 'longestRunLast30DaysKm'],
    ],
    weight: spec.weight,
    when: ({ training }) => {
      const now = training.longestRunThisWeekKm
      const before = training.longestRunLast30DaysKm
      if (now === undefined || before === undefined || now <= 0) return null
      return spec.text(now, before)
    },
  }
}

export const FOOT_LOAD_FACTOR_RULES: readonly FactorRule[] = [
  {
    kind: 'factor',
    id: 'excessive-pronation',
    title: 'Foot rolling in (excessive pronation)',
    explanation:
      'A foot that rolls in a lot asks the deep calf muscle (tibialis posterior) to brake it on every step, and pronation also makes up for a stiff ankle or a weak hip. FPI-6 is the more reliable measure; navicular drop varies a lot between sessions, so it counts for less.',
    source: 'calf-pain-in-runners (pronation and tibialis posterior); Redmond FPI-6, Brody 1982 (clinical-and-peers A8)',
    evidenceStrength: 'mixed',
    thresholds: DEFAULT_THRESHOLDS,
    // A8 covers how to measure foot posture, not that it causes calf pain: never above moderate (issue 10).
    maxLikelihood: 'moderate',
    findings: [
      listedSidesFinding({
        id: 'pronated-fpi',
        field: 'footPostureIndex',
        weight: 2,
        test: (x) => x >= FOOT_POSTURE.pronatedFrom,
        unit: '',
        text: (listed) => `FPI-6 ${listed}: pronated (+${FOOT_POSTURE.pronatedFrom} or more).`,
      }),
      namedSidesFinding({
        id: 'highly-pronated-fpi',
        field: 'footPostureIndex',
        weight: 1,
        test: (x) => x >= FOOT_POSTURE.highlyPronatedFrom,
        text: (sides) => `Highly pronated on ${sides} (FPI-6 +${FOOT_POSTURE.highlyPronatedFrom} or more).`,
      }),
      listedSidesFinding({
        id: 'large-navicular-drop',
        field: 'navicularDropMm',
        weight: 1,
        test: (x) => x > NAVICULAR_DROP.excessiveAboveMm,
        unit: ' mm',
        text: (listed) => `Navicular drop ${listed}: over ${NAVICULAR_DROP.excessiveAboveMm} mm (a less reliable test).`,
      }),
    ],
  },
  {
    kind: 'factor',
    id: 'footwear',
    title: 'Everyday footwear',
    explanation:
      'High heels hold the calf short for hours, and flat shoes without support (flip-flops, ballet flats, sheepskin boots) give it no help. The article blames both for tight calves before a run even starts. This is practitioner opinion without trial evidence, so it is never rated above moderate.',
    source: 'calf-pain-in-runners (footwear); practitioner opinion',
    evidenceStrength: 'practitioner-opinion',
    thresholds: DEFAULT_THRESHOLDS,
    maxLikelihood: 'moderate',
    findings: [
      atLeastFinding({
        id: 'heels-most-days',
        field: ['lifestyle', 'highHeelsDaysPerWeek'],
        weight: 2,
        min: LIFESTYLE.mostDaysPerWeek,
        text: (days) => `Wears high heels ${fmt(days)} days a week.`,
      }),
      atLeastFinding({
        id: 'unsupportive-flats-most-days',
        field: ['lifestyle', 'unsupportiveFlatShoesDaysPerWeek'],
        weight: 2,
        min: LIFESTYLE.mostDaysPerWeek,
        text: (days) => `Wears flat unsupportive shoes ${fmt(days)} days a week.`,
      }),
      {
        id: 'heels-and-flats-together',
        uses: [
          ['lifestyle', 'highHeelsDaysPerWeek'],
          ['lifestyle', 'unsupportiveFlatShoesDaysPerWeek'],
        ],
        weight: 1,
        when: ({ lifestyle }) => {
          const h = lifestyle.highHeelsDaysPerWeek ?? 0
          const f = lifestyle.unsupportiveFlatShoesDaysPerWeek ?? 0
          return h > 0 && f > 0 && h + f >= LIFESTYLE.mostDaysPerWeek
            ? `Heels and unsupportive flats together on ${fmt(h + f)} days a week.`
            : null
        },
      },
    ],
  },
  {
    kind: 'factor',
    id: 'training-load-spike',
    title: 'Sudden jump in running load',
    explanation:
      'In a large study of runners the load pattern most linked to injury was a single run longer than anything in the previous 30 days; more than 10 % longer already raised the risk, and double the distance raised it most. Weekly-distance jumps predicted injury poorly in that study, so they count for little here.',
    source: 'Frandsen/Nielsen 2025 BJSM (Garmin-RUNSAFE); Nielsen 2014 JOSPT (clinical-and-peers C2, C4)',
    evidenceStrength: 'mixed',
    thresholds: DEFAULT_THRESHOLDS,
    maxLikelihood: 'high',
    findings: [
      longestRunFinding({
        id: 'run-beyond-30-day-longest',
        weight: 2,
        text: (now, before) => {
          if (now <= before * TRAINING_LOAD.singleRunRatio) return null
          if (before === 0) return `This week's ${fmt(now)} km run follows no running at all in the previous 30 days.`
          const pct = Math.round((now / before - 1) * 100)
          return `This week's longest run, ${fmt(now)} km, is ${pct} % longer than the previous 30-day longest of ${fmt(before)} km.`
        },
      }),
      longestRunFinding({
        id: 'run-double-the-30-day-longest',
        weight: 2,
        text: (now, before) =>
          now > before * TRAINING_LOAD.singleRunRatioDouble
            ? 'That run was more than double the recent longest, the step linked to the highest injury rate.'
            : null,
      }),
      {
        id: 'sharp-weekly-rise',
        uses: [
          ['training', 'weeklyKm'],
          ['training', 'weeklyKmFourWeeksAgo'],
        ],
        weight: 1,
        when: ({ training }) => {
          const now = training.weeklyKm
          const before = training.weeklyKmFourWeeksAgo
          if (now === undefined || before === undefined) return null
          if (now - before < TRAINING_LOAD.weeklyRiseMinKm || now < before * TRAINING_LOAD.weeklyRiseRatio) return null
          return before > 0
            ? `Weekly distance rose from ${fmt(before)} to ${fmt(now)} km in four weeks (${Math.round((now / before - 1) * 100)} % up).`
            : `Weekly distance rose from nothing to ${fmt(now)} km in four weeks.`
        },
      },
    ],
  },
]
