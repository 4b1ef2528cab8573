import type { MessageRecord } from '../../db';
import { flaggedCategories, isFlagged } from './message-moderation';

/**
 * A strip beside the transcript with one tick per message, flagged ones in red: where the flags
 * are in a long conversation, at a glance. Flagged ticks are buttons that jump to their message;
 * the others are decoration.
 */
export function FlagMinimap(props: {
  messages: readonly MessageRecord[];
  current: number | null;
  onJump: (index: number) => void;
}) {
  const { messages, current, onJump } = props;
  const share = 100 / Math.max(1, messages.length);
  return (
    <nav aria-label="Flagged messages" className="relative w-3 shrink-0 rounded bg-slate-100">
      {messages.map((m, i) => {
        const style = { top: `${i * share}%`, height: `max(3px, ${share}%)` };
        if (!isFlagged(m)) {
          const tone = m.role === 'user' ? 'bg-slate-300' : 'bg-slate-200';
          return (
            <div
              key={i}
              aria-hidden="true"
              style={style}
              className={`absolute inset-x-0 ${tone}`}
            />
          );
        }
        const categories = flaggedCategories(m);
        return (
          <button
            key={i}
            type="button"
            title={`Message ${i + 1}: ${categories.join(', ') || 'flagged'}`}
            aria-label={`Go to flagged message ${i + 1}`}
            aria-current={current === i ? 'location' : undefined}
            onClick={() => onJump(i)}
            style={style}
            className={`absolute inset-x-0 bg-red-600 outline-sky-600 hover:bg-red-800 focus-visible:outline-2 ${current === i ? 'ring-2 ring-sky-600' : ''}`}
          />
        );
      })}
    </nav>
  );
}
