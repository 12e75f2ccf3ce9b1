import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { uiLanguage } from './i18n';
import './styles.css';

document.documentElement.lang = uiLanguage;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
