import type { TaskData } from '@webex/contact-center';
import type { Consult, Destination, MediaType, Participant, TaskSnapshot, TaskState } from '../../core/types.js';
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

/** One entry of `interaction.participants`, as the SDK keeps it at run time (its types say `any`). */
interface RuntimeParticipant {
  readonly id?: unknown;
  readonly pType?: unknown;
  readonly type?: unknown;
  readonly name?: unknown;
  readonly hasLeft?: unknown;
  readonly dn?: unknown;
  readonly isMuted?: unknown;
}

/** The customer's leg: the main call's media entry, whose `participants` are who is on the call. */
function customerLeg(data: Data): { participants?: readonly string[] } | undefined {
  const media = data.interaction?.media ?? {};
  return media[data.interactionId] ?? Object.values(media).find((m) => m?.mType === 'mainCall');
}

/**
 * Whether the call is a conference, and who is on it, read from the data as the SDK reads it
 * (`getIsConferenceInProgress`): two agents or more (not a supervisor, not a bot) still on the customer's leg.
 * The agent who has left (exit, or handed it over) is in no conference any more. Each one is named as text:
 * the customer (with the call's number), the agent (`self`), the others as consulted (a DN party too).
 */
export function conferenceOf(data: Data, agentId: string, ani: string): { conference: true; participants: Participant[] } | null {
  const all = (data.interaction?.participants ?? {}) as Record<string, RuntimeParticipant | undefined>;
  const onCall = (customerLeg(data)?.participants ?? []).filter((id) => all[id] && !yes(all[id]?.hasLeft));
  const agents = onCall.filter((id) => !['Customer', 'Supervisor', 'VVA'].includes(str(all[id]?.pType)));
  if (agents.length < 2 || !onCall.includes(agentId)) return null;
  const participants = onCall.map((id): Participant => {
    const p = all[id] ?? {};
    const name = str(p.name);
    const customer = str(p.pType) === 'Customer';
    const number = customer ? ani : str(p.dn);
    return {
      id,
      role: customer ? 'customer' : id === agentId ? 'agent' : 'consulted',
      ...(name ? { name } : {}),
      ...(number ? { number } : {}),
      ...(id === agentId ? { self: true } : {}),
      ...(typeof p.isMuted === 'boolean' ? { muted: p.isMuted } : {}),
    };
  });
  return { conference: true, participants };
}

/** Whether the agent has left the customer's leg (left the conference, or handed it over). */
export const hasLeft = (data: Data, agentId: string): boolean =>
  yes((data.interaction?.participants as Record<string, RuntimeParticipant | undefined> | undefined)?.[agentId]?.hasLeft);

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
export function toSnapshot(data: Data, memo: TaskMemo, agentId = ''): TaskSnapshot {
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
  const conference = voice && memo.phase === 'connected' && agentId ? conferenceOf(data, agentId, ani) : null;
  return taskSnapshot(memo, {
    ...(conference ?? {}),
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
    // A conference has no consult left: its consulted party is on the call (see `participants`).
    consult: conference ? null : memo.consult,
    wrapupRequired: data.wrapUpRequired === true,
    autoWrapupAt: memo.autoWrapupAt,
    cad: cadOf(data),
  });
}
