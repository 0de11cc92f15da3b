import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
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
  // `wx`: when two processes race, one writes and the other reads what it wrote.
  await writeFile(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' }).catch(async (error) => {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  });
  return Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
}
