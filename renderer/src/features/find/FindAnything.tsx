import { useEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import { Modal } from '../../components/Modal'
import { hrefFor, type Route } from '../../route'
import { QuickSwitcher } from './QuickSwitcher'
import './find.css'

// Keyboard ways in (issue 13 point 9): Ctrl/Cmd+K anywhere, "?" or F1 for the list, and on an athlete's page
// N for a new run and A for a new assessment. Letters never fire while the coach is typing in a field.

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform)
export const FIND_KEYS = isMac ? '⌘ K' : 'Ctrl K'

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return !!el && (el.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName))
}

/** Runs `act` on the first element matching `selector` once the lazily loaded tab has drawn it. */
function whenShown(selector: string, act: (el: HTMLElement) => void, tries = 300): void {
  const el = document.querySelector<HTMLElement>(selector)
  if (el) act(el)
  else if (tries > 0) requestAnimationFrame(() => whenShown(selector, act, tries - 1))
}

function newRun(athleteId: string): void {
  window.location.hash = hrefFor({ name: 'athlete', id: athleteId, tab: 'runs' })
  whenShown('.qa-field input:not([disabled])', (el) => el.focus())
}

function newAssessment(athleteId: string): void {
  window.location.hash = hrefFor({ name: 'athlete', id: athleteId, tab: 'assessment' })
  whenShown('[data-shortcut="new-assessment"]:not([disabled])', (el) => el.click())
}

const SHORTCUTS: [string, string][] = [
  [FIND_KEYS, 'Go to an athlete or a screen, or find words in run notes, assessment notes and plan names'],
  ['N', 'On an athlete’s page: log a new run (Runs & pain)'],
  ['A', 'On an athlete’s page: start a new assessment'],
  ['? or F1', 'This list of shortcuts'],
  ['Esc', 'Close a window like this one'],
]

function ShortcutHelp({ onClose }: { onClose(): void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose}>
      <dl className="shortcut-list">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys} className="shortcut-row">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <div className="actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  )
}

export function FindAnything({ route }: { route: Route }) {
  const [open, setOpen] = useState<'switcher' | 'help' | null>(null)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k') {
        e.preventDefault()
        setOpen('switcher')
        return
      }
      if (open || e.ctrlKey || e.metaKey || e.altKey || document.querySelector('[role="dialog"]')) return
      if (e.key === 'F1' || (e.key === '?' && !typingIn(e.target))) {
        e.preventDefault()
        setOpen('help')
        return
      }
      if (route.name !== 'athlete' || typingIn(e.target) || e.shiftKey) return
      if (e.key === 'n' || e.key === 'a') {
        e.preventDefault()
        ;(e.key === 'n' ? newRun : newAssessment)(route.id)
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [open, route])
  return (
    <>
      <button type="button" className="find-button" onClick={() => setOpen('switcher')} aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}>
        Find… <kbd>{FIND_KEYS}</kbd>
      </button>
      {/* Outside the header, so the dialogs take the page's colours rather than the header's. */}
      {open === 'switcher' && createPortal(<QuickSwitcher onClose={() => setOpen(null)} />, document.body)}
      {open === 'help' && createPortal(<ShortcutHelp onClose={() => setOpen(null)} />, document.body)}
    </>
  )
}
