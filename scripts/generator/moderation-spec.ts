import type { CategoryName } from '../../src/model/moderation';

/** Flagged conversations by top-level category (paper, Table 2; multi-label, of 54,427). */
export const PARENT_SHARES = [
  { name: 'sexual', share: 33_968 / 54_427 },
  { name: 'harassment', share: 21_167 / 54_427 },
  { name: 'violence', share: 9_499 / 54_427 },
  { name: 'hate', share: 3_591 / 54_427 },
  { name: 'self-harm', share: 863 / 54_427 },
] as const satisfies readonly { name: CategoryName; share: number }[];

/** How often a subcategory is flagged along with its parent (not published; plausible). */
export const SUBCATEGORY_RATES = [
  { name: 'harassment/threatening', parent: 'harassment', rate: 0.2 },
  { name: 'hate/threatening', parent: 'hate', rate: 0.12 },
  { name: 'self-harm/instructions', parent: 'self-harm', rate: 0.15 },
  { name: 'self-harm/intent', parent: 'self-harm', rate: 0.45 },
  { name: 'sexual/minors', parent: 'sexual', rate: 0.08 },
  { name: 'violence/graphic', parent: 'violence', rate: 0.3 },
] as const satisfies readonly { name: CategoryName; parent: CategoryName; rate: number }[];

/**
 * A flagged conversation gets one primary category plus each other parent independently with
 * probability `extra`. With extra = k * share, solving sum(primary) = 1 for k makes every parent's
 * marginal share exactly its published share.
 */
export function parentMix(): { name: CategoryName; primary: number; extra: number }[] {
  const primaries = (k: number) =>
    PARENT_SHARES.map((p) => (p.share * (1 - k)) / (1 - k * p.share));
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    const total = primaries(mid).reduce((a, b) => a + b, 0);
    if (total > 1) lo = mid;
    else hi = mid;
  }
  const k = (lo + hi) / 2;
  const p = primaries(k);
  return PARENT_SHARES.map((parent, i) => ({
    name: parent.name,
    primary: p[i] ?? 0,
    extra: k * parent.share,
  }));
}

/** Later user (assistant) messages after the first flagged one are flagged with this probability. */
export const REPEAT_USER_FLAG = 0.35;
export const REPEAT_ASSISTANT_FLAG = 0.3;
