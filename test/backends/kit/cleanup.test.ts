import { expect } from '@open-wc/testing';
import { Cleanup } from '../../../src/backends/kit/cleanup.js';

class Source {
  listeners = new Map<string, Set<unknown>>();
  on(event: string, listener: unknown) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
  }
  off(event: string, listener: unknown) {
    this.listeners.get(event)?.delete(listener);
  }
  get count() {
    return [...this.listeners.values()].reduce((n, s) => n + s.size, 0);
  }
}

describe('kit: Cleanup', () => {
  it('removes every listener it added, once', () => {
    const source = new Source();
    const cleanup = new Cleanup();
    cleanup.on(source, 'a', () => 1);
    cleanup.on(source, 'b', () => 2);
    expect(source.count).to.equal(2);
    expect(cleanup.size).to.equal(2);
    cleanup.run();
    expect(source.count).to.equal(0);
    expect(cleanup.size).to.equal(0);
    cleanup.run();
  });

  it('an undo step that throws does not stop the others; newest first', () => {
    const cleanup = new Cleanup();
    const done: string[] = [];
    cleanup.add(() => done.push('first'));
    cleanup.add(() => {
      throw new Error('half torn down');
    });
    cleanup.add(() => done.push('last'));
    cleanup.run();
    expect(done).to.deep.equal(['last', 'first']);
  });
});
