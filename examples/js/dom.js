// Safe DOM building for the demo app. Every string becomes a text node or an attribute value:
// nothing is ever parsed as HTML, so the app runs with Trusted Types enforced.

const PROPERTY_KEYS = new Set(['value', 'checked', 'disabled', 'hidden', 'selected', 'readOnly', 'required', 'indeterminate']);
const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Create an element: `h('button', { class: 'btn', type: 'button', on: { click } }, 'Save')`.
 * `class` may be a string or an array with falsy entries; `on` adds listeners; `dataset` sets data-*;
 * boolean `false`/`null`/`undefined` attributes are left out. Children may be strings, nodes, arrays or falsy.
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  applyProps(element, props);
  append(element, children);
  return element;
}

/** An SVG element (icons, charts), same props as `h`. */
export function s(tag, props = {}, ...children) {
  const element = document.createElementNS(SVG_NS, tag);
  applyProps(element, props);
  append(element, children);
  return element;
}

function applyProps(element, props) {
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') {
      const names = (Array.isArray(value) ? value : [value]).filter(Boolean);
      if (names.length) element.setAttribute('class', names.join(' '));
    } else if (key === 'on') {
      for (const [type, listener] of Object.entries(value)) element.addEventListener(type, listener);
    } else if (key === 'dataset') {
      for (const [name, data] of Object.entries(value)) element.dataset[name] = String(data);
    } else if (PROPERTY_KEYS.has(key)) {
      element[key] = value;
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
}

/** Append children, flattening arrays and skipping falsy ones. */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false || child === '') continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replace every child of `parent`. */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** A unique id for label/aria wiring (random, so no counter has to live at module level). */
export function uid(prefix) {
  const [random] = crypto.getRandomValues(new Uint32Array(1));
  return `${prefix}-${random.toString(36)}`;
}
