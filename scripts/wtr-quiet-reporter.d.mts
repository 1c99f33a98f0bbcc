import type { Reporter } from '@web/test-runner';

export function quietReporter(options?: { showAllLogs?: boolean; reportTestResults?: boolean; reportTestProgress?: boolean }): Reporter;
export function browserLogFilter(options?: { showDebug?: boolean }): (log: { type: string; args: unknown[] }) => boolean;
