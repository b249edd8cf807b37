// Referral episodes (issue 10 item 2): a referral raised by any assessment stays open until a clearance for
// that referral id is recorded. A newer assessment without the finding never closes it; the urgency of an
// open referral is the most urgent any assessment gave it (never lowered). A clearance closes what was
// raised on or before its date; the same finding in a later assessment opens a new episode.
//
// Clearance history order: for one episode, the LATEST clearance by date decides its outcome (ties: the one
// recorded last). A "cleared" recorded after "something else found" for the same referral means the
// clinician has since cleared the runner, so the episode counts as cleared; "something else found" recorded
// after "cleared" means the clinician has since found another problem, so it no longer counts as cleared.
// Either way the episode stays closed (a clinician has seen the runner); only a later assessment that finds
// the referral again opens a new episode, and clearances after that belong to the new episode.

import { URGENCY_RANK } from '../assessment/diagnose'
import type { ReferralId, Urgency } from '../assessment/schema'
import { sortClearances } from './clearance'
import { referralStopsRunning } from './referral-policy'
import type { AssessmentDigest, ClearanceDigest, OpenReferral } from './types'

export interface Episode {
  referralId: ReferralId
  urgency: Urgency
  since: string
  raisedByAssessmentId: string
  /** Date of the newest assessment that found it. */
  lastFoundOn: string
  because: string[]
  /** The latest clearance recorded for it (the one that decides its outcome), or null while open. */
  closedBy: ClearanceDigest | null
  /** Every clearance recorded for this episode, oldest first (the last one is closedBy). */
  clearances: ClearanceDigest[]
}

/** Assessments oldest first (date, then when recorded, then as given). */
export function sortAssessments(assessments: readonly AssessmentDigest[]): AssessmentDigest[] {
  return assessments
    .map((a, i) => ({ a, i }))
    .sort((x, y) => {
      if (x.a.date !== y.a.date) return x.a.date < y.a.date ? -1 : 1
      const rx = x.a.recordedAt ?? ''
      const ry = y.a.recordedAt ?? ''
      if (rx !== ry) return rx < ry ? -1 : 1
      return x.i - y.i
    })
    .map(({ a }) => a)
}

/** Every referral episode, in the order they were raised. */
export function referralEpisodes(
  assessments: readonly AssessmentDigest[],
  clearances: readonly ClearanceDigest[],
): Episode[] {
  const ordered = sortAssessments(assessments)
  const cleared = sortClearances(clearances)
  const episodes: Episode[] = []
  const open = new Map<ReferralId, Episode>()
  /** The newest closed episode of each referral id, until a later assessment opens a new one. */
  const lastClosed = new Map<ReferralId, Episode>()
  let c = 0
  const applyClearancesUpTo = (date: string | null) => {
    // Clearances dated before this assessment (or all remaining, at the end) close what is open.
    while (c < cleared.length && (date === null || (cleared[c] as ClearanceDigest).date < date)) {
      const clearance = cleared[c] as ClearanceDigest
      const episode = open.get(clearance.referralId) ?? lastClosed.get(clearance.referralId)
      if (episode) {
        // Latest by date wins (the clearances are applied in date order).
        episode.closedBy = clearance
        episode.clearances.push(clearance)
        open.delete(clearance.referralId)
        lastClosed.set(clearance.referralId, episode)
      }
      c++
    }
  }
  for (const assessment of ordered) {
    applyClearancesUpTo(assessment.date)
    for (const r of assessment.referrals) {
      const existing = open.get(r.id)
      if (existing) {
        if (URGENCY_RANK[r.urgency] < URGENCY_RANK[existing.urgency]) existing.urgency = r.urgency
        existing.lastFoundOn = assessment.date
        for (const b of r.because ?? []) if (!existing.because.includes(b)) existing.because.push(b)
        continue
      }
      const episode: Episode = {
        referralId: r.id,
        urgency: r.urgency,
        since: assessment.date,
        raisedByAssessmentId: assessment.id,
        lastFoundOn: assessment.date,
        because: [...(r.because ?? [])],
        closedBy: null,
        clearances: [],
      }
      open.set(r.id, episode)
      lastClosed.delete(r.id)
      episodes.push(episode)
    }
  }
  // A clearance dated the same day as (or after) the assessment that raised a referral closes it.
  applyClearancesUpTo(null)
  return episodes
}

/** The day the episode closed: its first clearance (a later one may change the outcome, not the day). */
export function closedOn(episode: Episode): string {
  return episode.clearances[0]?.date ?? '9999-12-31'
}

/** Did this episode stop running while it was open? (Energy availability counts only beside bone stress.) */
export function episodeStoppedRunning(episode: Episode, all: readonly Episode[]): boolean {
  const end = closedOn(episode)
  const overlapping = all
    .filter((e) => e.since <= end && closedOn(e) >= episode.since)
    .map((e) => e.referralId)
  return referralStopsRunning(episode.referralId, episode.urgency, overlapping)
}

export function openReferrals(episodes: readonly Episode[], latest: AssessmentDigest | null): OpenReferral[] {
  const open = episodes.filter((e) => e.closedBy === null)
  const openIds = open.map((e) => e.referralId)
  return open
    .map((e) => ({
      referralId: e.referralId,
      urgency: e.urgency,
      since: e.since,
      raisedByAssessmentId: e.raisedByAssessmentId,
      stopsRunning: referralStopsRunning(e.referralId, e.urgency, openIds),
      notFoundInLatestAssessment: latest !== null && !latest.referrals.some((r) => r.id === e.referralId),
      because: [...e.because],
    }))
    .sort((a, b) => URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] || (a.since < b.since ? -1 : a.since > b.since ? 1 : 0))
}
