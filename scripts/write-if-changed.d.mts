export function writeIfChanged(path: string, content: string): boolean;
