/**
 * A Webex cloud on loopback, for the real, unpatched `@webex/contact-center` SDK running in the test browser.
 *
 * It answers what the SDK asks for an AGENT_DN or EXTENSION agent (see ../../../shared/webex-sdk.md, "Verified
 * by running the real SDK", and the SDK's own source in node_modules/@webex/contact-center/src):
 * - the service catalog (u2c) and the `wcc-api-gateway` REST API: subscribe, the config reads of `register()`,
 *   reload, station login and logout, state, buddy agents, queues, task actions;
 * - the notification websocket: `Welcome` first, an answer to every keepalive, and each action's outcome as the
 *   contact center sends it (`AgentDesktopMessage`-style agent messages, `RoutingMessage` task messages);
 * - the sinks the SDK posts to whatever happens (client metrics, log upload), so they never surface as errors.
 *
 * Tests drive it through a script API (`command()`; from the browser through web-test-runner's
 * `executeServerCommand('webex-cloud', {...})`): make a tenant, offer a task, let it ring out, answer a consult,
 * hang up, refuse the next action with a reason, drop the socket, stay silent, expire the token.
 *
 * Each tenant (org) is separate: a test makes its own, so tests never see each other's agent or tasks.
 *
 * It is also a stand-in for what the server companion (cc-elements/server) calls, so the sample page can run the
 * companion with no account (`npm run start:webex-local`):
 * - Webex's OAuth: `GET /v1/authorize` (a consent page for the tenant's agent; its button sends the code back),
 *   `POST /v1/access_token` (the code with PKCE and the client secret; refresh with a rotating refresh token);
 *   `command({action: 'oauth-client', tenant})` registers a client for a tenant;
 * - the reporting APIs, from what really happened in the tenant: `GET /wcc/v1/tasks`, `/wcc/v1/queues/statistics`
 *   and `/wcc/v1/agents/statistics` (quarter-hour windows under 24 h, as webex-rest.md §6 says).
 *
 * Where the real service's behaviour is not known, the choice the double makes is in ./guesses.mjs (GUESSES).
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { LoopbackServer, loopbackPlugin } from '../loopback/server.mjs';
import { GUESSES } from './guesses.mjs';

const SDK_FILE = fileURLToPath(new URL('../../node_modules/@webex/contact-center/umd/contact-center.min.js', import.meta.url));

let fakeTimers = null;

/**
 * `@sinonjs/fake-timers` as a classic script that sets the global `FakeTimers` (the package is CommonJS, which the
 * test server does not serve to browsers): a test installs it in its page before the SDK is loaded, to drive the
 * SDK's fixed timers (its 8 s and 50 s connection limits) without waiting for them.
 */
function fakeTimersScript() {
  fakeTimers ??= import('esbuild').then(async ({ build }) => {
    const out = await build({
      entryPoints: [fileURLToPath(import.meta.resolve('@sinonjs/fake-timers'))],
      bundle: true,
      format: 'iife',
      globalName: 'FakeTimers',
      platform: 'browser',
      // Required only under Node (`_global.process && require('util')`): never in a browser.
      external: ['util'],
      write: false,
      logLevel: 'silent',
    });
    return out.outputFiles[0].text;
  });
  return fakeTimers;
}

export const AGENT_ID = 'agent-dana';
const SUPERVISOR_ID = 'supervisor-rae';

const TEAMS = [
  { id: 'team-support', name: 'Customer Support', teamType: 'AGENT', teamStatus: 'IN_SERVICE', active: true, siteId: 'site-1', siteName: 'HQ', multiMediaProfileId: 'mm-1' },
  { id: 'team-billing', name: 'Billing', teamType: 'AGENT', teamStatus: 'IN_SERVICE', active: true, siteId: 'site-1', siteName: 'HQ', multiMediaProfileId: 'mm-1' },
];

const AUX_CODES = [
  { id: 'idle-break', name: 'Break', workTypeCode: 'IDLE_CODE', active: true, isSystemCode: false, defaultCode: true },
  { id: 'idle-lunch', name: 'Lunch', workTypeCode: 'IDLE_CODE', active: true, isSystemCode: false, defaultCode: false },
  { id: 'idle-rona', name: 'RONA', workTypeCode: 'IDLE_CODE', active: true, isSystemCode: true, defaultCode: false },
  { id: 'wrap-resolved', name: 'Resolved', workTypeCode: 'WRAP_UP_CODE', active: true, isSystemCode: false, defaultCode: true },
  { id: 'wrap-followup', name: 'Follow-up needed', workTypeCode: 'WRAP_UP_CODE', active: true, isSystemCode: false, defaultCode: false },
];

const BUDDIES = [
  { agentId: 'agent-sam', agentName: 'Sam Okafor', state: 'Available', teamId: 'team-support', dn: '+14155550100', siteId: 'site-1' },
  { agentId: 'agent-ines', agentName: 'Inés Moreau', state: 'Available', teamId: 'team-billing', dn: '+14155550101', siteId: 'site-1' },
];

/** Every queue of the org, of every channel: the SDK's `getQueues` does not filter. */
const QUEUES = [
  { id: 'queue-support', name: 'Support queue', channelType: 'TELEPHONY', queueType: 'INBOUND', active: true },
  { id: 'queue-billing', name: 'Billing queue', channelType: 'TELEPHONY', queueType: 'INBOUND', active: true },
  { id: 'queue-chat', name: 'Chat queue', channelType: 'CHAT', queueType: 'INBOUND', active: true },
];

/** The org's entry points, of every channel (`getEntryPoints` does not filter). */
const ENTRY_POINTS = [
  { id: 'ep-after-hours', name: 'After-hours line', description: 'Voicemail and callbacks', type: 'INBOUND', isActive: true, channelType: 'TELEPHONY' },
  { id: 'ep-survey', name: 'Satisfaction survey', type: 'INBOUND', isActive: true, channelType: 'TELEPHONY' },
  { id: 'ep-retired', name: 'Old IVR', type: 'INBOUND', isActive: false, channelType: 'TELEPHONY' },
  { id: 'ep-chat', name: 'Web chat', type: 'INBOUND', isActive: true, channelType: 'CHAT' },
];

/** The agent profile's address book (`addressBookId: 'address-book-1'`). */
const ADDRESS_BOOK = [
  { id: 'ab-1', name: 'Legal desk', number: '+14155550177' },
  { id: 'ab-2', name: 'London office', number: '+442071838700' },
];

/** The profile's outdial ANI list (`outdialANIId: 'ani-list-1'`): the numbers outbound calls may show. */
const OUTDIAL_ANI = [
  { id: 'ani-1', name: 'Main line', number: '+18005550100' },
  { id: 'ani-2', name: 'Sales line', number: '+18005550199' },
];

const CUSTOMERS = [
  { name: 'Priya Raman', phone: '+14155550142', account: 'AC-10442' },
  { name: 'Marcus Oyelaran', phone: '+442071838750', account: 'AC-20871' },
];

/** Which REST call each scriptable refusal applies to, and the `*Failed` outcome that answers it. */
const REFUSALS = {
  stationLogin: { top: 'StationLogin', type: 'AgentStationLoginFailed' },
  setAgentState: { top: 'AgentStateChange', type: 'AgentStateChangeFailed' },
  stationLogout: { top: 'Logout', type: 'AgentLogoutFailed' },
  hold: { type: 'AgentContactHoldFailed' },
  resume: { type: 'AgentContactUnHoldFailed' },
  end: { type: 'AgentContactEndFailed' },
  wrapup: { type: 'AgentWrapupFailed' },
  consult: { type: 'AgentConsultFailed' },
  consultQueue: { type: 'AgentCtqFailed' },
  endConsult: { type: 'AgentConsultEndFailed' },
  transfer: { type: 'AgentBlindTransferFailed' },
  transferQueue: { type: 'AgentVteamTransferFailed' },
  consultTransfer: { type: 'AgentConsultTransferFailed' },
  conference: { type: 'AgentConsultConferenceFailed' },
  leaveConference: { type: 'ParticipantLeftConferenceFailed' },
  transferConference: { type: 'AgentConferenceTransferFailed' },
  pauseRecording: { type: 'ContactRecordingPauseFailed' },
  resumeRecording: { type: 'ContactRecordingResumeFailed' },
  accept: { type: 'AgentContactAssignFailed' },
  acceptPreview: { type: 'CampaignPreviewAcceptFailed' },
};

