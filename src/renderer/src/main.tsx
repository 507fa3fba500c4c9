import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startSessionSync } from './stores/session-store';
import './styles/theme.css';
import './styles/forms.css';
import './styles/buttons.css';
import './styles/auth.css';
import './styles/profile.css';

// Ask main for the session now, in parallel with React's first render (never released: the
// window lives as long as the app).
startSessionSync();

const root = document.getElementById('root');
if (!root) throw new Error('[renderer] #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
