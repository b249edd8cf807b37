import { type ReactNode, useId } from 'react'

/**
 * A metric's plain name with a short explanation that shows on hover and on keyboard focus (the name can be
 * reached with Tab) and is read by screen readers as the name's description.
 */
export function Explained({ term, children }: { term: string; children: ReactNode }) {
  const id = useId()
  return (
    <span className="explained">
      <span className="explained-term" tabIndex={0} aria-describedby={id}>
        {term}
      </span>
      <span role="tooltip" id={id} className="explained-tip">
        {children}
      </span>
    </span>
  )
}
