/*
 * The fake TCCC Web SDK that the double serves as an SdkURL script (server.mjs wraps this body in a function of
 * `config`: {link, wrapHint}). It defines `window.tccc` with the methods, events and result shapes of
 * ../../../shared/tccc.md, draws a stand-in of TCCC's own UI (a floating button and a workbench), and speaks to
 * the double over one WebSocket: method calls out, answers and events in. Choices tccc.md leaves open are in
 * ./guesses.mjs (the server applies them; this script only relays).
 */
/* global config */
if (window.tccc) {
  // tccc.md §10.2: a second injection is unsupported; the real SDK warns.
  console.warn('[tccc double] the SDK is already loaded in this page: this script does nothing.');
} else {
  const script = document.currentScript;
  const events = Object.freeze({
    ready: 'ready',
    tokenExpired: 'tokenExpired',
    callIn: 'callIn',
    userAccessed: 'userAccessed',
    autoTransfer: 'autoTransfer',
    sessionEnded: 'sessionEnded',
    sessionCompleted: 'sessionCompleted',
    callOuted: 'callOuted',
    calloutAccepted: 'calloutAccepted',
    transfer: 'transfer',
    statusChanged: 'statusChanged',
  });
  const listeners = new Map();
  let status = 'offline';
  let muted = false;
  let seq = 0;
  const pending = new Map();
  const queue = [];

  const ws = new WebSocket(config.link);
  const send = (message) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
    else queue.push(message);
  };
  ws.addEventListener('open', () => {
    for (const message of queue.splice(0)) ws.send(JSON.stringify(message));
  });
  ws.addEventListener('message', (m) => {
    let message;
    try {
      message = JSON.parse(String(m.data));
    } catch {
      return;
    }
    if (typeof message.status === 'string') status = message.status;
    if (typeof message.muted === 'boolean') muted = message.muted;
    if (typeof message.id === 'number') {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (!waiter) return;
      if (message.ok) waiter.resolve({ status: 'success', ...(message.data !== undefined ? { data: message.data } : {}) });
      else waiter.reject({ status: 'error', errorMsg: message.errorMsg });
      return;
    }
    if (typeof message.event === 'string') {
      for (const fn of [...(listeners.get(message.event) ?? [])]) {
        try {
          fn(message.payload);
        } catch (err) {
          console.error('[tccc double] a listener threw', err);
        }
      }
    }
  });

  const call = (method, args) =>
    new Promise((resolve, reject) => {
      const id = ++seq;
      pending.set(id, { resolve, reject });
      send({ id, method, args: args ?? {} });
    });
  /** A UI method: applied here, recorded by the double (no answer). */
  const note = (method) => send({ method });

  // A stand-in of TCCC's own UI: a floating button and a workbench, in the body or in data-render-dom-id's element.
  const root = document.createElement('t3c-sdk');
  root.id = 'tcccSdkDomRoot';
  const float = document.createElement('button');
  float.textContent = 'TCCC';
  float.setAttribute('data-tccc', 'float');
  float.style.cssText = 'position: fixed; right: 16px; bottom: 16px; width: 56px; height: 56px; z-index: 9999';
  const workbench = document.createElement('div');
  workbench.setAttribute('data-tccc', 'workbench');
  workbench.textContent = 'TCCC workbench';
  workbench.style.cssText = 'width: 760px; height: 480px';
  root.append(float, workbench);
  const hostId = script?.dataset.renderDomId;
  const host = (hostId && document.getElementById(hostId)) || document.body;
  host.append(root);

  window.tccc = {
    events,
    on(name, fn) {
      if (!listeners.has(name)) listeners.set(name, new Set());
      listeners.get(name).add(fn);
    },
    off(name, fn) {
      listeners.get(name)?.delete(fn);
    },
    Call: {
      accept: (o) => call('Call.accept', o),
      hungUp: (o) => call('Call.hungUp', o),
      deleteCall: (o) => call('Call.deleteCall', o),
      muteMic: (o) => call('Call.muteMic', o),
      unmuteMic: (o) => call('Call.unmuteMic', o),
      isMicMuted: () => muted,
      hold: (o) => call('Call.hold', o),
      unHold: (o) => call('Call.unHold', o),
      transfer: (o) => call('Call.transfer', o),
      startOutboundCall: (o) => call('Call.startOutboundCall', o),
      startInternalCall: (o) => call('Call.startInternalCall', o),
      sendDigits: (o) => call('Call.sendDigits', o),
    },
    Agent: {
      online: () => call('Agent.online'),
      offline: () => call('Agent.offline'),
      setStatus: (o) => call('Agent.setStatus', o),
      getStatus: () => status,
    },
    UI: {
      hide() {
        root.hidden = true;
        note('UI.hide');
      },
      show() {
        root.hidden = false;
        note('UI.show');
      },
      hidefloatButton() {
        float.hidden = true;
        note('UI.hidefloatButton');
      },
      showfloatButton() {
        float.hidden = false;
        note('UI.showfloatButton');
      },
      hideWorkbench() {
        workbench.hidden = true;
        note('UI.hideWorkbench');
      },
      showWorkbench() {
        workbench.hidden = false;
        note('UI.showWorkbench');
      },
    },
    Devices: {
      isBrowserSupported: () => true,
    },
  };
}
