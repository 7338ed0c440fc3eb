// Defines every tag of the kit.
import './cc-sdk.js';

export * from '../index.js';
