/**
 * The words of every message the kit itself makes (a refusal, a check of an input, a failure of its own), in
 * English, by stable key. An error carries its key and values besides its English `message`, so a widget can
 * show it in the agent's language (the `messages` section of a locale bundle); the English `message` is made
 * from this table, so the two never drift. Text from the network (a contact center's reason) has no key.
 *
 * A value may itself be a message (`{verb: {key: 'verb:task-hold'}}`): it is worded in the same language.
 * A key with `{count}` may have plural variants (`dialNumberShort_one`), chosen by `Intl.PluralRules`.
 */

/** The English text of each key. Keys are stable: hosts and bundles name them. */
export const MESSAGES = {
  // ---- refusals (REFUSALS in actions.ts: the same key) --------------------------------------------
  noBackend: 'No backend is connected.',
  notSignedIn: 'Sign in first.',
  noToken: 'Enter an access token.',
  usedToken: 'This sign-in was already used or did not come from this page. Sign in again.',
  signOutWithTasks: 'You cannot sign out while you have a task or a wrap-up open.',
  noProfile: 'The profile is not loaded yet.',
  chooseTeam: 'Choose a team.',
  chooseLoginOption: 'Choose how to take calls.',
  changeStationWithTasks: 'Finish your active tasks before changing station.',
  notOnStation: 'You are not logged in to a station.',
  logoutWithTasks: 'You cannot log out while you have a task or a wrap-up open.',
  noStation: 'Log in to a station first.',
  chooseIdleReason: 'Choose an idle reason.',
  alreadyHeld: 'The call is already on hold.',
  notHeld: 'The call is not on hold.',
  resumeDuringConsult: 'End the consult before resuming the customer.',
  muteOnPhone: 'Mute works for browser calls only; use your phone to mute.',
  recordingNotRunning: 'The recording is not running.',
  recordingNotPaused: 'The recording is not paused.',
  consultUnderWay: 'A consult is already under way.',
  noConsult: 'There is no consult to end.',
  transferDuringConsult: 'End the consult or use consult transfer.',
  consultNotAnswered: 'The consulted party has not answered yet.',
  noConsultToJoin: 'There is no answered consult to join into a conference.',
  alreadyConference: 'The call is already a conference.',
  notInConference: 'The call is not a conference.',
  noAgentToTakeConference: 'The consulted party has left the conference: nobody can take it over.',
  dtmfKeys: 'Keys can only be 0 to 9, * and # (1 to 32 of them).',
  chooseDestination: 'Choose who to consult or transfer to.',
  chooseWrapupCode: 'Choose a wrap-up code.',
  noQueueConsult: 'Your contact center does not let agents consult a queue: consult an agent instead.',
  noEndConsult: 'Your contact center does not let agents end a consult from the desk.',
  emptyMessage: 'Write a message first.',
  longMessage: 'This message is too long (4,000 characters at most).',
  noMessageId: 'A message needs an id (messageId), so that a retry sends the same message.',
  noConversation: 'A call has no conversation to write in.',
  noEntryPoints: 'This contact center has no entry points to consult or transfer to.',
  noAutoWrapup: 'There is no automatic wrap-up to stop.',

  // ---- refusals with values -----------------------------------------------------------------------
  taskRinging: 'Cannot {verb}: the task is still ringing.',
  taskInProgress: 'Cannot {verb}: the task is in progress.',
  taskEnded: 'Cannot {verb}: the task is already ended.',
  notThisMedia: 'Cannot {verb} a {media} task.',
  unsupported: 'The {backend} backend cannot {cannot}.',
  unknownTask: 'There is no task {taskId}.',
  notAState: '{state} is not a state an agent can choose.',
  notRegistered: 'The agent is not registered yet.',
  passwordMissing: 'Enter your username and password.',
  oauthMissing: 'Sign in with the sign-in button.',

  // ---- dial numbers (dial.ts) -----------------------------------------------------------------------
  dialEmpty: 'Enter a dial number. Use {min} to {max} digits, with an optional leading +.',
  dialCharacters: '{value} is not a dial number: only digits, spaces, dashes, brackets and a leading + are allowed. Use {min} to {max} digits, with an optional leading +.',
  dialShort: '{value} is too short for a dial number ({count} digits). Use {min} to {max} digits, with an optional leading +.',
  dialShort_one: '{value} is too short for a dial number ({count} digit). Use {min} to {max} digits, with an optional leading +.',
  dialLong: '{value} is too long for a dial number ({count} digits). Use {min} to {max} digits, with an optional leading +.',
  enterExtension: 'Enter your extension.',
  enterDialNumber: 'Enter the number to ring.',
  badExtension: '{value} is not a valid extension. Use the form {example}.',
  badDialNumber: '{value} is not a valid dial number. Use the form {example}.',

  // ---- the kit's own failures -----------------------------------------------------------------------
  malformed: 'This request is malformed.',
  malformedBecause: 'This request is malformed: {problem}',
  noSuchRequest: 'There is no request named "{name}".',
  outcomeNotRequest: '{name} is an outcome the kit announces, not a request.',
  actionFailed: 'The action failed.',
  sessionExpired: 'The session expired. Sign in again to continue.',
  signInServerUnreachable: 'The sign-in server ({route}) could not be reached. Check the connection, then try again.',
  signInServerStatus: 'The sign-in server ({route}) answered {status}. Try again shortly.',
  signInServerNoToken: 'The sign-in server ({route}) gave no usable token.',
  serverSessionEnded: 'Your session on this site has ended. Sign in again.',

  // ---- backends: their own words (text from the network stays unkeyed) -------------------------------
  tokenRequired: 'An access token is required.',
  backendDisposed: 'This backend was disposed.',
  backendWasDisposed: 'The backend was disposed.',
  backendHasBeenDisposed: 'This backend has been disposed.',
  noCall: 'There is no call {taskId}.',
  xucServerUrl: 'The XuC server must be a URL such as https://xivo.example.com.',
  xucServerHttp: 'The XuC server must be an http(s) URL.',
  xucCredentials: 'Enter your XiVO username and password.',
  xucSessionExpired: 'The XiVO session expired. Sign in again.',
  xucSessionHasExpired: 'The XiVO session has expired. Sign in again.',
  xucSessionExpiredOffline: 'The XiVO session expired while the connection was down. Sign in again.',
  xucOffline: 'No connection to XiVO. Try again once it is back.',
  xucUnreachable: 'The XiVO server cannot be reached.',
  xucWrongPassword: 'The username or password is wrong.',
  xucSignInStatus: 'The XiVO server could not sign you in ({status}).',
  xucSessionTimeout: 'The XiVO server did not open the session in time.',
  xucSessionRefused: 'XiVO refused the session. Try again, or ask your administrator.',
  xucSessionRefusedBecause: 'XiVO refused the session ({reason}). Try again, or ask your administrator.',
  xucClosed: 'The XiVO server closed the connection.',
  xucLost: 'The connection to XiVO was lost.',
  xucNotConfirmed: 'XiVO did not confirm the request in time. Check your phone and try again.',
  xucUnreadable: 'XiVO sent a message this desk cannot read; it was ignored.',
  xucUnreadableType: 'XiVO sent a {type} message this desk cannot read; it was ignored.',
  webexOffline: 'No connection to Webex Contact Center; reconnecting. Try again once it is back.',
  webexNoAnswer: 'Webex Contact Center did not answer within {seconds} s. Check the network connection and try again.',
  webexNoPreviewAccept: 'This Webex SDK cannot accept a campaign preview.',
  webexNoPreviewDecline: 'Webex cannot decline a campaign preview: call now, or let the offer go.',
  webexDeclineBrowserOnly: 'Only a browser call can be declined: let the offer ring out, or answer it on your phone.',
  webexNoEnd: 'Your contact center does not let agents end calls from the desk: the customer ends the call.',
  webexNoPauseRecording: 'The recording of this call cannot be paused.',
  webexNoEndConsult: 'Your contact center does not let agents end a consult from the desk: transfer, or let the consulted party hang up.',
  webexNoCancelAutoWrapup: 'Your contact center does not let agents stop the automatic wrap-up.',
  webexOutdialFailed: 'The call could not be placed: {reason}.',
  webexOutdialFailedUnknown: 'The call could not be placed: unknown reason.',
  webexNoOutdial: 'Outbound calls are not enabled for this agent (or no outdial entry point is set).',
  webexNoPlugin: 'This Webex instance has no contact-center plugin (webex.cc). Use @webex/contact-center, or webex 3.x, which includes it.',
  webexNoCredentials: 'The Webex instance has no credentials: sign it in first.',
  webexClosedWhileSigningIn: 'The session was closed while signing in.',
  webexSdkNoNewToken: 'The Webex SDK in this page cannot take a new access token: reload the page to sign in again.',
  webexSdkNotReady: 'The Webex SDK did not become ready within {seconds} s. Check the network connection and the SDK configuration, then try again.',
  webexTokenMalformed: 'The access token is malformed: paste the whole token, three parts joined by "_", with no spaces.',
  webexOauthConfig: 'OAuth needs a client id and a redirect URI.',
  webexNoOauth: 'The Webex instance has no credentials and cannot start an OAuth sign-in.',
  webexSignInPageTimeout: 'The Webex sign-in page did not open. Check that pop-ups and redirects are allowed, then try again.',
  webexSdkLoadOffline: 'The Webex Contact Center SDK could not be loaded ({reason}). Check the network connection.',
  webexSdkMissing: 'The Webex Contact Center SDK could not be loaded ({reason}). Install @webex/contact-center, or give the backend a webex instance.',
  webexSdkNoInit: 'The Webex Contact Center SDK loaded, but it has no Webex.init.',
  xucLineUnknown: 'Line {line} does not exist on XiVO. Check the number of your phone.',
  xucLoggedInOnLine: 'You are logged in on line {line}. Log out there first, or log in on that line.',
  xucLoggedInElsewhere: 'You are logged in on another phone. Log out there first, or log in on that line.',
  xucLoginRefused: 'XiVO refused the login on line {line} ({reason}).',
  xucLoginRefusedNoReason: 'XiVO refused the login on line {line} (no reason given).',
  webexTokenRefused: 'Webex refused the access token: it is malformed or has expired. Sign in again.',
  webexUnreachable: '{doing} failed: Webex Contact Center cannot be reached. Check the network connection and try again.',
  webexNoCatalog: "{doing} failed: Webex's service catalog could not be loaded. Check the network connection; if it works, the access token may have been refused.",
  webexTimedOut: '{doing} failed: Webex Contact Center did not answer in time. Try again.',
  webexDialNumberRefused: 'Webex refused the dial number: check it, or use another one.',
  webexFailedBecause: '{doing} failed: {reason}',
  webexFailedUnknown: '{doing} failed for an unknown reason.',
  'doing:connect': 'Signing in',
  'doing:register': 'Loading your profile',
  'doing:deregister': 'Signing out',
  'doing:stationLogin': 'Logging in to the station',
  'doing:stationLogout': 'Logging out of the station',
  'doing:setAgentState': 'Changing your state',
  'doing:accept': 'Accepting the task',
  'doing:decline': 'Declining the task',
  'doing:hold': 'Putting the call on hold',
  'doing:resume': 'Resuming the call',
  'doing:toggleMute': 'Muting',
  'doing:end': 'Ending the task',
  'doing:pauseRecording': 'Pausing the recording',
  'doing:resumeRecording': 'Resuming the recording',
  'doing:consult': 'Starting the consult',
  'doing:endConsult': 'Ending the consult',
  'doing:transfer': 'Transferring',
  'doing:consultTransfer': 'Transferring to the consulted party',
  'doing:conference': 'Starting the conference',
  'doing:leaveConference': 'Leaving the conference',
  'doing:transferConference': 'Transferring the conference',
  'doing:wrapup': 'Wrapping up',
  'doing:outdial': 'Placing the call',
  'doing:destinations': 'Loading agents and queues',
  'doing:uploadLogs': 'Uploading logs',
  'doing:other': 'The action',
  tcccLate: 'TCCC did not confirm in time ({verb}). Check the call or your state, and try again.',
  tcccRefused: 'TCCC refused to {verb}: {reason}.',
  'tccc:go-online': 'go online',
  'tccc:go-offline': 'go offline',
  'tccc:change-status': 'change your status',
  'tccc:answer': 'answer',
  'tccc:decline': 'decline',
  'tccc:hold': 'hold',
  'tccc:resume': 'resume',
  'tccc:mute': 'mute',
  'tccc:unmute': 'unmute',
  'tccc:hang-up': 'hang up',
  'tccc:transfer': 'transfer',
  'tccc:end-wrapup': 'end after-call work',
  'tccc:call-out': 'call out',
  'tccc:send-digits': 'send digits',
  tcccCallerHungUp: 'The caller hung up before the call was answered.',
  tcccTransferNoNumber: 'TCCC transfers a call to a skill group or an agent only, not to a number.',
  tcccDigits: 'Digits are 0-9, * and #.',
  tcccSignedOut: 'Signed out.',
  tcccHungUpBeforeTransfer: 'The customer hung up before the transfer went through; the call has ended.',
  tcccEndedBeforeTransfer: 'The call ended before the transfer went through; the call has ended.',
  tcccNotVoice: "TCCC offered a {type} session; this desk takes voice calls only. Take it in TCCC's own workbench.",
  tcccUnknownCall: 'TCCC sent {event} for a call this desk does not know (session {session}); nothing was changed.',
  tcccGetSdkUrlFailed: 'getSdkUrl() failed: TCCC could not be started. Try again.',
  tcccNoEndpoint: "The tccc backend needs sdk-url-endpoint (your server's route that returns {SdkURL}) or a getSdkUrl function in backendOptions.",
  tcccRouteUnreachable: 'The TCCC sign-in route ({route}) cannot be reached. Check the network and try again.',
  tcccRouteRefused: 'The TCCC sign-in route ({route}) refused you ({status}): sign in to this site first.',
  tcccRouteFailed: "The TCCC sign-in route ({route}) failed ({status}). Try again; if it goes on, your server's log says why.",
  tcccNoMethod: 'This TCCC SDK has no {method}.',
  tcccInUse: 'TCCC is already signed in on this page by another desk (one page runs one TCCC session). Sign out there first.',
  tcccStarting: 'TCCC is starting already.',
  tcccPageHasSdk: "This page has loaded TCCC's SDK itself (window.tccc exists): the tccc backend loads it, once. Remove the page's own copy.",
  tcccNoSdkUrl: 'The TCCC sign-in route gave no SdkURL. Check the route on your server.',
  tcccSdkUrlNotUrl: 'The TCCC sign-in route gave an SdkURL that is not a URL.',
  tcccSdkUrlNotHttps: "The TCCC sign-in route gave an SdkURL that is not https: TCCC's script must come over https.",
  tcccTrustedTypes: 'The page\'s Content-Security-Policy does not allow the Trusted Types policy "{policy}" that loads TCCC\'s script: add it to trusted-types.',
  tcccSdkNotLoaded: "TCCC's SDK could not be loaded. Check the network, and that the page's Content-Security-Policy allows TCCC's script (see the README).",
  tcccNoWindowTccc: "The SdkURL's script did not start TCCC's SDK (no window.tccc).",
  tcccLinkExpired: 'The TCCC sign-in link had expired or was already used (it works once, for ten minutes). Sign in again to get a new one.',
  tcccLinkExpiredSaid: 'The TCCC sign-in link had expired or was already used (it works once, for ten minutes) (TCCC: {said}). Sign in again to get a new one.',
  tcccNotReady: 'TCCC did not get ready within {seconds} seconds. Check the network and sign in again.',
  simulatorTokenRefused: 'The access token was refused: it is malformed or has expired.',
  simulatorUnreachable: 'The contact center cannot be reached.',
  simulatorOffline: 'No connection to the contact center. Try again once it is back.',
  simulatorNoExtension: 'Extension {value} does not exist on this phone system.',
  simulatorExtensionTaken: '{value} is already used by another agent.',
  simulatorCallUnderWay: 'Finish the current call first.',
  simulatorAgentAway: '{name} is not available.',
  simulatorUnknownTeam: 'Unknown team {value}.',
  simulatorLoginNotAllowed: '{value} login is not allowed for this agent.',
  simulatorUnknownIdleCode: 'Unknown idle code {value}.',
  simulatorUnknownWrapupCode: 'Unknown wrap-up code {value}.',
  simulatorOriginNotAllowed: '{value} is not one of the numbers outbound calls may show.',
  simulatorUnknownAgent: 'Unknown agent {value}.',
  simulatorUnknownQueue: 'Unknown queue {value}.',
  simulatorUnknownEntryPoint: 'Unknown entry point {value}.',

  // ---- what a refusal says an action is (`{verb}`, `{cannot}`, `{media}` above) ------------------------
  'verb:sign-in': 'sign in',
  'verb:sign-out': 'sign out',
  'verb:station-login': 'log in',
  'verb:station-logout': 'log out',
  'verb:agent-state': 'change state',
  'verb:task-accept': 'accept',
  'verb:task-decline': 'decline',
  'verb:task-hold': 'hold',
  'verb:task-resume': 'resume',
  'verb:task-mute': 'mute',
  'verb:task-recording-pause': 'pause recording',
  'verb:task-recording-resume': 'resume recording',
  'verb:task-consult': 'consult',
  'verb:task-consult-end': 'end the consult',
  'verb:task-transfer': 'transfer',
  'verb:task-consult-transfer': 'transfer',
  'verb:task-conference': 'start a conference',
  'verb:task-conference-leave': 'leave the conference',
  'verb:task-conference-transfer': 'transfer the conference',
  'verb:task-dtmf': 'send keys',
  'verb:task-message': 'send a message',
  'verb:task-end': 'end',
  'verb:wrapup': 'wrap up',
  'verb:task-auto-wrapup-cancel': 'stop the automatic wrap-up',
  'verb:outdial': 'call out',
  'verb:upload-logs': 'upload logs',
  'cannot:task-accept': 'accept this offer from the desk: answer it on your phone',
  'cannot:task-decline': 'decline this offer: let it ring out, or answer it on your phone',
  'cannot:task-decline-preview': 'decline a campaign preview: call now, or let the offer go',
  'cannot:task-hold': 'hold calls',
  'cannot:task-resume': 'hold calls',
  'cannot:task-mute': 'mute calls',
  'cannot:task-recording-pause': 'pause recordings',
  'cannot:task-recording-resume': 'pause recordings',
  'cannot:task-consult': 'consult',
  'cannot:task-consult-end': 'consult',
  'cannot:task-transfer': 'transfer tasks',
  'cannot:task-consult-transfer': 'transfer to a consulted party',
  'cannot:task-conference': 'hold conferences',
  'cannot:task-conference-leave': 'leave conferences',
  'cannot:task-conference-transfer': 'transfer conferences',
  'cannot:task-dtmf': 'send keys',
  'cannot:task-message': 'send messages',
  'cannot:task-end': 'end this task from the desk',
  'cannot:task-auto-wrapup-cancel': 'stop an automatic wrap-up',
  'cannot:outdial': 'place outbound calls',
  'cannot:upload-logs': 'upload logs',
  'media:telephony': 'telephony',
  'media:chat': 'chat',
  'media:email': 'email',
  'media:social': 'social',
  'media:other': 'other',
} as const;

