/**
 * A private D-Bus session with an unlocked gnome-keyring for one test run (Linux only), in a fresh
 * XDG_DATA_HOME: the keychain tests use a real Secret Service and never a person's own keyring.
 *
 * gnome-keyring-daemon can die under the suite's load (a glib trap after thousands of items; seen
 * in CI). The stock D-Bus activation would then start a locked keyring that asks for a password
 * through a prompter no test machine has, and every later keychain call would fail. So the bus is
 * configured with one service of its own: activation always starts the keyring unlocked, with the
 * same password, on the same files, and only calls in flight at the moment of the crash can fail.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface WrappedCommand {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cleanup(): void;
}

const PASSWORD = 'pass';

export function inKeyringSession(command: string, args: string[], env: NodeJS.ProcessEnv): WrappedCommand {
  if (process.platform !== 'linux' || env.DESK_KEYRING_SESSION)
    return { command, args, env, cleanup: () => undefined };
  const daemon = findOnPath('gnome-keyring-daemon');
  if (!findOnPath('dbus-run-session') || !daemon) {
    console.error(
      'dbus-run-session or gnome-keyring-daemon is missing: install them ' +
        '(Debian: apt-get install -y gnome-keyring dbus) to test the keychain.',
    );
    process.exit(1);
  }
  const home = mkdtempSync(path.join(os.tmpdir(), 'desk-keyring-'));
  const services = path.join(home, 'services');
  mkdirSync(services);
  writeFileSync(
    path.join(services, 'org.freedesktop.secrets.service'),
    [
      '[D-BUS Service]',
      'Name=org.freedesktop.secrets',
      `Exec=/bin/sh -c 'printf ${PASSWORD} | exec ${daemon} --replace --foreground --unlock --components=secrets >/dev/null'`,
      '',
    ].join('\n'),
  );
  const config = path.join(home, 'session.conf');
  writeFileSync(config, busConfig(services));
  return {
    command: 'dbus-run-session',
    args: [`--config-file=${config}`, '--', command, ...args],
    env: { ...env, XDG_DATA_HOME: path.join(home, 'data'), DESK_KEYRING_SESSION: '1' },
    cleanup: () => rmSync(home, { recursive: true, force: true }),
  };
}

/** A session bus that knows only our keyring service (no prompter, no other desktop services). */
function busConfig(servicesDir: string): string {
  return `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:tmpdir=${os.tmpdir()}</listen>
  <auth>EXTERNAL</auth>
  <servicedir>${servicesDir}</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;
}

function findOnPath(command: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .map((dir) => path.join(dir, command))
    .find((candidate) => existsSync(candidate));
}
