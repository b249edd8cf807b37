import type { ReactNode } from 'react'
import type { Route } from '../route'
import { lazyComponent } from '../components/lazy'
import { TriageBoard } from './board/TriageBoard'
import { chartBenchRequested } from './log/charts/chart-bench-flag'

// Print views and the chart bench load only when asked for.
const ChartBench = lazyComponent(async () => (await import('./log/charts/ChartBench')).ChartBench, 'the chart bench')
const PrintPlan = lazyComponent(async () => (await import('./plan/PrintPlan')).PrintPlan, 'the plan for printing')
const SquadWeekScreen = lazyComponent(async () => (await import('./calendar/SquadWeekScreen')).SquadWeekScreen, 'the squad week')
const PrintSquadReport = lazyComponent(async () => (await import('./report/PrintSquadReport')).PrintSquadReport, 'the squad report for printing')

/** Top-level screens added by features (triage board, print routes), kept out of App.tsx. */
export const navItems: { name: string; label: string }[] = [
  { name: 'board', label: 'Triage board' },
  { name: 'week', label: 'Squad week' },
]

export function extraRoutes(route: Route): ReactNode | null {
  if (chartBenchRequested()) return <ChartBench />
  if (route.name === 'board') return <TriageBoard />
  if (route.name === 'week') return <SquadWeekScreen />
  if (route.name === 'print-plan') return <PrintPlan athleteId={route.athleteId} planId={route.planId} />
  if (route.name === 'print-squad') return <PrintSquadReport groupId={route.groupId} />
  return null
}