type PluralSuffix = `_${'zero' | 'one' | 'two' | 'few' | 'many'}`;

/** A message's stable key (its plural variants are not keys of their own). */
export type MessageKey = Exclude<keyof typeof MESSAGES, `${string}${PluralSuffix}`>;

/** A value of a message: text, a number (written the language's way; `count` picks the plural), or a message. */
export type MessageValue = string | number | MessageRef;

/** A message by key, with its values: what an error carries besides its English text. */
export interface MessageRef {
  readonly key: MessageKey;
  readonly values?: Readonly<Record<string, MessageValue>>;
}

/** A table of message texts in one language, by key (a bundle's `messages` section). */
export type MessageTable = Readonly<Partial<Record<string, string>>>;

const isRef = (value: unknown): value is MessageRef =>
  typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string';

/** True for a key the kit's message table has. */
export const isMessageKey = (key: unknown): key is MessageKey => typeof key === 'string' && Object.hasOwn(MESSAGES, key);

/**
 * How to word a message in one language: `text(key, count)` gives the template of a key (its plural variant
 * for `count` first), or undefined when the language lacks it; `value(v)` writes a number or a text value.
 */
export interface Wording {
  readonly text: (key: string, count: number | undefined) => string | undefined;
  readonly value?: (value: string | number) => string;
}

