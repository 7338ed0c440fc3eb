// The kit's own messages by key (src/core/messages.ts): every refusal and check carries a key and values besides
// its English message, so a widget can word it in the agent's language; the page's cc-error keeps its
// {action, code, message} contract, in English.
import { expect } from '@open-wc/testing';
import { ACTIONS, REFUSALS, REQUEST_NAMES, actionOf } from '../../src/core/actions.js';
import { CcError } from '../../src/core/errors.js';
import { MESSAGES, englishMessage, isMessageKey, keysOf, wordMessage } from '../../src/core/messages.js';
import { dialNumberMessage } from '../../src/core/dial.js';
import { toCcError } from '../../src/backends/webex/errors.js';
import { loadBundle } from '../../src/locales/index.js';
import { deskRig, detailsOf, readyAgent } from '../helpers.js';

describe('the kit’s messages by key', () => {
  it('word every refusal and every action a refusal names, from one English table', () => {
    for (const [key, refused] of Object.entries(REFUSALS)) {
      expect(refused.key, key).to.equal(key);
      expect(refused.message, key).to.equal(MESSAGES[refused.key]);
    }
    const missing: string[] = [];
    for (const name of REQUEST_NAMES) {
      const action = actionOf(name);
      if (!isMessageKey(`verb:${action}`)) missing.push(`verb:${action}`);
      if (ACTIONS[name].capability && !isMessageKey(`cannot:${action}`)) missing.push(`cannot:${action}`);
    }
    for (const media of ['telephony', 'chat', 'email', 'social', 'other']) if (!isMessageKey(`media:${media}`)) missing.push(`media:${media}`);
    expect(missing, 'keys the refusals need in src/core/messages.ts').to.deep.equal([]);
  });

  it('words a message whose values are messages, with plurals by count, and says when a language lacks a key', () => {
    const ref = { key: 'taskRinging', values: { verb: { key: 'verb:task-hold' } } } as const;
    expect(englishMessage(ref)).to.equal('Cannot hold: the task is still ringing.');
    expect(keysOf(ref)).to.deep.equal(['taskRinging', 'verb:task-hold']);
    const french: Record<string, string> = { taskRinging: 'Impossible de {verb} : la tâche sonne encore.', 'verb:task-hold': 'mettre en attente' };
    expect(wordMessage(ref, { text: (key) => french[key] })).to.equal('Impossible de mettre en attente : la tâche sonne encore.');
    expect(wordMessage(ref, { text: (key) => (key === 'taskRinging' ? french[key] : undefined) }), 'a value’s key missing').to.equal(undefined);
    expect(dialNumberMessage('5')).to.equal('5 is too short for a dial number (1 digit). Use 3 to 15 digits, with an optional leading +.');
    expect(dialNumberMessage('55')).to.equal('55 is too short for a dial number (2 digits). Use 3 to 15 digits, with an optional leading +.');
  });

  it('keeps the key in the store next to the action, and the page’s cc-error as {action, code, message}', async () => {
    const r = deskRig();
    await readyAgent(r.run);
    r.server.offer({ mediaType: 'telephony' });
    const taskId = r.desk.state.tasks[0].id;
    // Still ringing: hold is refused by the core, with the verb as a message of its own.
    await r.run('cc-task-hold-request', { taskId });
    expect(r.desk.state.errors[`cc-task-hold-request:${taskId}`]).to.deep.equal({
      action: 'task-hold',
      code: 'invalid-state',
      message: 'Cannot hold: the task is still ringing.',
      key: 'taskRinging',
      values: { verb: { key: 'verb:task-hold' } },
    });
    expect(detailsOf(r.events, 'cc-error').at(-1)).to.deep.equal({ action: 'task-hold', code: 'invalid-state', message: 'Cannot hold: the task is still ringing.' });

    await r.run('cc-task-accept-request', { taskId });
    await r.run('cc-task-resume-request', { taskId });
    expect(r.desk.state.errors[`cc-task-resume-request:${taskId}`]).to.include({ key: 'notHeld', message: REFUSALS.notHeld.message });
  });

  it('keeps a key through CcError.from, and gives none to text from the network', () => {
    const kept = CcError.from(new CcError('invalid-state', REFUSALS.notHeld.message, '', { key: 'notHeld' }), 'task-resume');
    expect(kept.toJSON()).to.deep.equal({ action: 'task-resume', code: 'invalid-state', message: REFUSALS.notHeld.message, key: 'notHeld' });
    expect(CcError.from(new Error('Hold is not allowed.'), 'task-hold').toJSON()).to.deep.equal({ action: 'task-hold', code: 'backend-error', message: 'Hold is not allowed.' });
    expect(CcError.from(undefined, 'task-hold').toJSON()).to.deep.equal({ action: 'task-hold', code: 'backend-error', message: 'The action failed.', key: 'actionFailed' });
  });

  it('keys what a backend says in the kit’s words: "Sign in first." before sign-in', async () => {
    const r = deskRig();
    const refused = (await r.backend.hold('t-1').then(
      () => null,
      (err: unknown) => err,
    )) as CcError;
    expect(refused.toJSON()).to.include({ code: 'not-signed-in', message: 'Sign in first.', key: 'notSignedIn' });
  });

  it('keys every sentence the XuC, Webex, TCCC and simulator backends write themselves (a source scan)', async () => {
    const files = [
      'xuc/link.ts', 'xuc/context.ts', 'xuc/calls.ts', 'xuc/agent.ts',
      'webex/session.ts', 'webex/context.ts', 'webex/tasks.ts', 'webex/backend.ts', 'webex/sdk.ts', 'webex/calls.ts', 'webex/errors.ts',
      'tccc/calls.ts', 'tccc/session.ts', 'tccc/loader.ts', 'tccc/context.ts', 'tccc/sdk.ts', 'tccc/agent.ts',
      'simulator/backend.ts',
    ];
    const unkeyed: string[] = [];
    for (const file of files) {
      const response = await fetch(`/src/backends/${file}`);
      expect(response.ok, file).to.equal(true);
      const source = await response.text();
      // `new CcError(code, '<English>'…)` or an emitted error with a literal message: both bypass the table.
      const literal = /new CcError\(\s*[^,()]+,\s*['"`]|message:\s*['"`]/g;
      for (const match of source.matchAll(literal)) {
        const line = source.slice(0, match.index).split('\n').length;
        unkeyed.push(`${file}:${line}`);
      }
    }
    expect(unkeyed, 'English sentences with no message key').to.deep.equal([]);
    // The keys they use are in the table, with the same English the tests of each backend match.
    expect(englishMessage({ key: 'xucSessionExpired' })).to.equal('The XiVO session expired. Sign in again.');
    expect(englishMessage({ key: 'xucSessionRefusedBecause', values: { reason: 'NoRights' } })).to.equal(
      'XiVO refused the session (NoRights). Try again, or ask your administrator.',
    );
  });

  it('words a Webex SDK failure from keys: the action in the agent’s language, the contact center’s reason as it came', async () => {
    const offline = toCcError(new TypeError('Failed to fetch'), 'hold');
    expect(offline.toJSON()).to.deep.equal({
      action: 'hold',
      code: 'offline',
      message: 'Putting the call on hold failed: Webex Contact Center cannot be reached. Check the network connection and try again.',
      key: 'webexUnreachable',
      values: { doing: { key: 'doing:hold' } },
    });
    const french = (await loadBundle('fr')) as unknown as { messages: Record<string, string> };
    const inFrench = (err: CcError) => wordMessage(err.text!, { text: (key) => french.messages[key] });
    expect(inFrench(offline)).to.equal(
      'La mise en attente de l’appel a échoué : Webex Contact Center est injoignable. Vérifiez la connexion réseau et réessayez.',
    );
    const refused = toCcError({ data: { reasonCode: 1, message: 'AGENT_NOT_FOUND' }, statusCode: 400, message: 'AGENT_NOT_FOUND' }, 'transfer');
    expect(refused.message).to.equal('Transferring failed: agent not found.');
    expect(inFrench(refused)).to.equal('Le transfert a échoué : agent not found.');
    // TCCC's refusal names the request in the agent's language too; its reason stays as TCCC wrote it.
    const tccc = { key: 'tcccRefused', values: { verb: { key: 'tccc:hold' }, reason: 'Hold is not configured' } } as const;
    expect(englishMessage(tccc)).to.equal('TCCC refused to hold: Hold is not configured.');
    expect(wordMessage(tccc, { text: (key) => french.messages[key] })).to.equal('TCCC a refusé de mettre en attente : Hold is not configured.');
  });

  it('keys what the simulated contact center refuses: an unknown team, with the value it was given', async () => {
    const r = deskRig();
    await r.run('cc-sign-in-request', { accessToken: 'token' });
    // The desk checks the team first; the backend itself, asked directly, refuses in its own (keyed) words.
    const refused = (await r.backend.stationLogin({ teamId: 'team-nowhere', loginOption: 'BROWSER' }).then(
      () => null,
      (err: unknown) => err,
    )) as CcError;
    expect(refused.toJSON()).to.deep.include({ code: 'invalid-request', message: 'Unknown team team-nowhere.', key: 'simulatorUnknownTeam' });
  });
});
