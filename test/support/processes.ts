import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { fromPackageRoot } from '../../src/lib/paths.js';

const tsx = fromPackageRoot('node_modules', 'tsx', 'dist', 'cli.mjs');

export interface StartedServer {
  child: ChildProcess;
  url: string;
  bootstrapToken: string | null;
  output: () => string;
  stop(): Promise<number | null>;
}

/** Starts `src/main.ts` (what `npm start` runs) as a real child process and waits for its address. */
export function startServerProcess(env: Record<string, string>): Promise<StartedServer> {
  const child = spawn(process.execPath, [tsx, fromPackageRoot('src', 'main.ts')], {
    env: { ...process.env, PORT: '0', LOG_REQUESTS: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const check = () => {
      const match = /слушает (http:\/\/\S+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      resolve({
        child,
        url: match[1]!,
        bootstrapToken: /^\s+(amk_\S+)$/m.exec(out)?.[1] ?? null,
        output: () => out,
        stop: () =>
          new Promise((done, fail) => {
            if (child.exitCode !== null) return done(child.exitCode);
            // A server that does not stop within 40 s is a finding (its own watchdog exits at 30 s, naming the
            // step that hung): fail with what it printed, then kill it.
            const stuck = setTimeout(() => {
              child.kill('SIGKILL');
              fail(new Error(`server did not stop within 40 s of SIGTERM; its output:\n${out.slice(-4000)}`));
            }, 40_000);
            child.once('exit', (code) => {
              clearTimeout(stuck);
              done(code);
            });
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        Object.assign(new Error(`server exited with ${code}:\n${out}`), { exitCode: code, output: out }),
      );
    });
  });
}

/** Runs the `amanat` CLI (bin/amanat.js) to completion. */
export function runCli(args: string[], env: Record<string, string> = {}, input?: string) {
  const result = spawnSync(process.execPath, [fromPackageRoot('bin', 'amanat.js'), ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
    ...(input !== undefined ? { input } : {}),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
