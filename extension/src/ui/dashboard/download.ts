/** Saves text (or bytes) as a file through the browser's download (an object URL on a temporary link). */
export function downloadText(fileName: string, text: string | ArrayBuffer, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy by the time the click returns; revoke after a tick for older engines.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const csvMime = 'text/csv;charset=utf-8';
