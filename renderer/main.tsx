/** The renderer's entry: mounts the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { changeLanguage } from './i18n/i18n';
import { forgetRun, takeCrashedRun } from './state/runMarker';
import { useAppStore } from './state/store';
import './styles/app.css';

// A run marker left by the last page means a run took the page down (runMarker.ts).
const crashed = takeCrashedRun();
// Leaving the page normally, mid-run or not, is no crash.
window.addEventListener('pagehide', () => forgetRun());

// The first paint is already in the learner's language (saved, else the system's: store.ts).
changeLanguage(useAppStore.getState().language);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App crashed={crashed} />
  </StrictMode>,
);
