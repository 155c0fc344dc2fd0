import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
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
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
