/**
 * Saves text as a file through a blob: URL and <a download>: the same in Electron (its download
 * dialog) and in a browser, with no file-system channel needed.
 */
export function downloadText(fileName: string, text: BlobPart, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The download has started from the URL; it may go once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