const clone = (value) => JSON.parse(JSON.stringify(value));
const QUARTER = 15 * 60_000;
const DAY = 24 * 60 * 60_000;

class Tenant {
  constructor(cloud, n, options = {}) {
    this.cloud = cloud;
    this.orgId = `org-${n}`;
    this.token = null;
    this.tokens = new Set();
    this.newToken();
    /** The sockets the SDK opened, and their subscriptions. */
    this.sockets = new Set();
    this.down = false;
    this.silent = false;
    /** Sockets that opened while the service was silent, with the Welcome they are owed. */
    this.ungreeted = new Map();
    /** Agent Desktop in another window, when a test opened one: `{open, closedBy?}`. */
    this.desktop = null;
    /** Whether the page's last subscribe allowed multi-login (null before it subscribed). */
    this.pageAllowsMultiLogin = null;
    /** Refusals scripted for the next call of an action: action → {reason, kind}. */
    this.refuse = new Map();
    /** REST calls received, in order (`METHOD path`), for tests to assert what the SDK asked. */
    this.calls = [];
    /** The body of each task action the SDK posted (`POST /v1/tasks/{id}/{action}`), in order: `{call, body}`. */
    this.taskBodies = [];
    this.agent = null;
    this.contacts = new Map();
    this.seq = 0;
    /** What the reporting APIs report: tasks by id, queue and agent happenings, the agent's state spans. */
    this.report = { tasks: new Map(), events: [], spans: [] };
    /** The tenant's settings: what the contact center lets agents do. */
    this.options = { webRtcEnabled: false, lostConnectionRecoveryTimeout: 0, endCallEnabled: true, endConsultEnabled: true, consultToQueue: true, autoWrapup: null, ...options };
    /** Outbound calls the SDK asked for (`POST /v1/tasks`), as it sent them: `{destination, origin, entryPointId}`. */
    this.outdials = [];
  }

  /** Back to a signed-out agent with no contacts, no faults and no sockets (between tests). */
  reset() {
    for (const ws of this.sockets) ws.terminate();
    this.sockets.clear();
    this.agent = null;
    this.contacts.clear();
    this.refuse.clear();
    this.calls.length = 0;
    this.taskBodies = [];
    this.down = false;
    this.silent = false;
    this.ungreeted.clear();
    this.desktop = null;
    this.pageAllowsMultiLogin = null;
    this.report = { tasks: new Map(), events: [], spans: [] };
    this.outdials = [];
  }

  /** A further token of the tenant (an OAuth sign-in, a service account) that leaves `token` as it is. */
  issueToken() {
    const token = `${'Tk'.repeat(20)}${this.cloud.nextId()}_PF84_${this.orgId}`;
    this.tokens.add(token);
    this.cloud.tokens.set(token, this);
    return token;
  }

  newToken() {
    // A Webex user token is three "_"-separated parts; the SDK reads the org id from the last one.
    const token = `${'Tk'.repeat(20)}${this.cloud.nextId()}_PF84_${this.orgId}`;
    this.tokens.add(token);
    this.cloud.tokens.set(token, this);
    this.token = token;
    return token;
  }

  // ---- the notification socket ----------------------------------------------------------------------

  send(message) {
    if (this.down || this.silent) return;
    const text = JSON.stringify(message);
    for (const ws of this.sockets) if (ws.readyState === ws.OPEN) ws.send(text);
  }

  agentMessage(top, data) {
    this.send({ type: top, orgId: this.orgId, trackingId: `notifs_${this.cloud.nextId()}`, data: { eventType: 'AgentDesktopMessage', agentId: AGENT_ID, orgId: this.orgId, trackingId: `track-${this.cloud.nextId()}`, ...data } });
  }

  routing(type, contact, extra = {}) {
    this.send({
      type: 'RoutingMessage',
      orgId: this.orgId,
      trackingId: `notifs_${this.cloud.nextId()}`,
      data: { ...clone(contact), ...extra, type, eventType: 'RoutingMessage', eventTime: Date.now(), trackingId: `track-${this.cloud.nextId()}` },
    });
  }

  /**
   * The service sends nothing (no keepalive answer, no outcome) while `on`; a socket that opened meanwhile gets
   * its Welcome once the silence ends (GUESSES.welcomeAfterSilence).
   */
  setSilent(on) {
    this.silent = on;
    if (on) return;
    for (const [ws, welcome] of this.ungreeted) if (ws.readyState === ws.OPEN) ws.send(welcome);
    this.ungreeted.clear();
  }

  /** Drops every socket and refuses new ones until `restore()`. */
  drop() {
    this.down = true;
    for (const ws of this.sockets) ws.terminate();
    this.sockets.clear();
  }

  restore() {
    this.down = false;
  }

  // ---- what the reporting APIs see --------------------------------------------------------------------

  /** The agent is now `state` ('Available' or 'Idle'), or logged out (null): the open span closes. */
  span(state) {
    const now = Date.now();
    const open = this.report.spans.at(-1);
    if (open && open.to === null) open.to = now;
    if (state) this.report.spans.push({ state, from: now, to: null });
  }

  /** Something the statistics count: a contact accepted, abandoned, rung out (`rejected`), talked or wrapped up (`ms`). */
  happened(kind, c, extra = {}) {
    this.report.events.push({ at: Date.now(), kind, queueId: c.interaction.currentVTeam, queueName: c.queueName, channelType: c.interaction.mediaType, ...extra });
  }

  /** The task as `GET /v1/tasks` lists it (webex-rest.md §6), with its status now. */
  taskStatus(c, status) {
    const now = Date.now();
    const known = this.report.tasks.get(c.interactionId);
    const attributes = known?.attributes ?? {
      createdTime: now,
      channelType: c.interaction.mediaType,
      direction: 'inbound',
      origin: c.interaction.callProcessingDetails.ani,
      queue: { id: c.interaction.currentVTeam, name: c.queueName },
      captureRequested: false,
    };
    attributes.status = status;
    attributes.lastUpdatedTime = now;
    if (status === 'assigned') attributes.owner = { id: AGENT_ID, name: 'Dana Whitfield' };
    this.report.tasks.set(c.interactionId, { id: c.interactionId, attributes });
  }

  /** `GET /v1/tasks`: the tasks created in [from, to). */
  reportedTasks(from, to) {
    return [...this.report.tasks.values()].filter((t) => t.attributes.createdTime >= from && (!to || t.attributes.createdTime < to)).map(clone);
  }

