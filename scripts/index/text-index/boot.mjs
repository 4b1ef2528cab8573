// A worker's entry: its module is TypeScript (scripts run under tsx, tests under vitest), and
// Node 20 gives workers none of the parent's module hooks, so tsx is registered here first (a
// failed import of the module could not be retried: Node caches the failure).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
