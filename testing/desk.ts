// A Desk (what `<cc-sdk>` runs) straight on a backend, without any element: for the backend tests.
import type { Backend, BackendEvent } from '../src/core/backend.js';
import { Desk } from '../src/context/desk.js';
import { request, type CcOutcomeEvent, type RequestDetails, type RequestName } from '../src/events/events.js';

/** A Desk on `backend`, recording what the backend emitted and what the desk announced; `run` sends a request. */
export function deskOn(backend: Backend) {
  const events: BackendEvent[] = [];
  backend.subscribe((e) => events.push(e));
  const outcomes: CcOutcomeEvent[] = [];
  const desk = new Desk((e) => outcomes.push(e));
  desk.attach(backend);
  const run = <N extends RequestName>(name: N, detail: RequestDetails[N]) => desk.run(request(name, detail));
  return { events, outcomes, desk, run };
}
