import { useState, type FormEvent } from 'react';
import { ModalDialog } from '../../components/modal-dialog';
import { allowAndReload, missingSources } from '../../db';
import { AllowHostsNotice } from './allow-hosts-notice';
import { AllowedHosts } from './allowed-hosts';
import { hubToken, hubTokenRemembered, saveHubToken } from './hf-token';
import { checkParquetFiles, parseUrlLines } from './open-inputs';

const FIELD = 'w-full rounded border border-slate-300 px-2 py-1 text-sm';

/**
 * The `Open data` dialog: local parquet files, or parquet URLs (Hugging Face pages too) with an
 * optional access token, in the shared modal dialog (focus kept inside, Escape closes it).
 */
export function OpenDataDialog(props: {
  open: boolean;
  onClose: () => void;
  onOpenFiles: (files: File[]) => void;
  onOpenUrls: (urls: string[]) => void;
  /** Whether local files are open: a reload that allows a new host loses them. */
  localFilesOpen: boolean;
}) {
  const { open, onClose, onOpenFiles, onOpenUrls, localFilesOpen } = props;
  const [urlText, setUrlText] = useState('');
  const [token, setToken] = useState('');
  const [remember, setRemember] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // URLs on hosts the page's policy does not allow yet, and those hosts.
  const [blocked, setBlocked] = useState<{ urls: string[]; sources: string[] } | null>(null);

  // The token field shows what is in memory each time the dialog opens.
  const [wasOpen, setWasOpen] = useState(false);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setToken(hubToken());
      setRemember(hubTokenRemembered());
      setProblem(null);
      setBlocked(null);
    }
  }

  const chooseFiles = (list: FileList | null) => {
    const checked = checkParquetFiles([...(list ?? [])]);
    if ('error' in checked) return setProblem(checked.error);
    onOpenFiles(checked.files);
  };

  const submitUrls = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseUrlLines(urlText);
    if ('error' in parsed) return setProblem(parsed.error);
    saveHubToken(token, remember);
    // A host outside the page's connect-src needs a reload (connect-policy.ts). It loses nothing,
    // as the dataset open now opens again first, unless that is local files: then ask.
    const sources = missingSources(parsed.urls);
    if (sources.length > 0 && localFilesOpen) return setBlocked({ urls: parsed.urls, sources });
    if (sources.length > 0) return allowAndReload(parsed.urls, token.trim() || null);
    onOpenUrls(parsed.urls);
  };

  return (
    <ModalDialog title="Open data" open={open} onClose={onClose}>
      <section className="flex flex-col gap-1">
        <label className="text-sm font-medium">
          Parquet files
          <input
            type="file"
            multiple
            accept=".parquet"
            className="mt-1 block text-sm"
            onChange={(e) => {
              chooseFiles(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
        </label>
        <p className="text-xs text-slate-600">
          Read from your disk as needed, never uploaded. You can also drop .parquet files anywhere
          on the page.
        </p>
      </section>
      <form onSubmit={submitUrls} className="flex flex-col gap-2">
        <label className="text-sm font-medium">
          Parquet URLs
          <textarea
            value={urlText}
            onChange={(e) => {
              setUrlText(e.target.value);
              setBlocked(null);
            }}
            rows={4}
            spellCheck={false}
            placeholder={
              'https://huggingface.co/datasets/lmsys/lmsys-chat-1m\nhttps://host.example/train-00000-of-00006.parquet'
            }
            className={`${FIELD} mt-1 font-mono`}
          />
        </label>
        <p className="text-xs text-slate-600">
          One per line: parquet files, or a Hugging Face dataset page (its parquet files are
          listed). The host must allow range requests and, from another site, CORS.
        </p>
        <label className="text-sm font-medium">
          Hugging Face access token (optional, for gated datasets)
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={token}
            onChange={(e) => setToken(e.target.value)}
            className={`${FIELD} mt-1 font-mono`}
          />
        </label>
        <p className="text-xs text-slate-600">
          Sent only to huggingface.co and its hosts, kept in this tab&apos;s memory, never put in a
          link.
        </p>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={remember}
            onChange={(e) => setRemember(e.target.checked)}
          />
          Remember the token for this tab
        </label>
        {blocked && (
          <AllowHostsNotice
            sources={blocked.sources}
            onAllow={() => allowAndReload(blocked.urls, token.trim() || null)}
          />
        )}
        {problem && (
          <p role="alert" className="text-sm text-red-800">
            {problem}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button
            type="submit"
            className="rounded bg-sky-700 px-3 py-1 text-sm text-white hover:bg-sky-800"
          >
            Open
          </button>
        </div>
      </form>
      <AllowedHosts />
    </ModalDialog>
  );
}
