import type { SavedAssessment } from '../../../../shared/api/channels/assessments'
import { longDate } from '../../dates'
import { hrefFor } from '../../route'
import { factorTitle, referralTitle, TRIAGE_WORD } from '../assessment/labels'
import { URGENCY_TEXT } from '../plan/format'

/** "a, b and c" */
function listWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

/** The newest assessment in one plain paragraph: when, the triage, the referral, the main factors, the note. */
export function assessmentParagraph(a: SavedAssessment): string {
  const d = a.diagnosis
  const parts = [`Assessed on ${longDate(a.date)}: ${TRIAGE_WORD[d.triage].toLowerCase()} triage.`]
  const first = d.referrals[0]
  if (first) {
    const more = d.referrals.length - 1
    parts.push(`${referralTitle(first.id)}: ${URGENCY_TEXT[first.urgency].toLowerCase()}${more > 0 ? ` (and ${more} more referral${more === 1 ? '' : 's'})` : ''}.`)
  } else {
    parts.push('No referral needed.')
  }
  const factors = d.factors.slice(0, 3).map((f) => factorTitle(f.id).toLowerCase())
  parts.push(factors.length ? `Main things to work on: ${listWords(factors)}.` : 'No factor to work on was found.')
  if (d.redFlagScreen && !d.redFlagScreen.complete) parts.push('The red-flag screen was not finished.')
  if (a.note.trim()) parts.push(`Note: “${a.note.trim()}”`)
  return parts.join(' ')
}

export function LatestAssessment({ latest, athleteId }: { latest: SavedAssessment | null; athleteId: string }) {
  const href = hrefFor({ name: 'athlete', id: athleteId, tab: 'assessment' })
  if (!latest) {
    return (
      <p className="muted">
        No assessment yet. <a href={href}>Start one on the Assessment tab</a>.
      </p>
    )
  }
  return (
    <p data-testid="overview-assessment">
      {assessmentParagraph(latest)} <a href={href}>Open the assessment</a>.
    </p>
  )
}
