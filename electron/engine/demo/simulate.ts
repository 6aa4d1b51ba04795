import { SESSION_HOUR_WEIGHTS, type DemoCalendar } from './calendar';
import { ChannelCode, EventCode, PRODUCT_CATEGORIES } from './catalog';
import type { CustomerTraits } from './customerModel';
import { cumulative, type SeededRandom } from './random';

/**
 * Receives the simulated events one by one. `category` is -1 and `price` NaN where the event
 * has none; `duplicated` asks for the event to appear twice, as at-least-once exports do.
 */
export interface EventSink {
  add(
    customer: number,
    seconds: number,
    event: EventCode,
    channel: ChannelCode,
    category: number,
    price: number,
    testOrder: boolean,
    duplicated: boolean,
  ): void;
}

const NO_CATEGORY = -1;
const CATEGORY_POPULARITY = cumulative(PRODUCT_CATEGORIES.map((category) => category.popularity));
const DUPLICATE_SHARE = 0.002;
/** How much more often a customer who is shopping for something visits. */
const IN_MARKET_VISIT_BOOST = 3.2;
const IN_MARKET_MEAN_DAYS = 16;
const FADE_BEFORE_CHURN_DAYS = 60;
const QA_ORDER_PRICE = 1;

/** Simulates one customer's whole history into the sink. */
export function simulateCustomer(traits: CustomerTraits, calendar: DemoCalendar, random: SeededRandom, sink: EventSink): void {
  if (traits.kind === 'qaAccount') new QaAccountSimulation(traits, calendar, random, sink).run();
  else if (traits.kind === 'shopper') new ShopperSimulation(traits, calendar, random, sink).run();
}

class ShopperSimulation {
  /** Shopping for something in earnest: visits more, converts far more. */
  private inMarket: boolean;

  constructor(
    private readonly traits: CustomerTraits,
    private readonly calendar: DemoCalendar,
    private readonly random: SeededRandom,
    private readonly sink: EventSink,
  ) {
    this.inMarket = traits.signupDay >= 0 && random.chance(0.45);
  }

  run(): void {
    const { traits, calendar, random } = this;
    for (let day = traits.firstActiveDay; day <= traits.lastActiveDay; day++) {
      const fade = traits.churns ? fadeBeforeChurn(traits.lastActiveDay - day) : 1;
      if (this.inMarket) {
        if (random.chance(1 / IN_MARKET_MEAN_DAYS)) this.inMarket = false;
      } else if (random.chance(traits.intentOnsetPerDay * calendar.buyingMood[day])) {
        this.inMarket = true;
      }
      const rate = traits.sessionsPerDay * calendar.activity[day] * fade * (this.inMarket ? IN_MARKET_VISIT_BOOST : 1);
      let sessions = random.poisson(rate);
      if (day === traits.signupDay) sessions = Math.max(1, sessions);
      const dayStart = calendar.dayStartSeconds(day);
      for (let session = 0; session < sessions; session++) {
        const start = dayStart + random.pickCumulative(SESSION_HOUR_WEIGHTS) * 3600 + random.below(3600);
        const channel = random.chance(traits.appShare) ? ChannelCode.app : ChannelCode.web;
        this.session(start, channel, day);
      }
      if (traits.marketingOptIn && calendar.campaignDay[day] === 1) this.campaignEmail(dayStart, day, fade);
    }
  }

