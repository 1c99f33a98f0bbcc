import type { Plugin } from 'rollup';

/** A rollup plugin: the `css` template literals of Waymark's sources, minified in place. */
export function cssLiterals(): Plugin;
