import type { TaskData } from '@webex/contact-center';
import type { Consult, Destination, MediaType, TaskSnapshot, TaskState } from '../../core/types.js';
import { flag as yes, taskSnapshot, text as str, type TaskLife } from '../kit/index.js';

/**
 * What the adapter knows of a task beyond `task.data`: when it saw it happen, and what it asked for. The SDK
 * keeps no mute flag it exposes, no consult destination by name, no notes.
 */
export interface TaskMemo extends TaskLife {
  muted: boolean;
  consult: Consult | null;
  autoWrapupAt: number | null;
}

/** Fields the SDK's types leave out but every payload has at run time. */
interface RuntimeInteraction {
  readonly callAssociatedDetails?: Record<string, unknown>;
  readonly callAssociatedData?: Record<string, { readonly value?: unknown } | undefined>;
}

type Data = TaskData;


export function mediaTypeOf(data: Data): MediaType {
  const media = str(data.interaction?.mediaType ?? data.interaction?.mediaChannel).toLowerCase();
  if (media === 'telephony' || media === 'chat' || media === 'email' || media === 'social') return media;
  if (media === 'sms' || media === 'facebook' || media === 'whatsapp' || media === 'messenger' || media === 'apple') return 'social';
  return 'chat';
}

/** The media leg of the customer call, whose `isHold` tells whether the customer is on hold. */
export function mainMedia(data: Data): { mediaResourceId?: string; isHold?: boolean; holdTimestamp?: number | null } | undefined {
  const media = data.interaction?.media ?? {};
  return (
    media[data.mediaResourceId] ??
    (data.interaction?.mainInteractionId ? media[data.interaction.mainInteractionId] : undefined) ??
    Object.values(media).find((m) => m?.mType === 'mainCall') ??
    media[data.interactionId]
  );
}

/** The mediaResourceId `hold`/`resume` act on: the customer's leg. */
export const mainMediaResourceId = (data: Data): string => str(mainMedia(data)?.mediaResourceId) || str(data.mediaResourceId) || str(data.interactionId);

/** Where a task stands, read from its data alone (a hydrated task, a re-sync). */
export function phaseOf(data: Data, agentId: string): TaskState {
  const interaction = data.interaction;
  const me = interaction?.participants?.[agentId] as { isWrapUp?: unknown } | undefined;
  if (str(interaction?.state) === 'new') return 'offered';
  if (str(interaction?.state).toLowerCase() === 'wrapup' || data.wrapUpRequired === true || yes(me?.isWrapUp)) return 'wrapup';
  return 'connected';
}

/** A consult under way, read from the data: a consult leg in the media, or the interaction's state. */
export function consultOf(data: Data, agentId: string, now: number): Consult | null {
  const media = Object.values(data.interaction?.media ?? {});
  const leg = media.find((m) => m?.mType === 'consult');
  if (!leg && str(data.interaction?.state) !== 'consulting') return null;
  const other = (leg?.participants ?? []).find((p) => p !== agentId) ?? str(data.destAgentId);
  const details = data.interaction?.callProcessingDetails;
  const destination: Destination = {
    type: (['queue', 'dialNumber', 'entryPoint'] as const).find((t) => t === str(data.destinationType)) ?? 'agent',
    to: other,
    ...(str(details?.consultDestinationAgentName) ? { name: str(details?.consultDestinationAgentName) } : {}),
  };
  const joined = yes(details?.consultDestinationAgentJoined) || str(data.interaction?.state) === 'consulting';
  return { destination, state: joined ? 'connected' : 'ringing', startedAt: now };
}

function cadOf(data: Data): Record<string, string> {
  const cad: Record<string, string> = {};
  const vars = (data.interaction as RuntimeInteraction | undefined)?.callAssociatedData ?? {};
  for (const [key, variable] of Object.entries(vars)) {
    const value = variable && typeof variable === 'object' ? variable.value : variable;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') cad[key] = String(value);
  }
  return cad;
}

/**
 * A whole, plain TaskSnapshot from `task.data` and what the adapter remembers of the task. Nothing of the
 * SDK's objects is kept: every field is copied as a string, number, boolean or null.
 */
export function toSnapshot(data: Data, memo: TaskMemo): TaskSnapshot {
  const interaction = data.interaction;
  const details = (interaction?.callProcessingDetails ?? {}) as Partial<NonNullable<typeof interaction>['callProcessingDetails']>;
  const assoc = (interaction as RuntimeInteraction | undefined)?.callAssociatedDetails ?? {};
  const mediaType = mediaTypeOf(data);
  const outbound = str(interaction?.contactDirection?.type).toUpperCase() === 'OUTBOUND' || Boolean(str(interaction?.outboundType));
  const ani = outbound
    ? str(details.dnis) || str(assoc.dn) || str(assoc.ani) || str(details.customerNumber)
    : str(assoc.ani) || str(details.ani) || str(details.displayAni) || str(details.customerNumber) || str(details.fromAddress);
  const customerName = str(assoc.customerName) || str(details.customerName);
  const subject = str(assoc.subject) || str((details as Record<string, unknown>).subject);
  const queueId = str(details.QueueId) || str(interaction?.currentVTeam) || str(data.queueMgr);
  const queueName = str(details.virtualTeamName) || str(assoc.virtualTeamName) || str(data.queueName);
  const ronaSeconds = Number(data.ronaTimeout ?? details.ronaTimeout ?? assoc.ronaTimeout);
  const main = mainMedia(data);
  const voice = mediaType === 'telephony';
  const paused = voice && yes(details.isPaused);
  return taskSnapshot(memo, {
    id: str(data.interactionId),
    mediaType,
    direction: outbound ? 'outbound' : 'inbound',
    ani,
    ...(customerName ? { customerName } : {}),
    ...(subject ? { subject } : {}),
    ...(queueId ? { queue: { id: queueId, name: queueName || queueId } } : {}),
    ronaAfterMs: Number.isFinite(ronaSeconds) ? ronaSeconds * 1000 : null,
    held: voice && main?.isHold === true,
    heldSince: Number.isFinite(Number(main?.holdTimestamp)) ? Number(main?.holdTimestamp) : null,
    muted: memo.muted,
    recording: voice && (yes(details.recordInProgress) || yes(details.recordingStarted) || paused),
    recordingPaused: paused,
    consult: memo.consult,
    wrapupRequired: data.wrapUpRequired === true,
    autoWrapupAt: memo.autoWrapupAt,
    cad: cadOf(data),
  });
}
