/** Keep only JSON-safe scalar props (no functions, DOM nodes or cycles reach the engine or storage). */
export function safeProps(props: Record<string, unknown>): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = Object.create(null);
  let count = 0;
  for (const key of Object.keys(props)) {
    if (++count > 50) break;
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const value = props[key];
    if (value === null || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) out[key] = value;
    else if (typeof value === 'string') out[key] = value.slice(0, 500);
  }
  return out;
}
