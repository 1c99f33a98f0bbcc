/**
 * What Waymark's DOM events carry (their types ship with Waymark). Vue renders `wm-*` tags from `h()` as plain custom elements
 * (no component resolution, so no `compilerOptions.isCustomElement` is needed), sets a prop as a
 * DOM property when the element has one, else as an attribute, and `onWmAction` listens to
 * `wm-action` (the name is hyphenated, like `@wm-action` in a template).
 */
export type { WmActionEvent, WmStepChangeEvent } from 'waymark';
