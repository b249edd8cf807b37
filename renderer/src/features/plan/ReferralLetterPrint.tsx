import type { PrintData, ReferralLetter } from '../../../../shared/api/channels/plans'
import type { Urgency } from '../../../../shared/assessment/schema'
import { CLEARANCE_OUTCOMES } from '../../../../shared/clinical/clearance'
import { useDistanceText } from '../../components/use-distance-text'
import { OUTCOME_LABEL } from '../clearance/labels'
import { shortDate, URGENCY_TEXT } from './format'

/** The letter's banner: how soon the clinician should see the runner. */
const URGENCY_BANNER: Record<Urgency, string> = {
  emergency: 'EMERGENCY — call emergency services now',
  'same-day': 'PLEASE SEE THIS RUNNER TODAY',
  'before-progressing': 'PLEASE SEE THIS RUNNER SOON — before running increases',
}

/** A blank line for the clinician's handwriting. */
function Blank({ label }: { label: string }) {
  return (
    <p className="letter-blank">
      <span>{label}</span>
      <span className="letter-line" aria-hidden="true" />
    </p>
  )
}

/**
 * The refer-first PDF as a one-page referral letter (issue 10 item 8): who and when, what was found and why
 * it matters, how urgent, what to tell the clinician, and a clearance section the clinician fills in by hand.
 * No running pain rules and no charts: the runner is not running.
 */
export function ReferralLetterPrint({ data, letter }: { data: PrintData; letter: ReferralLetter }) {
  const { athlete, settings } = data
  const distanceText = useDistanceText(settings.distanceUnit)
  const by = [settings.coachName, settings.clubName].filter(Boolean).join(', ')
  return (
    <article className="print-plan print-letter" aria-label={`${athlete.name}: referral letter`}>
      <header className="print-head">
        <h1>Referral letter</h1>
        <p className="print-athlete">
          <strong>{athlete.name}</strong>
          {athlete.dateOfBirth ? ` · born ${shortDate(athlete.dateOfBirth, true)}` : ''} · {shortDate(data.today, true)}
        </p>
        <p className="print-meta">
          To the doctor or physiotherapist who sees this runner{by ? `, from their running coach (${by})` : ', from their running coach'}.
        </p>
        <p className={`print-status print-status-${data.colour}`} data-testid="print-status">
          Status today: <strong>{data.headline}</strong>
        </p>
      </header>

      <section className="print-refer print-refer-first" aria-label="Urgency">
        <p className="print-refer-title">{URGENCY_BANNER[letter.urgency]}</p>
        {data.referFirstReason && <p>{data.referFirstReason}</p>}
        {letter.runnerTold.map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </section>

      <section className="letter-section">
        <h2>What was found, and why it matters</h2>
        {letter.referrals.length === 0 && <p>No referral reason was recorded: please check the runner as a whole.</p>}
        {letter.referrals.map((r) => (
          <div key={r.id} className="letter-referral">
            <p className="letter-referral-title">
              <strong>{r.title}</strong> — {URGENCY_TEXT[r.urgency]}.
              {r.since ? ` Found at the assessment of ${shortDate(r.since, true)}.` : ''}
              {r.notFoundInLatestAssessment ? ' Not found again at the latest assessment, but not yet cleared.' : ''}
            </p>
            {r.because.length > 0 && (
              <ul>
                {r.because.map((b, i) => (
                  <li key={i}>{distanceText(b)}</li>
                ))}
              </ul>
            )}
            {r.whyItMatters && <p className="letter-why">Why it matters: {r.whyItMatters}</p>}
          </div>
        ))}
      </section>

      <section className="letter-section">
        <h2>For the clinician</h2>
        <ul>
          {letter.tellClinician.map((line, i) => (
            <li key={i}>{distanceText(line)}</li>
          ))}
        </ul>
      </section>

      <section className="letter-section letter-clearance" aria-label="Clearance">
        <h2>Clearance (to be filled in by the clinician)</h2>
        <Blank label="Clinician’s name and role (doctor, physiotherapist, other):" />
        <Blank label="Date the runner was seen:" />
        <table className="letter-outcomes">
          <thead>
            <tr>
              <th scope="col">Referral</th>
              {CLEARANCE_OUTCOMES.map((o) => (
                <th key={o} scope="col">
                  {OUTCOME_LABEL[o]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {letter.referrals.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.title}</th>
                {CLEARANCE_OUTCOMES.map((o) => (
                  <td key={o} className="letter-tick">
                    <span className="letter-box" role="img" aria-label="box to tick" />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <Blank label="Restrictions or advice:" />
        <span className="letter-line letter-line-full" aria-hidden="true" />
        <Blank label="Signature:" />
      </section>
    </article>
  )
}
