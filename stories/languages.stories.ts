import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import { deskIn, midShift, textIn } from './support/desk.js';

/**
 * The whole desk in each language the kit ships, mid-shift: a wrap-up owed, a call on hold, a chat ringing,
 * the statistics. The toolbar's Language menu puts any other story in any of them too.
 */
const meta = {
  title: 'Desk/Languages',
  parameters: { layout: 'fullscreen', desk: { profile: { routeDuringWrapup: true } } },
  render: () => html`<style .textContent=${layout}></style>
    <div class="story-languages">
      <div class="column">
        <cc-state-select></cc-state-select>
        <cc-auth></cc-auth>
        <cc-station-login></cc-station-login>
        <cc-agent-stats></cc-agent-stats>
      </div>
      <div class="column">
        <cc-wrapup></cc-wrapup>
        <cc-task-panel></cc-task-panel>
        <cc-queue-stats></cc-queue-stats>
      </div>
    </div>`,
} satisfies Meta;
export default meta;

type Story = StoryObj;

const layout = `
  .story-languages { display: grid; gap: 12px; padding: 16px; max-width: 1100px;
    grid-template-columns: minmax(260px, 1fr) minmax(340px, 2fr); align-items: start; }
  .story-languages .column { display: grid; gap: 12px; }
`;

/** A story of the desk in `locale`, checking the wrap-up's title and the panel's Accept in that language. */
function inLanguage(locale: string, wrapupTitle: string, accept: string, dir: 'ltr' | 'rtl' = 'ltr'): Story {
  return {
    globals: { locale },
    play: async ({ canvasElement }) => {
      const desk = await deskIn(canvasElement);
      await midShift(desk, { openChat: false });
      await expect(textIn(desk.widget('cc-wrapup'), '.title')).toBe(wrapupTitle);
      await expect(textIn(desk.widget('cc-task-panel'), '[part~="offer"] [data-action="accept"] .label')).toBe(accept);
      await expect(getComputedStyle(desk.widget('cc-task-panel')).direction).toBe(dir);
    },
  };
}

export const French = inLanguage('fr', 'Post-appel : E-mail avec Priya Raman', 'Accepter');
export const German = inLanguage('de', 'Nachbearbeitung: E-Mail mit Priya Raman', 'Annehmen');
export const Spanish = inLanguage('es', 'Cierre: Correo con Priya Raman', 'Aceptar');
export const BrazilianPortuguese = inLanguage('pt-BR', 'Pós-atendimento: E-mail com Priya Raman', 'Aceitar');
export const Japanese = inLanguage('ja', '後処理: Priya Raman とのメール', '応答');
export const SimplifiedChinese = inLanguage('zh-CN', '话后处理：与 Priya Raman 的邮件', '接听');
/** Arabic, right to left: every widget mirrors. */
export const Arabic = inLanguage('ar', 'أعمال ما بعد المكالمة: بريد إلكتروني مع Priya Raman', 'قبول', 'rtl');

/** A refusal by the core in `locale`: logging out of the station with tasks open, shown by Log out. */
function refusalIn(locale: string, shown: string): Story {
  return {
    globals: { locale },
    play: async ({ canvasElement }) => {
      const desk = await deskIn(canvasElement);
      await midShift(desk, { openChat: false });
      await desk.request('cc-station-logout-request', {});
      await expect(textIn(desk.widget('cc-station-login'), '#logout-error')).toBe(shown);
    },
  };
}

/** A refusal in French: the kit's own words are translated (cc-error still says it in English). */
export const RefusalFrench = refusalIn('fr', 'Vous ne pouvez pas fermer la session du poste tant qu’une tâche ou un post-appel est ouvert.');
/** The same refusal in Arabic, right to left. */
export const RefusalArabic = refusalIn('ar', 'لا يمكنك تسجيل الخروج من المحطة ما دامت لديك مهمة أو أعمال ما بعد المكالمة مفتوحة.');
