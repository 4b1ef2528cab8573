/** The app (vite preview) and a second origin serving test shards, so `?data=` is cross-origin. */
export const APP_PORT = 4173;
export const DATA_PORT = 4174;
export const DATA_ORIGIN = `http://127.0.0.1:${DATA_PORT}`;
/** The same shards from a host that ignores Range requests. */
export const NO_RANGE_PORT = 4175;
export const NO_RANGE_ORIGIN = `http://127.0.0.1:${NO_RANGE_PORT}`;
