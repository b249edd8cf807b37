// The demo squad's clinical side lives in two files so each can follow its own feature.
export { demoAssessments } from './demo-assessments'
export { demoPlans } from './demo-plans'
