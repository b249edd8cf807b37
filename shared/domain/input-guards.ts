import type { z } from 'zod'

/**
 * Extra checks on what a coach (or anything speaking IPC) sends in, applied to the input schemas only:
 * stored documents keep their own schemas, so a record saved by an older version never fails to load
 * because a rule here got stricter.
 */

/** C0 and C1 control characters; `multiline` text may keep tab, line feed and carriage return. */
// Matching control characters is the point of these two patterns.
// eslint-disable-next-line no-control-regex
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f]/
// eslint-disable-next-line no-control-regex
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/
/** Bidirectional embeddings, overrides and isolates: they can make text display as something else. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/
/** With the u flag a proper pair is one code point, so this matches only a lone (broken) surrogate. */
const LONE_SURROGATE = /[\ud800-\udfff]/u

/** What is wrong with unsafe text, and what the coach should do about it. */
export interface UnsafeText {
  problem: string
  fix: 'remove it' | 'retype it'
}

/** What makes `text` unsafe to store and show, or null when it is fine. */
export function unsafeTextProblem(text: string, multiline: boolean): UnsafeText | null {
  if ((multiline ? CONTROL_MULTILINE : CONTROL_SINGLE_LINE).test(text)) {
    return { problem: multiline ? 'contains an invisible control character' : 'contains a line break or an invisible control character', fix: 'remove it' }
  }
  if (BIDI_CONTROL.test(text)) return { problem: 'contains a hidden text-direction character (such as a right-to-left override) that can disguise what it says', fix: 'remove it' }
  if (LONE_SURROGATE.test(text)) return { problem: 'contains a broken character', fix: 'retype it' }
  return null
}

/** Why `text` is unsafe to store and show, as a field message, or null when it is fine. */
export function unsafeTextReason(text: string, multiline: boolean): string | null {
  const unsafe = unsafeTextProblem(text, multiline)
  return unsafe && `${unsafe.problem}; ${unsafe.fix}`
}

/** A superRefine callback adding one field message for unsafe text. */
export function safeText(multiline: boolean) {
  return (value: string, ctx: z.RefinementCtx) => {
    const reason = unsafeTextReason(value, multiline)
    if (reason) ctx.addIssue({ code: 'custom', message: reason })
  }
}

/** The shortest run worth logging: below 10 m a distance is a typo or an artefact (5e-324 km exports as 0). */
export const MIN_RUN_KM = 0.01

/** The latest run date accepted: tomorrow by UTC, so no time zone refuses today, but 2200 is refused. */
export function latestRunDate(now: Date = new Date()): string {
  return new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10)
}

export const RUN_DATE_TOO_LATE = 'cannot be more than a day in the future'
export const RUN_TOO_SHORT = 'must be at least 10 m (0.01 km)'
export const ONSET_BEYOND_RUN = 'cannot be further into the run than the run’s own distance'
