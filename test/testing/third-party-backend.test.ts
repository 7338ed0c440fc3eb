// A backend written outside this repository (test/fixtures/acme-backend.js, plain JavaScript) registers with
// registerBackend and runs the exported contract suite (`cc-elements/testing`, here its source entry) from
// mocha, handing the suite mocha's describe/it. test/node/testing-export.test.mjs runs it from node:test on
// the built package, and shows that the suite fails a backend with a defect.
import { expect } from '@open-wc/testing';
import { backendContract, type ContractDrive } from '../../testing/index.js';
import type { Backend } from '../../src/core/backend.js';
import { backendNames, createBackend, registerBackend } from '../../src/backends/registry.js';
import { CcError } from '../../src/core/errors.js';
import { silentTrack } from '../../src/backends/simulator/backend.js';
import { acmeCenter } from '../fixtures/acme-backend.js';

const drives = new WeakMap<Backend, ContractDrive>();
registerBackend('acme', () => {
  const { backend, drive } = acmeCenter({ CcError }, { makeTrack: silentTrack });
  drives.set(backend, drive);
  return backend;
});

it('the third-party backend is registered by name', () => {
  expect(backendNames()).to.include('acme');
});

backendContract(
  'acme (third party, through registerBackend)',
  async () => {
    const backend = await createBackend('acme', {});
    return { backend, drive: drives.get(backend)! };
  },
  { runner: { describe, it, beforeEach, afterEach } },
);
