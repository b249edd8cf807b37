import { useCallback, useEffect, useRef, useState } from 'react'

/**
 * Moves the focus to an element by id once React has committed the render that (re)creates it, e.g. a
 * row's Edit button after leaving edit mode. A requestAnimationFrame can run before that commit on a
 * busy machine and silently lose the focus; an effect cannot.
 */
export function useFocusAfterCommit(): (elementId: string) => void {
  const pending = useRef<string | null>(null)
  const [, requestCommit] = useState(0)
  useEffect(() => {
    if (!pending.current) return
    const element = document.getElementById(pending.current)
    if (element) {
      element.focus()
      pending.current = null
    }
  })
  return useCallback((elementId: string) => {
    pending.current = elementId
    requestCommit((n) => n + 1)
  }, [])
}
