// Electron entry (placeholder until the shell lands; see issue 3).
import { app } from 'electron'

void app.whenReady()
