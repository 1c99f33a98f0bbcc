import { h, uid } from './dom.js';

/**
 * A labelled form field: label, optional hint, the control, and an error slot the validator fills.
 * `control` is an input/select/textarea built by the caller; its id and aria-describedby are wired here.
 */
export function field({ label, hint, control, optional = false, className }) {
  const id = control.id || uid(control.name || 'field');
  control.id = id;
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  control.dataset.hintId = hintId ?? '';
  control.dataset.errorId = errorId;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h(
    'div',
    { class: ['field', className] },
    h('label', { class: 'field__label', for: id }, label, optional && h('span', { class: 'field__optional' }, ' (optional)')),
    hint && h('p', { class: 'field__hint', id: hintId }, hint),
    control,
    h('p', { class: 'field__error', id: errorId, hidden: true }),
  );
}

/** Show or clear one control's error, keeping the hint in its description. */
export function setFieldError(control, message) {
  const error = control.ownerDocument.getElementById(control.dataset.errorId);
  const describedBy = [control.dataset.hintId, message ? control.dataset.errorId : null].filter(Boolean).join(' ');
  if (describedBy) control.setAttribute('aria-describedby', describedBy);
  else control.removeAttribute('aria-describedby');
  if (message) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
  if (error) {
    error.textContent = message ?? '';
    error.hidden = !message;
  }
}

/**
 * Validate a form against `rules` (`{ fieldName: [{ test(value, values), message }] }`).
 * Marks every invalid control, focuses the first, and returns `{ ok, values, errors }`.
 */
export function validateForm(form, rules) {
  const values = Object.fromEntries([...new FormData(form)].map(([key, value]) => [key, typeof value === 'string' ? value.trim() : value]));
  const errors = {};
  for (const [name, checks] of Object.entries(rules)) {
    const failed = checks.find((check) => !check.test(values[name] ?? '', values));
    if (failed) errors[name] = failed.message;
  }
  let first = null;
  for (const control of form.querySelectorAll('[name]')) {
    if (!(control.name in rules)) continue;
    setFieldError(control, errors[control.name] ?? null);
    if (errors[control.name] && !first) first = control;
  }
  first?.focus();
  return { ok: Object.keys(errors).length === 0, values, errors };
}

/** Clear a control's error as soon as the user edits it. */
export function clearErrorsOnInput(form) {
  form.addEventListener('input', (event) => {
    if (event.target instanceof Element && event.target.getAttribute('aria-invalid') === 'true') setFieldError(event.target, null);
  });
  return form;
}

export const required = (message) => ({ test: (value) => value !== '', message });
export const matches = (pattern, message) => ({ test: (value) => value === '' || pattern.test(value), message });
export const lengthBetween = (min, max, message) => ({ test: (value) => value === '' || (value.length >= min && value.length <= max), message });
export const isEmail = (message) => matches(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, message);
