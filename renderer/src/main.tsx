import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
// Base styles first, so the feature stylesheets imported by App's screens can refine them (a badge
// modifier such as .badge-current must win over .badge; it lost when styles.css came last).
import './styles.css'
import { App } from './App'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
