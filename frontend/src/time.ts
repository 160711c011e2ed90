// Dates and times in the desk's time zone (from /api/settings); the server stores UTC.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions, locale = 'en-GB'): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    formatters.set(key, f);
  }
  return f;
}

/** "12 Nov 2026, 14:05 CET" in the given zone; "—" for no date. */
export function formatDateTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return formatter(timeZone, {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
    timeZoneName: 'short',
  }).format(date);
}

export function formatDate(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return formatter(timeZone, { day: 'numeric', month: 'short', year: 'numeric' }).format(date);
}

/** "3 d 4 h", "2 h 5 min", "12 min" — a rounded, human duration. */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return mins > 0 ? `${hours} h ${mins} min` : `${hours} h`;
  return `${Math.max(mins, 1)} min`;
}

export interface DeadlineInfo {
  /** The deadline in the desk's zone, or "No deadline". */
  text: string;
  overdue: boolean;
  /** "Overdue by 2 h" / "Due in 3 d" / "" */
  relative: string;
}

/**
 * How a deadline reads on the desk. {@code serverOverdue} (TicketView.overdue) wins when given: the
 * server knows whether the ticket is still unfinished; otherwise a past deadline counts as overdue.
 */
export function deadlineInfo(
  deadline: string | null | undefined,
  timeZone: string,
  now: Date = new Date(),
  serverOverdue?: boolean,
): DeadlineInfo {
  if (!deadline) return { text: 'No deadline', overdue: false, relative: '' };
  const due = new Date(deadline);
  if (Number.isNaN(due.getTime())) return { text: 'No deadline', overdue: false, relative: '' };
  const diff = due.getTime() - now.getTime();
  const overdue = serverOverdue ?? diff < 0;
  const relative = overdue ? `Overdue by ${formatDuration(diff)}` : diff >= 0 ? `Due in ${formatDuration(diff)}` : '';
  return { text: formatDateTime(deadline, timeZone), overdue, relative };
}

/** The zone's offset from UTC at an instant, in minutes (e.g. +60 for Europe/Berlin in winter). */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  const parts = formatter(timeZone, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23',
  }, 'en-US').formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/**
 * A datetime-local value ("2026-11-12T14:00"), read as wall-clock time in the desk's zone, as an
 * ISO-8601 string with that zone's offset ("2026-11-12T14:00:00+01:00"). Null if not a valid value.
 */
export function zonedLocalToIso(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '00'].map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  // Guess with the offset at the wall time read as UTC, then correct once (handles DST edges).
  let offset = zoneOffsetMinutes(timeZone, new Date(wall));
  offset = zoneOffsetMinutes(timeZone, new Date(wall - offset * 60000));
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${pad(s)}${offsetText(offset)}`;
}

/** An instant as a datetime-local value in the desk's zone (for pre-filling inputs). */
export function isoToZonedLocal(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const shifted = new Date(date.getTime() + zoneOffsetMinutes(timeZone, date) * 60000);
  return shifted.toISOString().slice(0, 16);
}

/** Today's date (YYYY-MM-DD) in the zone, e.g. for an evidence "accessed on" default. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return isoToZonedLocal(now.toISOString(), timeZone).slice(0, 10);
}

/** An hour from now as a datetime-local value in the zone: the default time to schedule a publication. */
export function anHourFromNowIn(timeZone: string, now: Date = new Date()): string {
  return isoToZonedLocal(new Date(now.getTime() + 3_600_000).toISOString(), timeZone);
}
