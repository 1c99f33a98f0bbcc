/** Everything that goes wrong inside Waymark arrives here as data, never as an exception in the host page. */
export interface WaymarkError {
  /** Stable code, e.g. `config-invalid`, `storage-fallback`, `sink-failed`, `internal`. */
  code: string;
  severity: 'warning' | 'error';
  message: string;
  /** Where it happened: `track`, `sensor:route`, `sink:segment`, `store`, … */
  where: string;
  /** For config problems: the JSON path of the field. */
  path?: (string | number)[];
  cause?: unknown;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return String(error);
  } catch {
    return 'unknown error';
  }
}
