import { BOOLEAN, DOUBLE, INTEGER, listValue, TINYINT, UTINYINT, type DuckDBConnection } from '@duckdb/node-api';
import {
  AGE_BANDS,
  CHANNELS,
  CUSTOMER_ID_DIGITS,
  CUSTOMER_ID_PREFIX,
  EVENT_TYPES,
  EventCode,
  FIRST_ORDER_NUMBER,
  ORDER_ID_PREFIX,
  PRODUCT_CATEGORIES,
  REGIONS,
  TEST_ORDER_ID_PREFIX,
  TIERS,
  type ChannelCode,
} from './catalog';
import { ChunkedAppender } from '../sql/chunkedAppender';
import type { CustomerTraits } from './customerModel';
import type { EventSink } from './simulate';

/*
 * The simulation stages plain numbers in connection-local temporary tables; one SQL statement per
 * table then turns them into the final, sorted table with its names, ids and timestamps. Building
 * strings in DuckDB is much faster than passing a million of them through the appender.
 */

const EVENTS_STAGING = 'pwb_demo_events_staging';
const PROFILES_STAGING = 'pwb_demo_profiles_staging';
const TEMP_CATALOG = 'temp';
const TEMP_SCHEMA = 'main';

/** Customer number n becomes the id 'C' + n zero-padded to six digits. */
function customerNumberOf(index: number): number {
  return index + 1;
}

const customerIdSql = (column: string): string =>
  `$customer_prefix || lpad(CAST(${column} AS VARCHAR), CAST($customer_digits AS INTEGER), '0')`;

const customerIdParameters = { customer_prefix: CUSTOMER_ID_PREFIX, customer_digits: CUSTOMER_ID_DIGITS };

export class StagedEvents implements EventSink {
  private currentCustomer = -1;
  private sequenceInCustomer = 0;

  private constructor(private readonly rows: ChunkedAppender) {}

