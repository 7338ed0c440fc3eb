import type { Profile as SdkProfile } from '@webex/contact-center';
import { AVAILABLE_CODE, type AgentStateSnapshot, type AuxCode, type ChangeSource, type DialRule, type LoginOption, type Profile, type Station, type Team } from '../../core/types.js';
import { text as str } from '../kit/index.js';

/** A team as `register()` really returns it (`{id, name, …}`), or as the SDK's types say (`{teamId, teamName}`). */
interface RuntimeTeam {
  readonly id?: unknown;
  readonly name?: unknown;
  readonly teamId?: unknown;
  readonly teamName?: unknown;
}

interface RuntimeCode {
  readonly id?: unknown;
  readonly name?: unknown;
  readonly isSystem?: unknown;
  readonly isDefault?: unknown;
}

const LOGIN_OPTIONS: readonly LoginOption[] = ['BROWSER', 'AGENT_DN', 'EXTENSION'];

/** The SDK's own check of an AGENT_DN when the profile has no dial plan (`FALLBACK_DIAL_NUMBER_REGEX`). */
const SDK_FALLBACK_DIAL_NUMBER = '1[0-9]{3}[2-9][0-9]{6}([,]{1,10}[0-9]+){0,1}';


function teamOf(raw: RuntimeTeam): Team | null {
  const id = str(raw.id) || str(raw.teamId);
  if (!id) return null;
  return { id, name: str(raw.name) || str(raw.teamName) || id };
}

function codeOf(raw: RuntimeCode): AuxCode | null {
  const id = str(raw.id);
  if (!id) return null;
  return { id, name: str(raw.name) || id, ...(raw.isDefault === true ? { isDefault: true } : {}) };
}

function regexSource(value: unknown): string | null {
  const source = value instanceof RegExp ? value.source : str(value);
  if (!source) return null;
  try {
    new RegExp(source);
    return source;
  } catch {
    return null;
  }
}

/**
 * The AGENT_DN rule. The SDK accepts a number when any dial-plan regex finds a match anywhere in it
 * (`regex.test(input)`); with no dial plan, when its US fallback does. The kit matches a rule against the whole
 * number, so the sources are wrapped to match the same numbers the SDK does.
 */
function agentDnRule(raw: SdkProfile): DialRule {
  const plan = (raw.dialPlan?.dialPlanEntity ?? []).map((e) => regexSource((e as { regex?: unknown }).regex));
  const tenant = [regexSource(raw.regexUS), regexSource(raw.regexOther)];
  const sources = [plan, tenant].map((list) => list.filter((s): s is string => Boolean(s))).find((list) => list.length > 0) ?? [
    SDK_FALLBACK_DIAL_NUMBER,
  ];
  const example = str(raw.defaultDn) || str(raw.dn) || '+14155550123';
  return { pattern: `[\\s\\S]*(?:${sources.join('|')})[\\s\\S]*`, example };
}

/** Seconds of auto wrap-up. The SDK runs its timer with `autoWrapupInterval` as milliseconds; so does this. */
function autoWrapupSeconds(raw: SdkProfile): number | null {
  const props = raw.wrapUpData?.wrapUpProps;
  const ms = Number(props?.autoWrapupInterval);
  if (!props?.autoWrapup || !Number.isFinite(ms) || ms <= 0) return null;
  return Math.max(1, Math.round(ms / 1000));
}

/**
 * The kit's Profile from the SDK's: teams as `register()` really returns them; BROWSER only when WebRTC is
 * enabled for the org; idle codes the agent may choose (not the appended `Available`, nor system codes such as
 * RONA); the dial-number rule the SDK checks; auto wrap-up from `wrapUpData`.
 */
export function toProfile(raw: SdkProfile): Profile {
  const teams = ((raw.teams ?? []) as readonly RuntimeTeam[]).map(teamOf).filter((t): t is Team => t !== null);
  const offered = (raw.loginVoiceOptions ?? []) as readonly string[];
  const loginOptions = LOGIN_OPTIONS.filter((o) => offered.includes(o) && (o !== 'BROWSER' || raw.webRtcEnabled === true));
  const idleCodes = ((raw.idleCodes ?? []) as readonly RuntimeCode[])
    .filter((c) => str(c.id) !== '0' && c.isSystem !== true)
    .map(codeOf)
    .filter((c): c is AuxCode => c !== null);
  const wrapupCodes = ((raw.wrapupCodes ?? []) as readonly RuntimeCode[]).map(codeOf).filter((c): c is AuxCode => c !== null);
  const defaultDialNumber = str(raw.defaultDn) || str(raw.dn);
  return {
    agentId: str(raw.agentId),
    agentName: str(raw.agentName) || str(raw.agentMailId) || str(raw.agentId),
    ...(str(raw.agentMailId) ? { email: str(raw.agentMailId) } : {}),
    teams,
    loginOptions,
    dialRules: loginOptions.includes('AGENT_DN') ? { AGENT_DN: agentDnRule(raw) } : {},
    ...(defaultDialNumber ? { defaultDialNumber } : {}),
    idleCodes,
    wrapupCodes,
    autoWrapupSeconds: autoWrapupSeconds(raw),
  };
}

/** Every idle code of the raw profile, system codes included, by id: to name the code an agent is put in. */
export function allIdleCodes(raw: SdkProfile): ReadonlyMap<string, string> {
  const codes = new Map<string, string>();
  for (const c of (raw.idleCodes ?? []) as readonly RuntimeCode[]) if (str(c.id)) codes.set(str(c.id), str(c.name));
  return codes;
}

/** The agent-state fields of `AgentStateChangeSuccess`, station login and relogin payloads. */
export interface StateData {
  readonly auxCodeId?: unknown;
  readonly subStatus?: unknown;
  readonly status?: unknown;
  readonly lastStateChangeTimestamp?: unknown;
  readonly lastStateChangeReason?: unknown;
}

/** Whether an idle code is the one Webex puts an agent in after an unanswered offer. */
export const isRonaCode = (codes: ReadonlyMap<string, string>, auxCodeId: string): boolean =>
  /^rona$/i.test(codes.get(auxCodeId) ?? '');

export function agentStateOf(data: StateData, by: ChangeSource, codes: ReadonlyMap<string, string>, now: number): AgentStateSnapshot {
  const aux = str(data.auxCodeId) || '0';
  const sub = str(data.subStatus);
  const reason = str(data.lastStateChangeReason);
  const since = Number(data.lastStateChangeTimestamp);
  const state = isRonaCode(codes, aux) || sub === 'RONA' ? 'RONA' : aux === '0' || sub === 'Available' ? 'Available' : 'Idle';
  return {
    state,
    auxCodeId: state === 'Available' ? AVAILABLE_CODE : aux,
    since: Number.isFinite(since) && since > 0 ? since : now,
    by: state === 'RONA' ? 'system' : by,
    ...(reason ? { reason } : {}),
  };
}

/** A station from the profile of an agent already logged in, or from a (re)login payload. */
export function stationOf(teamId: unknown, deviceType: unknown, dialNumber: unknown): Station | null {
  const team = str(teamId);
  const option = str(deviceType) as LoginOption;
  if (!team || !LOGIN_OPTIONS.includes(option)) return null;
  const dn = str(dialNumber);
  return { teamId: team, loginOption: option, ...(option !== 'BROWSER' && dn ? { dialNumber: dn } : {}) };
}
