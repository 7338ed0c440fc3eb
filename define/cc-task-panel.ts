import { CcTaskPanel } from '../components/cc-task-panel/cc-task-panel.js';

CcTaskPanel.define('cc-task-panel');

declare global {
  interface HTMLElementTagNameMap {
    'cc-task-panel': CcTaskPanel;
  }
}

export { CcTaskPanel };
