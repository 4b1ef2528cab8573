/**
 * The text of one message. Placeholder until the markdown renderer lands: plain text, which React
 * escapes, so nothing in a message is ever interpreted.
 */
export function MessageText({ text }: { text: string; highlight?: RegExp | null }) {
  return <div className="break-words whitespace-pre-wrap">{text}</div>;
}
