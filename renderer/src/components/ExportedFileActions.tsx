import { useState } from 'react'
import { call } from '../api'
import '../features/report/report.css'

/**
 * "Open" and "Show in folder" for a file CalfCoach has just exported. Main opens only files it exported in
 * this session (see electron/services/report/exported-files.ts); anything it refuses is said here.
 */
export function ExportedFileActions({ path }: { path: string }) {
  const [problem, setProblem] = useState<string | null>(null)
  const act = async (how: 'open' | 'show') => {
    setProblem(null)
    try {
      await call('openExportedFile', { path, how })
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error))
    }
  }
  return (
    <span className="export-actions" data-testid="export-actions">
      <button type="button" onClick={() => void act('open')}>
        Open
      </button>
      <button type="button" onClick={() => void act('show')}>
        Show in folder
      </button>
      {problem && (
        <span role="alert" className="error">
          {problem}
        </span>
      )}
    </span>
  )
}

/** The result line after an export: what happened and, when a file was written, the buttons to reach it. */
export function ExportResult({ text, path, error = false }: { text: string; path?: string | null; error?: boolean }) {
  return (
    <p role={error ? 'alert' : 'status'} className={error ? 'error' : 'ok'}>
      {text}
      {path && <ExportedFileActions path={path} />}
    </p>
  )
}
