import { BrowserWindow, dialog } from 'electron'
import type { DialogPort } from '../services/context'

export const electronDialogs: DialogPort = {
  async chooseSavePath({ title, defaultName, filters }) {
    const parent = BrowserWindow.getFocusedWindow()
    const options = { title, defaultPath: defaultName, filters }
    const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options)
    return result.canceled || !result.filePath ? null : result.filePath
  },
  async chooseOpenPath({ title, filters }) {
    const parent = BrowserWindow.getFocusedWindow()
    const options = { title, filters, properties: ['openFile' as const] }
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
    return result.canceled ? null : (result.filePaths[0] ?? null)
  },
  async chooseOpenPaths({ title, filters }) {
    const parent = BrowserWindow.getFocusedWindow()
    const options = { title, filters, properties: ['openFile' as const, 'multiSelections' as const] }
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
    return result.canceled || result.filePaths.length === 0 ? null : result.filePaths
  },
  async chooseFolder({ title }) {
    const parent = BrowserWindow.getFocusedWindow()
    const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] }
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
    return result.canceled ? null : (result.filePaths[0] ?? null)
  },
}
