/**
 * How the browser tests launch Chromium (TOOLCHAIN.md): as root without the sandbox, and without the
 * background-networking ones Chromium floods this machine's closed network with connections.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
