import type { Destination, DestinationKind, DestinationOption, MediaType, OutdialOrigin } from '../../core/types.js';
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
  async destinations(kind: DestinationKind, taskId?: string): Promise<readonly DestinationOption[]> {
    const cc = this.#ctx.ready('destinations');
    const data = taskId === undefined ? undefined : this.#ctx.tasks.book.get(taskId)?.task.data;
    const media = data ? mediaTypeOf(data) : 'telephony';
    const channel = media === 'other' ? 'telephony' : media;
    let options: DestinationOption[];
    if (kind === 'agent') options = await this.#buddies(cc, channel);
    else if (kind === 'queue') options = await this.#queues(cc, CHANNEL_OF[channel]);
    else if (kind === 'entryPoint') options = await this.#entryPoints(cc, CHANNEL_OF[channel]);
    // The address book holds numbers to dial: a call's destinations only.
    else options = channel === 'telephony' ? await this.#addressBook(cc) : [];
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
    let origin = '';
    try {
      origin = (await this.#aniEntries(cc))[0]?.number ?? '';
    } catch {
      origin = '';
    }
    this.#outdialOrigin = origin;
    return origin;
  }

  /**
   * The numbers an outbound call may show: the entries of the profile's outdial ANI list (`getOutdialAniEntries`),
   * the backend's `outdialAni` option first when it names one of them (or stands alone when the list is empty).
   */
  async origins(): Promise<readonly OutdialOrigin[]> {
    const cc = this.#ctx.ready('outdial');
    const entries = await this.#aniEntries(cc);
    const chosen = this.#ctx.options.outdialAni;
    if (!chosen) return entries;
    const own = entries.find((e) => e.number === chosen) ?? { number: chosen, name: chosen };
    return [own, ...entries.filter((e) => e.number !== chosen)];
  }

  async #aniEntries(cc: WebexCc): Promise<OutdialOrigin[]> {
    const aniId = text(this.#ctx.raw?.outdialANIId);
    if (!aniId) return [];
    const entries = await this.#ctx.calls.run('outdial', () => cc.getOutdialAniEntries({ outdialANI: aniId }));
    const list: unknown[] = Array.isArray(entries) ? entries : [];
    return (list as { number?: unknown; name?: unknown }[])
      .map((e) => ({ number: text(e.number), name: text(e.name) || text(e.number) }))
      .filter((e) => e.number);
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

  /** The org's active entry points, of the task's channel when they name one (`getEntryPoints`, every page). */
  async #entryPoints(cc: WebexCc, channel: string): Promise<DestinationOption[]> {
    const out: DestinationOption[] = [];
    for (let page = 0; page < 20; page++) {
      const response = await this.#ctx.calls.run('destinations', () => cc.getEntryPoints({ page, pageSize: 100 }));
      const items: unknown[] = Array.isArray(response?.data) ? response.data : [];
      for (const ep of items as { id?: unknown; name?: unknown; isActive?: unknown; description?: unknown; channelType?: unknown }[]) {
        const to = text(ep.id);
        if (!to || ep.isActive === false) continue;
        // The SDK's type has no channel; an entry point that names one of another channel is left out.
        const type = text(ep.channelType).toUpperCase();
        if (type && type !== channel) continue;
        const detail = text(ep.description);
        out.push({ type: 'entryPoint', to, name: text(ep.name) || to, ...(detail ? { detail } : {}) });
      }
      const pages = Number(response?.meta?.totalPages);
      if (!Number.isFinite(pages) || page + 1 >= pages || items.length === 0) break;
    }
    return out;
  }

  /** The agent's address book (`addressBook.getEntries`, every page): each entry a number to dial, by name. */
  async #addressBook(cc: WebexCc): Promise<DestinationOption[]> {
    const book = cc.addressBook;
    if (!book || typeof book.getEntries !== 'function') return [];
    const out: DestinationOption[] = [];
    for (let page = 0; page < 20; page++) {
      const response = await this.#ctx.calls.run('destinations', () => book.getEntries({ page, pageSize: 100 }));
      const items: unknown[] = Array.isArray(response?.data) ? response.data : [];
      for (const entry of items as { number?: unknown; name?: unknown }[]) {
        const to = text(entry.number);
        if (to) out.push({ type: 'dialNumber', to, name: text(entry.name) || to });
      }
      const pages = Number(response?.meta?.totalPages);
      if (!Number.isFinite(pages) || page + 1 >= pages || items.length === 0) break;
    }
    return out;
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