  private session(start: number, channel: ChannelCode, day: number): void {
    const { traits, random } = this;
    let time = start;
    if (channel === ChannelCode.app) {
      this.emit(time, EventCode.applicationLaunch, channel, NO_CATEGORY, NaN);
      if (random.chance(0.22)) return;
      time += random.between(3, 40);
    }
    const views = 1 + random.geometric(this.inMarket ? 2.6 : 1.4);
    let category = this.browsedCategory();
    for (let view = 0; view < views; view++) {
      if (view > 0 && random.chance(0.45)) category = this.browsedCategory();
      this.emit(time, EventCode.productView, channel, category, NaN);
      time += random.between(15, 150);
    }

    const addChance = Math.min(0.85, (this.inMarket ? 0.3 : 0.055) * traits.buyerAffinity * this.calendar.buyingMood[day]);
    if (!random.chance(addChance)) return;
    this.emit(time, EventCode.productListAdd, channel, category, NaN);
    time += random.between(10, 90);
    if (random.chance(0.12)) {
      this.emit(time, EventCode.productListAdd, channel, this.browsedCategory(), NaN);
      time += random.between(10, 90);
    }

    // The app's express checkout goes straight to the purchase without a checkout event.
    const express = channel === ChannelCode.app && random.chance(0.08);
    if (!express) {
      if (!random.chance(this.inMarket ? 0.6 : 0.4)) return;
      this.emit(time, EventCode.checkout, channel, category, NaN);
      time += random.between(30, 300);
    }
    if (!random.chance(0.72)) return;
    this.emit(time, EventCode.purchase, channel, category, this.orderTotal(category));
    if (this.inMarket && random.chance(0.6)) this.inMarket = false;
  }

  private campaignEmail(dayStart: number, day: number, fade: number): void {
    const { traits, random } = this;
    const openChance = traits.emailOpenRate * fade * (this.inMarket ? 1.5 : 1);
    if (!random.chance(openChance)) return;
    let time = dayStart + 10 * 3600 + Math.min(13 * 3600, random.exponential(3 * 3600));
    this.emit(time, EventCode.emailOpened, ChannelCode.email, NO_CATEGORY, NaN);
    if (!random.chance(this.inMarket ? 0.3 : 0.18)) return;
    time += random.between(5, 120);
    this.emit(time, EventCode.emailClicked, ChannelCode.email, NO_CATEGORY, NaN);
    if (random.chance(0.85)) this.session(time + random.between(3, 20), ChannelCode.web, day);
  }

  private browsedCategory(): number {
    return this.random.chance(0.5) ? this.traits.favoriteCategory : this.random.pickCumulative(CATEGORY_POPULARITY);
  }

  private orderTotal(category: number): number {
    const { random } = this;
    const quantityDraw = random.next();
    const quantity = quantityDraw < 0.76 ? 1 : quantityDraw < 0.93 ? 2 : 3;
    const unitPrice = random.logNormal(PRODUCT_CATEGORIES[category].medianPrice, 0.5);
    return Math.max(1.99, Math.round(unitPrice * quantity * this.traits.spendMultiplier * 100) / 100);
  }

  private emit(seconds: number, event: EventCode, channel: ChannelCode, category: number, price: number): void {
    const duplicated = this.random.chance(DUPLICATE_SHARE);
    if (seconds > this.calendar.endSeconds) return;
    this.sink.add(this.traits.index, Math.floor(seconds), event, channel, category, price, false, duplicated);
  }
}

/** Activity thins out over the weeks before a customer leaves for good. */
function fadeBeforeChurn(daysLeft: number): number {
  return daysLeft >= FADE_BEFORE_CHURN_DAYS ? 1 : 0.35 + (0.65 * daysLeft) / FADE_BEFORE_CHURN_DAYS;
}

/**
 * An internal account the QA team uses to test the checkout on working days: every order it
 * places is a test order (purchase id 'TEST-…', total 1.00) that an analyst should exclude.
 */
class QaAccountSimulation {
  constructor(
    private readonly traits: CustomerTraits,
    private readonly calendar: DemoCalendar,
    private readonly random: SeededRandom,
    private readonly sink: EventSink,
  ) {}

  run(): void {
    const { traits, calendar, random, sink } = this;
    for (let day = traits.firstActiveDay; day <= traits.lastActiveDay; day++) {
      const weekday = (new Date(calendar.dayStartSeconds(day) * 1000).getUTCDay() + 6) % 7;
      if (weekday >= 5 || !random.chance(0.4)) continue;
      let time = calendar.dayStartSeconds(day) + 9 * 3600 + random.below(8 * 3600);
      const category = random.below(PRODUCT_CATEGORIES.length);
      for (const event of [EventCode.productView, EventCode.productListAdd, EventCode.checkout, EventCode.purchase]) {
        const price = event === EventCode.purchase ? QA_ORDER_PRICE : NaN;
        sink.add(traits.index, time, event, ChannelCode.web, category, price, event === EventCode.purchase, false);
        time += 5 + random.below(30);
      }
    }
  }
}
