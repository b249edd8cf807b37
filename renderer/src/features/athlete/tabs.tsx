import type { ReactNode } from 'react'
import type { Athlete, Group, Settings } from '../../../../shared/domain/squad'
import { ProfileTab } from './ProfileTab'
import { RunsTab } from '../log/RunsTab'
import { AssessmentTab } from '../assessment/AssessmentTab'
import { PlanTab } from '../plan/PlanTab'

export interface AthleteTabProps {
  athlete: Athlete
  groups: Group[]
  settings: Settings
}

export interface AthleteTab {
  id: string
  label: string
  render(props: AthleteTabProps): ReactNode
}

/** The athlete page's tabs, in order. Each feature adds its own entry here. */
export const athleteTabs: AthleteTab[] = [
  { id: 'profile', label: 'Profile', render: (p) => <ProfileTab {...p} /> },
  { id: 'runs', label: 'Runs & pain', render: (p) => <RunsTab {...p} /> },
  { id: 'assessment', label: 'Assessment', render: (p) => <AssessmentTab {...p} /> },
  { id: 'plan', label: 'Plan', render: (p) => <PlanTab {...p} /> },
]
