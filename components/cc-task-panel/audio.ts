import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { DeskController } from '../../src/context/desk-controller.js';

type Host = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * The remote audio of browser calls: one `<audio>` per task that has a remote track (part `audio`), fed that
 * track after each update. A stream is made once per track and kept while the track lasts.
 */
export class CallAudio implements ReactiveController {
  #host: Host;
  #cc: DeskController;
  #streams = new Map<string, { track: MediaStreamTrack; stream: MediaStream }>();

  constructor(host: Host, cc: DeskController) {
    this.#host = host;
    this.#cc = cc;
    host.addController(this);
  }

  hostUpdated(): void {
    for (const audio of this.#host.renderRoot.querySelectorAll<HTMLAudioElement>('audio[data-task]')) {
      const taskId = audio.dataset.task!;
      const track = this.#cc.desk?.media(taskId) ?? null;
      if (!track) {
        this.#streams.delete(taskId);
        if (audio.srcObject) audio.srcObject = null;
        continue;
      }
      let entry = this.#streams.get(taskId);
      if (!entry || entry.track !== track) {
        entry = { track, stream: new MediaStream([track]) };
        this.#streams.set(taskId, entry);
      }
      if (audio.srcObject !== entry.stream) audio.srcObject = entry.stream;
    }
    for (const taskId of this.#streams.keys()) if (!this.#cc.state.media[taskId]) this.#streams.delete(taskId);
  }

  /** One `<audio>` per task with remote media. */
  render(): unknown {
    return repeat(
      Object.keys(this.#cc.state.media),
      (taskId) => taskId,
      (taskId) => html`<audio part="audio" autoplay data-task=${taskId}></audio>`,
    );
  }
}
