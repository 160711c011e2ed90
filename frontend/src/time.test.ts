import { describe, expect, it } from 'vitest';
import { anHourFromNowIn, deadlineInfo, formatDateTime, formatDuration, isoToZonedLocal, zonedLocalToIso, zoneOffsetMinutes } from './time';

describe('formatting in the desk time zone', () => {
  it('shows the same instant as wall-clock time of the desk zone', () => {
    const iso = '2026-11-12T13:00:00Z';
    expect(formatDateTime(iso, 'Europe/Berlin')).toMatch(/12 Nov 2026, 14:00/);
    expect(formatDateTime(iso, 'America/New_York')).toMatch(/12 Nov 2026, 08:00/);
    expect(formatDateTime(iso, 'Asia/Kolkata')).toMatch(/12 Nov 2026, 18:30/);
  });

  it('crosses the date line when the zone says so', () => {
    expect(formatDateTime('2026-11-12T23:30:00Z', 'Europe/Berlin')).toMatch(/13 Nov 2026, 00:30/);
  });

  it('shows a dash for no or bad dates', () => {
    expect(formatDateTime(null, 'UTC')).toBe('—');
    expect(formatDateTime('not a date', 'UTC')).toBe('—');
  });
});

describe('deadlineInfo', () => {
  const now = new Date('2026-11-12T12:00:00Z');

  it('says overdue and by how much when the deadline has passed', () => {
    const info = deadlineInfo('2026-11-12T09:30:00Z', 'Europe/Berlin', now);
    expect(info.overdue).toBe(true);
    expect(info.relative).toBe('Overdue by 2 h 30 min');
    expect(info.text).toMatch(/12 Nov 2026, 10:30/);
  });

  it('says how long is left before the deadline', () => {
    const info = deadlineInfo('2026-11-15T12:00:00Z', 'UTC', now);
    expect(info.overdue).toBe(false);
    expect(info.relative).toBe('Due in 3 d');
  });

  it('follows the server when it says a past deadline is not overdue (finished ticket)', () => {
    const info = deadlineInfo('2026-11-10T12:00:00Z', 'UTC', now, false);
    expect(info.overdue).toBe(false);
    expect(info.relative).toBe('');
  });

  it('has no deadline when none is set', () => {
    expect(deadlineInfo(null, 'UTC', now)).toEqual({ text: 'No deadline', overdue: false, relative: '' });
  });

  it('formats durations', () => {
    expect(formatDuration(30 * 1000)).toBe('1 min');
    expect(formatDuration(-(26 * 3600 * 1000))).toBe('1 d 2 h');
  });
});

describe('datetime-local in the desk zone', () => {
  it('knows zone offsets, summer and winter', () => {
    expect(zoneOffsetMinutes('Europe/Berlin', new Date('2026-01-15T12:00:00Z'))).toBe(60);
    expect(zoneOffsetMinutes('Europe/Berlin', new Date('2026-07-15T12:00:00Z'))).toBe(120);
    expect(zoneOffsetMinutes('America/New_York', new Date('2026-01-15T12:00:00Z'))).toBe(-300);
  });

  it('turns a desk wall-clock time into ISO with the offset of that day', () => {
    expect(zonedLocalToIso('2026-11-12T14:00', 'Europe/Berlin')).toBe('2026-11-12T14:00:00+01:00');
    expect(zonedLocalToIso('2026-07-01T09:15', 'Europe/Berlin')).toBe('2026-07-01T09:15:00+02:00');
    expect(zonedLocalToIso('2026-11-12T14:00', 'America/New_York')).toBe('2026-11-12T14:00:00-05:00');
    expect(zonedLocalToIso('2026-11-12T14:00', 'Asia/Kolkata')).toBe('2026-11-12T14:00:00+05:30');
    expect(zonedLocalToIso('', 'UTC')).toBeNull();
  });

  it('round-trips an instant through a datetime-local value', () => {
    const local = isoToZonedLocal('2026-11-12T13:00:00Z', 'Europe/Berlin');
    expect(local).toBe('2026-11-12T14:00');
    expect(new Date(zonedLocalToIso(local, 'Europe/Berlin')!).toISOString()).toBe('2026-11-12T13:00:00.000Z');
  });

  it('defaults a scheduled publication to an hour from now on the desk clock, also across the clock change', () => {
    expect(anHourFromNowIn('Europe/Berlin', new Date('2026-11-12T13:00:00Z'))).toBe('2026-11-12T15:00');
    // 02:30 summer time, and an hour later 02:30 winter time: the clocks went back at 03:00.
    expect(anHourFromNowIn('Europe/Berlin', new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-25T02:30');
  });
});
