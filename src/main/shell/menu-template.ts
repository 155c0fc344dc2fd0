import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../shared/ipc-channels'

/**
 * The native menu with the usual shortcuts. App commands (Import…, Find, Export…, Preferences) are forwarded to
 * the renderer through `send`; editing, zoom and quitting use Electron roles. Pure data, so it is unit-tested.
 */
export function buildMenuTemplate(options: {
  platform: NodeJS.Platform
  send: (command: MenuCommand) => void
  devTools: boolean
}): MenuItemConstructorOptions[] {
  const { platform, send } = options
  const mac = platform === 'darwin'
  const item = (
    label: string,
    accelerator: string,
    command: MenuCommand,
  ): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(command),
  })
  const preferences = item(mac ? 'Settings…' : 'Preferences…', 'CmdOrCtrl+,', 'preferences')

  const template: MenuItemConstructorOptions[] = []
  if (mac) {
    template.push({
      label: 'Lectern',
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        preferences,
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    })
  }
  template.push({
    label: '&File',
    submenu: [
      item('Import…', 'CmdOrCtrl+O', 'import'),
      item('Import Folder…', 'CmdOrCtrl+Shift+O', 'import-folder'),
      { type: 'separator' },
      item('Export…', 'CmdOrCtrl+E', 'export'),
      ...(mac
        ? [{ type: 'separator' } as const, { role: 'close' } as const]
        : [
            { type: 'separator' } as const,
            preferences,
            { type: 'separator' } as const,
            { role: 'quit', accelerator: 'Ctrl+Q' } as const,
          ]),
    ],
  })
  template.push({
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      item('Find', 'CmdOrCtrl+F', 'find'),
    ],
  })
  template.push({
    label: '&View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(options.devTools
        ? [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const]
        : []),
    ],
  })
  template.push({
    label: '&Window',
    role: 'windowMenu',
  })
  return template
}
