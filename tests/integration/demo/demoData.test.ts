import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../../electron/engine/demo/catalog';
import { writeDemoData, type DemoOptions, type DemoResult } from '../../../electron/engine/demo/index';

const TABLES = { events: '"data"."ds_demo_events"', profiles: '"data"."ds_demo_profiles"' };
const EVENTS = TABLES.events;
const PROFILES = TABLES.profiles;
const REAL_PURCHASES = `"eventType" = 'commerce.purchases' AND "commerce.order.purchaseID" NOT LIKE 'TEST-%'`;

interface Generated {
  connection: DuckDBConnection;
  result: DemoResult;
  close: () => void;
}

async function generate(options: DemoOptions, signal?: AbortSignal, onProgress?: (fraction: number, message: string) => void): Promise<Generated> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run('CREATE SCHEMA "data"');
  const close = (): void => {
    connection.closeSync();
    instance.closeSync();
  };
  try {
    const result = await writeDemoData(connection, TABLES, options, onProgress, signal);
    return { connection, result, close };
  } catch (error) {
    close();
    throw error;
  }
}

async function rows(connection: DuckDBConnection, sql: string, values?: Record<string, DuckDBValue>): Promise<Record<string, DuckDBValue>[]> {
  return (await connection.runAndReadAll(sql, values)).getRowObjects();
}

async function one(connection: DuckDBConnection, sql: string, values?: Record<string, DuckDBValue>): Promise<Record<string, DuckDBValue>> {
  const [row] = await rows(connection, sql, values);
  return row;
}

async function contentHash(connection: DuckDBConnection): Promise<string> {
  const events = await one(
    connection,
    `SELECT md5(string_agg(concat_ws('|', customer_id, "timestamp", "eventType", "commerce.order.purchaseID", "commerce.order.priceTotal", "productListItems.productCategory", channel), chr(10)
       ORDER BY customer_id, "timestamp", "eventType", "commerce.order.purchaseID", "commerce.order.priceTotal", "productListItems.productCategory", channel)) AS h
     FROM ${EVENTS}`,
  );
  const profiles = await one(
    connection,
    `SELECT md5(string_agg(concat_ws('|', customer_id, tier, region, signup_date, age_band, marketing_opt_in), chr(10) ORDER BY customer_id)) AS h FROM ${PROFILES}`,
  );
  return `${String(events['h'])}/${String(profiles['h'])}`;
}

describe('demo data determinism', () => {
  it('writes identical events and profiles for the same seed, and different ones for another seed', async () => {
    const hashes: string[] = [];
    for (const seed of [42, 42, 43]) {
      const generated = await generate({ seed, customers: 500 });
      hashes.push(await contentHash(generated.connection));
      generated.close();
    }
    expect(hashes[0]).toBe(hashes[1]);
    expect(hashes[2]).not.toBe(hashes[0]);
  });

  it('keeps every event within the start and end options, whatever the current date', async () => {
    const generated = await generate({ customers: 300, start: '2024-03-01', end: '2024-05-31' });
    const span = await one(generated.connection, `SELECT min("timestamp") AS first, max("timestamp") AS last FROM ${EVENTS}`);
    generated.close();
    expect(String(span['first']) >= '2024-03-01').toBe(true);
    expect(String(span['last']) < '2024-06-01').toBe(true);
    expect(generated.result.minTime.startsWith('2024-03')).toBe(true);
  });
});

