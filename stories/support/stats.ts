// A stand-in for the host server's statistics route in stories: `/story-stats/<name>` answers what the story
// registered (figures, a failure, or nothing yet); every other request goes to the network as usual.
const answers = new Map<string, () => Promise<Response>>();
const marker = Symbol.for('cc-elements.story-stats');

type Patched = typeof fetch & { [marker]?: true };
if (!(window.fetch as Patched)[marker]) {
  const network = window.fetch.bind(window);
  const patched: Patched = (input, init) => {
    const answer = answers.get(String(input));
    return answer ? answer() : network(input, init);
  };
  patched[marker] = true;
  window.fetch = patched;
}

/** Makes `/story-stats/<name>` answer with `answer()`; returns the URL to put in `stats-endpoint`. */
export function statsRoute(name: string, answer: () => Promise<Response>): string {
  const url = `/story-stats/${name}`;
  answers.set(url, answer);
  return url;
}

export const json = (body: unknown, status = 200) => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

/** A request that never answers: the widget stays in its loading state. */
export const never = () => new Promise<Response>(() => undefined);
