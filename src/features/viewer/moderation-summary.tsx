import type { MessageRecord } from '../../db';
import { formatScore, summarizeByRole } from './message-moderation';

/**
 * The conversation at a glance: per category, the highest score on each side and where the flag
 * came from (a user message: an attempt; an assistant message: a response). Categories flagged
 * anywhere come first; the rest follow, collapsed, so the table stays short.
 */
export function ModerationSummary({ messages }: { messages: readonly MessageRecord[] }) {
  const rows = summarizeByRole(messages);
  const flagged = rows.filter((r) => r.userFlagged || r.assistantFlagged);
  const others = rows.filter((r) => !r.userFlagged && !r.assistantFlagged);
  const table = (list: typeof rows, caption: string) => (
    <table className="w-full text-xs tabular-nums">
      <caption className="sr-only">{caption}</caption>
      <thead className="text-slate-500">
        <tr>
          <th scope="col" className="text-left font-normal">
            Category
          </th>
          <th scope="col" className="text-right font-normal">
            User max
          </th>
          <th scope="col" className="text-right font-normal">
            Assistant max
          </th>
          <th scope="col" className="pl-2 text-left font-normal">
            Flagged in
          </th>
        </tr>
      </thead>
      <tbody>
        {list.map((r) => (
          <tr key={r.name}>
            <th scope="row" className="text-left font-normal">
              {r.name}
            </th>
            <td className="text-right">{formatScore(r.userMax)}</td>
            <td className="text-right">{formatScore(r.assistantMax)}</td>
            <td className="pl-2">{flaggedIn(r.userFlagged, r.assistantFlagged)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section aria-label="Moderation summary" className="rounded border border-slate-200 p-2">
      <h3 className="mb-1 text-xs font-semibold text-slate-700">
        {flagged.length === 0
          ? 'No message was flagged'
          : `Flagged: ${flagged.map((r) => r.name).join(', ')}`}
      </h3>
      {flagged.length > 0 && table(flagged, 'Flagged categories')}
      <details className="mt-1">
        <summary className="cursor-pointer text-xs text-slate-600">
          {flagged.length > 0 ? 'Other categories' : 'Highest score per category'}
        </summary>
        {table(others, 'Other categories')}
      </details>
    </section>
  );
}

function flaggedIn(user: boolean, assistant: boolean): string {
  if (user && assistant) return 'user (attempt) and assistant (response)';
  if (user) return 'user (attempt)';
  if (assistant) return 'assistant (response)';
  return '–';
}
