import { describe, expect, it } from 'vitest';
import { Emitter } from './emitter.js';

type Events = { ping: number; error: string };

describe('Emitter', () => {
  it('delivers to every listener in order and unsubscribes', () => {
    const emitter = new Emitter<Events>(() => {});
    const seen: string[] = [];
    const offA = emitter.on('ping', (n) => seen.push(`a${n}`));
    emitter.on('ping', (n) => seen.push(`b${n}`));
    emitter.emit('ping', 1);
    offA();
    emitter.emit('ping', 2);
    expect(seen).toEqual(['a1', 'b1', 'b2']);
  });

  it('a listener that unsubscribes another mid-emit does not make it skip this round', () => {
    const emitter = new Emitter<Events>(() => {});
    const seen: string[] = [];
    let offB = () => {};
    emitter.on('ping', () => {
      seen.push('a');
      offB();
    });
    offB = emitter.on('ping', () => seen.push('b'));
    emitter.on('ping', () => seen.push('c'));
    emitter.emit('ping', 0);
    emitter.emit('ping', 0);
    expect(seen).toEqual(['a', 'b', 'c', 'a', 'c']);
  });

  it('a throwing listener is reported and the rest still run', () => {
    const reported: string[] = [];
    const emitter = new Emitter<Events>((error, type) => reported.push(`${type}:${(error as Error).message}`));
    const seen: number[] = [];
    emitter.on('ping', () => {
      throw new Error('boom');
    });
    emitter.on('ping', (n) => seen.push(n));
    emitter.emit('ping', 7);
    expect(seen).toEqual([7]);
    expect(reported).toEqual(['ping:boom']);
  });

  it('a throwing error listener does not loop', () => {
    const reported: unknown[] = [];
    const emitter = new Emitter<Events>((error) => reported.push(error));
    emitter.on('error', () => {
      throw new Error('again');
    });
    emitter.emit('error', 'x');
    expect(reported).toEqual([]);
  });
});
