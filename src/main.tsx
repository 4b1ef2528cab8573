import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { Providers } from './app/providers';
import './index.css';
import { installConnectPolicy } from './db/net/connect-policy';
import { startEngine } from './db/engine/engine';
import { startTheme } from './features/theme/theme-store';

// Before anything is fetched: the page may connect only to its origin and the user's data hosts.
installConnectPolicy();

// public/theme-boot.js already applied the theme; this follows later changes of the choice or system.
startTheme();

// Compiling DuckDB's 34 MB of wasm is the slowest part of the first open: start it before React.
void startEngine();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers>
      <App />
    </Providers>
  </StrictMode>,
);
