/**
 * The sample page takes a local double from its address (`npm run start:xuc-local`, `start:tccc-local`,
 * `start:webex-local` with its server session) only where it is safe: a loopback `http:` server, never another
 * host (the page would connect the agent's password or load code from it).
 */
import { expect } from '@open-wc/testing';

describe('the sample page takes local doubles from its address only on loopback http', () => {
  it('XuC: the server must be a loopback http URL (its path kept)', async () => {
    const { localXuc, localKind } = await import('../../demo/backend-switch.js');
    expect(localXuc('?backend=xuc-local&server=http%3A%2F%2F127.0.0.1%3A4567%2Fsite-1')).to.equal('http://127.0.0.1:4567/site-1');
    expect(localXuc('?backend=xuc-local&server=http://localhost:4567/site-2/')).to.equal('http://localhost:4567/site-2');
    expect(localXuc('?backend=xuc-local&server=http://xivo.example.com/site-1')).to.equal(null);
    expect(localXuc('?backend=xuc-local&server=https://127.0.0.1:4567')).to.equal(null);
    expect(localXuc('?backend=xuc-local&server=javascript:alert(1)')).to.equal(null);
    expect(localXuc('?backend=xuc-local')).to.equal(null);
    expect(localXuc('?backend=xuc&server=http://127.0.0.1:4567')).to.equal(null);
    expect(localKind('?backend=xuc-local&server=http://127.0.0.1:4567/site-1')).to.equal('xuc-local');
    expect(localKind('?backend=xuc-local&server=http://evil.example')).to.equal(null);
  });

  it('TCCC needs no address (its SdkURL route is on the page\'s own server); the server session only on a local cloud', async () => {
    const { localKind, serverSession } = await import('../../demo/backend-switch.js');
    expect(localKind('?backend=tccc-local')).to.equal('tccc-local');
    expect(localKind('')).to.equal(null);
    expect(serverSession('?backend=webex-local&cloud=http://127.0.0.1:4567&session=server')).to.equal(true);
    expect(serverSession('?backend=webex-local&cloud=http://127.0.0.1:4567')).to.equal(false);
    expect(serverSession('?backend=webex-local&cloud=http://evil.example&session=server')).to.equal(false);
    expect(serverSession('?session=server')).to.equal(false);
  });
});
