/**
 * The 11 OpenAI moderation categories, in the dataset's order. `name` is the key as it appears in the
 * parquet structs (slashes included); `id` is the plain identifier used for derived columns and URL
 * params. This is the closed list every category identifier in SQL must come from.
 */
export const CATEGORIES = [
  { name: 'harassment', id: 'harassment' },
  { name: 'harassment/threatening', id: 'harassment_threatening' },
  { name: 'hate', id: 'hate' },
  { name: 'hate/threatening', id: 'hate_threatening' },
  { name: 'self-harm', id: 'self_harm' },
  { name: 'self-harm/instructions', id: 'self_harm_instructions' },
  { name: 'self-harm/intent', id: 'self_harm_intent' },
  { name: 'sexual', id: 'sexual' },
  { name: 'sexual/minors', id: 'sexual_minors' },
  { name: 'violence', id: 'violence' },
  { name: 'violence/graphic', id: 'violence_graphic' },
] as const;

export type Category = (typeof CATEGORIES)[number];
export type CategoryName = Category['name'];
export type CategoryId = Category['id'];

export const CATEGORY_NAMES: readonly CategoryName[] = CATEGORIES.map((c) => c.name);
export const CATEGORY_IDS: readonly CategoryId[] = CATEGORIES.map((c) => c.id);
