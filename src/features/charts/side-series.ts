import { PALETTE } from './palette';

/**
 * The side split is by conversation: the table keeps "some user (assistant) message flagged" and
 * "some message flagged for this category", not which side was flagged for which category.
 */
export const SIDE_SERIES = [
  { key: 'flagged', name: 'Flagged for the category', colour: PALETTE.blue },
  { key: 'withFlaggedUser', name: '…and a user message flagged', colour: PALETTE.vermillion },
  { key: 'withFlaggedAssistant', name: '…and an assistant message flagged', colour: PALETTE.green },
] as const;
