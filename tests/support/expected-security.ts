/**
 * The webPreferences every CalfCoach window must set explicitly, written out independently of
 * electron/main/windows.ts so the tests check the code against the requirement, not against itself.
 */
export const SECURE_PREFERENCES = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
} as const
