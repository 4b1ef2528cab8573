/**
 * The app (vite preview) and a second origin serving test shards, so `?data=` is cross-origin.
 * `E2E_PORT_BASE` moves all three, so two checkouts can run their suites side by side.
 */
const BASE = Number(process.env.E2E_PORT_BASE) || 4173;
export const APP_PORT = BASE;
export const DATA_PORT = BASE + 1;
export const DATA_ORIGIN = `http://127.0.0.1:${DATA_PORT}`;
/** The same shards from a host that ignores Range requests. */
export const NO_RANGE_PORT = BASE + 2;
export const NO_RANGE_ORIGIN = `http://127.0.0.1:${NO_RANGE_PORT}`;
