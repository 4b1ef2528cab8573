import { useRef, useState } from 'react';
import { fileSource, type DataSource } from '../../db';
import { typedUrlSource } from './data-source-from-url';
import { DropOverlay } from './drop-overlay';
import { OpenDataDialog } from './open-data-dialog';
import { checkParquetFiles } from './open-inputs';
import { useFileDrop } from './use-file-drop';
import { Notice } from '../../components/notice';

/**
 * The header's `Open data` button and its dialog, and the window-wide drop zone for .parquet
 * files. Each hands a `DataSource` to `onOpen`; a drop of other files is refused in an alert.
 */
export function OpenData(props: {
  onOpen: (source: DataSource) => void;
  /** Whether the open dataset is local files (no link or reload can reopen them). */
  localFilesOpen: boolean;
}) {
  const { onOpen, localFilesOpen } = props;
  const [dialogOpen, setDialogOpen] = useState(false);
  const [dropProblem, setDropProblem] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);

  const close = () => {
    setDialogOpen(false);
    button.current?.focus();
  };
  const openFiles = (files: File[]) => {
    close();
    onOpen(fileSource(files));
  };
  const dragging = useFileDrop((files) => {
    const checked = checkParquetFiles(files);
    if ('error' in checked) return setDropProblem(checked.error);
    setDropProblem(null);
    setDialogOpen(false);
    onOpen(fileSource(checked.files));
  });

  return (
    <>
      <button
        ref={button}
        type="button"
        onClick={() => setDialogOpen(true)}
        className="self-center rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100"
      >
        Open data
      </button>
      <OpenDataDialog
        open={dialogOpen}
        onClose={close}
        onOpenFiles={openFiles}
        localFilesOpen={localFilesOpen}
        onOpenUrls={(urls) => {
          close();
          onOpen(typedUrlSource(urls));
        }}
      />
      {dragging && <DropOverlay />}
      {dropProblem && (
        <Notice
          tone="error"
          as="div"
          className="fixed top-4 left-1/2 z-40 flex max-w-[90vw] -translate-x-1/2 items-center gap-3 shadow"
        >
          <span>{dropProblem}</span>
          <button
            type="button"
            onClick={() => setDropProblem(null)}
            className="rounded border border-red-300 bg-white px-2 py-0.5 hover:bg-red-100"
          >
            Dismiss
          </button>
        </Notice>
      )}
    </>
  );
}
