import { downloadBlob } from '../../lib/download-blob';
/** Where an export's bytes go, one chunk at a time. */
export interface FileTarget {
  /** `picker` writes to the file the user chose; `download` hands over a Blob at the end. */
  kind: 'picker' | 'download';
  write(chunk: Uint8Array | string): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

interface SavePickerWindow {
  showSaveFilePicker?: (options: {
    suggestedName: string;
    types?: { description: string; accept: Record<string, string[]> }[];
  }) => Promise<FileSystemFileHandle>;
}

/**
 * Opens the target for `fileName`. Where the File System Access API exists (Chromium) the user
 * picks the file and every chunk is written to it as it comes. Elsewhere the chunks become Blob
 * parts: each chunk is wrapped in its own Blob at once, so the page does not keep the bytes in its
 * heap, and Chromium pages large blobs to disk; other browsers may hold them in memory until the
 * download starts. Call it first in a click handler: the picker needs the user's activation.
 * Rejects with an `AbortError` when the user closes the picker.
 */
export async function openFileTarget(fileName: string, mimeType: string): Promise<FileTarget> {
  const picker = (window as SavePickerWindow).showSaveFilePicker;
  if (picker) {
    const extension = fileName.slice(fileName.lastIndexOf('.'));
    const handle = await picker.call(window, {
      suggestedName: fileName,
      types: [{ description: `${extension} file`, accept: { [mimeType]: [extension] } }],
    });
    const writable = await handle.createWritable();
    return {
      kind: 'picker',
      write: (chunk) => writable.write(chunk as FileSystemWriteChunkType),
      close: () => writable.close(),
      abort: () => writable.abort(),
    };
  }
  let parts: Blob[] = [];
  return {
    kind: 'download',
    write: async (chunk) => void parts.push(new Blob([chunk as BlobPart])),
    close: async () => {
      downloadBlob(new Blob(parts, { type: mimeType }), fileName);
      parts = [];
    },
    abort: async () => void (parts = []),
  };
}
