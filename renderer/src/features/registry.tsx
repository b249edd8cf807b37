import type { ReactNode } from 'react'
import type { Route } from '../route'
import { TriageBoard } from './board/TriageBoard'
import { ChartBench, chartBenchRequested } from './log/charts/ChartBench'
import { PrintPlan } from './plan/PrintPlan'

/** Top-level screens added by features (triage board, print routes), kept out of App.tsx. */
export const navItems: { name: string; label: string }[] = [{ name: 'board', label: 'Triage board' }]

export function extraRoutes(route: Route): ReactNode | null {
  if (chartBenchRequested()) return <ChartBench />
  if (route.name === 'board') return <TriageBoard />
  if (route.name === 'print-plan') return <PrintPlan athleteId={route.athleteId} planId={route.planId} />
  return null
}
