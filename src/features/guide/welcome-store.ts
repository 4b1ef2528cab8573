import { useState } from 'react';

const DISMISSED_KEY = 'convoscope.welcome-dismissed';

function readDismissed(): boolean {
  try {
    return localStorage.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

/** Whether the first-run welcome still shows; dismissing it is remembered in this browser. */
export function useWelcome(): { shown: boolean; dismiss: () => void } {
  const [shown, setShown] = useState(() => !readDismissed());
  const dismiss = () => {
    setShown(false);
    try {
      localStorage.setItem(DISMISSED_KEY, '1');
    } catch {
      // Not remembered: it shows again next time.
    }
  };
  return { shown, dismiss };
}
