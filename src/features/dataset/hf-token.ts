import { currentHubAuth, setHubToken } from '../../db';

/**
 * The Hugging Face token the user typed: in memory (db/hub-auth.ts), and in sessionStorage only
 * when they ask to remember it for this tab. Never in the URL, history, logs or exports.
 */
const KEY = 'convoscope:hf-token';

export function restoreHubToken(): void {
  const saved = storage()?.getItem(KEY);
  if (saved) setHubToken(saved);
}

export function saveHubToken(token: string, remember: boolean): void {
  const trimmed = token.trim();
  setHubToken(trimmed || null);
  if (remember && trimmed) storage()?.setItem(KEY, trimmed);
  else storage()?.removeItem(KEY);
}

export function hubToken(): string {
  return currentHubAuth()?.token ?? '';
}

export function hubTokenRemembered(): boolean {
  return Boolean(storage()?.getItem(KEY));
}

/** sessionStorage can be missing or throw (storage disabled); memory still works then. */
function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}
