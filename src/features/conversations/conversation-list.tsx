import { useQuery } from '@tanstack/react-query';
import { formatCount } from '../../lib/format';
import { conversationPageOptions } from './conversation-queries';

const PAGE = 100;

/** A first, simple list of the first conversations; the virtualized browser replaces it. */
export function ConversationList({ datasetVersion }: { datasetVersion: number }) {
  const page = useQuery(conversationPageOptions(datasetVersion, PAGE, 0));
  const rows = page.data ?? [];
  return (
    <table aria-label="Conversations" role="grid" className="w-full text-left text-sm">
      <caption className="sr-only">First {formatCount(PAGE)} conversations</caption>
      <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
        <tr>
          <th scope="col">Conversation</th>
          <th scope="col">Model</th>
          <th scope="col">Language</th>
          <th scope="col">Turns</th>
          <th scope="col">Moderation</th>
          <th scope="col">Max score</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.row} className="border-b border-slate-100">
            <td className="font-mono" title={r.conversation_id}>
              {r.conversation_id.slice(0, 8)}
            </td>
            <td>{r.model}</td>
            <td>{r.language}</td>
            <td>{r.turn}</td>
            <td>{r.flagged ? <span className="font-medium text-red-700">Flagged</span> : ''}</td>
            <td>{r.max_score === null ? '' : r.max_score.toFixed(3)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
