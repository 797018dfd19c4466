/** Saves text as a file through a Blob and a temporary anchor (no popup, no server round trip). */
export function downloadText(fileName: string, text: string, mime = "text/csv;charset=utf-8"): void {
  // A byte order mark lets spreadsheet programs read UTF-8 (accents, CJK) correctly.
  const blob = new Blob(["\uFEFF", text], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Revoke later: some browsers read the URL after click returns.
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
}

/** A file name safe on every OS: the table name plus a timestamp. */
export function exportFileName(entity: string, at: Date): string {
  const base = (entity || "records").replace(/[^A-Za-z0-9_.-]+/g, "_").slice(0, 60);
  const stamp = at.toISOString().replace(/[:]/g, "").replace(/\..*$/, "");
  return `${base}-${stamp}.csv`;
}
