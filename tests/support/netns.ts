// Hosts for tests that need more than one machine: each a Linux network namespace (`ip netns`) joined to this one
// by a veth pair, so a process started in it reaches the services only over that link, at `gateway`. Needs root
// and iproute2; `namespacesUnavailable()` says why not, for a skip message.
import { execFile, execFileSync, spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';

export interface TestHost {
  name: string;
  /** this namespace's address on the link: where the host reaches the services */
  gateway: string;
  /** the host's own address */
  address: string;
  spawn(command: string, args: string[], options: SpawnOptions): ChildProcess;
  /** run a command in the host and return its standard output (not blocking: the forwarders live in this process) */
  run(command: string, args: string[], options?: { env?: NodeJS.ProcessEnv; cwd?: string }): Promise<string>;
  remove(): void;
}

/** null when namespaces can be made here, else the reason. */
export function namespacesUnavailable(): string | null {
  if (process.platform !== 'linux') return 'not Linux';
  if (process.getuid?.() !== 0) return 'not root (ip netns needs it)';
  if (spawnSync('ip', ['-V'], { stdio: 'ignore' }).status !== 0) return 'no `ip` command (iproute2)';
  const probe = `jxprobe${randomBytes(3).toString('hex')}`;
  const made = spawnSync('ip', ['netns', 'add', probe], { encoding: 'utf8' });
  if (made.status !== 0) return `ip netns add failed: ${made.stderr.trim()}`;
  spawnSync('ip', ['netns', 'del', probe]);
  return null;
}

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });

/** A new namespace on its own /30 link, 10.<net>.<index>.0/30; `net` keeps two test runs apart. */
export function createTestHost(label: string, net: number, index: number): TestHost {
  const tag = randomBytes(2).toString('hex');
  const name = `jx${tag}${label}`.slice(0, 14);
  const outside = `jx${tag}${index}o`;
  const inside = `jx${tag}${index}i`;
  const gateway = `10.${net}.${index}.1`;
  const address = `10.${net}.${index}.2`;
  ip('netns', 'add', name);
  try {
    ip('link', 'add', outside, 'type', 'veth', 'peer', 'name', inside);
    ip('link', 'set', inside, 'netns', name);
    ip('addr', 'add', `${gateway}/30`, 'dev', outside);
    ip('link', 'set', outside, 'up');
    ip('netns', 'exec', name, 'ip', 'addr', 'add', `${address}/30`, 'dev', inside);
    ip('netns', 'exec', name, 'ip', 'link', 'set', inside, 'up');
    ip('netns', 'exec', name, 'ip', 'link', 'set', 'lo', 'up');
  } catch (err) {
    spawnSync('ip', ['netns', 'del', name]);
    throw err;
  }
  return {
    name,
    gateway,
    address,
    spawn: (command, args, options) => spawn('ip', ['netns', 'exec', name, command, ...args], options),
    run: async (command, args, options = {}) => (await promisify(execFile)('ip', ['netns', 'exec', name, command, ...args], { ...options, encoding: 'utf8' })).stdout,
    // the namespace takes its end of the pair with it, and the pair goes with either end
    remove: () => void spawnSync('ip', ['netns', 'del', name]),
  };
}
