import { useCallback, useState } from 'react'
import type { CsvMappingInput, ReadyImportPreview } from '../../../../shared/api/channels/runs'
import type { DistanceUnit } from '../../../../shared/units'
import { call } from '../../api'
import { FormError } from '../../components/FormError'
import { Modal } from '../../components/Modal'
import { MAPPING_FIELDS, guessMapping } from './csv-mapping'
import { choiceCount, ImportPreviewTable, type PreviewChoices } from './ImportPreviewTable'
import { ImportReadingProgress } from './ImportReadingProgress'

/** The import cannot be interrupted half-way, so its progress dialog has nothing to close. */
const noop = () => undefined

const FORMAT_LABELS: Record<ReadyImportPreview['format'], string> = {
  fit: 'FIT activity file',
  gpx: 'GPX track',
  tcx: 'TCX activity file',
  'strava-csv': 'Strava activities export (CSV)',
  csv: 'CSV table',
  mixed: 'Activity files of more than one kind',
}

/** Ready rows start ticked (main decides which); the athlete's notes come along; pain onsets wait for the coach. */
function defaultChoices(p: ReadyImportPreview): PreviewChoices {
  return { selected: new Set(p.rows.filter((r) => r.preselected).map((r) => r.rowNumber)), dropNotes: new Set(), acceptOnset: new Set(), notShown: 'preselected' }
}

type Stage =
  | { kind: 'idle' }
  | { kind: 'choosing'; progressId: string }
  | { kind: 'preview'; preview: ReadyImportPreview; choices: PreviewChoices; mapping: CsvMappingInput | null; showMapping: boolean; busy: boolean; error: string | null }
  | { kind: 'importing'; preview: ReadyImportPreview; count: number }
  | { kind: 'done'; fileName: string; added: number; skippedDuplicates: number; skippedInvalid: number }

/** "Import runs…": choose a file in main's dialog, check the preview (and the columns of a generic CSV), pick rows, import. */
export function ImportRuns({ athleteId, unit, disabled, onImported }: { athleteId: string; unit: DistanceUnit; disabled?: boolean; onImported(): Promise<void> }) {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' })
  const [error, setError] = useState<string | null>(null)

  async function choose() {
    setError(null)
    const progressId = crypto.randomUUID()
    setStage({ kind: 'choosing', progressId })
    try {
      const result = await call('previewRunImport', { athleteId, progressId })
      if (result.status === 'cancelled') return setStage({ kind: 'idle' })
      setStage({
        kind: 'preview',
        preview: result,
        choices: defaultChoices(result),
        mapping: result.csvHeaders && result.format === 'csv' ? guessMapping(result.csvHeaders, unit) : null,
        showMapping: result.needsMapping,
        busy: false,
        error: null,
      })
    } catch (e) {
      setError((e as Error).message)
      setStage({ kind: 'idle' })
    }
  }

  async function remap(current: Extract<Stage, { kind: 'preview' }>) {
    if (!current.mapping) return
    if (!current.mapping.date || !current.mapping.distance) {
      setStage({ ...current, error: 'Choose the date column and the distance column.' })
      return
    }
    setStage({ ...current, busy: true, error: null })
    try {
      const result = await call('previewRunImport', { athleteId, token: current.preview.token, csvMapping: current.mapping })
      if (result.status === 'cancelled') return
      setStage({ ...current, preview: result, choices: defaultChoices(result), showMapping: result.rows.length === 0, busy: false, error: null })
    } catch (e) {
      setStage({ ...current, busy: false, error: (e as Error).message })
    }
  }

  async function commit(current: Extract<Stage, { kind: 'preview' }>) {
    const { selected, dropNotes, acceptOnset, notShown } = current.choices
    const rowNumbers = [...selected]
    setStage({ kind: 'importing', preview: current.preview, count: choiceCount(current.preview, current.choices) })
    try {
      const res = await call('commitRunImport', {
        token: current.preview.token,
        rowNumbers,
        withoutNotes: [...dropNotes].filter((n) => selected.has(n)),
        painOnsetRows: [...acceptOnset].filter((n) => selected.has(n)),
        rowsNotShown: notShown,
      })
      setStage({ kind: 'done', fileName: current.preview.fileName, added: res.added, skippedDuplicates: res.skippedDuplicates, skippedInvalid: res.skippedInvalid })
      await onImported()
    } catch (e) {
      setStage({ ...current, busy: false, error: (e as Error).message })
    }
  }

  const close = useCallback(() => setStage({ kind: 'idle' }), [])

  return (
    <>
      <button type="button" onClick={() => void choose()} disabled={disabled || stage.kind === 'choosing'}>
        {stage.kind === 'choosing' ? 'Choosing a file…' : 'Import runs…'}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {stage.kind === 'choosing' && <ImportReadingProgress progressId={stage.progressId} />}
      {stage.kind === 'preview' && <PreviewDialog stage={stage} unit={unit} onChange={setStage} onRemap={remap} onCommit={commit} onClose={close} />}
      {stage.kind === 'importing' && (
        <Modal title={`Importing from ${stage.preview.fileName}`} onClose={noop}>
          <div role="status" aria-live="polite">
            <progress aria-label="Importing runs" className="import-progress" />
            <p>
              Importing {stage.count} {stage.count === 1 ? 'run' : 'runs'} into the log…
            </p>
          </div>
        </Modal>
      )}
      {stage.kind === 'done' && (
        <Modal title="Import finished" onClose={close}>
          <p role="status" data-testid="import-result">
            Added {stage.added} {stage.added === 1 ? 'run' : 'runs'} from {stage.fileName}.
            {stage.skippedDuplicates > 0 && ` ${stage.skippedDuplicates} already in the log (skipped).`}
            {stage.skippedInvalid > 0 && ` ${stage.skippedInvalid} could not be imported.`}
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={close}>
              Close
            </button>
          </div>
        </Modal>
      )}
    </>
  )
}

