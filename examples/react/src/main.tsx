import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
// Types for <wm-*> tags in JSX (React 19), generated from Waymark's custom-elements manifest. Nothing runs.
import 'waymark/jsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
