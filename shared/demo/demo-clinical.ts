// The demo squad's clinical side lives in three files so each can follow its own feature.
export { demoAssessments } from './demo-assessments'
export { demoPlans } from './demo-plans'
export { demoClearances, demoReadinessTests, demoStoppedRunningOn } from './demo-clearances'
