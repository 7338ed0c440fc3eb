import type { Destination, DestinationOption, MediaType } from '../../core/types.js';
import { text } from '../kit/index.js';
import type { WebexContext } from './context.js';
import type { WebexCc } from './sdk.js';
import { mediaTypeOf } from './snapshot.js';

/** A queue's `channelType` for each of the kit's media (webex-sdk.md #12: `getQueues` lists every channel's). */
const CHANNEL_OF: Readonly<Record<Exclude<MediaType, 'other'>, string>> = {
  telephony: 'TELEPHONY',
  chat: 'CHAT',
  email: 'EMAIL',
  social: 'SOCIAL_CHANNEL',
};

/**
 * Who and where a task can go: available agents (the buddy list), the org's queues, the names the agent saw them
 * by (kept, so a consult shows "Alex", not an id), and the number outbound calls show.
 */
export class WebexDirectory {
  readonly #ctx: WebexContext;
  #names = new Map<string, string>();
  #outdialOrigin: string | null = null;

  constructor(ctx: WebexContext) {
    this.#ctx = ctx;
  }

  /**
   * Agents or queues for a task's channel (webex-sdk.md #12): the buddy list is asked for its media type, and
   * of the org's queues (every channel's) those of another channel are left out. Without a task (or one the
   * backend does not know): a call's.
   */
  async destinations(kind: 'agent' | 'queue', taskId?: string): Promise<readonly DestinationOption[]> {
    const cc = this.#ctx.ready('destinations');
    const data = taskId === undefined ? undefined : this.#ctx.tasks.book.get(taskId)?.task.data;
    const media = data ? mediaTypeOf(data) : 'telephony';
    const channel = media === 'other' ? 'telephony' : media;
    const options = kind === 'agent' ? await this.#buddies(cc, channel) : await this.#queues(cc, CHANNEL_OF[channel]);
    for (const option of options) this.#names.set(`${option.type}:${option.to}`, option.name);
    return options;
  }

  /** The destination, trimmed, with the name it was listed under when it has none. */
  named(destination: Destination): Destination {
    const to = destination.to.trim();
    const name = destination.name ?? this.#names.get(`${destination.type}:${to}`);
    return { type: destination.type, to, ...(name ? { name } : {}) };
  }

  /** The outdial ANI: the backend's option, else the first entry of the profile's ANI list (asked once per session). */
  async origin(cc: WebexCc): Promise<string> {
    if (this.#ctx.options.outdialAni) return this.#ctx.options.outdialAni;
    if (this.#outdialOrigin !== null) return this.#outdialOrigin;
    const aniId = text(this.#ctx.raw?.outdialANIId);
    let origin = '';
    if (aniId) {
      try {
        const entries = await cc.getOutdialAniEntries({ outdialANI: aniId });
        origin = Array.isArray(entries) ? text(entries[0]?.number) : '';
      } catch {
        origin = '';
      }
    }
    this.#outdialOrigin = origin;
    return origin;
  }

  /** A new session: what was learnt of the last one's profile goes. */
  forget(): void {
    this.#outdialOrigin = null;
  }

  async #buddies(cc: WebexCc, mediaType: Exclude<MediaType, 'other'>): Promise<DestinationOption[]> {
    const response = await this.#ctx.calls.run('destinations', () => cc.getBuddyAgents({ mediaType, state: 'Available' }));
    const list = (response as { data?: { agentList?: unknown } } | undefined)?.data?.agentList;
    const me = this.#ctx.profile?.agentId;
    const teams = new Map((this.#ctx.profile?.teams ?? []).map((t) => [t.id, t.name]));
    return (Array.isArray(list) ? list : [])
      .map((b: { agentId?: unknown; agentName?: unknown; teamId?: unknown }) => {
        const to = text(b.agentId);
        const team = teams.get(text(b.teamId));
        return { type: 'agent' as const, to, name: text(b.agentName) || to, ...(team ? { detail: team } : {}) };
      })
      .filter((b) => b.to && b.to !== me);
  }

  async #queues(cc: WebexCc, channel: string): Promise<DestinationOption[]> {
    const out: DestinationOption[] = [];
    for (let page = 0; page < 20; page++) {
      const response = await this.#ctx.calls.run('destinations', () => cc.getQueues({ page, pageSize: 100 }));
      const items: unknown[] = Array.isArray(response) ? response : Array.isArray(response?.data) ? response.data : [];
      for (const q of items as { id?: unknown; name?: unknown; active?: unknown; description?: unknown; channelType?: unknown }[]) {
        const to = text(q.id);
        if (!to || q.active === false) continue;
        // A queue that names no channel is kept (the kit cannot tell); one of another channel is not.
        const type = text(q.channelType).toUpperCase();
        if (type && type !== channel) continue;
        const detail = text(q.description);
        out.push({ type: 'queue', to, name: text(q.name) || to, ...(detail ? { detail } : {}) });
      }
      const pages = Number((response as { meta?: { totalPages?: unknown } } | undefined)?.meta?.totalPages);
      if (Array.isArray(response) || !Number.isFinite(pages) || page + 1 >= pages || items.length === 0) break;
    }
    return out;
  }
}
