// Text from the network in the station login (team names, the dial number shown back) and the state select
// (idle reason names): a 60-character unbroken name never widens a 320 px sidebar, and a right-to-left override
// inside a name never reorders the kit's own words (issue 10, host pages 3 and 4).
import { expect, html } from '@open-wc/testing';
import '../../../define/cc-station-login.js';
import '../../../define/cc-state-select.js';
import { sdkFixture, until } from '../../helpers.js';
import { simulatorProfile } from '../../../src/backends/simulator/data.js';
import type { Profile } from '../../../src/core/types.js';

const LONG = 'W'.repeat(60);
const RLO = '\u202E';
const FSI = '\u2068';
const PDI = '\u2069';

function hostile(team: string, reason: string): Profile {
  return {
    ...simulatorProfile,
    teams: [{ id: 'team-support', name: team }, ...simulatorProfile.teams.filter((t) => t.id !== 'team-support')],
    idleCodes: simulatorProfile.idleCodes.map((c) => (c.id === 'idle-meeting' ? { ...c, name: reason } : c)),
  };
}

async function sidebar(team: string, reason: string) {
  const rig = await sdkFixture(
    html`<div style="inline-size: 320px; padding: 0; margin: 0">
      <cc-sdk><cc-station-login></cc-station-login><cc-state-select></cc-state-select></cc-sdk>
    </div>`,
    { profile: hostile(team, reason) },
  );
  const login = rig.sdk.querySelector('cc-station-login') as HTMLElement & { updateComplete: Promise<boolean> };
  const select = rig.sdk.querySelector('cc-state-select') as HTMLElement & { updateComplete: Promise<boolean> };
  await rig.sdk.request('cc-sign-in-request', { accessToken: 't' });
  await login.updateComplete;
  /** The widget fits its 320 px container. */
  const fits = (el: HTMLElement, what: string) => {
    expect(el.getBoundingClientRect().width, `${what} width`).to.be.at.most(320);
    expect(el.shadowRoot!.querySelector('[part="base"]')!.scrollWidth, `${what} scrollWidth`).to.be.at.most(320);
    expect(document.documentElement.scrollWidth, 'page scrollWidth').to.be.at.most(window.innerWidth);
  };
  return { ...rig, login, select, fits };
}

/** Where a character of a text node is drawn. */
function charRect(node: Text, index: number): DOMRect {
  const range = document.createRange();
  range.setStart(node, index);
  range.setEnd(node, index + 1);
  return range.getBoundingClientRect();
}

/** True when the word reads left to right on screen: each letter right of the one before. */
function readsForward(root: Node, word: string): boolean {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const start = node.textContent!.indexOf(word);
    if (start < 0) continue;
    const xs = [...word].map((_, i) => charRect(node as Text, start + i).left);
    return xs.every((x, i) => i === 0 || x > xs[i - 1]);
  }
  throw new Error(`no text "${word}"`);
}

describe('network text in the station login', () => {
  it('a 60-character team name fits a 320 px sidebar in the form and in the summary, isolated', async () => {
    const d = await sidebar(`${RLO}T${LONG}`, 'Meeting');
    const root = d.login.shadowRoot!;
    // The form: the team picker holds the name, isolated, and stays inside the sidebar.
    const option = root.querySelector<HTMLOptionElement>('#team option[value="team-support"]')!;
    expect(option.textContent).to.equal(`${FSI}${RLO}T${LONG}${PDI}`);
    d.fits(d.login, 'station form');
    // Logged in on a desk phone: the summary shows the team and the number back, each in a <bdi>.
    await d.sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'AGENT_DN', dialNumber: '+14155550123' });
    await until(() => root.querySelector('[part="summary"]'));
    await d.login.updateComplete;
    const values = [...root.querySelectorAll('[part="summary"] dd bdi')].map((b) => b.textContent);
    expect(values).to.deep.equal([`${RLO}T${LONG}`, '+14155550123']);
    d.fits(d.login, 'station summary');
    for (const button of ['change', 'logout']) {
      const r = root.querySelector(`[part="${button}"]`)!.getBoundingClientRect();
      expect(r.right, button).to.be.at.most((d.root as HTMLElement).getBoundingClientRect().right + 0.5);
    }
    expect(readsForward(root.querySelector('[part="summary"]')!, 'Team'), 'Team').to.equal(true);
    await expect(d.login).to.be.accessible();
  });

  it('plain team names are left as they are', async () => {
    const d = await sidebar('Support', 'Meeting');
    const option = d.login.shadowRoot!.querySelector<HTMLOptionElement>('#team option[value="team-support"]')!;
    expect(option.textContent).to.equal('Support');
  });
});

describe('network text in the state select', () => {
  it("a 60-character or right-to-left idle reason neither widens a 320 px sidebar nor reverses the kit's words", async () => {
    const reason = `${RLO}M${LONG}`;
    const d = await sidebar('Support', reason);
    await d.sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
    await d.select.updateComplete;
    const root = d.select.shadowRoot!;
    const option = root.querySelector<HTMLOptionElement>('option[value="idle-meeting"]')!;
    // The kit's "Idle:" outside, the reason isolated.
    expect(option.textContent).to.equal(`Idle: ${FSI}${reason}${PDI}`);
    d.server.supervisorSetState('Idle', 'idle-meeting');
    await until(() => root.querySelector('[part="notice"]'));
    await d.select.updateComplete;
    d.fits(d.select, 'state select');
    const notice = root.querySelector('[part="notice"]')!;
    expect(notice.textContent).to.contain(reason);
    // What the agent sees: "by a supervisor" after the reason is still drawn left to right.
    expect(readsForward(notice, 'supervisor'), 'supervisor').to.equal(true);
    expect(readsForward(notice, 'Set to'), 'Set to').to.equal(true);
    expect(notice.getBoundingClientRect().right).to.be.at.most((d.root as HTMLElement).getBoundingClientRect().right + 0.5);
  });
});