const englishRules = typeof Intl !== 'undefined' ? new Intl.PluralRules('en') : null;

/** English: this table. */
export const ENGLISH_WORDING: Wording = {
  text: (key, count) => {
    const table = MESSAGES as Readonly<Record<string, string>>;
    const category = typeof count === 'number' && englishRules ? englishRules.select(count) : 'other';
    return (category !== 'other' ? table[`${key}_${category}`] : undefined) ?? table[key];
  },
};

/** Fills `{name}` placeholders. */
const fillIn = (template: string, values: Readonly<Record<string, string>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name] : whole));

/**
 * A message in words, or undefined when the wording lacks its key or the key of one of its values (the caller
 * falls back to English). Values that are messages are worded the same way first.
 */
export function wordMessage(ref: MessageRef, wording: Wording = ENGLISH_WORDING): string | undefined {
  const count = ref.values?.count;
  const template = wording.text(ref.key, typeof count === 'number' ? count : undefined);
  if (template === undefined) return undefined;
  const filled: Record<string, string> = {};
  for (const [name, value] of Object.entries(ref.values ?? {})) {
    if (isRef(value)) {
      const inner = wordMessage(value, wording);
      if (inner === undefined) return undefined;
      filled[name] = inner;
    } else {
      filled[name] = wording.value ? wording.value(value) : String(value);
    }
  }
  return fillIn(template, filled);
}

/** The English text of a message. */
export const englishMessage = (ref: MessageRef): string => wordMessage(ref) ?? ref.key;

/** Every key a message uses: its own and its values' (so a bundle that lacks any of them is reported). */
export function keysOf(ref: MessageRef): MessageKey[] {
  const keys: MessageKey[] = [ref.key];
  for (const value of Object.values(ref.values ?? {})) if (isRef(value)) keys.push(...keysOf(value));
  return keys;
}

/** A message reference, checked at the edge (a follower tab, a backend's event): a known key, plain values. */
export function asMessageRef(value: unknown): MessageRef | undefined {
  if (!isRef(value) || !isMessageKey(value.key)) return undefined;
  const raw = (value as { values?: unknown }).values;
  if (raw === undefined) return { key: value.key };
  if (typeof raw !== 'object' || raw === null) return undefined;
  const values: Record<string, MessageValue> = {};
  for (const [name, v] of Object.entries(raw)) {
    if (typeof v === 'string' || typeof v === 'number') values[name] = v;
    else {
      const inner = asMessageRef(v);
      if (!inner) return undefined;
      values[name] = inner;
    }
  }
  return { key: value.key, values };
}