function PreviewDialog({
  stage,
  unit,
  onChange,
  onRemap,
  onCommit,
  onClose,
}: {
  stage: Extract<Stage, { kind: 'preview' }>
  unit: DistanceUnit
  onChange(next: Stage): void
  onRemap(current: Extract<Stage, { kind: 'preview' }>): Promise<void>
  onCommit(current: Extract<Stage, { kind: 'preview' }>): Promise<void>
  onClose(): void
}) {
  const { preview, mapping } = stage
  const total = choiceCount(preview, stage.choices)
  const c = preview.counts
  return (
    <Modal title={`Import runs from ${preview.fileName}`} onClose={onClose}>
      <p className="muted">
        {preview.rows.length > 0 || preview.csvHeaders ? `${FORMAT_LABELS[preview.format]}. ` : ''}Nothing is saved until you press Import.
      </p>
      {preview.needsMapping && preview.fileProblems.length > 0 && <p>{preview.fileProblems.join(' ')}</p>}
      {preview.fileProblems.length > 0 && !preview.needsMapping && (
        <div className="form-error" role="alert" data-testid="file-problems">
          <strong>Nothing can be imported from this file:</strong>
          <ul>
            {preview.fileProblems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {preview.warnings.length > 0 && (
        <ul className="notice notice-warning import-warnings">
          {preview.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {mapping && preview.csvHeaders && (
        <details open={stage.showMapping} className="mapping" onToggle={(e) => onChange({ ...stage, showMapping: (e.target as HTMLDetailsElement).open })}>
          <summary>Column mapping</summary>
          <form
            aria-label="Column mapping"
            onSubmit={(e) => {
              e.preventDefault()
              void onRemap(stage)
            }}
          >
            <p>Which column holds what? Only the date and the distance are needed.</p>
            <div className="form-grid">
              {MAPPING_FIELDS.map((f) => (
                <div className="field" key={f.key}>
                  <label htmlFor={`map-${f.key}`}>{f.label}</label>
                  <select
                    id={`map-${f.key}`}
                    value={mapping[f.key] ?? ''}
                    onChange={(e) => {
                      const next: CsvMappingInput = { ...mapping }
                      if (e.target.value) next[f.key] = e.target.value
                      else if (f.key === 'date' || f.key === 'distance') next[f.key] = ''
                      else delete next[f.key]
                      onChange({ ...stage, mapping: next })
                    }}
                  >
                    <option value="">{f.required ? 'Choose…' : '(none)'}</option>
                    {preview.csvHeaders!.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
              <div className="field">
                <label htmlFor="map-unit">Distance is in</label>
                <select id="map-unit" value={mapping.distanceUnit} onChange={(e) => onChange({ ...stage, mapping: { ...mapping, distanceUnit: e.target.value as CsvMappingInput['distanceUnit'] } })}>
                  <option value="km">kilometres</option>
                  <option value="mi">miles</option>
                  <option value="m">metres</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor="map-date-format">Dates are written</label>
                <select
                  id="map-date-format"
                  value={mapping.dateFormat ?? 'auto'}
                  onChange={(e) => onChange({ ...stage, mapping: { ...mapping, dateFormat: e.target.value as NonNullable<CsvMappingInput['dateFormat']> } })}
                >
                  <option value="auto">work it out</option>
                  <option value="ymd">year-month-day</option>
                  <option value="dmy">day/month/year</option>
                  <option value="mdy">month/day/year</option>
                </select>
              </div>
            </div>
            <FormError message={stage.error} />
            <div className="actions">
              <button type="submit" disabled={stage.busy}>
                Preview with these columns
              </button>
            </div>
          </form>
        </details>
      )}
      {preview.rows.length > 0 && (
        <>
          <p data-testid="import-counts">
            {c.rows} {c.rows === 1 ? 'row' : 'rows'}: {c.importable} can be imported
            {c.duplicates > 0 && `, ${c.duplicates} already in the log`}
            {c.similar > 0 && `, ${c.similar} look like runs already logged`}
            {c.skipped > 0 && `, ${c.skipped} skipped`}.
          </p>
          <ImportPreviewTable preview={preview} choices={stage.choices} unit={unit} onChange={(choices) => onChange({ ...stage, choices })} />
          {preview.notShown.rows > 0 && (
            <p className="muted" data-testid="import-not-shown">
              Showing the first {preview.rows.length} of {c.rows} rows. Of the {preview.notShown.rows} not shown,{' '}
              {stage.choices.notShown === 'none'
                ? 'none will be imported'
                : stage.choices.notShown === 'importable'
                  ? `all ${preview.notShown.importable} that can be imported will be`
                  : `the ${preview.notShown.preselected} ready ones will be imported (rows with warnings are left out)`}
              ; “select every row” includes every row that can be imported.
            </p>
          )}
        </>
      )}
      {!stage.showMapping && <FormError message={stage.error} />}
      <div className="actions">
        <button type="button" className="primary" disabled={total === 0 || stage.busy} onClick={() => void onCommit(stage)}>
          Import {total} {total === 1 ? 'run' : 'runs'}
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Modal>
  )
}
