import type { ReferralView } from '../../../../shared/api/channels/plans'
import { URGENCY_TEXT } from './format'
import type { DistanceUnit } from '../../../../shared/units'
import { useDistanceText } from '../../components/use-distance-text'

/**
 * Each referral with how urgent it is and the findings behind it, in words (never colour alone). `unit`:
 * a print page's own (it loads no squad settings); screens leave it to the coach's settings.
 */
export function ReferralList({ referrals, unit }: { referrals: readonly ReferralView[]; unit?: DistanceUnit }) {
  const distanceText = useDistanceText(unit)
  if (referrals.length === 0) return <p>The assessment is red but lists no referral reason: check the assessment.</p>
  return (
    <ul className="referral-list">
      {referrals.map((r) => (
        <li key={r.id}>
          <strong>{r.title}</strong> — {URGENCY_TEXT[r.urgency]}.
          <ul>
            {r.because.map((b, i) => (
              <li key={i}>{distanceText(b)}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  )
}
