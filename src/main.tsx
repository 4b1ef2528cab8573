import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { Providers } from './app/providers';
import './index.css';
import { createEngine, installConnectPolicy } from './db';
import { startTheme } from './features/theme';

// Before anything is fetched: the page may connect only to its origin and the user's data hosts.
installConnectPolicy();

// public/theme-boot.js already applied the theme; this follows later changes of the choice or system.
startTheme();

// The tab's one engine. Compiling DuckDB's wasm is the slowest part of the first open: start it
// before React.
const engine = createEngine();
void engine.start();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers engine={engine}>
      <App />
    </Providers>
  </StrictMode>,
);
