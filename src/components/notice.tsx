import type { HTMLAttributes } from 'react';

/** Red for what failed, amber for what the user should know before going on. */
const TONES = {
  error: 'border-red-300 bg-red-50 text-red-900',
  warning: 'border-amber-300 bg-amber-50 text-amber-900',
} as const;

/**
 * The app's one boxed notice. An error is an `alert` unless the caller gives another role, so
 * assistive technology announces it; a warning has no role of its own. Layout (flex, gaps, a
 * button beside the text) comes from `className`.
 */
export function Notice({
  tone,
  as: Tag = 'p',
  compact = false,
  className = '',
  role,
  ...rest
}: HTMLAttributes<HTMLElement> & {
  tone: keyof typeof TONES;
  as?: 'p' | 'div' | 'section';
  /** Tighter padding, for notices inside a narrow panel. */
  compact?: boolean;
}) {
  const padding = compact ? 'px-2 py-1' : 'px-3 py-2';
  return (
    <Tag
      role={role ?? (tone === 'error' ? 'alert' : undefined)}
      className={`rounded border text-sm ${TONES[tone]} ${padding} ${className}`.trim()}
      {...rest}
    />
  );
}
