import { PATTERN_RULE, factorRule, referralRule } from '../../../../shared/assessment/rules/index'
import type { Diagnosis } from '../../../../shared/assessment/schema'
import {
  FIT_LABEL,
  LIKELIHOOD_LABEL,
  STRENGTH_NOTE,
  URGENCY_LABEL,
  factorTitle,
  redFlagGapText,
  redFlagQuestion,
  redFlagScreen,
  referralTitle,
  triageHeadline,
} from './labels'
import { useDistanceText } from '../../components/use-distance-text'

/**
 * The big, bordered banner: red and amber say in words what to do; red interrupts as an alert. Until every
 * red-flag question that applies was asked there is no green banner: it says "Incomplete" and lists them.
 */
export function TriageBanner({ diagnosis }: { diagnosis: Diagnosis }) {
  const t = diagnosis.triage
  const screen = redFlagScreen(diagnosis)
  const shown = t === 'green' && !screen.complete ? 'incomplete' : t
  const { headline, detail } = triageHeadline(diagnosis)
  return (
    // Keyed by what it shows so a change to red mounts a fresh alert that screen readers announce at once.
    <div key={shown} className={`triage-banner as-banner triage-${shown}`} role={t === 'red' ? 'alert' : 'status'} data-testid="triage-banner" data-triage={shown}>
      <p className="as-banner-headline">{headline}</p>
      {detail && <p className="as-banner-detail">{detail}</p>}
      {!screen.complete && <RedFlagGaps diagnosis={diagnosis} withHeading={shown !== 'incomplete'} />}
    </div>
  )
}

/** The red-flag questions still to ask, by the words the form uses. */
function RedFlagGaps({ diagnosis, withHeading }: { diagnosis: Diagnosis; withHeading: boolean }) {
  const unanswered = redFlagScreen(diagnosis).unanswered
  return (
    <div className="as-banner-gaps" data-testid="red-flag-gaps">
      {withHeading && <p className="as-banner-detail">{redFlagGapText(diagnosis)}.</p>}
      {unanswered.length > 0 && (
        <ul aria-label="Red-flag questions not asked">
          {unanswered.map((id) => (
            <li key={id}>{redFlagQuestion(id)}</li>
          ))}
        </ul>
      )}
    </div>
  )
}

const MISSING_SHOWN = 6

export function ResultPanel({
  diagnosis,
  ignored,
}: {
  diagnosis: Diagnosis
  /** Fields left out of the result because their value is not valid yet. */
  ignored: number
}) {
  const { referrals, factors, recommendations, missing, pattern } = diagnosis
  const distanceText = useDistanceText()
  return (
    <div className="as-result-body" data-testid="assessment-result">
      <h2 className="as-result-title">Result</h2>
      <TriageBanner diagnosis={diagnosis} />
      {ignored > 0 && (
        <p className="as-ignored">
          {ignored} answer{ignored > 1 ? 's are' : ' is'} not valid yet and left out of this result (see the messages in the form).
        </p>
      )}

      {referrals.length > 0 && (
        <section aria-labelledby="as-referrals-title">
          <h3 id="as-referrals-title">Refer first</h3>
          <ol className="as-referrals">
            {referrals.map((r) => (
              <li key={r.id} className={`as-referral as-urgency-${r.urgency}`} data-testid="referral">
                <p className="as-item-head">
                  <strong>{referralTitle(r.id)}</strong> <span className={`as-tag as-tag-${r.urgency}`}>{URGENCY_LABEL[r.urgency]}</span>
                </p>
                <ul>
                  {r.because.map((b) => (
                    <li key={b}>{distanceText(b)}</li>
                  ))}
                </ul>
                <details>
                  <summary>Why this matters</summary>
                  <p>{referralRule(r.id)?.explanation}</p>
                </details>
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="as-pattern-title">
        <h3 id="as-pattern-title">Exertional calf overload pattern</h3>
        <p>
          <span className={`as-tag as-fit-${pattern.fit}`}>{FIT_LABEL[pattern.fit]}</span>
        </p>
        <details>
          <summary>What the pattern is</summary>
          <p>{PATTERN_RULE.explanation}</p>
        </details>
      </section>

      <section aria-labelledby="as-factors-title">
        <h3 id="as-factors-title">Likely contributing factors</h3>
        {factors.length === 0 ? (
          <p className="muted">No contributing factor found in the answers so far.</p>
        ) : (
          <ol className="as-factors">
            {factors.map((f) => {
              const rule = factorRule(f.id)
              return (
                <li key={f.id} data-testid="factor">
                  <p className="as-item-head">
                    <strong>{factorTitle(f.id)}</strong> <span className={`as-tag as-likely-${f.likelihood}`}>{LIKELIHOOD_LABEL[f.likelihood]}</span>
                  </p>
                  <ul>
                    {f.evidence.map((e) => (
                      <li key={e}>{distanceText(e)}</li>
                    ))}
                  </ul>
                  {rule && <p className="as-strength">{STRENGTH_NOTE[rule.evidenceStrength]}</p>}
                </li>
              )
            })}
          </ol>
        )}
      </section>

      <section aria-labelledby="as-recs-title">
        <h3 id="as-recs-title">What to do</h3>
        <ol className="as-recs">
          {recommendations.map((r) => (
            <li key={r.id}>
              <strong>{r.title}</strong>
              <p className="as-dose">{r.dose}</p>
            </li>
          ))}
        </ol>
      </section>

      {missing.length > 0 && (
        <section aria-labelledby="as-missing-title">
          <h3 id="as-missing-title">Would sharpen this picture</h3>
          <ul className="as-missing">
            {missing.slice(0, MISSING_SHOWN).map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
          {missing.length > MISSING_SHOWN && (
            <details>
              <summary>{missing.length - MISSING_SHOWN} more</summary>
              <ul className="as-missing">
                {missing.slice(MISSING_SHOWN).map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </details>
          )}
        </section>
      )}
    </div>
  )
}
