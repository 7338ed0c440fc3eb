// A Desk straight on a backend, as the exported contract suite (cc-elements/testing) builds it.
import type { Backend } from '../src/core/backend.js';
import { deskOn } from '../testing/desk.js';

export { deskOn };

/**
 * A Desk on `backend` (deskOn) and what a backend's own tests read of it: a task by id, the error under a key,
 * the details of every outcome of a type; `close` detaches the backend and disposes of it.
 */
export function deskReader<B extends Backend>(backend: B) {
  const { events, outcomes, desk, run } = deskOn(backend);
  const task = (id: string) => desk.state.tasks.find((t) => t.id === id);
  const error = (key: string) => desk.state.errors[key];
  const named = (type: string) => outcomes.filter((e) => e.type === type).map((e) => e.detail as Record<string, unknown>);
  const close = () => {
    desk.attach(null);
    backend.dispose();
  };
  return { backend, events, outcomes, desk, run, task, error, named, close };
}