describe('demo data options and cancellation', () => {
  it('rejects a customer count below one, a seed that is not a 32-bit integer and a date that is not a calendar date', async () => {
    await expect(generate({ customers: 0 })).rejects.toThrow(/between 1 and/);
    await expect(generate({ customers: 10, seed: 1.5 })).rejects.toThrow(/seed/);
    await expect(generate({ customers: 10, end: '2026-02-30' })).rejects.toThrow(/not a calendar date/);
    await expect(generate({ customers: 10, start: '2026-01-02', end: '2026-01-01' })).rejects.toThrow(/end on or after/);
  });

  it('stops when aborted and leaves neither the tables nor its staging tables behind', async () => {
    const controller = new AbortController();
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run('CREATE SCHEMA "data"');
    const run = writeDemoData(connection, TABLES, { customers: 5000 }, (fraction) => {
      if (fraction > 0) controller.abort();
    }, controller.signal);
    await expect(run).rejects.toThrow(/abort/i);
    const leftovers = await rows(connection, `SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '%demo%'`);
    expect(leftovers).toEqual([]);
    connection.closeSync();
    instance.closeSync();
  });

  it('reports progress that only grows and ends at one', async () => {
    const fractions: number[] = [];
    const generated = await generate({ customers: 1200 }, undefined, (fraction) => fractions.push(fraction));
    generated.close();
    expect(fractions.length).toBeGreaterThan(3);
    expect(fractions.every((fraction, index) => index === 0 || fraction >= fractions[index - 1])).toBe(true);
    expect(fractions.at(-1)).toBe(1);
  });
});

