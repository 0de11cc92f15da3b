import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const KEY_FILE = 'secret-key';

/**
 * The 32-byte key that seals stored secrets: HINDSIGHT_SECRET_KEY when set (64 hex characters), otherwise one
 * generated at the first start and kept in `<dataDir>/secret-key` (mode 600). Set it explicitly when the data
 * directory is not kept (containers, several hosts): sealed secrets cannot be opened without it.
 */
export async function loadSecretKey(config: { secretKey: Buffer | undefined; dataDir: string }): Promise<Buffer> {
  if (config.secretKey) return config.secretKey;
  const file = path.join(path.resolve(config.dataDir), KEY_FILE);
  try {
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  await mkdir(path.dirname(file), { recursive: true });
  // Written whole under a name of its own, then linked into place: a process racing this one (cluster workers at a
  // first start) either finds no file or the whole key, never a file still being written. `link` fails when the
  // key is already there: then the other process's key is the one.
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
  await writeFile(temporary, `${key.toString('hex')}\n`, { mode: 0o600 });
  try {
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(temporary, { force: true });
  }
  return Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
}
