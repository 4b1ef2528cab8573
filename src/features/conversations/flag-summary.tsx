import type { ConversationListRow } from '../../sql/conversation-window';
import { CATEGORIES } from '../../model/moderation';

/** Rows have a fixed height: beyond this many chips the rest is summed up (all are in the title). */
const SHOWN_CATEGORIES = 2;

/** Which side was flagged (user: an attempt; assistant: a response) and the flagged categories. */
export function FlagSummary({ row }: { row: ConversationListRow }) {
  if (!row.flagged) return null;
  const roles = [row.user_flagged && 'user', row.assistant_flagged && 'assistant'].filter(
    (r): r is string => typeof r === 'string',
  );
  const categories = CATEGORIES.filter((c) => row[c.id]).map((c) => c.name);
  const title = `Flagged${roles.length > 0 ? ` (${roles.join(' and ')})` : ''}${
    categories.length > 0 ? `: ${categories.join(', ')}` : ''
  }`;
  return (
    <span className="flex min-w-0 items-center gap-1 overflow-hidden" title={title}>
      {roles.length === 0 && categories.length === 0 && <Chip strong>flagged</Chip>}
      {roles.map((role) => (
        <Chip key={role} strong>
          {role}
        </Chip>
      ))}
      {categories.slice(0, SHOWN_CATEGORIES).map((name) => (
        <Chip key={name}>{name}</Chip>
      ))}
      {categories.length > SHOWN_CATEGORIES && (
        <Chip>{`+${categories.length - SHOWN_CATEGORIES}`}</Chip>
      )}
    </span>
  );
}

function Chip({ children, strong = false }: { children: string; strong?: boolean }) {
  const look = strong
    ? 'bg-red-700 font-medium text-white'
    : 'border border-red-200 bg-red-50 text-red-800';
  return <span className={`shrink-0 rounded px-1 text-xs leading-5 ${look}`}>{children}</span>;
}