  /**
   * `GET /v1/queues/statistics` or `/v1/agents/statistics` over [from, to): one row per quarter hour and queue (or
   * agent) where something happened, named as GUESSES.reporting says (the companion reads the same guesses).
   */
  statistics(kind, from, to, ids) {
    const rows = [];
    const now = Date.now();
    for (let start = from; start < to; start += QUARTER) {
      const end = start + QUARTER;
      const events = this.report.events.filter((e) => e.at >= start && e.at < end);
      if (kind === 'queues') {
        const byQueue = new Map();
        for (const e of events) {
          if (e.kind !== 'accepted' && e.kind !== 'abandoned') continue;
          if (ids.length && !ids.includes(e.queueId)) continue;
          const row = byQueue.get(e.queueId) ?? { queueName: e.queueName, channelType: e.channelType, accepted: 0, abandoned: 0 };
          row[e.kind] += 1;
          byQueue.set(e.queueId, row);
        }
        const f = GUESSES.reporting.fields.queueStatistics;
        for (const [queueId, r] of byQueue) {
          rows.push({ intervalStartTime: start, channelType: r.channelType, [f.queueId]: queueId, [f.queueName]: r.queueName, [f.accepted]: r.accepted, [f.abandoned]: r.abandoned });
        }
        continue;
      }
      if (ids.length && !ids.includes(AGENT_ID)) continue;
      const time = (state) =>
        this.report.spans
          .filter((s) => s.state === state)
          .reduce((sum, s) => sum + Math.max(0, Math.min(end, s.to ?? now) - Math.max(start, s.from)), 0);
      const channels = new Map();
      for (const e of events) {
        const ch = channels.get(e.channelType) ?? { accepted: 0, rejected: 0, engagedMs: 0, wrapUpMs: 0 };
        if (e.kind === 'accepted' || e.kind === 'rejected') ch[e.kind] += 1;
        if (e.kind === 'engaged') ch.engagedMs += e.ms;
        if (e.kind === 'wrapup') ch.wrapUpMs += e.ms;
        channels.set(e.channelType, ch);
      }
      const availableMs = time('Available');
      const unavailableMs = time('Idle');
      if (!availableMs && !unavailableMs && !channels.size) continue;
      const f = GUESSES.reporting.fields.agentStatistics;
      rows.push({
        intervalStartTime: start,
        [f.agentId]: AGENT_ID,
        [f.agentName]: 'Dana Whitfield',
        [f.availableMs]: availableMs,
        [f.unavailableMs]: unavailableMs,
        [f.channels]: [...channels].map(([channelType, ch]) => ({
          channelType,
          [f.accepted]: ch.accepted,
          [f.rejected]: ch.rejected,
          [f.engagedMs]: ch.engagedMs,
          [f.holdMs]: 0,
          [f.wrapUpMs]: ch.wrapUpMs,
        })),
      });
    }
    return rows;
  }

  // ---- the agent ------------------------------------------------------------------------------------

  agentData() {
    const a = this.agent;
    return {
      agentSessionId: a.sessionId,
      teamId: a.teamId,
      deviceType: a.deviceType,
      dn: a.dn,
      dialNumber: a.dn,
      deviceId: a.dn,
      auxCodeId: a.auxCodeId,
      status: 'LoggedIn',
      subStatus: a.auxCodeId === '0' ? 'Available' : 'Idle',
      lastStateChangeTimestamp: a.since,
      lastIdleCodeChangeTimestamp: a.since,
      lastStateChangeReason: a.reason ?? '',
      siteId: 'site-1',
      profileType: 'BLENDED',
      roles: ['agent'],
      // The SDK throws on a login answer without channelsMap.
      channelsMap: { telephony: ['t1'], chat: ['c1', 'c2'], email: ['e1'], social: [] },
      interactionIds: [...this.contacts.keys()],
    };
  }

  setState(auxCodeId, by = AGENT_ID, reason = '') {
    const a = this.agent;
    a.auxCodeId = auxCodeId;
    a.since = Date.now();
    a.reason = reason;
    this.span(auxCodeId === '0' ? 'Available' : 'Idle');
    this.agentMessage('AgentStateChange', {
      ...this.agentData(),
      type: 'AgentStateChangeSuccess',
      changedBy: GUESSES.changedBy(by, AGENT_ID),
      changedById: by,
      changedByName: by === AGENT_ID ? 'Dana Whitfield' : by === 'system' ? 'System' : 'Rae Supervisor',
    });
  }

  logout(by = AGENT_ID, reason = 'User requested logout') {
    if (!this.agent) return;
    const data = this.agentData();
    this.agent = null;
    this.span(null);
    this.agentMessage('Logout', { ...data, type: 'AgentLogoutSuccess', loggedOutBy: by, logoutReason: reason, status: 'LoggedOut' });
  }

  // ---- contacts -------------------------------------------------------------------------------------

  offer({ mediaType = 'telephony', pauseResumeEnabled = true } = {}) {
    const contact = this.newContact({ mediaType, pauseResumeEnabled });
    this.taskStatus(contact, GUESSES.reporting.ringingStatus);
    this.routing('AgentContactReserved', contact);
    this.routing('AgentOfferContact', contact);
    return contact.interactionId;
  }

  /** An outbound call the SDK asked for (`startOutdial`): offered to the agent, whose phone rings. */
  outdial(body) {
    this.outdials.push({ destination: body.destination, origin: body.origin, entryPointId: body.entryPointId });
    const contact = this.newContact({ outbound: GUESSES.outdialContact(body) });
    this.routing('AgentContactReserved', contact);
    this.routing('AgentOfferContact', contact);
  }

  /**
   * A campaign reserves a customer for the agent: a preview offer (`AgentOfferCampaignReservation`).
   * `newInteraction`: accepting it places the call under a new interaction id, as the real dialer does
   * (GUESSES.previewAccepted); otherwise the call keeps the reservation's id.
   */
  preview(campaign, { newInteraction = false } = {}) {
    const contact = this.newContact({ outbound: GUESSES.previewContact(campaign) });
    contact.interaction.callProcessingDetails.campaignId = campaign;
    contact.newInteractionOnAccept = newInteraction;
    this.routing('AgentOfferCampaignReservation', contact);
    return contact.interactionId;
  }

  /** The agent accepted a preview (`acceptPreviewContact`): the call is placed and assigned to the agent. */
  acceptPreview(campaign, id) {
    let c = this.contact(id);
    if (c.interaction.callProcessingDetails.campaignId !== campaign) {
      this.routing('CampaignPreviewAcceptFailed', c, { campaignId: campaign, reason: 'CAMPAIGN_NOT_FOUND', reasonCode: GUESSES.refusalReasonCode });
      return;
    }
    if (this.refused('acceptPreview', c, { campaignId: campaign })) return;
    if (c.newInteractionOnAccept) {
      if (GUESSES.previewAccepted.updatedFirst) this.routing('CampaignContactUpdated', c);
      c = this.rekey(c);
    }
    c.interaction.state = 'connected';
    const me = c.interaction.participants[AGENT_ID];
    me.hasJoined = true;
    me.joinTimestamp = Date.now();
    c.connectedAt = me.joinTimestamp;
    // The SDK binds acceptPreviewContact's success on AgentContactAssigned whose reservationInteractionId is the
    // preview's id (dialer.ts), and re-keys its task when interactionId differs (TaskManager.ts).
    this.routing('AgentContactAssigned', c, { reservationInteractionId: id });
  }

  /**
   * The placed call of an accepted preview as a new interaction (GUESSES.previewAccepted): a new id, a main
   * call leg of its own; the customer, the numbers and the campaign stay. From now on the contact is known by
   * the new id only.
   */
  rekey(c) {
    const old = c.interactionId;
    const id = `${this.orgId}-interaction-${++this.seq}`;
    this.contacts.delete(old);
    const main = c.interaction.media[old];
    delete c.interaction.media[old];
    c.interaction.media[id] = { ...main, mediaResourceId: id };
    c.interactionId = id;
    c.mediaResourceId = id;
    c.interaction.interactionId = id;
    c.interaction.createdTimestamp = Date.now();
    this.contacts.set(id, c);
    return c;
  }

