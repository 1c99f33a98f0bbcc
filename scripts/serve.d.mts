import type { Server } from 'node:http';

export interface ServeOptions {
  root: string;
  port?: number;
  host?: string;
  headers?: Record<string, string>;
}
export function serve(options: ServeOptions): Promise<Server>;
export function serveOnFreePort(options: ServeOptions & { attempts?: number }): Promise<{ server: Server; port: number }>;
