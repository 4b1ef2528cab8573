import type { Page } from '@playwright/test';

/** DuckDB's own report: every buffer it holds (tables, indexes, query state), in bytes. */
export const DUCKDB_MEMORY_SQL =
  'SELECT sum(memory_usage_bytes)::BIGINT AS bytes FROM duckdb_memory()';

/**
 * Asks the open page's DuckDB how much memory it holds, the way a user would: through the SQL
 * console (its own connection, read-only), then back to the list so later steps find it as it was.
 */
export async function duckdbMemory(page: Page): Promise<number> {
  const views = page.getByRole('group', { name: 'View' });
  await views.getByRole('button', { name: 'SQL' }).click();
  await page.getByRole('textbox', { name: 'SQL query' }).fill(DUCKDB_MEMORY_SQL);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const cell = page.getByRole('table', { name: 'Query results' }).getByRole('cell').first();
  await cell.waitFor({ timeout: 60_000 });
  const bytes = Number(await cell.textContent());
  await views.getByRole('button', { name: 'List' }).click();
  await page.getByRole('grid', { name: 'Conversations' }).waitFor({ timeout: 60_000 });
  if (!Number.isFinite(bytes)) throw new Error(`duckdb_memory() gave ${bytes}`);
  return bytes;
}
