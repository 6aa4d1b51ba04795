import type { DuckDBConnection, DuckDBTimestampValue } from '@duckdb/node-api';
import { DemoCalendar } from './calendar';
import { drawCustomer } from './customerModel';
import { SeededRandom } from './random';
import { simulateCustomer } from './simulate';
import { dropStagingTables, StagedEvents, StagedProfiles } from './write';

/**
 * The demo store: a seeded, fully deterministic simulation of an online shop's experience events
 * (XDM-style, flattened to dotted column names) and customer profiles. See README.md beside this
 * file for the model and the deliberate oddities in the data.
 *
 * Every customer draws from their own random stream (seed, customer index), so the same options
 * give the same rows on every machine, whatever the date.
 */

/** Bump on any change that alters the generated rows: callers cache the demo workspace by it. */
export const DEMO_GENERATOR_VERSION = 3;

export interface DemoOptions {
  /** A 32-bit unsigned integer. */
  seed?: number;
  customers?: number;
  /** First day of the span, YYYY-MM-DD. */
  start?: string;
  /** Last day of the span (inclusive), YYYY-MM-DD. */
  end?: string;
}

export interface DemoResult {
  events: number;
  customers: number;
  minTime: string;
  maxTime: string;
}

export const DEMO_DEFAULTS = { seed: 42, customers: 25_000, start: '2025-01-01', end: '2026-06-30' } as const;

/** Customer ids have six digits. */
const MAX_CUSTOMERS = 999_999;
/** How many customers to simulate between progress reports and cancellation checks. */
const CUSTOMERS_PER_BATCH = 500;
/** Share of the progress bar the simulation takes; building the final tables takes the rest. */
const SIMULATION_SHARE = 0.8;

export async function writeDemoData(
  connection: DuckDBConnection,
  tables: { events: string; profiles: string },
  options: DemoOptions = {},
  onProgress?: (fraction: number, message: string) => void,
  signal?: AbortSignal,
): Promise<DemoResult> {
  const { seed, customers, start, end } = resolveOptions(options);
  const calendar = new DemoCalendar(start, end);
  const qaAccounts = qaAccountCount(customers);

  signal?.throwIfAborted();
  onProgress?.(0, 'Simulating customers');
  const events = await StagedEvents.create(connection);
  const profiles = await StagedProfiles.create(connection);
  try {
    for (let index = 0; index < customers; index++) {
      const random = new SeededRandom(seed, index);
      const traits = drawCustomer(index, index >= customers - qaAccounts, calendar, random);
      profiles.add(traits, calendar.startEpochDay);
      simulateCustomer(traits, calendar, random, events);
      if ((index + 1) % CUSTOMERS_PER_BATCH === 0) {
        onProgress?.((SIMULATION_SHARE * (index + 1)) / customers, `Simulated ${index + 1} of ${customers} customers`);
        await yieldToEventLoop();
        signal?.throwIfAborted();
      }
    }
    onProgress?.(SIMULATION_SHARE, `Writing ${events.rowCount} events`);
    await events.writeTable(connection, tables.events);
    signal?.throwIfAborted();
    onProgress?.(0.95, 'Writing profiles');
    await profiles.writeTable(connection, tables.profiles);
  } finally {
    events.abandon();
    profiles.abandon();
    await dropStagingTables(connection);
  }

  const summary = await connection.runAndReadAll(`SELECT count(*), min("timestamp"), max("timestamp") FROM ${tables.events}`);
  const [eventCount, minTime, maxTime] = summary.getRows()[0] as [bigint, DuckDBTimestampValue | null, DuckDBTimestampValue | null];
  onProgress?.(1, 'Demo data ready');
  return { events: Number(eventCount), customers, minTime: isoOf(minTime), maxTime: isoOf(maxTime) };
}

function resolveOptions(options: DemoOptions): Required<DemoOptions> {
  const resolved = {
    seed: options.seed ?? DEMO_DEFAULTS.seed,
    customers: options.customers ?? DEMO_DEFAULTS.customers,
    start: options.start ?? DEMO_DEFAULTS.start,
    end: options.end ?? DEMO_DEFAULTS.end,
  };
  if (!Number.isInteger(resolved.seed) || resolved.seed < 0 || resolved.seed > 0xffff_ffff) {
    throw new Error(`The demo seed must be an integer from 0 to 4294967295, got ${resolved.seed}.`);
  }
  if (!Number.isSafeInteger(resolved.customers) || resolved.customers < 1 || resolved.customers > MAX_CUSTOMERS) {
    throw new Error(`The demo needs between 1 and ${MAX_CUSTOMERS} customers, got ${resolved.customers}.`);
  }
  return resolved;
}

/** A few internal QA accounts that place test orders; none in very small demos. */
function qaAccountCount(customers: number): number {
  return customers < 1000 ? 0 : Math.max(1, Math.round(customers / 4000));
}

function isoOf(value: DuckDBTimestampValue | null): string {
  return value === null ? '' : new Date(Number(value.micros / 1000n)).toISOString();
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
