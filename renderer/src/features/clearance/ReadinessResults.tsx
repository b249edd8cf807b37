import type { JudgedReadinessTest } from '../../../../shared/api/channels/clinical'
import { tableDate } from '../../dates'

/** Recorded readiness tests, newest first, each with main's verdict check by check (never judged here). */
export function ReadinessResults({ tests }: { tests: readonly JudgedReadinessTest[] }) {
  if (tests.length === 0) return <p className="muted">No readiness test recorded yet.</p>
  return (
    <ol className="readiness-results" aria-label="Readiness tests, newest first">
      {tests.map(({ test, result }, i) => (
        <li key={`${test.date}-${i}`} data-testid="readiness-result" data-passed={result.passed}>
          <p>
            <strong>{tableDate(test.date)}</strong>{' '}
            <span className={`badge ${result.passed ? 'badge-green' : 'badge-amber'}`}>{result.passed ? 'Passed: walk–run may start' : 'Not passed yet'}</span>
          </p>
          <ul className="readiness-checks">
            {result.checks.map((c) => (
              <li key={c.id} data-check={c.id} data-passed={c.passed}>
                <span aria-hidden="true">{c.passed ? '✓' : '✗'}</span> <span className="sr-only">{c.passed ? 'Passed:' : 'Not passed:'}</span> {c.text}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  )
}
