import { createContext } from '@lit/context';
import type { Desk } from './desk.js';

/** The context key `<cc-sdk>` provides its Desk under. Global, so separately bundled copies of the kit meet. */
export const deskContext = createContext<Desk>(Symbol.for('cc-elements/desk'));
