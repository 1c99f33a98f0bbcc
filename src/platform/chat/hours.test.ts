import { describe, expect, it } from 'vitest';
import type { OperatorHours } from '../../config/types.js';
import { checkHours, isOpen, nextOpening } from './hours.js';

const t = (iso: string): number => Date.parse(iso);
const iso = (at: number | null): string | null => (at === null ? null : new Date(at).toISOString());
const weekdays = (intervals: string[]): OperatorHours['weekly'] => ({ mon: intervals, tue: intervals, wed: intervals, thu: intervals, fri: intervals });

describe('isOpen (Europe/Vilnius, EET +2 / EEST +3)', () => {
  const office: OperatorHours = { timeZone: 'Europe/Vilnius', weekly: weekdays(['09:00-18:00']) };

  it('follows local wall-clock time in winter and in summer', () => {
    expect(isOpen(office, t('2025-01-15T06:59:00Z'))).toBe(false); // Wed 08:59 EET
    expect(isOpen(office, t('2025-01-15T07:00:00Z'))).toBe(true); // 09:00 EET
    expect(isOpen(office, t('2025-01-15T15:59:59Z'))).toBe(true); // 17:59 EET
    expect(isOpen(office, t('2025-01-15T16:00:00Z'))).toBe(false); // 18:00, the end is exclusive
    expect(isOpen(office, t('2025-07-16T05:59:00Z'))).toBe(false); // Wed 08:59 EEST
    expect(isOpen(office, t('2025-07-16T06:00:00Z'))).toBe(true); // 09:00 EEST
    expect(isOpen(office, t('2025-07-19T10:00:00Z'))).toBe(false); // Saturday
  });

  it('handles the spring-forward gap (2025-03-30: 03:00 EET jumps to 04:00 EEST at 01:00Z)', () => {
    const night: OperatorHours = { timeZone: 'Europe/Vilnius', weekly: { sun: ['03:30-05:00'] } };
    expect(isOpen(night, t('2025-03-30T00:59:00Z'))).toBe(false); // 02:59 EET
    expect(isOpen(night, t('2025-03-30T01:00:00Z'))).toBe(true); // 04:00 EEST: 03:30 never happened
    expect(isOpen(night, t('2025-03-30T01:59:00Z'))).toBe(true); // 04:59 EEST
    expect(isOpen(night, t('2025-03-30T02:00:00Z'))).toBe(false); // 05:00 EEST
  });

  it('handles the fall-back repeat (2025-10-26: 04:00 EEST goes back to 03:00 EET at 01:00Z)', () => {
    const night: OperatorHours = { timeZone: 'Europe/Vilnius', weekly: { sun: ['03:30-04:00'] } };
    expect(isOpen(night, t('2025-10-26T00:29:00Z'))).toBe(false); // 03:29 EEST
    expect(isOpen(night, t('2025-10-26T00:45:00Z'))).toBe(true); // 03:45 EEST
    expect(isOpen(night, t('2025-10-26T01:00:00Z'))).toBe(false); // 03:00 EET (the hour again)
    expect(isOpen(night, t('2025-10-26T01:45:00Z'))).toBe(true); // 03:45 EET
    expect(isOpen(night, t('2025-10-26T02:00:00Z'))).toBe(false); // 04:00 EET
  });

  it('honours closed dates, overnight intervals and 24:00', () => {
    const hours: OperatorHours = {
      timeZone: 'Europe/Vilnius',
      weekly: { ...weekdays(['09:00-18:00']), fri: ['18:00-24:00'], sat: ['22:00-02:00'] },
      closed: ['2025-12-24', '2025-01-25'],
    };
    expect(isOpen(hours, t('2025-12-24T10:00:00Z'))).toBe(false); // a closed Wednesday
    expect(isOpen(hours, t('2025-12-23T10:00:00Z'))).toBe(true);
    expect(isOpen(hours, t('2025-01-17T21:59:00Z'))).toBe(true); // Fri 23:59
    expect(isOpen(hours, t('2025-01-17T22:00:00Z'))).toBe(false); // Sat 00:00
    expect(isOpen(hours, t('2025-01-18T20:30:00Z'))).toBe(true); // Sat 22:30
    expect(isOpen(hours, t('2025-01-18T23:30:00Z'))).toBe(true); // Sun 01:30, Saturday's interval
    expect(isOpen(hours, t('2025-01-19T00:00:00Z'))).toBe(false); // Sun 02:00
    expect(isOpen(hours, t('2025-01-25T20:30:00Z'))).toBe(false); // Sat 22:30 on a closed Saturday
    expect(isOpen(hours, t('2025-01-25T23:30:00Z'))).toBe(false); // …and its tail past midnight
  });
});

