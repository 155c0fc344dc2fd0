import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { startPaletteIndex } from './features/palette'
// One stylesheet per feature, imported once, in cascade order (later files may override earlier ones).
import './styles/base.css'
import './styles/controls.css'
import './styles/app-frame.css'
import './styles/sidebar.css'
import './styles/menus.css'
import './styles/view-headers.css'
import './styles/library.css'
import './styles/empty-states.css'
import './styles/search-results.css'
import './styles/reader.css'
import './styles/forms.css'
import './styles/dialogs.css'
import './styles/quotes.css'
import './styles/compare.css'
import './styles/export.css'
import './styles/import-tray.css'
import './styles/find.css'
import './styles/pdf-view.css'
import './styles/outline.css'
// Last: the small-window rules override the wide layout above.
import './styles/layout-narrow.css'

const root = document.getElementById('root')
if (root) {
  // Before the first render, not in App's effect: the worker loads and the palette's first page is asked for while
  // React renders (scripts/bench/ui.ts: ready from navigation). App's own call then finds it started.
  startPaletteIndex()
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
