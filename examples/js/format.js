// Display formatting, in the app's language (English; Waymark content follows the chosen locale).

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

export const formatDate = (ms) => dateFormat.format(ms);
export const formatMonth = (ms) => monthFormat.format(ms);
export const formatMoney = (amount) => money.format(amount);
export const formatCompact = (value) => compact.format(value);

/** "3 hours ago", "yesterday", "just now". */
export function formatRelative(ms, now) {
  const seconds = Math.round((ms - now) / 1000);
  const steps = [[60, 'second'], [60, 'minute'], [24, 'hour'], [30, 'day'], [12, 'month'], [Infinity, 'year']];
  let value = seconds;
  for (const [size, unit] of steps) {
    if (Math.abs(value) < size) return Math.abs(value) < 10 && unit === 'second' ? 'just now' : relative.format(value, unit);
    value = Math.round(value / size);
  }
  return dateFormat.format(ms);
}

export function initials(name) {
  return name.split(/\s+/).map((part) => part[0] ?? '').join('').slice(0, 2).toUpperCase();
}
