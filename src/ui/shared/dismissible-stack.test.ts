// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createDismissibleStack } from './dismissible-stack.js';

const escape = () => {
  const event = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
  document.body.dispatchEvent(event);
  return event;
};

describe('createDismissibleStack', () => {
  it('Escape dismisses only the topmost layer, then the next', () => {
    const stack = createDismissibleStack(window);
    const closed: string[] = [];
    const removeA = stack.push({ dismiss: () => closed.push('a') });
    stack.push({ dismiss: () => closed.push('b') });
    const event = escape();
    expect(closed).toEqual(['b']);
    expect(event.defaultPrevented).toBe(true);
    removeA();
    expect(stack.size).toBe(1);
    stack.dispose();
  });

  it('removing a layer from the middle keeps the order, and an empty stack lets Escape through', () => {
    const stack = createDismissibleStack(window);
    const closed: string[] = [];
    const a = { dismiss: () => closed.push('a') };
    const removeA = stack.push(a);
    const removeB = stack.push({ dismiss: () => closed.push('b') });
    removeB();
    escape();
    expect(closed).toEqual(['a']);
    removeA();
    expect(escape().defaultPrevented).toBe(false);
  });

  it('two stacks on one window are independent (no shared module state)', () => {
    const first = createDismissibleStack(window);
    const second = createDismissibleStack(window);
    const closed: string[] = [];
    first.push({ dismiss: () => closed.push('first') });
    second.dispose();
    escape();
    expect(closed).toEqual(['first']);
    first.dispose();
    expect(escape().defaultPrevented).toBe(false);
  });
});
