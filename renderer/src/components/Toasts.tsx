import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react'

export interface ToastInput {
  /** What just happened, in a short sentence: "Deleted the run on 7 December 2026." */
  text: string
  kind?: 'ok' | 'error'
  /** Puts things back as they were; offered as an Undo button while the notice is shown. */
  undo?: () => Promise<void>
}

interface Toast extends ToastInput {
  id: number
  state: 'shown' | 'undoing' | 'undone' | 'undo-failed'
  detail?: string
}

type Notify = (toast: ToastInput) => void

const ToastContext = createContext<Notify>(() => {})

/**
 * How long a notice stays; it stays longer while the pointer is on one of its buttons or the keyboard
 * focus is in it (the text lets the pointer through to the page, see .toasts in styles.css).
 */
const SHOW_MS = 9000
const MAX_TOASTS = 3

/**
 * Small notices after every save, edit, archive and delete, in a live region so screen readers hear them
 * too. A notice with `undo` offers Undo until it goes; nothing is undone behind the coach's back.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([])
  const nextId = useRef(1)
  const notify = useCallback<Notify>((toast) => {
    const id = nextId.current++
    setToasts((list) => [...list, { ...toast, id, state: 'shown' as const }].slice(-MAX_TOASTS))
  }, [])
  const update = useCallback((id: number, patch: Partial<Toast>) => setToasts((list) => list.map((t) => (t.id === id ? { ...t, ...patch } : t))), [])
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), [])
  return (
    <ToastContext.Provider value={notify}>
      {children}
      <div className="toasts" role="status" aria-live="polite" data-testid="toasts">
        {toasts.map((t) => (
          <ToastItem key={t.id} toast={t} onDismiss={() => dismiss(t.id)} onUpdate={(patch) => update(t.id, patch)} />
        ))}
      </div>
    </ToastContext.Provider>
  )
}

function ToastItem({ toast, onDismiss, onUpdate }: { toast: Toast; onDismiss(): void; onUpdate(patch: Partial<Toast>): void }) {
  const [held, setHeld] = useState(false)
  useEffect(() => {
    if (held || toast.state === 'undoing') return
    const timer = window.setTimeout(onDismiss, SHOW_MS)
    return () => window.clearTimeout(timer)
  }, [held, toast.state, onDismiss])
  const text = toast.state === 'undone' ? `Undone: ${toast.text}` : toast.text
  return (
    <div
      className={`toast toast-${toast.kind ?? 'ok'}`}
      data-testid="toast"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <span>
        {text}
        {toast.detail && <span className="toast-detail"> {toast.detail}</span>}
      </span>
      {toast.undo && toast.state !== 'undone' && (
        <button
          type="button"
          className="link"
          disabled={toast.state === 'undoing'}
          onClick={async () => {
            onUpdate({ state: 'undoing' })
            try {
              await toast.undo?.()
              onUpdate({ state: 'undone', detail: '' })
            } catch (error) {
              onUpdate({ state: 'undo-failed', kind: 'error', detail: `Could not undo: ${(error as Error).message}` })
            }
          }}
        >
          Undo
        </button>
      )}
      <button type="button" className="link toast-close" aria-label="Dismiss notice" onClick={onDismiss}>
        ×
      </button>
    </div>
  )
}

/** Shows a small notice: `notify({ text, undo })`. */
export function useToast(): Notify {
  return useContext(ToastContext)
}

