import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/theme.css';
import './styles/forms.css';
import './styles/buttons.css';
import './styles/auth.css';
import './styles/profile.css';

const root = document.getElementById('root');
if (!root) throw new Error('[renderer] #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
