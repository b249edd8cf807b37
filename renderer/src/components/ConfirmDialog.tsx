import type { ReactNode } from 'react'
import { Modal } from './Modal'

/**
 * Asks before something that cannot easily be undone: the explanation, then a way back and the
 * dangerous action. Escape does what the way-back button does.
 */
export function ConfirmDialog({
  title,
  confirmLabel,
  cancelLabel = 'Cancel',
  onConfirm,
  onCancel,
  children,
}: {
  title: string
  confirmLabel: string
  cancelLabel?: string
  onConfirm(): void | Promise<void>
  onCancel(): void
  /** The explanation, and any error from a failed attempt. */
  children: ReactNode
}) {
  return (
    <Modal title={title} onClose={onCancel}>
      {children}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="button" className="danger" onClick={() => void onConfirm()}>
          {confirmLabel}
        </button>
      </div>
    </Modal>
  )
}
