/**
 * The vocabulary of the demo store: event types, categories, channels and profile attributes.
 * The simulation works with indexes into these lists; the SQL that builds the final tables maps
 * the indexes back to these names.
 */

export const EVENT_TYPES = [
  'commerce.productViews',
  'commerce.productListAdds',
  'commerce.checkouts',
  'commerce.purchases',
  'directMarketing.emailOpened',
  'directMarketing.emailClicked',
  'application.launch',
] as const;

export const EventCode = {
  productView: 0,
  productListAdd: 1,
  checkout: 2,
  purchase: 3,
  emailOpened: 4,
  emailClicked: 5,
  applicationLaunch: 6,
} as const;
export type EventCode = (typeof EventCode)[keyof typeof EventCode];

export const CHANNELS = ['web', 'app', 'email'] as const;

export const ChannelCode = { web: 0, app: 1, email: 2 } as const;
export type ChannelCode = (typeof ChannelCode)[keyof typeof ChannelCode];

export interface ProductCategory {
  name: string;
  /** How often shoppers browse it, relative to the others. */
  popularity: number;
  /** Median price of one item, in the store currency. */
  medianPrice: number;
}

export const PRODUCT_CATEGORIES: readonly ProductCategory[] = [
  { name: 'Electronics', popularity: 16, medianPrice: 160 },
  { name: 'Apparel', popularity: 22, medianPrice: 48 },
  { name: 'Home & Garden', popularity: 14, medianPrice: 70 },
  { name: 'Beauty', popularity: 12, medianPrice: 32 },
  { name: 'Sports & Outdoors', popularity: 10, medianPrice: 65 },
  { name: 'Toys & Games', popularity: 9, medianPrice: 38 },
  { name: 'Books', popularity: 8, medianPrice: 19 },
  { name: 'Grocery', popularity: 9, medianPrice: 27 },
];

/** Loyalty tiers from lowest to highest. */
export const TIERS = ['bronze', 'silver', 'gold', 'platinum'] as const;

export const REGIONS = ['Northeast', 'Southeast', 'Midwest', 'Southwest', 'West'] as const;
export const REGION_WEIGHTS = [22, 24, 20, 14, 20];

export const AGE_BANDS = ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export const AGE_BAND_WEIGHTS = [13, 24, 22, 18, 13, 10];
/** Share of the app in a customer's sessions, by age band: younger customers use the app more. */
export const APP_SHARE_BY_AGE_BAND = [0.55, 0.45, 0.35, 0.25, 0.18, 0.12];

export const CUSTOMER_ID_PREFIX = 'C';
export const CUSTOMER_ID_DIGITS = 6;
export const ORDER_ID_PREFIX = 'ORD-';
export const TEST_ORDER_ID_PREFIX = 'TEST-';
/** Order numbers start here, so every purchase id has the same width. */
export const FIRST_ORDER_NUMBER = 1_000_001;
