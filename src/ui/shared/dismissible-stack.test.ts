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

describe('Escape belongs to the layer that holds focus', () => {
  const pressIn = (target: Element) => {
    const event = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true, composed: true });
    target.dispatchEvent(event);
    return event;
  };

  it('focus in the host page (its own menu): the host keeps Escape and no Waymark layer closes', () => {
    const stack = createDismissibleStack(window);
    const surface = document.createElement('div');
    const menu = document.createElement('button');
    document.body.append(surface, menu);
    const closed: string[] = [];
    stack.push({ dismiss: () => closed.push('panel'), element: surface });
    const event = pressIn(menu);
    expect(closed).toEqual([]);
    expect(event.defaultPrevented).toBe(false);
    stack.dispose();
    surface.remove();
    menu.remove();
  });

  it('focus inside a lower layer: Escape is Waymark\'s and the topmost layer closes first', () => {
    const stack = createDismissibleStack(window);
    const panel = document.createElement('div');
    const field = document.createElement('input');
    panel.append(field);
    const card = document.createElement('div');
    document.body.append(panel, card);
    const closed: string[] = [];
    stack.push({ dismiss: () => closed.push('panel'), element: panel });
    stack.push({ dismiss: () => closed.push('card'), element: card });
    expect(pressIn(field).defaultPrevented).toBe(true);
    expect(closed).toEqual(['card']);
    stack.dispose();
    panel.remove();
    card.remove();
  });

  it('focus on the element a layer is anchored to (a hint opened on focus) counts as inside it', () => {
    const stack = createDismissibleStack(window);
    const surface = document.createElement('div');
    const target = document.createElement('button');
    document.body.append(surface, target);
    const closed: string[] = [];
    stack.push({ dismiss: () => closed.push('hint'), element: surface, anchors: () => [target] });
    expect(pressIn(target).defaultPrevented).toBe(true);
    expect(closed).toEqual(['hint']);
    stack.dispose();
    surface.remove();
    target.remove();
  });

  it('a Waymark modal on top takes Escape wherever focus is', () => {
    const stack = createDismissibleStack(window);
    const dialogHost = document.createElement('div');
    const outside = document.createElement('button');
    document.body.append(dialogHost, outside);
    const closed: string[] = [];
    stack.push({ dismiss: () => closed.push('modal'), element: dialogHost, modal: () => true });
    expect(pressIn(outside).defaultPrevented).toBe(true);
    expect(closed).toEqual(['modal']);
    stack.dispose();
    dialogHost.remove();
    outside.remove();
  });

  it('keeps one companion per maker, made on first use and disposed with the stack (how the UI attaches its coordinator)', () => {
    const stack = createDismissibleStack(window);
    const made: string[] = [];
    const disposed: string[] = [];
    const coordinator = (win: Window) => {
      made.push(win === window ? 'coordinator' : 'other window');
      return { dispose: () => disposed.push('coordinator') };
    };
    expect(made).toEqual([]);
    const first = stack.companion(coordinator);
    expect(stack.companion(coordinator)).toBe(first);
    expect(made).toEqual(['coordinator']);
    expect(createDismissibleStack(window).companion(coordinator)).not.toBe(first);
    stack.dispose();
    expect(disposed).toEqual(['coordinator']);
  });
});
