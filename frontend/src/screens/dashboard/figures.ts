// The dashboard's plain helpers: durations in words, tables as CSV or JSON files.

/** A length in seconds as people read it: "45 s", "12 min", "3 h 5 min", "2 d 4 h"; "—" when unknown. */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds)) return '—';
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** A share as a percentage with one decimal ("12.5 %"), "—" when there is nothing to divide. */
export const formatShare = (share: number | null | undefined) => (share == null ? '—' : `${(share * 100).toFixed(1)} %`);

export type Row = Record<string, string | number | null>;

/**
 * A table as CSV (RFC 4180: fields quoted when they hold a comma, quote or line break). A text cell that a
 * spreadsheet would read as a formula (=, +, -, @, tab, carriage return first) gets a leading apostrophe: topics and
 * names are the desk's own words, not code to run.
 */
export function toCsv(columns: string[], rows: Row[]): string {
  const cell = (value: string | number | null) => {
    if (value == null) return '';
    let text = String(value);
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c] ?? null)).join(','))].join('\r\n') + '\r\n';
}

/** Offers a file to save, made in the browser from what is on screen. */
export function download(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
