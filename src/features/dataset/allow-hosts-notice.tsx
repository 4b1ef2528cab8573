import { Notice } from '../../components/notice';

/**
 * Shown in the Open dialog when URLs name a host outside the page's `connect-src`
 * (src/db/connect-policy.ts) while local files are open: allowing it reloads the page, which
 * cannot reopen local files, so the user decides.
 */
export function AllowHostsNotice(props: { sources: string[]; onAllow: () => void }) {
  const { sources, onAllow } = props;
  return (
    <Notice tone="warning" as="div" role="alert" compact className="flex flex-col gap-2 py-2">
      <p>
        This page connects only to its own site and the data hosts you name, so reading from{' '}
        <span className="font-mono break-all">{sources.join(', ')}</span> reloads it (a page cannot
        widen its own security policy while it runs). The local files open now cannot be reopened by
        the page: pick them again after the reload.
      </p>
      <div>
        <button
          type="button"
          onClick={onAllow}
          className="rounded bg-amber-700 px-3 py-1 text-white hover:bg-amber-800 focus-visible:outline-2 focus-visible:outline-sky-600"
        >
          Allow and reload
        </button>
      </div>
    </Notice>
  );
}