  static async create(connection: DuckDBConnection): Promise<StagedEvents> {
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE ${EVENTS_STAGING} (customer INTEGER, ts INTEGER, seq INTEGER, event_code UTINYINT, channel UTINYINT, category TINYINT, price DOUBLE, test_order BOOLEAN, duplicated BOOLEAN)`,
    );
    const appender = await connection.createAppender(EVENTS_STAGING, TEMP_SCHEMA, TEMP_CATALOG);
    return new StagedEvents(new ChunkedAppender(appender, [INTEGER, INTEGER, INTEGER, UTINYINT, UTINYINT, TINYINT, DOUBLE, BOOLEAN, BOOLEAN]));
  }

  add(
    customer: number,
    seconds: number,
    event: EventCode,
    channel: ChannelCode,
    category: number,
    price: number,
    testOrder: boolean,
    duplicated: boolean,
  ): void {
    if (customer !== this.currentCustomer) {
      this.currentCustomer = customer;
      this.sequenceInCustomer = 0;
    }
    const rows = this.rows;
    rows.set(0, customerNumberOf(customer));
    rows.set(1, seconds);
    rows.set(2, this.sequenceInCustomer++);
    rows.set(3, event);
    rows.set(4, channel);
    rows.set(5, category < 0 ? null : category);
    rows.set(6, Number.isNaN(price) ? null : price);
    rows.set(7, testOrder);
    rows.set(8, duplicated);
    rows.endRow();
  }

  get rowCount(): number {
    return this.rows.rowCount;
  }

  abandon(): void {
    this.rows.abandon();
  }

  /**
   * Writes the final events table, sorted by customer and time. Purchase ids number the orders in
   * time order; a duplicated event is repeated with the same purchase id.
   */
  async writeTable(connection: DuckDBConnection, table: string): Promise<void> {
    this.rows.close();
    const staging = `${TEMP_CATALOG}.${TEMP_SCHEMA}.${EVENTS_STAGING}`;
    await connection.run(
      `CREATE TABLE ${table} AS
       WITH orders AS (
         SELECT customer, seq, row_number() OVER (ORDER BY ts, customer, seq) AS order_number
         FROM ${staging} WHERE event_code = $purchase
       ), with_duplicates AS (
         SELECT * FROM ${staging} UNION ALL SELECT * FROM ${staging} WHERE duplicated
       )
       SELECT
         ${customerIdSql('e.customer')} AS "customer_id",
         make_timestamp(CAST(e.ts AS BIGINT) * 1000000) AS "timestamp",
         $event_types[e.event_code + 1] AS "eventType",
         CASE WHEN o.order_number IS NOT NULL THEN
           CASE WHEN e.test_order THEN $test_order_prefix ELSE $order_prefix END || CAST(o.order_number + CAST($first_order_number AS BIGINT) - 1 AS VARCHAR)
         END AS "commerce.order.purchaseID",
         e.price AS "commerce.order.priceTotal",
         $categories[e.category + 1] AS "productListItems.productCategory",
         $channels[e.channel + 1] AS "channel"
       FROM with_duplicates e LEFT JOIN orders o ON o.customer = e.customer AND o.seq = e.seq
       ORDER BY e.customer, e.ts, e.seq`,
      {
        ...customerIdParameters,
        purchase: EventCode.purchase,
        event_types: listValue([...EVENT_TYPES]),
        test_order_prefix: TEST_ORDER_ID_PREFIX,
        order_prefix: ORDER_ID_PREFIX,
        first_order_number: FIRST_ORDER_NUMBER,
        categories: listValue(PRODUCT_CATEGORIES.map((category) => category.name)),
        channels: listValue([...CHANNELS]),
      },
    );
  }
}

export class StagedProfiles {
  private constructor(private readonly rows: ChunkedAppender) {}

  static async create(connection: DuckDBConnection): Promise<StagedProfiles> {
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE ${PROFILES_STAGING} (customer INTEGER, tier UTINYINT, region UTINYINT, signup_epoch_day INTEGER, age_band UTINYINT, marketing_opt_in BOOLEAN)`,
    );
    const appender = await connection.createAppender(PROFILES_STAGING, TEMP_SCHEMA, TEMP_CATALOG);
    return new StagedProfiles(new ChunkedAppender(appender, [INTEGER, UTINYINT, UTINYINT, INTEGER, UTINYINT, BOOLEAN]));
  }

  add(traits: CustomerTraits, startEpochDay: number): void {
    const rows = this.rows;
    rows.set(0, customerNumberOf(traits.index));
    rows.set(1, traits.tier);
    rows.set(2, traits.region);
    rows.set(3, startEpochDay + traits.signupDay);
    rows.set(4, traits.ageBand);
    rows.set(5, traits.marketingOptIn);
    rows.endRow();
  }

  abandon(): void {
    this.rows.abandon();
  }

  async writeTable(connection: DuckDBConnection, table: string): Promise<void> {
    this.rows.close();
    await connection.run(
      `CREATE TABLE ${table} AS
       SELECT
         ${customerIdSql('customer')} AS "customer_id",
         $tiers[tier + 1] AS "tier",
         $regions[region + 1] AS "region",
         CAST(make_timestamp(CAST(signup_epoch_day AS BIGINT) * 86400000000) AS DATE) AS "signup_date",
         $age_bands[age_band + 1] AS "age_band",
         marketing_opt_in AS "marketing_opt_in"
       FROM ${TEMP_CATALOG}.${TEMP_SCHEMA}.${PROFILES_STAGING}
       ORDER BY customer`,
      {
        ...customerIdParameters,
        tiers: listValue([...TIERS]),
        regions: listValue([...REGIONS]),
        age_bands: listValue([...AGE_BANDS]),
      },
    );
  }
}

export async function dropStagingTables(connection: DuckDBConnection): Promise<void> {
  for (const table of [EVENTS_STAGING, PROFILES_STAGING]) {
    await connection.run(`DROP TABLE IF EXISTS ${TEMP_CATALOG}.${TEMP_SCHEMA}.${table}`);
  }
}
