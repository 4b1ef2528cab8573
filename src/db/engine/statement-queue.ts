interface Waiting {
  urgent: boolean;
  run: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * The app's statements, sent to DuckDB one at a time with the urgent ones first. DuckDB-WASM answers
 * one request at a time, in the order sent, and a filter click asks for the list's rows (a scan of
 * the 1M-row `conversations`) and for every facet count and chart (from the small pre-aggregated
 * tables, src/sql/facet-cube.ts) in the same moment: sent in the order React asked, the counts
 * waited behind the scan. Statements asked for within one task are gathered before the first is
 * picked, so the order React mounts things in does not decide.
 */
export class StatementQueue {
  private waiting: Waiting[] = [];
  private busy = false;
  private scheduled = false;

  run<T>(statement: () => Promise<T>, urgent = false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({
        urgent,
        run: statement,
        resolve: resolve as (v: unknown) => void,
        reject,
      });
      if (this.busy || this.scheduled) return;
      this.scheduled = true;
      setTimeout(() => {
        this.scheduled = false;
        this.next();
      }, 0);
    });
  }

  private next(): void {
    if (this.busy || this.waiting.length === 0) return;
    const index = Math.max(
      0,
      this.waiting.findIndex((w) => w.urgent),
    );
    const [item] = this.waiting.splice(index, 1);
    this.busy = true;
    item!
      .run()
      .then(item!.resolve, item!.reject)
      .finally(() => {
        this.busy = false;
        this.next();
      });
  }
}
