// A real IMAP server for the tests: Debian's dovecot, started in a private folder on a free loopback port,
// with one user and a Maildir. .ci/run installs dovecot-imapd; without it the IMAP tests skip and say why
// (AMANAT_REQUIRE_DOVECOT=1, set by .ci/run, turns the skip into a failure).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

const DOVECOT = '/usr/sbin/dovecot';
export const dovecotAvailable = spawnSync(DOVECOT, ['--version']).status === 0;
if (!dovecotAvailable && process.env.AMANAT_REQUIRE_DOVECOT === '1') {
  throw new Error('dovecot is required for the IMAP tests (apt-get install dovecot-imapd)');
}
if (!dovecotAvailable)
  console.warn('dovecot not found: IMAP tests are skipped (apt-get install dovecot-imapd)');

export interface TestImap {
  url: string;
  user: string;
  password: string;
  port: number;
  /** Delivers messages into INBOX (IMAP APPEND), as a mail server would. */
  deliver(...messages: Buffer[]): Promise<void>;
  /** A connected client of the test user, for reading the mailbox as a baseline. */
  connect(): Promise<ImapFlow>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

function idOf(name: string): { uid: number; gid: number } | null {
  const result = spawnSync('id', ['-u', name]);
  const group = spawnSync('id', ['-g', name]);
  if (result.status !== 0 || group.status !== 0) return null;
  return { uid: Number(result.stdout.toString()), gid: Number(group.stdout.toString()) };
}

export async function startTestImap(): Promise<TestImap> {
  const dir = mkdtempSync(join(tmpdir(), 'amanat-imap-'));
  const port = await freePort();
  const user = 'privacy';
  const password = 'test-password';
  // Dovecot refuses to serve mail as root: as root the mail belongs to its own `dovecot` user.
  const asRoot = userInfo().uid === 0;
  const owner = asRoot ? idOf('dovecot') : { uid: userInfo().uid, gid: userInfo().gid };
  if (!owner) throw new Error('the dovecot system user is missing');
  // mkdtemp makes the folder 0700; dovecot's own users must be able to pass through it.
  chmodSync(dir, 0o755);
  for (const sub of ['run', 'state', 'mail', 'home']) mkdirSync(join(dir, sub), { recursive: true });
  chownSync(join(dir, 'mail'), owner.uid, owner.gid);
  chownSync(join(dir, 'home'), owner.uid, owner.gid);
  writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}\n`);
  const config = `
protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u
first_valid_uid = ${owner.uid}
${asRoot ? 'default_internal_user = dovecot\ndefault_login_user = dovenull' : `default_internal_user = ${userInfo().username}\ndefault_login_user = ${userInfo().username}`}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${owner.uid} gid=${owner.gid} home=${dir}/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service imap-login {
  chroot =
}
`;
  writeFileSync(join(dir, 'dovecot.conf'), config);
  const child: ChildProcess = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  // Ready when the port accepts connections.
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dovecot exited: ${output}`);
    if (await canConnect(port)) break;
    if (Date.now() - started > 15_000) throw new Error(`dovecot did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const connectClient = async () => {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      auth: { user, pass: password },
      logger: false,
    });
    await client.connect();
    return client;
  };
  return {
    url: `imap://${user}:${password}@127.0.0.1:${port}/INBOX`,
    user,
    password,
    port,
    connect: connectClient,
    deliver: async (...messages) => {
      const client = await connectClient();
      for (const message of messages) await client.append('INBOX', message);
      await client.logout();
    },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
