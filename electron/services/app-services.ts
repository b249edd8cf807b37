import type { ApiMethod } from '../../shared/api/contract'
import type { DialogPort, PdfPort, ServiceContext, ShellPort } from './context'
import { Database } from './store/database'
import type { FileOps } from './store/file-ops'
import { WriteCoordinator } from './store/write-coordinator'

export interface AppServicesOptions {
  dataDir: string
  dialogs: DialogPort
  shell: ShellPort
  pdf: PdfPort
  now?: () => Date
  ops?: FileOps
  /** Load athlete files in the background after the index (the app does; unit tests need not). */
  background?: boolean
}

/** Calls that only need the squad index answer before athlete files are loaded. */
const INDEX_ONLY: ReadonlySet<ApiMethod> = new Set<ApiMethod>(['getSquad', 'updateSettings', 'createGroup', 'renameGroup'])

/**
 * Everything the handlers need, as plain Node objects: main builds one with Electron's dialogs and
 * shell; tests and the e2e harness build one with fakes over a temp folder.
 */
export class AppServices implements ServiceContext {
  db!: Database
  /** Orders saves against restore, import, migrations and backups; outlives every reopen. */
  readonly writes = new WriteCoordinator()
  readonly now: () => Date
  readonly dialogs: DialogPort
  readonly shell: ShellPort
  readonly pdf: PdfPort

  private constructor(private readonly options: AppServicesOptions) {
    this.now = options.now ?? (() => new Date())
    this.dialogs = options.dialogs
    this.shell = options.shell
    this.pdf = options.pdf
  }

  static async open(options: AppServicesOptions): Promise<AppServices> {
    const services = new AppServices(options)
    await services.reopen()
    return services
  }

  /** What the dispatcher awaits before a call: nothing for index-only calls, the athlete files otherwise. */
  readyFor(method: ApiMethod): Promise<void> | undefined {
    return INDEX_ONLY.has(method) ? undefined : this.db.athletesReady
  }

  /** Reloads the data folder from disk (after a restore or import); earlier notices are kept. */
  async reopen(): Promise<void> {
    const previous = this.db
    await previous?.flush()
    this.db = await Database.open({
      dataDir: this.options.dataDir,
      now: this.now,
      background: this.options.background ?? false,
      coordinator: this.writes,
      ...(this.options.ops ? { ops: this.options.ops } : {}),
    })
    if (previous) this.db.notices.unshift(...previous.notices)
  }
}
