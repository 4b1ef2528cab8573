/**
 * The app (vite preview) and other origins serving test shards, so `?data=` is cross-origin.
 * `E2E_PORT_BASE` moves them all, so two checkouts can run their suites side by side.
 */
const BASE = Number(process.env.E2E_PORT_BASE) || 4173;
const origin = (port: number) => `http://127.0.0.1:${port}`;
export const APP_PORT = BASE;
export const DATA_PORT = BASE + 1;
export const DATA_ORIGIN = origin(DATA_PORT);
/** The same shards from a host that ignores Range requests. */
export const NO_RANGE_PORT = BASE + 2;
export const NO_RANGE_ORIGIN = origin(NO_RANGE_PORT);
/** Hosts with one fault each (scripts/serve-range.ts): every file answers 500... */
export const FAILING_PORT = BASE + 3;
export const FAILING_ORIGIN = origin(FAILING_PORT);
/** ...the connection is cut after `CUT_AFTER_BYTES` of any longer body... */
export const CUTTING_PORT = BASE + 4;
export const CUTTING_ORIGIN = origin(CUTTING_PORT);
export const CUT_AFTER_BYTES = 4096;
/** ...files need `Authorization: Bearer E2E_TOKEN`... */
export const TOKEN_PORT = BASE + 5;
export const TOKEN_ORIGIN = origin(TOKEN_PORT);
export const E2E_TOKEN = 'hf_e2e_not_a_real_token_5f1c';
/** ...the same token, then a redirect to DATA_ORIGIN (which must never see the token)... */
export const REDIRECT_PORT = BASE + 7;
export const REDIRECT_ORIGIN = origin(REDIRECT_PORT);
/** ...bodies trickle at `SLOW_BYTES_PER_SECOND`... */
export const SLOW_PORT = BASE + 6;
export const SLOW_ORIGIN = origin(SLOW_PORT);
export const SLOW_BYTES_PER_SECOND = 20_000;
/** ...and files are served without CORS headers: a browser refuses the cross-origin answer. */
export const NO_CORS_PORT = BASE + 8;
export const NO_CORS_ORIGIN = origin(NO_CORS_PORT);
