// Preloaded (node --require) into a child process and, through execArgv, into its worker threads: any attempt
// to reach the network throws and leaves a marker file, so a test can prove OCR never downloads anything.
const fs = require('node:fs');
const net = require('node:net');
const marker = process.env.NO_NETWORK_MARKER;
const refuse = (what) => {
  if (marker) fs.appendFileSync(marker, `${what}\n`);
  throw new Error(`network access refused in test: ${what}`);
};
globalThis.fetch = (url) => refuse(`fetch ${url}`);
// local IPC (tsx talks to its loader over a unix socket) is not the network: only host/port connections are refused
const isLocalPipe = (target) => typeof target === 'string' || (target && typeof target === 'object' && typeof target.path === 'string');
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  const target = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (isLocalPipe(target)) return originalConnect.apply(this, args);
  return refuse(`socket.connect ${JSON.stringify(target)}`);
};
fs.appendFileSync(marker + '.loaded', `${require('node:worker_threads').isMainThread ? 'main' : 'worker'}\n`);
