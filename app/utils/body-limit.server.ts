// Request body limits, checked before a request reaches Remix (server/start.ts): forms and JSON
// are small; file uploads (multipart) may carry one evidence file or a cohort spreadsheet.
const FORM_LIMIT_BYTES = 2 * 1024 * 1024;

export function bodyLimitBytes(contentType: string | undefined, uploadMaxMb: number): number {
  return /^multipart\/form-data/i.test(contentType ?? "")
    ? Math.ceil((uploadMaxMb + 1) * 1024 * 1024)
    : FORM_LIMIT_BYTES;
}

/** True when the declared body is larger than allowed (413 without reading it). */
export function isBodyTooLarge({
  contentType,
  contentLength,
  uploadMaxMb,
}: {
  contentType: string | undefined;
  contentLength: string | undefined;
  uploadMaxMb: number;
}): boolean {
  if (!contentLength) return false;
  const length = Number(contentLength);
  return !Number.isFinite(length) || length > bodyLimitBytes(contentType, uploadMaxMb);
}

export const TOO_LARGE_PAGE = `<!doctype html><html lang="id"><meta charset="utf-8"><title>Terlalu besar / Too large</title>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">
<h1>Kiriman terlalu besar</h1><p>Data yang dikirim melebihi batas. Kembali, perkecil berkas atau teksnya, lalu coba lagi.</p>
<h2 lang="en">Request too large</h2><p lang="en">What was sent is over the limit. Go back, make the file or text smaller and try again.</p>
</body></html>`;
