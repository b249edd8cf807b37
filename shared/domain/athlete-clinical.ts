import { diagnose } from '../assessment/diagnose'
import type { AssessmentInput, Diagnosis } from '../assessment/schema'
import {
  chronologicalAssessments,
  type ClinicalInput,
  type ClinicalSource,
  clinicalInputFromAthlete,
  diagnoseContextAfter,
  type DiagnoseFn,
} from '../clinical'
import { ageOn, isIsoDate } from '../dates'
import type { AssessmentRecord } from './documents'
import type { Athlete } from './squad'

// How the app reads an athlete's assessments clinically, in ONE place: each assessment gets the profile's sex
// and age where the coach left them blank, and is diagnosed with the assessment made before it. The clinical
// state behind the athlete header (clinical-service), the board's summaries, the saved-assessment list, the
// plan and the assessment screen all come through here, so no two of them can read the same record apart.

/** What the rules need from the squad profile (the norms depend on sex and age). */
export type AthleteProfile = Pick<Athlete, 'sex' | 'dateOfBirth'>

/** The schema's accepted age range (AthleteSection.ageYears). */
const AGE_MIN = 10
const AGE_MAX = 110

/**
 * Fills `input.athlete` from the profile where the coach left it blank: the sex, and the age in whole years
 * on the assessment date. Recorded values always win; an age outside what the contract accepts (a date of
 * birth typed wrongly) is left out rather than making the assessment invalid. Returns `input` itself when
 * there is nothing to fill.
 */
export function prefillAthlete(input: AssessmentInput, athlete: AthleteProfile, date: string): AssessmentInput {
  const current = input.athlete ?? {}
  const next = { ...current }
  if (next.sex === undefined) next.sex = athlete.sex
  if (next.ageYears === undefined && athlete.dateOfBirth && isIsoDate(date)) {
    const age = ageOn(athlete.dateOfBirth, date)
    if (age >= AGE_MIN && age <= AGE_MAX) next.ageYears = age
  }
  if (next.sex === current.sex && next.ageYears === current.ageYears) return input
  return { ...input, athlete: next }
}

/** An assessment as the clinical reading needs it (a stored record, or a draft on the assessment screen). */
export interface DatedAnswers {
  id: string
  date: string
  createdAt?: string
  input: AssessmentInput
}

// Stored records are immutable and shared between versions of an athlete's document, so the same prefilled
// answers and the same diagnosis are reused while the profile and the previous assessment stay the same: the
// board summarises an athlete again on every save, and re-running the rules on old records would be waste.
const prefilled = new WeakMap<AssessmentInput, { sex: string; dob: string | null; date: string; out: AssessmentInput }>()
const diagnosed = new WeakMap<AssessmentInput, { previous: AssessmentInput | undefined; weeks: number | undefined; diagnosis: Diagnosis }>()

function prefillMemo(input: AssessmentInput, profile: AthleteProfile, date: string): AssessmentInput {
  const held = prefilled.get(input)
  if (held && held.sex === profile.sex && held.dob === profile.dateOfBirth && held.date === date) return held.out
  const out = prefillAthlete(input, profile, date)
  prefilled.set(input, { sex: profile.sex, dob: profile.dateOfBirth, date, out })
  return out
}

const diagnoseMemo: DiagnoseFn = (input, context) => {
  const held = diagnosed.get(input)
  const previous = context.previous?.input
  const weeks = context.previous?.weeksBefore
  if (held && held.previous === previous && held.weeks === weeks) return held.diagnosis
  const diagnosis = diagnose(input, context)
  diagnosed.set(input, { previous, weeks, diagnosis })
  return diagnosis
}

/** The answers with the profile filled in; `null` (an athlete not yet in the squad index) leaves them as recorded. */
function withProfile<T extends DatedAnswers>(profile: AthleteProfile | null, assessments: readonly T[]): T[] {
  if (profile === null) return [...assessments]
  return assessments.map((a) => {
    const input = prefillMemo(a.input, profile, a.date)
    return input === a.input ? a : { ...a, input }
  })
}

/**
 * The diagnosis of one assessment of this athlete: its answers with the profile filled in, judged with the
 * assessment made before it (by date, then when recorded). `target` may be a saved record or a draft (a new
 * draft has an id no record has, and a createdAt of now so it counts as the newest on its date).
 */
export function diagnoseAthleteAssessment(profile: AthleteProfile, records: readonly DatedAnswers[], target: DatedAnswers): Diagnosis {
  const ordered = chronologicalAssessments(withProfile(profile, [...records.filter((r) => r.id !== target.id), target]))
  const i = ordered.findIndex((a) => a.id === target.id)
  const self = ordered[i]!
  return diagnoseMemo(self.input, diagnoseContextAfter(ordered[i - 1], self))
}

/** The athlete's record as the clinical digest reads it (assessments as stored). */
export type AthleteClinicalSource = Omit<ClinicalSource, 'assessments'> & { assessments: readonly AssessmentRecord[] }

/**
 * THE clinical digest of an athlete (what computeClinicalState reads): the one builder behind the athlete
 * header, plans and PDFs (electron/services/clinical/clinical-service.ts) and the board's summaries
 * (shared/domain/summary.ts).
 */
export function athleteClinicalInput(profile: AthleteProfile | null, doc: AthleteClinicalSource, today: string): ClinicalInput {
  return clinicalInputFromAthlete({ ...doc, assessments: withProfile(profile, doc.assessments) }, today, diagnoseMemo)
}