  /** A contact of this tenant; `outbound` makes it an outbound call with those numbers. */
  newContact({ mediaType = 'telephony', pauseResumeEnabled = true, outbound = null } = {}) {
    const n = ++this.seq;
    const id = `${this.orgId}-interaction-${n}`;
    const customer = CUSTOMERS[(n - 1) % CUSTOMERS.length];
    const ani = mediaType === 'telephony' ? customer.phone : `${customer.name.split(' ')[0].toLowerCase()}@example.org`;
    const now = Date.now();
    const contact = {
      mediaResourceId: id,
      agentId: AGENT_ID,
      destAgentId: AGENT_ID,
      consultMediaResourceId: '',
      interactionId: id,
      orgId: this.orgId,
      owner: AGENT_ID,
      queueMgr: 'aqm',
      queueName: 'Support queue',
      ronaTimeout: 20,
      isConsulted: false,
      isConferencing: false,
      interaction: {
        interactionId: id,
        orgId: this.orgId,
        mediaType,
        mediaChannel: mediaType === 'telephony' ? 'broadcloud' : mediaType,
        state: 'new',
        isTerminated: false,
        isFcManaged: false,
        currentVTeam: 'queue-support',
        previousVTeams: [],
        owner: AGENT_ID,
        createdTimestamp: now,
        contactDirection: { type: 'INBOUND' },
        participants: {
          [AGENT_ID]: { id: AGENT_ID, pType: 'Agent', type: 'Agent', name: 'Dana Whitfield', hasJoined: false, isWrapUp: false },
          [`customer-${n}`]: { id: `customer-${n}`, pType: 'Customer', type: 'Customer', name: customer.name, hasJoined: true },
        },
        media: {
          [id]: { mediaResourceId: id, mediaType, mediaMgr: 'callmm', participants: [`customer-${n}`, AGENT_ID], mType: 'mainCall', isHold: false, holdTimestamp: null },
        },
        callProcessingDetails: {
          QMgrName: 'aqm',
          ani,
          displayAni: ani,
          dnis: '+18005550100',
          tenantId: this.orgId,
          QueueId: 'queue-support',
          vteamId: 'queue-support',
          virtualTeamName: 'Support queue',
          customerName: customer.name,
          ronaTimeout: '20',
          pauseResumeEnabled: String(pauseResumeEnabled),
          isPaused: 'false',
          recordInProgress: 'false',
          recordingStarted: 'false',
        },
        callAssociatedDetails: { ani, dn: '+18005550100', customerName: customer.name, virtualTeamName: 'Support queue', ronaTimeout: '20' },
        callAssociatedData: GUESSES.callAssociatedData(customer),
        callFlowParams: {},
      },
    };
    if (outbound) {
      contact.interaction.contactDirection = { type: 'OUTBOUND' };
      contact.interaction.outboundType = outbound.outboundType;
      Object.assign(contact.interaction.callProcessingDetails, { ani: outbound.ani, displayAni: outbound.ani, dnis: outbound.dnis });
      Object.assign(contact.interaction.callAssociatedDetails, { ani: outbound.ani, dn: outbound.dnis });
      if (outbound.customerName === null) {
        delete contact.interaction.callProcessingDetails.customerName;
        delete contact.interaction.callAssociatedDetails.customerName;
      }
    }
    this.contacts.set(id, contact);
    return contact;
  }

  contact(id) {
    const c = this.contacts.get(id);
    if (!c) throw Object.assign(new Error(`No interaction ${id}`), { status: 404 });
    return c;
  }

  assign(id) {
    const c = this.contact(id);
    c.interaction.state = 'connected';
    const me = c.interaction.participants[AGENT_ID];
    me.hasJoined = true;
    me.joinTimestamp = Date.now();
    c.connectedAt = me.joinTimestamp;
    this.taskStatus(c, 'assigned');
    this.happened('accepted', c);
    if (c.interaction.mediaType === 'telephony') {
      c.interaction.callProcessingDetails.recordInProgress = 'true';
      c.interaction.callProcessingDetails.recordingStarted = 'true';
    }
    this.routing('AgentContactAssigned', c);
  }

  rona(id) {
    const c = this.contact(id);
    this.contacts.delete(id);
    this.happened('rejected', c);
    this.taskStatus(c, GUESSES.reporting.afterRona);
    if (GUESSES.reporting.afterRona === 'abandoned') this.happened('abandoned', c);
    this.routing('AgentOfferContactRona', c, GUESSES.rona);
    if (this.agent) this.setState('idle-rona', 'system', 'RONA');
  }

  toWrapUp(c) {
    const now = Date.now();
    if (c.connectedAt) this.happened('engaged', c, { ms: now - c.connectedAt });
    c.wrapFrom = now;
    c.interaction.state = 'wrapUp';
    c.interaction.participants[AGENT_ID].isWrapUp = true;
    c.agentsPendingWrapUp = [AGENT_ID];
    for (const key of Object.keys(c.interaction.media)) {
      if (c.interaction.media[key].mType !== 'mainCall') delete c.interaction.media[key];
      else Object.assign(c.interaction.media[key], { isHold: false, holdTimestamp: null });
    }
    c.consultMediaResourceId = '';
  }

  /** The customer hangs up: an offer is withdrawn; a connected contact ends and owes a wrap-up. */
  hangup(id) {
    const c = this.contact(id);
    if (c.interaction.state === 'new') {
      this.contacts.delete(id);
      this.taskStatus(c, 'abandoned');
      this.happened('abandoned', c);
      c.interaction.isTerminated = true;
      this.routing('ContactEnded', c, { agentsPendingWrapUp: [] });
      return;
    }
    this.toWrapUp(c);
    this.routing('ContactEnded', c);
    this.routing('AgentWrapup', c, { wrapUpRequired: true });
  }

  consultAnswered(id) {
    const c = this.contact(id);
    const consult = Object.values(c.interaction.media).find((m) => m.mType === 'consult');
    if (!consult) throw Object.assign(new Error(`No consult on ${id}`), { status: 409 });
    c.interaction.state = 'consulting';
    const to = c.pendingConsult;
    const agent = to.destinationType === 'queue' ? BUDDIES[1] : BUDDIES.find((b) => b.agentId === to.to) ?? BUDDIES[0];
    consult.participants = [AGENT_ID, agent.agentId];
    c.interaction.participants[agent.agentId] = { id: agent.agentId, pType: 'Agent', type: 'Agent', name: agent.agentName, hasJoined: true };
    c.interaction.callProcessingDetails.consultDestinationAgentJoined = 'true';
    c.interaction.callProcessingDetails.consultDestinationAgentName = agent.agentName;
    c.destAgentId = agent.agentId;
    if (to.destinationType === 'queue' && c.queueConsultWaiting) {
      c.queueConsultWaiting = false;
      this.routing('AgentConsultCreated', c);
    }
    this.routing('AgentConsulting', c);
  }

  // ---- REST: what each task action does -------------------------------------------------------------

