import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import './styles/app.css'
import './styles/find.css'
import './styles/pdf-view.css'
import './styles/outline.css'
// After app.css: the small-window rules override its wide layout.
import './styles/layout-narrow.css'

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
