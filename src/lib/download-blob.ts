/** Saves a Blob as a file through an object URL (no network request; CSP-neutral). */
export function downloadBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke once the download has surely taken the Blob, or it can be cancelled.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
