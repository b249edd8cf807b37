import { useCallback, useEffect, useRef, useState } from 'react'
import type { AssessmentComparison, SavedAssessment } from '../../../../shared/api/channels/assessments'
import { call } from '../../api'
import { useAppData } from '../../app-data'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { useToast } from '../../components/Toasts'
import { longDate } from '../../dates'
import type { AthleteTabProps } from '../athlete/tabs'
import { AssessmentEditor } from './AssessmentEditor'
import { redFlagGapText } from './labels'
import { AssessmentList, Comparison } from './SavedAssessments'
import './assessment.css'

const NO_ASSESSMENTS: readonly SavedAssessment[] = []

type Mode = { kind: 'list' } | { kind: 'new' } | { kind: 'edit'; record: SavedAssessment }

/** The athlete's "Assessment" tab: saved assessments with the latest two compared, and the assessment form. */
export function AssessmentTab({ athlete }: AthleteTabProps) {
  const { status } = useAppData()
  const [assessments, setAssessments] = useState<SavedAssessment[] | null>(null)
  const [comparison, setComparison] = useState<AssessmentComparison | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [mode, setMode] = useState<Mode>({ kind: 'list' })
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const [deleting, setDeleting] = useState<SavedAssessment | null>(null)
  const newButton = useRef<HTMLButtonElement>(null)
  const notify = useToast()
  const readOnly = Boolean(status?.readOnlyReason) || Boolean(status?.lockedAthleteIds.includes(athlete.id))

  const reload = useCallback(async () => {
    try {
      const [list, latestTwo] = await Promise.all([
        call('listAssessments', { athleteId: athlete.id }),
        call('compareLatest', { athleteId: athlete.id }),
      ])
      setAssessments(list)
      setComparison(latestTwo)
      setLoadError(null)
    } catch (error) {
      setLoadError((error as Error).message)
    }
  }, [athlete.id])

  useEffect(() => {
    setAssessments(null)
    setMode({ kind: 'list' })
    void reload()
  }, [reload])

  const closeDelete = useCallback(() => setDeleting(null), [])
  const backToList = useCallback(() => {
    setMode({ kind: 'list' })
    requestAnimationFrame(() => newButton.current?.focus())
  }, [])

  if (mode.kind !== 'list') {
    return (
      <AssessmentEditor
        key={mode.kind === 'edit' ? mode.record.id : 'new'}
        athlete={athlete}
        existing={mode.kind === 'edit' ? mode.record : null}
        others={assessments ?? NO_ASSESSMENTS}
        readOnly={readOnly}
        onCancel={backToList}
        onSaved={async (saved) => {
          const gaps = saved.diagnosis.redFlagScreen?.complete === false ? `; ${redFlagGapText(saved.diagnosis).toLowerCase()}` : ''
          notify({ text: `Assessment of ${longDate(saved.date)} saved (triage ${saved.diagnosis.triage.toUpperCase()}${gaps}).` })
          await reload()
          backToList()
        }}
      />
    )
  }

  if (loadError && !assessments) {
    return (
      <p className="form-error" role="alert">
        Could not load {athlete.name}’s assessments: {loadError}
      </p>
    )
  }
  if (!assessments) return <p>Loading assessments…</p>

  return (
    <div className="as-tab">
      <div role="status" className="as-status">
        {message && <p className={message.kind === 'ok' ? 'ok' : 'form-error'}>{message.text}</p>}
      </div>
      <section className="panel" aria-labelledby="as-saved-title">
        <div className="toolbar">
          <h2 id="as-saved-title">Saved assessments</h2>
          <span className="spacer" />
          <button
            ref={newButton}
            type="button"
            data-shortcut="new-assessment"
            className="primary"
            disabled={readOnly}
            onClick={() => {
              setMessage(null)
              setMode({ kind: 'new' })
            }}
          >
            New assessment
          </button>
        </div>
        {readOnly && <p className="muted">This record is read-only right now, so assessments cannot be added or changed.</p>}
        <AssessmentList
          assessments={assessments}
          readOnly={readOnly}
          onEdit={(record) => {
            setMessage(null)
            setMode({ kind: 'edit', record })
          }}
          onDelete={setDeleting}
        />
      </section>
      {comparison ? (
        <Comparison comparison={comparison} assessments={assessments} />
      ) : (
        assessments.length === 1 && <p className="muted">Save a second assessment to see what really changed between the two.</p>
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete the assessment of ${longDate(deleting.date)}?`}
          confirmLabel="Delete assessment"
          onCancel={closeDelete}
          onConfirm={async () => {
            const target = deleting
            setDeleting(null)
            try {
              await call('deleteAssessment', { athleteId: athlete.id, id: target.id })
              notify({
                text: `Assessment of ${longDate(target.date)} deleted.`,
                undo: async () => {
                  // Saved again as a new record with the same date, answers and note.
                  await call('saveAssessment', { athleteId: athlete.id, date: target.date, input: target.input, note: target.note })
                  await reload()
                },
              })
            } catch (error) {
              setMessage({ kind: 'error', text: (error as Error).message })
            }
            await reload()
          }}
        >
          <p>The answers, result and note of this assessment are removed. You can undo this from the notice that follows.</p>
        </ConfirmDialog>
      )}
    </div>
  )
}
