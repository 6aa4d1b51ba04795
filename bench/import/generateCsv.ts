// Writes the deterministic events CSV the import benchmark reads, once, into the user's cache (outside the project).
// Usage: node --import tsx bench/import/generateCsv.ts <rows>   — prints {"path", "rows", "bytes", "empty_ids"}.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

/** Bump when the SQL below changes, so cached files from an older generator are rewritten. */
const GENERATOR_VERSION = 1;
const CUSTOMERS = 500_000;
const SPAN_SECONDS = 730 * 86_400;

export interface EventsCsv {
  path: string;
  rows: number;
  bytes: number;
  /** Rows written with an empty customer_id (about 0.5 %): the importer should reject exactly these. */
  empty_ids: number;
  version: number;
}

function cacheDir(): string {
  const base = process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
  return join(base, 'propensity-workbench', 'bench');
}

/** Uniform pseudo-random integer in [0, m) for row i and stream k: hash-based, so every run writes the same bytes. */
const draw = (k: number, m: number) => `(hash(i, ${k}) % ${m})`;

/** The SELECT behind the file. Rows are roughly in time order (as exports are), each up to two hours late. */
function eventsQuery(rows: number): string {
  const u = (k: number) => `(${draw(k, 1_000_000)} / 1000000.0)`;
  // Skewed activity: customer index u² · N (a few heavy customers, a long tail), scattered over the id space.
  const customer = `(CAST(floor(${CUSTOMERS} * ${u(11)} * ${u(11)}) AS BIGINT) * 7919 + 12345) % ${CUSTOMERS}`;
  const offset = `CAST(floor(i * ${SPAN_SECONDS - 7200}.0 / ${rows}) AS BIGINT) + ${draw(13, 7200)}`;
  const type = draw(17, 1000);
  const channel = draw(19, 1000);
  const categories = ['electronics', 'clothing', 'home', 'beauty', 'sports', 'toys', 'books', 'grocery', 'garden', 'automotive', 'jewelry', 'pets'];
  return `
    WITH e AS (
      SELECT i,
        CASE WHEN ${draw(23, 1000)} < 5 THEN NULL ELSE 'C' || lpad(CAST(${customer} AS VARCHAR), 7, '0') END AS customer_id,
        TIMESTAMP '2023-01-01 00:00:00' + to_seconds(${offset}) AS t,
        CASE WHEN ${type} < 600 THEN 'view' WHEN ${type} < 750 THEN 'cart' WHEN ${type} < 870 THEN 'visit'
             WHEN ${type} < 950 THEN 'purchase' WHEN ${type} < 990 THEN 'wishlist' ELSE 'return' END AS event_type,
        CASE WHEN ${channel} < 500 THEN 'web' WHEN ${channel} < 850 THEN 'app' WHEN ${channel} < 950 THEN 'store' ELSE 'email' END AS channel,
        ${JSON.stringify(categories).replaceAll('"', "'")}[1 + CAST(floor(${categories.length} * pow(${u(29)}, 1.7)) AS INTEGER)] AS category
      FROM range(${rows}) r(i)
    )
    SELECT customer_id,
      strftime(t, '%Y-%m-%d %H:%M:%S') AS event_time,
      event_type,
      CASE WHEN event_type = 'purchase' THEN 'O' || lpad(CAST(i AS VARCHAR), 9, '0') END AS order_id,
      CASE WHEN event_type = 'purchase' THEN CAST(round(2.99 + 400 * pow(${u(31)}, 3), 2) AS DECIMAL(10, 2)) END AS amount,
      channel,
      CASE WHEN event_type = 'visit' THEN NULL ELSE category END AS product_category
    FROM e`;
}

function readSidecar(path: string): EventsCsv | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as EventsCsv;
  } catch {
    return null;
  }
}

export async function ensureEventsCsv(rows: number): Promise<EventsCsv> {
  const dir = cacheDir();
  const path = join(dir, `events-${rows}.csv`);
  const sidecarPath = `${path}.json`;
  const known = readSidecar(sidecarPath);
  if (known && known.version === GENERATOR_VERSION && known.rows === rows && existsSync(path) && statSync(path).size === known.bytes) {
    return { ...known, path };
  }
  mkdirSync(dir, { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`COPY (${eventsQuery(rows)}) TO '${temp.replaceAll("'", "''")}' (FORMAT csv, HEADER)`);
    const counted = await connection.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM range(${rows}) r(i) WHERE ${draw(23, 1000)} < 5`);
    const emptyIds = Number(counted.getRowObjectsJS()[0]?.['n'] ?? -1);
    renameSync(temp, path);
    const made: EventsCsv = { path, rows, bytes: statSync(path).size, empty_ids: emptyIds, version: GENERATOR_VERSION };
    writeFileSync(sidecarPath, `${JSON.stringify(made)}\n`);
    return made;
  } finally {
    rmSync(temp, { force: true });
    connection.closeSync();
    instance.closeSync();
  }
}

const rows = Number(process.argv[2]);
if (!Number.isSafeInteger(rows) || rows <= 0) throw new Error(`usage: generateCsv.ts <rows>, got ${process.argv[2]}`);
console.log(JSON.stringify(await ensureEventsCsv(rows)));
