import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useEngine, type ConsoleResult } from '../../db';

/** Rows a console result keeps: enough to read and scroll, few enough for the tab's memory. */
export const CONSOLE_ROW_CAP = 10_000;

/**
 * Runs console queries on demand (never on render: a query arriving in a link waits for a click).
 * A new run or Cancel aborts the one in flight; a new dataset drops the old result.
 */
export function useConsoleQuery(datasetId: number) {
  const engine = useEngine();
  const controller = useRef<AbortController | null>(null);
  const mutation = useMutation<ConsoleResult, Error, string>({
    mutationFn: (sql) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      return engine.consoleQuery(sql, { maxRows: CONSOLE_ROW_CAP, signal: abort.signal });
    },
  });
  const { reset } = mutation;
  useEffect(() => reset(), [datasetId, reset]);
  useEffect(() => () => controller.current?.abort(), []);
  return {
    run: (sql: string) => mutation.mutate(sql),
    cancel: () => controller.current?.abort(),
    running: mutation.isPending,
    result: mutation.data,
    error: mutation.error,
    ranSql: mutation.variables,
  };
}
