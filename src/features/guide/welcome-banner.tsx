import { useWelcome } from './welcome-store';

/**
 * The first-run welcome: a region in the page, not a modal, so the app stays usable around it
 * (and tests starting from a fresh browser see the page as usual).
 */
export function WelcomeBanner(props: { onOpenHelp: () => void }) {
  const welcome = useWelcome();
  if (!welcome.shown) return null;
  return (
    <section
      aria-label="Welcome"
      className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900"
    >
      <p className="min-w-60 flex-1">
        Welcome to Convoscope. Without a <code>data</code> link you are looking at a synthetic
        sample; Help explains how to open LMSYS-Chat-1M and what the moderation fields mean.
      </p>
      <button type="button" onClick={props.onOpenHelp} className={BUTTON}>
        Open help
      </button>
      <button type="button" onClick={welcome.dismiss} className={BUTTON}>
        Dismiss
      </button>
    </section>
  );
}

const BUTTON =
  'rounded border border-sky-300 bg-white px-2 py-0.5 hover:bg-sky-100 focus-visible:outline-2 focus-visible:outline-sky-600';
