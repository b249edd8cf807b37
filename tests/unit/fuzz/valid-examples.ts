/**
 * A valid payload for each API method, for the IPC fuzzer (ipc-fuzz.test.ts): each one is called as is,
 * then mutated into hostile variants. Ids come from the records the fuzzer seeds in its beforeAll.
 * Unknown (newer) methods fall back to generic junk only.
 */
import { generateDemoSquad } from '../../../shared/demo/demo-squad'
import { draft } from '../../support/temp'

/** Ids of seeded records, for the valid examples. Filled in beforeAll. */
export const seed = {
  ada: '',
  bea: '',
  sam: '',
  group: '',
  spareGroup: '',
  runId: '',
  backupId: '',
  assessmentId: '',
  planId: '',
}

/** Realistic nested inputs (an assessment, a plan request) taken from the generated demo club. */
const demo = (() => {
  const squad = generateDemoSquad(new Date())
  const withAssessment = squad.athletes.find((a) => a.assessments.length > 0)
  const withPlan = squad.athletes.find((a) => a.plans.length > 0)
  return { assessmentInput: withAssessment?.assessments[0]?.input, planRequest: withPlan?.plans[0]?.request }
})()

const run = () => ({ date: '2025-04-02', distanceKm: 10.5, durationSec: 3600, painDuring: 1, painAfter: 2, surface: 'road', notes: 'easy' })

export const VALID: Record<string, () => unknown> = {
  getAppStatus: () => undefined,
  dismissNotice: () => ({ id: 'n1' }),
  takeOverDataFolder: () => undefined,
  getSquad: () => undefined,
  createAthlete: () => draft('Fuzz Newcomer', { email: 'new@example.org', phone: '+44 20 7946 0000', notes: 'from the fuzzer' }),
  updateAthlete: () => ({ id: seed.ada, draft: draft('Ada Fuzz', { groupIds: [seed.group], trainingStatus: 'rehab' }) }),
  setAthleteArchived: () => ({ id: seed.bea, archived: true }),
  deleteAthlete: () => ({ id: seed.sam, confirmName: 'Sacrificial Sam' }),
  createGroup: () => ({ name: 'Intervals' }),
  renameGroup: () => ({ id: seed.group, name: 'Tempo runs' }),
  deleteGroup: () => ({ id: seed.spareGroup }),
  updateSettings: () => ({ distanceUnit: 'mi', coachName: 'Coach Fuzz' }),
  loadDemoSquad: () => undefined,
  removeDemoSquad: () => undefined,
  backupNow: () => undefined,
  listBackups: () => undefined,
  restoreBackup: () => ({ id: seed.backupId }),
  exportDatabase: () => undefined,
  importDatabase: () => undefined,
  openExternal: () => ({ url: 'https://example.org/calf-raise' }),
  getAthleteRecord: () => ({ athleteId: seed.ada }),
  addRun: () => ({ athleteId: seed.ada, run: run() }),
  updateRun: () => ({ athleteId: seed.ada, runId: seed.runId, run: run() }),
  deleteRun: () => ({ athleteId: seed.ada, runId: seed.runId }),
  addRunsForGroup: () => ({ date: '2025-04-03', entries: [{ athleteId: seed.ada, distanceKm: 6 }, { athleteId: seed.bea, distanceKm: 7, painDuring: 3 }] }),
  previewRunImport: () => ({ athleteId: seed.ada }),
  commitRunImport: () => ({ token: '00000000-0000-4000-8000-000000000000', rowNumbers: [0, 1] }),
  getSquadTriage: () => ({ today: '2025-06-01' }),
  getSquadBoard: () => ({ today: '2025-06-01' }),
  exportRunsCsv: () => ({ athleteId: seed.ada }),
  listAssessments: () => ({ athleteId: seed.ada }),
  saveAssessment: () => ({ athleteId: seed.ada, date: '2025-04-01', input: demo.assessmentInput, note: 'fuzz' }),
  deleteAssessment: () => ({ athleteId: seed.ada, id: seed.assessmentId }),
  diagnoseDraft: () => ({ input: demo.assessmentInput, athleteId: seed.ada }),
  compareLatest: () => ({ athleteId: seed.ada }),
  previewPlan: () => ({ athleteId: seed.ada, request: demo.planRequest }),
  savePlan: () => ({ athleteId: seed.ada, label: 'Fuzz plan', request: demo.planRequest }),
  listPlans: () => ({ athleteId: seed.ada }),
  getPlan: () => ({ athleteId: seed.ada, planId: seed.planId }),
  setActivePlan: () => ({ athleteId: seed.ada, planId: seed.planId }),
  deletePlan: () => ({ athleteId: seed.ada, planId: seed.planId }),
  restorePlan: () => ({ athleteId: seed.ada, planId: seed.planId }),
  regeneratePlan: () => ({ athleteId: seed.ada }),
  planDefaults: () => ({ athleteId: seed.ada }),
  exportPlanPdf: () => ({ athleteId: seed.ada, planId: seed.planId }),
  getPrintData: () => ({ athleteId: seed.ada, planId: seed.planId }),
  recordClearance: () => ({ athleteId: seed.ada, referralId: 'suspected-dvt', date: '2025-04-02', clearedBy: { role: 'doctor', name: 'Dr Fuzz' }, outcome: 'cleared' }),
  listClearances: () => ({ athleteId: seed.ada }),
  getClinicalState: () => ({ athleteId: seed.ada }),
  recordReadinessTest: () => ({
    athleteId: seed.ada,
    date: '2025-04-03',
    walk30MinPainFree: true,
    singleLegHops: 12,
    hopPain: 1,
    singleLegHeelRaises: { left: 26, right: 27 },
    heelRaisePain: 0,
  }),
  listReadinessTests: () => ({ athleteId: seed.ada }),
  getSquadReport: () => ({ groupId: seed.group }),
  exportSquadReportPdf: () => ({ groupId: null }),
  exportSquadRunsCsv: () => ({ groupId: null, from: '2025-03-01', to: '2025-04-30' }),
  // Never exported in the fuzzed session, so every such call must be refused (the guard under fuzzing).
  openExportedFile: () => ({ path: '/tmp/calfcoach-fuzz-not-exported.pdf', how: 'open' }),
  getSquadWeek: () => ({ weekStart: '2025-03-31', groupId: null }),
  searchRecords: () => ({ query: 'easy' }),
}