  taskAction(id, action, body) {
    const c = this.contact(id);
    const main = c.interaction.media[c.mediaResourceId];
    switch (action) {
      case 'accept':
        return this.refused('accept', c) || this.assign(id);
      case 'hold':
        if (this.refused('hold', c)) return;
        Object.assign(main, { isHold: true, holdTimestamp: Date.now() });
        return this.routing('AgentContactHeld', c);
      case 'unhold':
        if (this.refused('resume', c)) return;
        Object.assign(main, { isHold: false, holdTimestamp: null });
        return this.routing('AgentContactUnheld', c);
      case 'record/pause':
        if (this.refused('pauseRecording', c)) return;
        c.interaction.callProcessingDetails.isPaused = 'true';
        return this.routing('ContactRecordingPaused', c);
      case 'record/resume':
        if (this.refused('resumeRecording', c)) return;
        c.interaction.callProcessingDetails.isPaused = 'false';
        return this.routing('ContactRecordingResumed', c);
      case 'end':
        if (this.refused('end', c)) return;
        this.toWrapUp(c);
        this.routing('ContactEnded', c);
        return this.routing('AgentWrapup', c, { wrapUpRequired: true });
      case 'wrapup': {
        if (this.refused('wrapup', c)) return;
        this.contacts.delete(id);
        if (c.wrapFrom) this.happened('wrapup', c, { ms: Date.now() - c.wrapFrom });
        this.taskStatus(c, 'completed');
        return this.routing('AgentWrappedUp', c, { wrapUpAuxCodeId: body.auxCodeId, wrapUpReason: body.wrapUpReason });
      }
      case 'consult': {
        const queue = body.destinationType === 'queue';
        if (this.refused(queue ? 'consultQueue' : 'consult', c)) return;
        const consultId = `${id}-consult`;
        Object.assign(main, { isHold: true, holdTimestamp: Date.now() });
        c.interaction.media[consultId] = { mediaResourceId: consultId, mediaType: 'telephony', mediaMgr: 'callmm', participants: [AGENT_ID], mType: 'consult', isHold: false, holdTimestamp: null };
        c.consultMediaResourceId = consultId;
        c.destinationType = body.destinationType;
        c.pendingConsult = body;
        c.isConsulted = false;
        if (queue) {
          // A queue consult is created only once a queue agent takes it (webex-sdk.md #4); meanwhile
          // (GUESSES.queueConsultWaiting) the main call is held.
          c.queueConsultWaiting = true;
          return GUESSES.queueConsultWaiting.holdsMainCall ? this.routing('AgentContactHeld', c) : undefined;
        }
        c.destAgentId = body.to;
        return this.routing('AgentConsultCreated', c);
      }
      case 'consult/end': {
        if (body.queueId) {
          if (this.refused('endConsult', c)) return;
          if (!c.queueConsultWaiting) {
            const { type, ...refusal } = GUESSES.cancelTakenQueueConsult;
            return this.routing(type, c, refusal);
          }
          delete c.interaction.media[`${id}-consult`];
          c.consultMediaResourceId = '';
          c.queueConsultWaiting = false;
          c.interaction.state = 'connected';
          return this.routing('AgentCtqCancelled', c);
        }
        if (this.refused('endConsult', c)) return;
        if (c.queueConsultWaiting) {
          const { type, ...refusal } = GUESSES.endWaitingQueueConsult;
          return this.routing(type, c, refusal);
        }
        delete c.interaction.media[`${id}-consult`];
        c.consultMediaResourceId = '';
        c.interaction.state = 'connected';
        delete c.interaction.callProcessingDetails.consultDestinationAgentJoined;
        return this.routing('AgentConsultEnded', c);
      }
      case 'consult/transfer':
        if (this.refused('consultTransfer', c)) return;
        this.toWrapUp(c);
        this.routing('AgentConsultTransferred', c);
        return this.routing('AgentWrapup', c, { wrapUpRequired: true });
      case 'consult/conference': {
        // The SDK's consultConference(): the consulted party joins the customer's leg (the SDK's own test of a
        // conference: two agents or more in the main call's participants); the customer comes off hold.
        if (this.refused('conference', c)) return;
        const consult = Object.values(c.interaction.media).find((m) => m.mType === 'consult');
        if (!consult) throw Object.assign(new Error(`No consult on ${id}`), { status: 409 });
        const joined = consult.participants.filter((p) => p !== AGENT_ID);
        delete c.interaction.media[consult.mediaResourceId];
        c.consultMediaResourceId = '';
        main.participants = [...new Set([...main.participants, ...joined])];
        Object.assign(main, { isHold: false, holdTimestamp: null });
        Object.assign(c.interaction, GUESSES.conference.started.interaction);
        Object.assign(c, GUESSES.conference.started.contact);
        return this.routing('AgentConsultConferenced', c);
      }
      case 'conference/exit': {
        // The SDK's exitConference(): the agent leaves the customer's leg; the others talk on; the agent owes a
        // wrap-up (GUESSES.conference.left says what follows).
        if (this.refused('leaveConference', c)) return;
        this.leaveConference(c, main);
        this.routing('ParticipantLeftConference', c);
        if (GUESSES.conference.left.wrapup) this.routing('AgentWrapup', c, { wrapUpRequired: true });
        return undefined;
      }
      case 'conference/transfer': {
        // The SDK's transferConference(): the consulted agent takes the contact over and the agent leaves.
        if (this.refused('transferConference', c)) return;
        // The owner stays the agent's in what the leaving agent is sent (GUESSES.conference.left): were it the
        // heir's, the SDK would drop the task on ParticipantLeftConference and fail on the AgentWrapup after it.
        this.leaveConference(c, main);
        this.routing('AgentConferenceTransferred', c);
        this.routing('ParticipantLeftConference', c);
        if (GUESSES.conference.left.wrapup) this.routing('AgentWrapup', c, { wrapUpRequired: true });
        return undefined;
      }
      case 'transfer': {
        const queue = body.destinationType === 'queue';
        if (this.refused(queue ? 'transferQueue' : 'transfer', c)) return;
        this.toWrapUp(c);
        if (queue) return this.routing('AgentVteamTransferred', c, { wrapUpRequired: true });
        this.routing('AgentBlindTransferred', c);
        return this.routing('AgentWrapup', c, { wrapUpRequired: true });
      }
      default:
        throw Object.assign(new Error(`Unknown task action ${action}`), { status: 404 });
    }
  }

  /** The agent leaves the customer's leg of a conference (exit, or a conference handed over). */
  leaveConference(c, main) {
    main.participants = main.participants.filter((p) => p !== AGENT_ID);
    Object.assign(c.interaction.participants[AGENT_ID], { hasLeft: true, isWrapUp: GUESSES.conference.left.wrapup });
    c.agentsPendingWrapUp = GUESSES.conference.left.wrapup ? [AGENT_ID] : [];
    c.wrapFrom = Date.now();
  }

  /**
   * Someone other than the agent leaves a conference (hangs up): the customer, or the consulted agent. With
   * one agent left on the customer's leg, the conference is over (the SDK's own rule).
   */
  conferenceLeft(id, who) {
    const c = this.contact(id);
    const main = c.interaction.media[c.mediaResourceId];
    const leaving = main.participants.find((p) => (who === 'customer' ? c.interaction.participants[p]?.pType === 'Customer' : p !== AGENT_ID && c.interaction.participants[p]?.pType === 'Agent'));
    if (!leaving) throw Object.assign(new Error(`No ${who} on the conference ${id}`), { status: 409 });
    main.participants = main.participants.filter((p) => p !== leaving);
    c.interaction.participants[leaving].hasLeft = true;
    if (who === 'consulted') Object.assign(c.interaction, GUESSES.conference.ended.interaction);
    this.routing('ParticipantLeftConference', c);
  }

  /** Answers with the scripted `*Failed` outcome when the next call of `action` is to be refused. */
  /** `extra`: what the SDK binds this outcome on beyond its type (a preview's refusal is bound on its `campaignId`). */
  refused(action, contact, extra = {}) {
    const fault = this.refuse.get(action);
    if (!fault) return false;
    this.refuse.delete(action);
    // Never answered: the request was accepted (202) but no outcome follows (the SDK times out after 20 s).
    if (fault.unanswered) return true;
    const outcome = REFUSALS[action];
    const reasonCode = GUESSES.refusalReasonCode;
    if (contact) this.routing(outcome.type, contact, { ...extra, reason: fault.reason, reasonCode });
    else this.agentMessage(outcome.top, { type: outcome.type, reason: fault.reason, reasonCode });
    return true;
  }

  // ---- REST: the agent ------------------------------------------------------------------------------

  reload() {
    if (!this.agent) {
      this.agentMessage('AgentReloginFailed', { type: 'AgentReloginFailed', reason: 'AGENT_NOT_FOUND', reasonCode: 0 });
      return;
    }
    this.agentMessage('AgentReloginSuccess', { ...this.agentData(), type: 'AgentReloginSuccess' });
    if (GUESSES.contactsAgainAfterRelogin) for (const c of this.contacts.values()) this.routing('AgentContact', c);
  }

  stationLogin(body) {
    if (this.refused('stationLogin')) return;
    this.agent = {
      sessionId: `session-${this.cloud.nextId()}`,
      teamId: body.teamId,
      deviceType: body.deviceType,
      dn: body.dialNumber,
      auxCodeId: 'idle-break',
      since: Date.now(),
    };
    this.span('Idle');
    this.agentMessage('StationLogin', { ...this.agentData(), type: 'AgentStationLoginSuccess' });
  }

  stateChange(body) {
    if (this.refused('setAgentState')) return;
    if (!this.agent) {
      this.agentMessage('AgentStateChange', { type: 'AgentStateChangeFailed', reason: 'AGENT_NOT_FOUND', reasonCode: 0 });
      return;
    }
    this.setState(body.state === 'Available' ? '0' : body.auxCodeId, AGENT_ID, body.lastStateChangeReason ?? '');
  }

  stationLogout(body) {
    if (this.refused('stationLogout')) return;
    if ([...this.contacts.values()].length > 0) {
      this.agentMessage('Logout', { type: 'AgentLogoutFailed', reason: 'AGENT_HAS_ACTIVE_INTERACTIONS', reasonCode: 0 });
      return;
    }
    this.logout(AGENT_ID, body.logoutReason ?? 'User requested logout');
  }
}

