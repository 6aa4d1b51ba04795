import { AGE_BAND_WEIGHTS, APP_SHARE_BY_AGE_BAND, PRODUCT_CATEGORIES, REGION_WEIGHTS, TIERS } from './catalog';
import type { DemoCalendar } from './calendar';
import { cumulative, type SeededRandom } from './random';

export type CustomerKind = 'shopper' | 'neverActive' | 'qaAccount';

/**
 * What a customer is like, fixed for the whole span. One latent `propensity` (standard normal)
 * drives frequency, conversion, loyalty and tier together, each with its own noise, so that
 * history predicts the future without any single attribute giving it away.
 */
export interface CustomerTraits {
  index: number;
  kind: CustomerKind;
  propensity: number;
  /** Day of signup relative to the start of the span; negative for customers who joined before it. */
  signupDay: number;
  firstActiveDay: number;
  /** Inclusive; below `firstActiveDay` for a customer who never shows up. */
  lastActiveDay: number;
  churns: boolean;
  sessionsPerDay: number;
  /** Multiplier on the chance that a session puts something in the cart. */
  buyerAffinity: number;
  /** Daily chance of starting to shop for something in earnest. */
  intentOnsetPerDay: number;
  appShare: number;
  marketingOptIn: boolean;
  emailOpenRate: number;
  favoriteCategory: number;
  spendMultiplier: number;
  tier: number;
  region: number;
  ageBand: number | null;
}

const SHARE_SIGNED_UP_BEFORE_SPAN = 0.3;
const SHARE_NEVER_ACTIVE = 0.015;
const SHARE_ONE_AND_DONE = 0.25;
const YEARS_OF_HISTORY_BEFORE_SPAN = 4;

/** Tier cut points on the tier score: about 45% bronze, 30% silver, 18% gold, 7% platinum. */
const TIER_CUTS = [-0.01, 0.74, 1.49];

const CATEGORY_POPULARITY = cumulative(PRODUCT_CATEGORIES.map((category) => category.popularity));
const REGION_CUMULATIVE = cumulative(REGION_WEIGHTS);
const AGE_BAND_CUMULATIVE = cumulative(AGE_BAND_WEIGHTS);

export function drawCustomer(index: number, isQaAccount: boolean, calendar: DemoCalendar, random: SeededRandom): CustomerTraits {
  const kind: CustomerKind = isQaAccount ? 'qaAccount' : random.chance(SHARE_NEVER_ACTIVE) ? 'neverActive' : 'shopper';
  const propensity = random.normal();
  const signedUpBefore = kind === 'qaAccount' || random.chance(SHARE_SIGNED_UP_BEFORE_SPAN);
  const signupDay = signedUpBefore ? -1 - random.below(YEARS_OF_HISTORY_BEFORE_SPAN * 365) : drawArrivalDay(calendar, random);
  const firstActiveDay = kind === 'neverActive' ? calendar.dayCount : Math.max(0, signupDay);

  const oneAndDone = !signedUpBefore && random.chance(SHARE_ONE_AND_DONE);
  const meanLifetimeDays = oneAndDone ? 25 : (signedUpBefore ? 520 : 420) * Math.exp(0.35 * propensity);
  const lifetime = kind === 'qaAccount' ? Infinity : random.exponential(meanLifetimeDays);
  const lastActiveDay = Math.min(calendar.dayCount - 1, firstActiveDay + Math.floor(lifetime));

  const ageBand = random.chance(0.03) ? null : random.pickCumulative(AGE_BAND_CUMULATIVE);
  const usesApp = random.chance(0.7);
  const appShare = usesApp ? Math.min(0.9, APP_SHARE_BY_AGE_BAND[ageBand ?? 2] * Math.exp(0.5 * random.normal())) : 0;
  const tierScore = 0.75 * propensity + 0.55 * random.normal() + (signedUpBefore ? 0.35 : 0);

  return {
    index,
    kind,
    propensity,
    signupDay,
    firstActiveDay,
    lastActiveDay,
    churns: lastActiveDay < calendar.dayCount - 1,
    sessionsPerDay: 0.05 * Math.exp(0.55 * propensity + 0.55 * random.normal()),
    buyerAffinity: Math.exp(0.6 * propensity + 0.35 * random.normal()),
    intentOnsetPerDay: 0.009 * Math.exp(0.6 * propensity),
    appShare,
    marketingOptIn: random.chance(1 / (1 + Math.exp(-(0.25 + 0.4 * propensity)))),
    emailOpenRate: Math.min(0.7, 0.14 * Math.exp(0.35 * propensity + 0.4 * random.normal())),
    favoriteCategory: random.pickCumulative(CATEGORY_POPULARITY),
    spendMultiplier: Math.max(0.4, random.logNormal(1, 0.3) * (1 + 0.1 * propensity)),
    tier: kind === 'qaAccount' ? 0 : tierOf(tierScore),
    region: random.pickCumulative(REGION_CUMULATIVE),
    ageBand,
  };
}

function tierOf(score: number): number {
  let tier = 0;
  while (tier < TIERS.length - 1 && score >= TIER_CUTS[tier]) tier++;
  return tier;
}

/** New customers arrive all through the span, a little faster as the store grows and in busy weeks. */
function drawArrivalDay(calendar: DemoCalendar, random: SeededRandom): number {
  const maxDensity = 1.2 * 2.3;
  for (;;) {
    const day = random.below(calendar.dayCount);
    const density = (0.8 + (0.4 * day) / calendar.dayCount) * calendar.activity[day];
    if (random.next() * maxDensity < density) return day;
  }
}
