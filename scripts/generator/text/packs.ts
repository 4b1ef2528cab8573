import { ar } from './ar';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { it } from './it';
import { ja } from './ja';
import { ko } from './ko';
import { pt } from './pt';
import { ru } from './ru';
import type { TextPack } from './types';
import { zh } from './zh';

export const TEXT_PACKS = { en, pt, ru, zh, es, de, fr, ja, it, ko, ar } satisfies Record<
  string,
  TextPack
>;

export type TextPackId = keyof typeof TEXT_PACKS;

export const TEXT_PACK_IDS = Object.keys(TEXT_PACKS) as TextPackId[];

export type PoolName = Exclude<keyof TextPack, 'joiner' | 'tableHeader'>;

/** One pool of every pack concatenated, with each pack's 0-based offset and length. */
export function flattenPool(pool: PoolName): {
  values: string[];
  offsets: number[];
  lengths: number[];
} {
  const lists = TEXT_PACK_IDS.map((id) => TEXT_PACKS[id][pool]);
  const offsets = lists.map((_, i) => lists.slice(0, i).reduce((sum, l) => sum + l.length, 0));
  return { values: lists.flat(), offsets, lengths: lists.map((l) => l.length) };
}