/** One page of a list, as the config API pages (`?page=&pageSize=`): `{data, meta}`. */
function paged(items, query) {
  const page = Number(query.get('page') ?? 0);
  const pageSize = Number(query.get('pageSize') ?? 100);
  return { data: items.slice(page * pageSize, (page + 1) * pageSize), meta: { page, pageSize, totalPages: Math.ceil(items.length / pageSize), totalRecords: items.length } };
}

/** The REST profile reads of `register()` (`services/config/index.ts`), for one tenant. */
function configRead(tenant, rest, query) {
  const { webRtcEnabled } = tenant.options;
  if (rest === '') return { tenantId: `tenant-${tenant.orgId}`, timezone: 'Europe/London', environment: 'produs1' };
  if (rest === `/user/by-ci-user-id/${AGENT_ID}`) {
    return {
      id: 'analyser-1',
      ciUserId: AGENT_ID,
      firstName: 'Dana',
      lastName: 'Whitfield',
      email: 'dana.whitfield@example.com',
      agentProfileId: 'agent-profile-1',
      teamIds: TEAMS.map((t) => t.id),
      multimediaProfileId: 'mm-1',
      siteId: 'site-1',
      skillProfileId: '',
      dbId: 'db-1',
      defaultDialledNumber: '+14155550199',
    };
  }
  if (rest === '/v2/organization-setting') return { data: [{ campaignManagerEnabled: false, webRtcEnabled, maskSensitiveData: false }] };
  if (rest === '/v2/tenant-configuration') {
    return {
      data: [
        {
          timeoutDesktopInactivityEnabled: false,
          forceDefaultDn: false,
          dnDefaultRegex: '1[0-9]{3}[2-9][0-9]{6}',
          dnOtherRegex: '\\+[1-9][0-9]{7,14}',
          privacyShieldVisible: false,
          outdialEnabled: true,
          endCallEnabled: tenant.options.endCallEnabled,
          endConsultEnabled: tenant.options.endConsultEnabled,
          callVariablesSuppressed: false,
          ...(tenant.options.lostConnectionRecoveryTimeout ? { lostConnectionRecoveryTimeout: tenant.options.lostConnectionRecoveryTimeout } : {}),
        },
      ],
    };
  }
  if (rest === '/v2/org-url-mapping') return { data: [] };
  if (rest === '/v2/ai-feature') return { data: [] };
  if (rest === '/v2/auxiliary-code') return { data: AUX_CODES, meta: { page: 0, pageSize: 100, totalPages: 1, totalRecords: AUX_CODES.length } };
  if (rest === '/agent-profile/agent-profile-1') {
    return {
      id: 'agent-profile-1',
      name: 'Agents',
      accessIdleCode: 'ALL',
      accessWrapUpCode: 'ALL',
      idleCodes: [],
      wrapUpCodes: [],
      loginVoiceOptions: ['AGENT_DN', 'EXTENSION', 'BROWSER'],
      agentDNValidation: 'ANY_FORMAT',
      dialPlanEnabled: true,
      dialPlans: ['dial-plan-e164'],
      // The SDK runs its timer with autoWrapAfterSeconds as milliseconds (webex-sdk.md #16): served as the SDK reads it.
      autoWrapUp: tenant.options.autoWrapup !== null,
      autoWrapAfterSeconds: tenant.options.autoWrapup?.afterMs ?? 0,
      allowAutoWrapUpExtension: tenant.options.autoWrapup?.allowCancel === true,
      lastAgentRouting: false,
      outdialEnabled: true,
      outdialEntryPointId: 'ep-outdial',
      outdialANIId: 'ani-list-1',
      agentAvailableAfterOutdial: false,
      consultToQueue: tenant.options.consultToQueue,
      addressBookId: 'address-book-1',
      viewableStatistics: { agentStats: false },
      autoAnswer: false,
    };
  }
  if (rest === '/site/site-1') return { id: 'site-1', name: 'HQ', multimediaProfileId: 'mm-1' };
  if (rest === '/v2/team') return { data: TEAMS, meta: { page: 0, pageSize: 100, totalPages: 1, totalRecords: TEAMS.length } };
  if (rest === '/dial-plan') return [{ id: 'dial-plan-e164', name: 'E.164', regularExpression: '^\\+?[1-9][0-9]{7,14}$', prefix: '', strippedChars: '' }];
  if (rest === '/v2/contact-service-queue') {
    const page = Number(query.get('page') ?? 0);
    const pageSize = Number(query.get('pageSize') ?? 100);
    return { data: QUEUES.slice(page * pageSize, (page + 1) * pageSize), meta: { page, pageSize, totalPages: Math.ceil(QUEUES.length / pageSize), totalRecords: QUEUES.length } };
  }
  if (/^\/v2\/outdial-ani\/ani-list-1\/entry$/.test(rest)) return { data: OUTDIAL_ANI, meta: { page: 0, pageSize: 100, totalPages: 1, totalRecords: OUTDIAL_ANI.length } };
  if (rest === '/v2/entry-point') return paged(ENTRY_POINTS, query);
  if (rest === '/v2/address-book/address-book-1/entry') return paged(ADDRESS_BOOK, query);
  return undefined;
}

export class WebexCloud extends LoopbackServer {
  constructor() {
    super();
    this.tenants = new Map();
    this.tokens = new Map();
    this.subscriptions = new Map();
    this.seq = 0;
    /** OAuth: clients (id → {secret, tenant}), codes waiting for their exchange, refresh tokens (each used once). */
    this.oauth = { clients: new Map(), codes: new Map(), refresh: new Map() };
  }

  nextId() {
    return ++this.seq;
  }

  async close() {
    for (const t of this.tenants.values()) for (const ws of t.sockets) ws.terminate();
    await super.close();
  }

  /** The `Webex.init` config that points the SDK at this cloud. */
  config() {
    return {
      services: {
        discovery: { u2c: `${this.origin}/u2c/api/v1` },
        override: { 'wcc-api-gateway': `${this.origin}/wcc` },
      },
    };
  }

  /** The script API. Every call names a `tenant` (its org id) but `tenant` itself, which makes one. */
  command(payload = {}) {
    const { action } = payload;
    if (action === 'tenant') {
      const t = new Tenant(this, this.nextId(), payload.options ?? {});
      this.tenants.set(t.orgId, t);
      return { orgId: t.orgId, token: t.token, agentId: AGENT_ID, config: this.config(), sdkUrl: `${this.origin}/sdk/contact-center.min.js` };
    }
    const t = this.tenants.get(payload.tenant);
    if (!t) throw new Error(`webex-cloud: no tenant ${payload.tenant}`);
    switch (action) {
      case 'oauth-client': {
        // An integration registered for this tenant: its users sign in as the tenant's agent.
        const clientId = `C${randomBytes(12).toString('hex')}`;
        const clientSecret = randomBytes(24).toString('hex');
        this.oauth.clients.set(clientId, { secret: clientSecret, tenant: t });
        return { clientId, clientSecret };
      }
      case 'service-token':
        // A supervisor's token for the reporting APIs (a service account of the host's server).
        return { token: t.issueToken() };
      case 'offer':
        return { taskId: t.offer(payload) };
      case 'answer':
        t.assign(payload.taskId);
        return {};
      case 'preview':
        return { taskId: t.preview(payload.campaign, { newInteraction: payload.newInteraction === true }) };
      case 'contact-again':
        // The contact as the service sends it again (after a relogin: GUESSES.contactsAgainAfterRelogin).
        t.routing('AgentContact', t.contact(payload.taskId));
        return {};
      case 'rona':
        t.rona(payload.taskId);
        return {};
      case 'answer-consult':
        t.consultAnswered(payload.taskId);
        return {};
      case 'conference-left':
        t.conferenceLeft(payload.taskId, payload.who === 'customer' ? 'customer' : 'consulted');
        return {};
      case 'hangup':
        t.hangup(payload.taskId);
        return {};
      case 'supervisor-state':
        t.setState(payload.state === 'Available' ? '0' : payload.auxCodeId, SUPERVISOR_ID);
        return {};
      case 'remote-logout':
        t.logout(SUPERVISOR_ID, 'Logged out by a supervisor');
        return {};
      case 'refuse':
        if (!REFUSALS[payload.what]) throw new Error(`webex-cloud: cannot refuse ${payload.what}`);
        t.refuse.set(payload.what, { reason: payload.reason, unanswered: payload.unanswered === true });
        return {};
      case 'drop':
        t.drop();
        return {};
      case 'restore':
        t.restore();
        return {};
      case 'silent':
        t.setSilent(payload.on !== false);
        return {};
      case 'expire-token':
        t.tokens.delete(t.token);
        return {};
      case 'new-token':
        return { token: t.newToken() };
      case 'logged-in':
        // The agent is logged in already (another tab, or a page reload): register() finds it by reload.
        t.agent = { sessionId: `session-${this.nextId()}`, teamId: payload.teamId ?? 'team-support', deviceType: payload.loginOption ?? 'AGENT_DN', dn: payload.dialNumber ?? '+14155550199', auxCodeId: payload.auxCodeId ?? '0', since: Date.now() };
        t.span(t.agent.auxCodeId === '0' ? 'Available' : 'Idle');
        return {};
      case 'reset':
        t.reset();
        return {};
      case 'desktop-open':
        // The agent has Agent Desktop open in another window.
        t.desktop = { open: true };
        return {};
      case 'desktop-signs-in':
        // Agent Desktop signs in again: it closes this page's session (GUESSES.desktopMultiLogin).
        t.desktop = { open: true };
        if (GUESSES.desktopMultiLogin.closesPage(t.pageAllowsMultiLogin)) {
          t.agentMessage('AGENT_MULTI_LOGIN', { type: 'AgentMultiLoginCloseSession' });
        }
        return {};
      case 'state':
        return { agent: t.agent && t.agentData(), contacts: [...t.contacts.keys()], sockets: t.sockets.size, calls: t.calls, desktop: t.desktop, pageAllowsMultiLogin: t.pageAllowsMultiLogin, outdials: t.outdials, taskBodies: t.taskBodies };
      default:
        throw new Error(`webex-cloud: unknown action ${action}`);
    }
  }

