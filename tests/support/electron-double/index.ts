/** The `electron` test double and the helpers that run CalfCoach's BUILT bundles under it. See README.md. */
export { bootMain, type BootedMain, type BootOptions } from './boot'
export { buildGlue, glueTempDir, type GlueBuild } from './build'
export { electronApiFacts, type ElectronApiFacts } from './electron-api'
export { loadBundle, type LoadedBundle, type LoadOptions } from './loader'
export {
  type BrowserWindowDouble,
  type CallRecord,
  createElectronDouble,
  type ElectronDouble,
  type ElectronDoubleOptions,
  type FrameDouble,
  MARKER_PDF,
  validatePrintToPdfOptions,
  type WebContentsDouble,
} from './main'
export { bridgeValue, type PreloadOptions, type PreloadRun, runSandboxedPreload } from './renderer'
