import type { ReactNode } from 'react'
import type { Route } from '../route'

/** Top-level screens added by features (triage board, print routes), kept out of App.tsx. */
export const navItems: { name: string; label: string }[] = []

export function extraRoutes(_route: Route): ReactNode | null {
  return null
}
