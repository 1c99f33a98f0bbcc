/** The text of a `css` template literal's static part without comments and needless whitespace. */
export function minifyCss(text: string, edges?: { first?: boolean; last?: boolean }): string;
