import { useState } from 'react'
import type { PlanRecord } from '../../../../shared/domain/documents'
import { call } from '../../api'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { RowActions, TableHead } from '../../components/Table'
import { useToast } from '../../components/Toasts'
import { datesInText } from '../../dates'
import { RecordAuthor } from '../athlete/record-authors'
import { stampText } from './format'

/**
 * The athlete's saved plans, newest first: view one, make one active, or delete one. A deleted plan can be
 * brought back with Undo on the notice that follows (main keeps it until CalfCoach closes), like a run.
 */
export function PlanHistory({
  athleteId,
  plans,
  shownId,
  locked,
  onShow,
  onChanged,
  onError,
}: {
  athleteId: string
  plans: readonly PlanRecord[]
  shownId: string | null
  locked: boolean
  onShow(planId: string): void
  onChanged(rec: PlanRecord | null): Promise<void>
  onError(error: unknown): void
}) {
  const notify = useToast()
  const [deleting, setDeleting] = useState<PlanRecord | null>(null)
  const label = (p: PlanRecord) => datesInText(p.label)

  const remove = async (plan: PlanRecord) => {
    setDeleting(null)
    try {
      await call('deletePlan', { athleteId, planId: plan.id })
      await onChanged(null)
      notify({
        text: `Plan “${label(plan)}” deleted.`,
        undo: async () => {
          const back = await call('restorePlan', { athleteId, planId: plan.id })
          await onChanged(back)
        },
      })
    } catch (error) {
      onError(error)
    }
  }

  return (
    <section aria-labelledby="plan-history-title" className="plan-history">
      <h3 id="plan-history-title">Plan history</h3>
      <table>
        <caption className="sr-only">Saved plans, newest first</caption>
        <TableHead columns={['Plan', 'Made', 'Weeks', 'Status']} actions />
        <tbody>
          {plans.map((p) => (
            <tr key={p.id} aria-current={shownId === p.id ? 'true' : undefined} data-testid="plan-history-row">
              <td>{label(p)}</td>
              <td>{stampText(p.createdAt)}</td>
              <td>{p.output.status === 'ok' ? p.output.weeks.length : '—'}</td>
              <td>
                {p.active ? 'Active' : 'Earlier version'}
                {p.output.status === 'refer-first' ? ' · refer first' : ''}
                {p.editedAt ? ' · edited' : ''}
                <RecordAuthor id={p.id} />
              </td>
              <RowActions>
                {shownId !== p.id && (
                  <button type="button" aria-label={`View ${label(p)}`} onClick={() => onShow(p.id)}>
                    View
                  </button>
                )}
                {!p.active && (
                  <button
                    type="button"
                    disabled={locked}
                    aria-label={`Make ${label(p)} the active plan`}
                    onClick={() =>
                      void call('setActivePlan', { athleteId, planId: p.id })
                        .then((rec) => onChanged(rec))
                        .catch(onError)
                    }
                  >
                    Make active
                  </button>
                )}
                <button type="button" className="danger" disabled={locked} aria-label={`Delete ${label(p)}`} onClick={() => setDeleting(p)}>
                  Delete
                </button>
              </RowActions>
            </tr>
          ))}
        </tbody>
      </table>
      {deleting && (
        <ConfirmDialog title={`Delete the plan “${label(deleting)}”?`} confirmLabel="Delete plan" onCancel={() => setDeleting(null)} onConfirm={() => void remove(deleting)}>
          <p>
            Its weeks, hand edits and PDF are removed{deleting.active ? ', and the athlete has no active plan until you make one active' : ''}. You can undo
            this from the notice that follows.
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}
