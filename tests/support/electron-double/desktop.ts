import type { DoubleState } from './state'
import { BrowserWindowDouble } from './window'

/** `electron.dialog`, `electron.shell` and `electron.Menu`: recorded, answered from `answers` where they ask. */

export class MenuDouble {
  constructor(readonly template: unknown[] = []) {}
}

/** `electron.dialog` of one double: each call takes the next queued answer from `answers`, else a cancel (message box: button 0). */
export function dialogModule(state: DoubleState) {
  const parentAndOptions = (args: unknown[]) => (args[0] instanceof BrowserWindowDouble ? args[1] : args[0]) as Record<string, unknown>
  return {
    async showSaveDialog(...args: unknown[]) {
      state.record('dialog.showSaveDialog', [parentAndOptions(args)])
      return state.answers.save.shift() ?? { canceled: true, filePath: '' }
    },
    async showOpenDialog(...args: unknown[]) {
      state.record('dialog.showOpenDialog', [parentAndOptions(args)])
      return state.answers.open.shift() ?? { canceled: true, filePaths: [] }
    },
    async showMessageBox(...args: unknown[]) {
      state.record('dialog.showMessageBox', [parentAndOptions(args)])
      return state.answers.messageBox.shift() ?? { response: 0, checkboxChecked: false }
    },
    showErrorBox(title: string, content: string) {
      state.record('dialog.showErrorBox', [title, content])
      state.errorBoxes.push({ title, content })
    },
  }
}

/** `electron.shell` of one double: nothing is opened, only recorded. */
export function shellModule(state: DoubleState) {
  return {
    async openExternal(target: string, opts?: Record<string, unknown>) {
      if (typeof target !== 'string') throw new TypeError('openExternal expects a URL string')
      state.record('shell.openExternal', [target, opts])
    },
    async openPath(target: string) {
      state.record('shell.openPath', [target])
      return ''
    },
    showItemInFolder(target: string) {
      state.record('shell.showItemInFolder', [target])
    },
  }
}

/** `electron.Menu` of one double. */
export function menuModule(state: DoubleState) {
  let applicationMenu: MenuDouble | null = null
  return Object.assign(MenuDouble, {
    buildFromTemplate(template: unknown[]) {
      state.record('Menu.buildFromTemplate', [template])
      return new MenuDouble(template)
    },
    setApplicationMenu(menu: MenuDouble | null) {
      state.record('Menu.setApplicationMenu', [menu])
      applicationMenu = menu
    },
    getApplicationMenu() {
      return applicationMenu
    },
  })
}
