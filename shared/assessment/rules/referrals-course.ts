// Referrals raised by how the complaint behaves over time rather than by one sign: pain that does not settle
// after running (or is there at rest), and a complaint that is not improving with load management. Both are
// amber in reference B2 and both exist to catch what simple overload is not. Listed in referrals.ts.

import { compareAssessments } from '../compare'
import { CONSERVATIVE_CARE, SYMPTOMS } from '../norms'
import { flagTrigger } from './findings'
import type { Facts, ReferralRule } from './types'
import { fmt } from './types'

const S = 'symptoms' as const

export const PERSISTENT_PAIN: ReferralRule = {
  kind: 'referral',
  id: 'persistent-pain-after-running',
  title: 'Pain that does not settle after running',
  explanation:
    'Calf overload fades within minutes of stopping and compartment pressure within about half an hour. Pain that lasts longer, never settles, or is there at rest fits neither, so a physio or sports doctor should look for another cause (bone stress, a muscle tear, a clot) before running is increased.',
  source: 'clinical-and-peers B1 (overload settles quickly; CECS within 10–20 min, Mayo < 30 min; bone stress: pain persisting after activity, at rest), B2 amber (pain lasting > 20–30 min after stopping)',
  triggers: [
    {
      id: 'does-not-settle',
      uses: [[S, 'settlesAfterStoppingMinutes']],
      urgency: 'before-progressing',
      when: ({ symptoms }) =>
        symptoms.settlesAfterStoppingMinutes === null
          ? 'The pain does not settle after stopping, unlike overload or compartment pressure: a clinician should look for bone stress, a tear or a clot.'
          : null,
    },
    {
      id: 'settles-after-more-than-30-minutes',
      uses: [[S, 'settlesAfterStoppingMinutes']],
      urgency: 'before-progressing',
      when: ({ symptoms }) => {
        const m = symptoms.settlesAfterStoppingMinutes
        return typeof m === 'number' && m > SYMPTOMS.compartmentSettleMaxMinutes
          ? `The pain takes ${fmt(m)} min to settle after stopping, longer than overload or compartment pressure (within ${SYMPTOMS.compartmentSettleMaxMinutes} min).`
          : null
      },
    },
    flagTrigger({
      id: 'pain-at-rest',
      field: [S, 'painAtRest'],
      urgency: 'before-progressing',
      text: 'Pain at rest, not only when running: that does not fit simple overload.',
    }),
  ],
}

/** "No real change": the two assessments share at least one comparable answer and none improved beyond noise. */
function noRealImprovement({ input, previous }: Facts): { compared: number } | null {
  if (!previous || previous.weeksBefore < CONSERVATIVE_CARE.reassessAfterWeeks) return null
  const changes = compareAssessments(previous.input, input)
  if (changes.length === 0) return null
  return changes.some((c) => c.real && c.direction === 'better') ? null : { compared: changes.length }
}

export const NOT_IMPROVING: ReferralRule = {
  kind: 'referral',
  id: 'not-improving-with-conservative-care',
  title: 'Not improving with load management',
  explanation:
    'Calf overload usually settles within weeks of easing the load and working on the calf and hips, and the tests should show real change within about six weeks. When they do not, a sports doctor should rule out exertional compartment syndrome and popliteal artery entrapment, which look the same and are often missed for months. Hold running distance until then.',
  source: 'clinical-and-peers B0 (escalate when conservative management fails), B1 CECS row (no improvement after a trial of load management), B2 amber (no improvement after ~6 weeks); 12 weeks: issue 10',
  triggers: [
    {
      id: 'symptoms-for-12-weeks',
      uses: [[S, 'weeksSinceOnset']],
      urgency: 'before-progressing',
      when: ({ symptoms }) => {
        const w = symptoms.weeksSinceOnset
        return w !== undefined && w >= CONSERVATIVE_CARE.failedAfterWeeks
          ? `Symptoms for ${fmt(w)} weeks: long enough that compartment syndrome and artery entrapment should be ruled out.`
          : null
      },
    },
    {
      id: 'no-real-change-between-assessments',
      uses: [],
      urgency: 'before-progressing',
      when: (facts) => {
        const none = noRealImprovement(facts)
        return none && facts.previous
          ? `No real improvement in any of ${none.compared} comparable results since the assessment ${fmt(facts.previous.weeksBefore)} weeks ago.`
          : null
      },
    },
  ],
}