describe('nextOpening', () => {
  const vilnius: OperatorHours = { timeZone: 'Europe/Vilnius', weekly: weekdays(['09:00-18:00']) };
  const newYork: OperatorHours = { timeZone: 'America/New_York', weekly: weekdays(['09:00-17:00']) };

  it('is now when open', () => {
    expect(nextOpening(vilnius, t('2025-01-15T08:00:00Z'))).toBe(t('2025-01-15T08:00:00Z'));
  });

  it('moves with the offset across Vilnius DST changes', () => {
    expect(iso(nextOpening(vilnius, t('2025-03-28T17:00:00Z')))).toBe('2025-03-31T06:00:00.000Z'); // Mon 09:00 EEST
    expect(iso(nextOpening(vilnius, t('2025-03-24T05:00:00Z')))).toBe('2025-03-24T07:00:00.000Z'); // Mon 09:00 EET
    expect(iso(nextOpening(vilnius, t('2025-10-24T16:00:00Z')))).toBe('2025-10-27T07:00:00.000Z'); // Mon 09:00 EET
  });

  it('finds the jump for a start inside the spring-forward gap, and the first of a repeated time', () => {
    const springNight: OperatorHours = { timeZone: 'Europe/Vilnius', weekly: { sun: ['03:30-05:00'] } };
    expect(iso(nextOpening(springNight, t('2025-03-29T12:00:00Z')))).toBe('2025-03-30T01:00:00.000Z');
    const fallNight: OperatorHours = { timeZone: 'Europe/Vilnius', weekly: { sun: ['03:30-04:00'] } };
    expect(iso(nextOpening(fallNight, t('2025-10-25T12:00:00Z')))).toBe('2025-10-26T00:30:00.000Z');
    expect(iso(nextOpening(fallNight, t('2025-10-26T01:05:00Z')))).toBe('2025-10-26T01:30:00.000Z'); // the repeat
  });

  it('moves with the offset across New York DST changes (EST −5 / EDT −4)', () => {
    expect(iso(nextOpening(newYork, t('2025-03-07T22:00:00Z')))).toBe('2025-03-10T13:00:00.000Z'); // Mon 09:00 EDT
    expect(iso(nextOpening(newYork, t('2025-03-03T12:00:00Z')))).toBe('2025-03-03T14:00:00.000Z'); // Mon 09:00 EST
    expect(iso(nextOpening(newYork, t('2025-10-31T21:00:00Z')))).toBe('2025-11-03T14:00:00.000Z'); // Mon 09:00 EST
    const gap: OperatorHours = { timeZone: 'America/New_York', weekly: { sun: ['02:30-03:30'] } };
    expect(iso(nextOpening(gap, t('2025-03-09T05:00:00Z')))).toBe('2025-03-09T07:00:00.000Z'); // 03:00 EDT
    expect(isOpen(gap, t('2025-03-09T06:59:00Z'))).toBe(false); // 01:59 EST
    expect(isOpen(gap, t('2025-03-09T07:00:00Z'))).toBe(true);
    const repeat: OperatorHours = { timeZone: 'America/New_York', weekly: { sun: ['01:30-02:00'] } };
    expect(iso(nextOpening(repeat, t('2025-11-02T04:00:00Z')))).toBe('2025-11-02T05:30:00.000Z'); // 01:30 EDT, the first one
  });

  it('skips closed dates and weekends', () => {
    const hours: OperatorHours = { ...vilnius, closed: ['2025-12-24', '2025-12-25'] };
    expect(iso(nextOpening(hours, t('2025-12-23T17:00:00Z')))).toBe('2025-12-26T07:00:00.000Z');
    expect(iso(nextOpening(hours, t('2025-12-26T17:00:00Z')))).toBe('2025-12-29T07:00:00.000Z');
  });

  it('is null when nothing ever opens or the time zone is unknown', () => {
    expect(nextOpening({ timeZone: 'Europe/Vilnius', weekly: {} }, t('2025-01-01T00:00:00Z'))).toBeNull();
    const bad: OperatorHours = { timeZone: 'Mars/Olympus', weekly: weekdays(['00:00-24:00']) };
    expect(nextOpening(bad, t('2025-01-01T00:00:00Z'))).toBeNull();
    expect(isOpen(bad, t('2025-01-01T10:00:00Z'))).toBe(false);
  });
});

describe('checkHours', () => {
  it('reports an unknown zone, malformed intervals and dates with their paths', () => {
    expect(checkHours({ timeZone: 'Mars/Olympus', weekly: { mon: ['09:00-18:00', '9-18', '10:00-25:00'] }, closed: ['2025-02-30', '2025-12-24'] })).toEqual([
      { code: 'invalid-time-zone', path: 'timeZone', message: 'Unknown IANA time zone "Mars/Olympus"' },
      { code: 'invalid-interval', path: 'weekly.mon[1]', message: 'Expected "HH:MM-HH:MM", got "9-18"' },
      { code: 'invalid-interval', path: 'weekly.mon[2]', message: 'Expected "HH:MM-HH:MM", got "10:00-25:00"' },
      { code: 'invalid-date', path: 'closed[0]', message: 'Expected a date "YYYY-MM-DD", got "2025-02-30"' },
    ]);
    expect(checkHours({ timeZone: 'America/New_York', weekly: { fri: ['18:00-24:00', '22:00-02:00'] } })).toEqual([]);
  });
});
