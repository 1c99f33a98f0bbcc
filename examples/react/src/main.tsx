import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
// Types for <wm-*> tags in JSX (React 19), generated from Waymark's custom-elements manifest: a type-only import
// (erased; a bare `import 'waymark/jsx'` makes bundlers warn that a module without side effects is ignored).
import type {} from 'waymark/jsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
