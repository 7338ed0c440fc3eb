import { CcConversation } from '../components/cc-conversation/cc-conversation.js';

CcConversation.define('cc-conversation');

declare global {
  interface HTMLElementTagNameMap {
    'cc-conversation': CcConversation;
  }
}

export { CcConversation };
