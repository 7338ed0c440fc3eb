// Defines every tag of the kit.
import './cc-sdk.js';
import './cc-state-select.js';

export * from '../index.js';
