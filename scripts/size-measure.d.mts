export interface PagePath {
  entry: number;
  /** The source modules the entry and its static imports hold. */
  entryModules: string[];
  total: number;
  requests: number;
  /** Each file with the source modules inside it. */
  files: Array<{ file: string; gzip: number; modules: string[] }>;
  unwanted: string[];
}
export const root: string;
export function scriptTagPath(): PagePath;
export function npmPath(): Promise<PagePath>;
export function measure(): Promise<{ scriptTag: PagePath; npm: PagePath }>;
