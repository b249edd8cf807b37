import type { ReactNode } from 'react'
import type { Athlete, Group, Settings } from '../../../../shared/domain/squad'
import { lazyComponent } from '../../components/lazy'
import { ProfileTab } from './ProfileTab'

// Charts, the assessment form and the plan builder load when their tab is first opened.
const RunsTab = lazyComponent(async () => (await import('../log/RunsTab')).RunsTab, 'the run log')
const AssessmentTab = lazyComponent(async () => (await import('../assessment/AssessmentTab')).AssessmentTab, 'the assessment')
const PlanTab = lazyComponent(async () => (await import('../plan/PlanTab')).PlanTab, 'the plan')
const OverviewTab = lazyComponent(async () => (await import('../overview/OverviewTab')).OverviewTab, 'the overview')
const CalendarTab = lazyComponent(async () => (await import('../calendar/CalendarTab')).CalendarTab, 'the calendar')
const ReferralsTab = lazyComponent(async () => (await import('../clearance/ReferralsTab')).ReferralsTab, 'the referrals')

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
  { id: 'overview', label: 'Overview', render: (p) => <OverviewTab {...p} /> },
  { id: 'profile', label: 'Profile', render: (p) => <ProfileTab {...p} /> },
  { id: 'runs', label: 'Runs & pain', render: (p) => <RunsTab {...p} /> },
  { id: 'calendar', label: 'Calendar', render: (p) => <CalendarTab {...p} /> },
  { id: 'assessment', label: 'Assessment', render: (p) => <AssessmentTab {...p} /> },
  { id: 'referrals', label: 'Referrals', render: (p) => <ReferralsTab {...p} /> },
  { id: 'plan', label: 'Plan', render: (p) => <PlanTab {...p} /> },
]