describe('demo data at the default size', () => {
  let generated: Generated;
  let elapsedMs = 0;

  beforeAll(async () => {
    const started = performance.now();
    generated = await generate({});
    elapsedMs = performance.now() - started;
  });

  afterAll(() => generated?.close());

  const query = (sql: string, values?: Record<string, DuckDBValue>) => one(generated.connection, sql, values);

  it('writes at least 20,000 customers and 1,000,000 events over 18 months, well within 15 seconds', async () => {
    const counts = await query(
      `SELECT count(*) AS events, count(DISTINCT customer_id) AS customers, min("timestamp") AS first, max("timestamp") AS last FROM ${EVENTS}`,
    );
    const profiles = await query(`SELECT count(*) AS n FROM ${PROFILES}`);
    expect(Number(counts['events'])).toBeGreaterThanOrEqual(1_000_000);
    expect(Number(counts['customers'])).toBeGreaterThanOrEqual(20_000);
    expect(Number(profiles['n'])).toBe(25_000);
    expect(String(counts['first']).slice(0, 10)).toBe('2025-01-01');
    expect(String(counts['last']).slice(0, 10)).toBe('2026-06-30');
    expect(generated.result).toMatchObject({ events: Number(counts['events']), customers: 25_000 });
    expect(generated.result.minTime.slice(0, 10)).toBe('2025-01-01');
    expect(generated.result.maxTime.slice(0, 10)).toBe('2026-06-30');
    expect(elapsedMs).toBeLessThan(15_000);
  });

  it('has every event type, and only the documented channels', async () => {
    const types = await rows(generated.connection, `SELECT DISTINCT "eventType" AS t FROM ${EVENTS} ORDER BY 1`);
    expect(types.map((row) => row['t'])).toEqual([...EVENT_TYPES].sort());
    const channels = await rows(generated.connection, `SELECT DISTINCT channel AS c FROM ${EVENTS} ORDER BY 1`);
    expect(channels.map((row) => row['c'])).toEqual(['app', 'email', 'web']);
  });

  it('gives every purchase revenue, a purchase id and a category, and no other event an order', async () => {
    const purchases = await query(
      `SELECT count(*) AS n,
              count(*) FILTER ("commerce.order.priceTotal" IS NULL OR "commerce.order.priceTotal" <= 0) AS without_revenue,
              count(*) FILTER ("commerce.order.purchaseID" IS NULL) AS without_id,
              count(*) FILTER ("productListItems.productCategory" IS NULL) AS without_category
       FROM ${EVENTS} WHERE "eventType" = 'commerce.purchases'`,
    );
    expect(Number(purchases['n'])).toBeGreaterThan(10_000);
    expect(purchases).toMatchObject({ without_revenue: 0n, without_id: 0n, without_category: 0n });
    const others = await query(
      `SELECT count(*) FILTER ("commerce.order.purchaseID" IS NOT NULL OR "commerce.order.priceTotal" IS NOT NULL) AS with_order,
              count(*) FILTER ("eventType" LIKE 'commerce.%' AND "productListItems.productCategory" IS NULL) AS commerce_without_category,
              count(*) FILTER ("eventType" NOT LIKE 'commerce.%' AND "productListItems.productCategory" IS NOT NULL) AS other_with_category,
              count(DISTINCT "productListItems.productCategory") AS categories
       FROM ${EVENTS} WHERE "eventType" <> 'commerce.purchases'`,
    );
    expect(others).toMatchObject({ with_order: 0n, commerce_without_category: 0n, other_with_category: 0n, categories: 8n });
  });

  it('narrows like a shop funnel: views > adds > checkouts > purchases, at plausible rates', async () => {
    const funnel = await query(
      `SELECT count(*) FILTER ("eventType" = 'commerce.productViews') AS views,
              count(*) FILTER ("eventType" = 'commerce.productListAdds') AS adds,
              count(*) FILTER ("eventType" = 'commerce.checkouts') AS checkouts,
              count(*) FILTER ("eventType" = 'commerce.purchases') AS purchases
       FROM ${EVENTS}`,
    );
    const [views, adds, checkouts, purchases] = ['views', 'adds', 'checkouts', 'purchases'].map((key) => Number(funnel[key]));
    expect(views).toBeGreaterThan(adds);
    expect(adds).toBeGreaterThan(checkouts);
    expect(checkouts).toBeGreaterThan(purchases);
    expect(adds / views).toBeGreaterThan(0.03);
    expect(adds / views).toBeLessThan(0.2);
    expect(purchases / views).toBeGreaterThan(0.01);
    expect(purchases / views).toBeLessThan(0.08);
  });

  it('has one profile per customer with events, a few without, and no signup after a first event', async () => {
    const coverage = await query(
      `WITH firsts AS (SELECT customer_id, min("timestamp") AS first_event FROM ${EVENTS} GROUP BY 1)
       SELECT (SELECT count(*) FROM ${PROFILES}) AS profiles,
              (SELECT count(DISTINCT customer_id) FROM ${PROFILES}) AS distinct_profiles,
              count(*) FILTER (p.customer_id IS NULL) AS events_without_profile,
              count(*) FILTER (f.customer_id IS NULL) AS profiles_without_events,
              count(*) FILTER (p.signup_date > CAST(f.first_event AS DATE)) AS signup_after_first_event
       FROM firsts f FULL JOIN ${PROFILES} p USING (customer_id)`,
    );
    expect(coverage['distinct_profiles']).toBe(coverage['profiles']);
    expect(coverage['events_without_profile']).toBe(0n);
    expect(Number(coverage['profiles_without_events'])).toBeGreaterThan(0);
    expect(Number(coverage['profiles_without_events'])).toBeLessThan(25_000 * 0.05);
    expect(coverage['signup_after_first_event']).toBe(0n);
  });

  it('spreads signups over the whole span and before it', async () => {
    const signups = await query(
      `SELECT count(*) FILTER (signup_date < DATE '2025-01-01') AS before_span,
              count(DISTINCT date_trunc('quarter', signup_date)) FILTER (signup_date >= DATE '2025-01-01') AS quarters_with_signups
       FROM ${PROFILES}`,
    );
    expect(Number(signups['before_span'])).toBeGreaterThan(25_000 * 0.2);
    expect(signups['quarters_with_signups']).toBe(6n);
  });

  it('ties the tier to behaviour: platinum customers buy more than bronze ones', async () => {
    const byTier = await rows(
      generated.connection,
      `SELECT p.tier, count(e.customer_id) / count(DISTINCT p.customer_id) AS purchases_per_customer
       FROM ${PROFILES} p LEFT JOIN (SELECT customer_id FROM ${EVENTS} WHERE ${REAL_PURCHASES}) e USING (customer_id)
       GROUP BY 1`,
    );
    const rate = Object.fromEntries(byTier.map((row) => [String(row['tier']), Number(row['purchases_per_customer'])]));
    expect(Object.keys(rate).sort()).toEqual(['bronze', 'gold', 'platinum', 'silver']);
    expect(rate['platinum']).toBeGreaterThan(rate['gold']);
    expect(rate['gold']).toBeGreaterThan(rate['silver']);
    expect(rate['silver']).toBeGreaterThan(rate['bronze']);
  });

  it('peaks in November and December (purchases) and on weekends (product views)', async () => {
    const season = await query(
      `WITH daily AS (
         SELECT CAST("timestamp" AS DATE) AS day, count(*) FILTER (${REAL_PURCHASES}) AS purchases, count(*) FILTER ("eventType" = 'commerce.productViews') AS views
         FROM ${EVENTS} GROUP BY 1)
       SELECT avg(purchases) FILTER (month(day) IN (11, 12)) / avg(purchases) AS holiday_lift,
              avg(views) FILTER (isodow(day) >= 6) / avg(views) FILTER (isodow(day) < 6) AS weekend_lift
       FROM daily`,
    );
    expect(Number(season['holiday_lift'])).toBeGreaterThan(1.3);
    expect(Number(season['weekend_lift'])).toBeGreaterThan(1.15);
  });

  it('has churners whose activity stops more than 90 days before the end', async () => {
    const churn = await query(
      `WITH lasts AS (SELECT customer_id, max("timestamp") AS last_event FROM ${EVENTS} GROUP BY 1)
       SELECT count(*) FILTER (last_event < TIMESTAMP '2026-06-30' - INTERVAL 90 DAY) / count(*) AS churned_share FROM lasts`,
    );
    expect(Number(churn['churned_share'])).toBeGreaterThan(0.15);
    expect(Number(churn['churned_share'])).toBeLessThan(0.7);
  });

  it('makes recent purchases predict the next 30 days: buyers of the last 30 days buy again far more often', async () => {
    const signal = await query(
      `WITH real AS (SELECT * FROM ${EVENTS} WHERE "commerce.order.purchaseID" IS NULL OR "commerce.order.purchaseID" NOT LIKE 'TEST-%'),
       active AS (
         SELECT customer_id, count(*) FILTER ("eventType" = 'commerce.purchases' AND "timestamp" >= CAST($cutoff AS TIMESTAMP) - INTERVAL 30 DAY) > 0 AS bought_recently
         FROM real WHERE "timestamp" < CAST($cutoff AS TIMESTAMP) AND "timestamp" >= CAST($cutoff AS TIMESTAMP) - INTERVAL 45 DAY GROUP BY 1),
       buyers AS (
         SELECT DISTINCT customer_id FROM real
         WHERE "eventType" = 'commerce.purchases' AND "timestamp" >= CAST($cutoff AS TIMESTAMP) AND "timestamp" < CAST($cutoff AS TIMESTAMP) + INTERVAL 30 DAY)
       SELECT avg(CASE WHEN b.customer_id IS NULL THEN 0 ELSE 1 END) FILTER (bought_recently) AS rate_with,
              avg(CASE WHEN b.customer_id IS NULL THEN 0 ELSE 1 END) FILTER (NOT bought_recently) AS rate_without
       FROM active a LEFT JOIN buyers b USING (customer_id)`,
      { cutoff: '2026-05-01' },
    );
    const rateWith = Number(signal['rate_with']);
    const rateWithout = Number(signal['rate_without']);
    expect(rateWith).toBeGreaterThan(1.8 * rateWithout);
    // A signal, not a giveaway: most recent buyers do not buy again within the month.
    expect(rateWith).toBeLessThan(0.6);
    expect(rateWithout).toBeGreaterThan(0.03);
  });

  it('contains the documented oddities in modest amounts: QA test orders and duplicated events', async () => {
    const oddities = await query(
      `SELECT count(*) FILTER ("commerce.order.purchaseID" LIKE 'TEST-%') AS test_orders,
              count(DISTINCT customer_id) FILTER ("commerce.order.purchaseID" LIKE 'TEST-%') AS test_accounts,
              count(*) FILTER ("eventType" = 'commerce.purchases') AS purchases,
              count(*) - (SELECT count(*) FROM (SELECT DISTINCT * FROM ${EVENTS})) AS duplicate_rows
       FROM ${EVENTS}`,
    );
    const testOrders = Number(oddities['test_orders']);
    expect(testOrders).toBeGreaterThan(0);
    expect(testOrders / Number(oddities['purchases'])).toBeLessThan(0.05);
    expect(Number(oddities['test_accounts'])).toBeLessThanOrEqual(10);
    const duplicates = Number(oddities['duplicate_rows']);
    expect(duplicates).toBeGreaterThan(0);
    expect(duplicates / Number(generated.result.events)).toBeLessThan(0.01);
  });
});
