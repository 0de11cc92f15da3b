// Runs one sweep in its own process and prints what it did as JSON: used to test two sweepers at once.
// Usage: node --import tsx test/support/sweep-process.ts <lifecycle|retention> <database url> <now ISO>
import { parseConfig } from '../../src/config';
import { createDatabase } from '../../src/db/database';
import { sweepSessionLifecycle } from '../../src/sweepers/lifecycle-sweeper';
import { sweepRetention } from '../../src/sweepers/retention-sweeper';

const [mode, url, nowIso] = process.argv.slice(2);
const db = createDatabase({ connectionString: url ?? '', poolSize: 2 });
const now = new Date(nowIso ?? '');
const result =
  mode === 'lifecycle'
    ? (await sweepSessionLifecycle(db, parseConfig({}).lifecycle, now)).map((s) => s.id)
    : await sweepRetention(db, now, 50);
await db.destroy();
process.stdout.write(JSON.stringify(result));