  /**
   * `GET /v1/authorize`: the consent page of the stand-in (the tenant's agent, no password); its button posts back
   * here, and `POST /v1/authorize` sends the browser to the redirect URI with a single-use code (or `access_denied`).
   */
  #authorize(req, url, raw, reply) {
    const p = req.method === 'POST' ? new URLSearchParams(raw) : url.searchParams;
    const client = this.oauth.clients.get(p.get('client_id') ?? '');
    let back;
    try {
      back = new URL(p.get('redirect_uri') ?? '');
    } catch {
      back = null;
    }
    const page = (status, text) => reply(status, `<!doctype html><meta charset="utf-8"><title>Local Webex cloud</title><p>${escapeHtml(text)}</p>`, { 'content-type': 'text/html; charset=utf-8' });
    // Never redirect to an address the client did not come with: an unknown client or a bad URI is a page.
    if (!client || !back || !/^https?:$/.test(back.protocol)) return page(400, 'Unknown OAuth client or redirect URI.');
    const redirectTo = (params) => {
      for (const [k, v] of Object.entries(params)) back.searchParams.set(k, v);
      if (p.get('state')) back.searchParams.set('state', p.get('state'));
      res302(back.toString());
    };
    const res302 = (location) => reply(302, undefined, { location, 'cache-control': 'no-store' });
    if (p.get('response_type') !== 'code') return redirectTo({ error: 'unsupported_response_type' });
    if (p.get('code_challenge_method') !== 'S256' || !p.get('code_challenge')) return redirectTo({ error: 'invalid_request' });
    if (req.method === 'GET') {
      const hidden = [...p].map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`).join('');
      return reply(
        200,
        `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Sign in · Local Webex cloud</title><link rel="icon" href="data:,">
<body style="font:16px system-ui;max-width:32rem;margin:4rem auto;padding:0 1rem">
<h1>Local Webex cloud</h1>
<p>A stand-in for Webex's sign-in, on this computer. No account: you sign in as the agent of organisation ${escapeHtml(client.tenant.orgId)}, Dana Whitfield.</p>
<form method="post" action="/v1/authorize">${hidden}
<button name="consent" value="yes" style="font:inherit;padding:.5rem 1rem">Sign in as Dana Whitfield</button>
<button name="consent" value="no" style="font:inherit;padding:.5rem 1rem">Cancel</button>
</form></body></html>`,
        { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
      );
    }
    if (p.get('consent') !== 'yes') return redirectTo({ error: 'access_denied' });
    const code = randomBytes(18).toString('base64url');
    this.oauth.codes.set(code, { clientId: p.get('client_id'), redirectUri: p.get('redirect_uri'), challenge: p.get('code_challenge'), expiresAt: Date.now() + 60_000 });
    return redirectTo({ code });
  }

  /** `POST /v1/access_token`: a code (with its PKCE verifier) or a refresh token, and the client's secret. */
  #accessToken(raw, reply) {
    const f = Object.fromEntries(new URLSearchParams(raw));
    const client = this.oauth.clients.get(f.client_id ?? '');
    if (!client || client.secret !== f.client_secret) return reply(401, { error: 'invalid_client' });
    const issue = () => {
      const { expiresIn, refreshExpiresIn } = GUESSES.oauthLifetimes;
      const refreshToken = randomBytes(24).toString('base64url');
      this.oauth.refresh.set(refreshToken, { clientId: f.client_id, tenant: client.tenant, expiresAt: Date.now() + refreshExpiresIn * 1000 });
      return reply(200, { access_token: client.tenant.issueToken(), expires_in: expiresIn, refresh_token: refreshToken, refresh_token_expires_in: refreshExpiresIn, token_type: 'Bearer' }, { 'cache-control': 'no-store' });
    };
    if (f.grant_type === 'authorization_code') {
      const entry = this.oauth.codes.get(f.code ?? '');
      this.oauth.codes.delete(f.code ?? '');
      const verified = entry && createHash('sha256').update(f.code_verifier ?? '').digest('base64url') === entry.challenge;
      if (!entry || entry.expiresAt < Date.now() || entry.clientId !== f.client_id || entry.redirectUri !== f.redirect_uri || !verified) {
        return reply(400, { error: 'invalid_grant' });
      }
      return issue();
    }
    if (f.grant_type === 'refresh_token') {
      const entry = this.oauth.refresh.get(f.refresh_token ?? '');
      // Rotation: a refresh token works once.
      this.oauth.refresh.delete(f.refresh_token ?? '');
      if (!entry || entry.clientId !== f.client_id || entry.expiresAt < Date.now()) return reply(400, { error: 'invalid_grant' });
      return issue();
    }
    return reply(400, { error: 'unsupported_grant_type' });
  }

  #tenantOf(req) {
    const auth = String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    const t = this.tokens.get(auth);
    return t && t.tokens.has(auth) ? t : null;
  }

  upgrade(req, socket, head) {
    const id = new URL(req.url, this.origin).pathname.split('/').pop();
    const t = this.subscriptions.get(id);
    if (!t || t.down) {
      socket.destroy();
      return;
    }
    this.subscriptions.delete(id);
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      t.sockets.add(ws);
      ws.on('close', () => t.sockets.delete(ws));
      ws.on('message', (raw) => {
        let message;
        try {
          message = JSON.parse(String(raw));
        } catch {
          return;
        }
        if (GUESSES.answersKeepalive && message?.keepalive === 'true' && !t.silent && !t.down) ws.send(JSON.stringify({ keepalive: 'true' }));
      });
      const welcome = JSON.stringify({ type: 'Welcome', data: { agentId: AGENT_ID, orgId: t.orgId, subscriptionId: id } });
      if (!t.silent) ws.send(welcome);
      else if (GUESSES.welcomeAfterSilence) t.ungreeted.set(ws, welcome);
    });
  }

  async handle(req, res) {
    const url = new URL(req.url, this.origin);
    const path = url.pathname;
    const cors = {
      'access-control-allow-origin': req.headers.origin ?? '*',
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, POST, PUT, DELETE, PATCH, OPTIONS',
      'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
      'access-control-expose-headers': 'trackingid',
      'access-control-max-age': '600',
    };
    const reply = (status, body, headers = {}) => {
      const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, { ...cors, 'content-type': 'application/json; charset=utf-8', trackingid: `ROUTER_${this.nextId()}`, ...headers });
      res.end(text);
    };
    if (req.method === 'OPTIONS') return reply(204, undefined);
    let raw = '';
    for await (const chunk of req) raw += chunk;
    let body = {};
    try {
      body = raw && /json/.test(String(req.headers['content-type'] ?? '')) ? JSON.parse(raw) : {};
    } catch {
      body = {};
    }
    try {
      if (path === '/sdk/contact-center.min.js') {
        return reply(200, await readFile(SDK_FILE, 'utf8'), { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'max-age=3600' });
      }
      if (path === '/test/fake-timers.js') {
        return reply(200, await fakeTimersScript(), { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'max-age=3600' });
      }
      // The service catalog: the limited one before sign-in (no token), the full one after.
      if (path.startsWith('/u2c/api/v1/')) {
        const links = {
          'wcc-api-gateway': `${this.origin}/wcc`,
          metrics: `${this.origin}/metrics/v1`,
          clientLogs: `${this.origin}/clientlogs/v1`,
        };
        return reply(200, { serviceLinks: links, hostCatalog: {}, format: 'hostmap' });
      }
      // The sinks: client metrics and log upload (POST logs/urls, PUT the file, POST logs/meta).
      if (path.startsWith('/metrics/')) return reply(204, undefined);
      if (path === '/clientlogs/v1/logs/urls') {
        return reply(200, { tempURL: `${this.origin}/upload/${this.nextId()}`, logFilename: `logs-${this.nextId()}.txt`, userId: AGENT_ID });
      }
      if (path.startsWith('/upload/')) return reply(200, {});
      if (path === '/clientlogs/v1/logs/meta') return reply(200, { trackingid: `logs_${this.nextId()}`, userId: AGENT_ID });

      if (path === '/v1/authorize') return this.#authorize(req, url, raw, reply);
      if (path === '/v1/access_token' && req.method === 'POST') return this.#accessToken(raw, reply);

      if (!path.startsWith('/wcc/')) return reply(404, { message: `Not found: ${path}` });
      const t = this.#tenantOf(req);
      if (!t) return reply(401, { message: 'Unauthorized', errorCode: 401, trackingId: `ROUTER_${this.nextId()}` });
      const api = path.slice('/wcc'.length).replace(/\/{2,}/g, '/');
      t.calls.push(`${req.method} ${api}`);
      if (req.method === 'POST' && api.startsWith('/v1/tasks/')) t.taskBodies.push({ call: `${req.method} ${api}`, body });
      if (t.down) {
        req.socket.destroy();
        return undefined;
      }

      if (api === '/v1/notification/subscribe' && req.method === 'POST') {
        // Multi-login (webex-sdk.md #14): a client that subscribes without allowMultiLogin closes the agent's
        // other sessions (an open Agent Desktop); with it, they stay.
        t.pageAllowsMultiLogin = body.allowMultiLogin === true;
        if (t.desktop?.open && !t.pageAllowsMultiLogin) t.desktop = { open: false, closedBy: 'multi-login' };
        const id = `sub-${this.nextId()}`;
        this.subscriptions.set(id, t);
        return reply(200, { webSocketUrl: `ws://127.0.0.1:${this.port}/notifs/${id}`, subscriptionId: id });
      }
      const org = api.match(/^\/organization\/([^/]+)(.*)$/);
      if (org && req.method === 'GET') {
        if (org[1] !== t.orgId) return reply(403, { message: 'Forbidden: another organisation' });
        const read = configRead(t, org[2], url.searchParams);
        return read === undefined ? reply(404, { message: `Not found: ${api}` }) : reply(200, read);
      }
      // The reporting APIs (webex-rest.md §6), from what happened in this tenant.
      if (req.method === 'GET' && ['/v1/tasks', '/v1/queues/statistics', '/v1/agents/statistics'].includes(api)) {
        const q = url.searchParams;
        const from = Number(q.get('from'));
        const to = q.has('to') ? Number(q.get('to')) : Date.now();
        if (api === '/v1/tasks') {
          const pageSize = Number(q.get('pageSize') ?? 100);
          if (!Number.isFinite(from) || !(pageSize > 0 && pageSize <= 1000)) return reply(400, { message: 'from is required; pageSize is 1 to 1000.' });
          return reply(200, { meta: { orgId: t.orgId }, data: t.reportedTasks(from, to).slice(0, pageSize) });
        }
        if (!Number.isFinite(from) || !Number.isFinite(to) || from % QUARTER || to % QUARTER || !(to > from) || to - from >= DAY) {
          return reply(400, { message: 'from and to must be on quarter hours, less than 24 hours apart.' });
        }
        const ids = (q.get(api.startsWith('/v1/queues') ? 'queueIds' : 'agentIds') ?? '').split(',').filter(Boolean);
        if (ids.length > 100) return reply(400, { message: 'At most 100 ids.' });
        return reply(200, { meta: { orgId: t.orgId }, data: t.statistics(api.startsWith('/v1/queues') ? 'queues' : 'agents', from, to, ids) });
      }
      // Every action is accepted at once (202) and answered on the socket: the SDK waits for the outcome.
      const answer = (run) => {
        reply(202, { trackingId: `ROUTER_${this.nextId()}` });
        setTimeout(() => {
          try {
            run();
          } catch (err) {
            // A script error (an unknown contact): nothing more is sent; the SDK times out as it would.
            console.warn(`webex-cloud: ${req.method} ${api}: ${err.message}`);
          }
        }, 5);
        return undefined;
      };
      if (api === '/v1/agents/reload' && req.method === 'POST') return answer(() => t.reload());
      if (api === '/v1/agents/login' && req.method === 'POST') return answer(() => t.stationLogin(body));
      if (api === '/v1/agents/session/state' && req.method === 'PUT') return answer(() => t.stateChange(body));
      if (api === '/v1/agents/logout' && req.method === 'POST') return answer(() => t.stationLogout(body));
      if (api === '/v1/agents/buddyList' && req.method === 'POST') {
        const agentList = BUDDIES.filter((b) => GUESSES.buddyMedia[b.agentId].includes(String(body.mediaType)));
        return answer(() => t.agentMessage('BuddyAgents', { type: 'BuddyAgents', mediaType: body.mediaType, agentList }));
      }
      // An outbound call (`startOutdial`): answered by the offer of the new contact, or `AgentOutboundFailed`.
      if (/^\/v1\/tasks\/?$/.test(api) && req.method === 'POST') return answer(() => t.outdial(body));
      // A campaign's preview accepted (`acceptPreviewContact`).
      const preview = api.match(/^\/v1\/dialer\/campaign\/([^/]+)\/preview-task\/([^/]+)\/accept$/);
      if (preview && req.method === 'POST') {
        const [campaign, id] = [decodeURIComponent(preview[1]), preview[2]];
        if (!t.contacts.has(id)) return reply(404, { message: `No preview ${id}`, errorType: 'NOT_FOUND' });
        return answer(() => t.acceptPreview(campaign, id));
      }
      const task = api.match(/^\/v1\/tasks\/([^/]+)\/(.+)$/);
      if (task && req.method === 'POST') {
        if (!t.contacts.has(task[1])) return reply(404, { message: `No interaction ${task[1]}`, errorType: 'NOT_FOUND' });
        return answer(() => t.taskAction(task[1], task[2], body));
      }
      return reply(404, { message: `Not found: ${req.method} ${api}` });
    } catch (err) {
      return reply(err.status ?? 500, { message: err.message });
    }
  }
}

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startWebexCloud() {
  return new WebexCloud().listen();
}

/** A web-test-runner plugin: the double starts and stops with the test server and answers `executeServerCommand('webex-cloud', …)`. */
export const webexCloudPlugin = () => loopbackPlugin('webex-cloud', startWebexCloud);
