import type { FeatureDefinition } from '../../../shared/contract/runs';

/** What an event-level feature counts: events of one type, or those matching a custom event. */
export type EventSelector = { kind: 'type'; column: string; value: string } | { kind: 'custom'; index: number; name: string };

/** How one feature is computed; `featureSql` turns it into an aggregate, `describeFeature` into words. */
export type FeatureSource =
  | { kind: 'events'; days: number }
  | { kind: 'days_since_last' }
  | { kind: 'days_since_first' }
  | { kind: 'active_days' }
  | { kind: 'average_gap' }
  | { kind: 'trend' }
  | { kind: 'event_count'; event: EventSelector; days: number }
  | { kind: 'event_days_since_last'; event: EventSelector }
  | { kind: 'event_days_since_first'; event: EventSelector }
  | { kind: 'sum'; column: string; days: number }
  | { kind: 'mean'; column: string; days: number }
  | { kind: 'true_count'; column: string; days: number }
  | { kind: 'distinct'; column: string; days: number | null }
  | { kind: 'value_count'; column: string; value: string; days: number }
  | { kind: 'profile'; column: string; type: 'number' | 'boolean' | 'time' | 'text'; categories: string[] };

/** The code after a text attribute's frequent values: every rarer value. */
export const OTHER_CATEGORY = '(other)';

/** Names that suggest a profile attribute records the outcome itself (or something only known after it). */
const OUTCOME_LIKE = /churn|cancel|label|target|outcome|convert|purchas|responded|response|result|will_|closed|left|lost|status/i;

export function slug(text: string): string {
  const cleaned = text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase()
    .slice(0, 40);
  return cleaned === '' ? 'x' : cleaned;
}

function eventNoun(event: EventSelector): string {
  return event.kind === 'type' ? `"${event.value}" events` : `"${event.name}" events`;
}

function eventKey(event: EventSelector): string {
  return event.kind === 'type' ? `type_${slug(event.value)}` : `custom_${slug(event.name)}`;
}

function window(days: number | null): string {
  return days === null ? 'ever' : `in the last ${days} days`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A feature's column key, plain-language name and sentence. */
export function describeFeature(source: FeatureSource): FeatureDefinition {
  switch (source.kind) {
    case 'events':
      return { key: `events_${source.days}d`, label: `Events in the last ${source.days} days`, sentence: `How many events the customer had in the ${source.days} days before the date scored.`, family: 'activity', unit: 'count' };
    case 'days_since_last':
      return { key: 'days_since_last_event', label: 'Days since the last event', sentence: 'Days between the customer’s most recent event and the date scored.', family: 'activity', unit: 'days' };
    case 'days_since_first':
      return { key: 'tenure_days', label: 'Tenure (days since the first event)', sentence: 'Days between the customer’s first event and the date scored.', family: 'activity', unit: 'days' };
    case 'active_days':
      return { key: 'active_days', label: 'Distinct active days', sentence: 'On how many different days the customer had at least one event.', family: 'activity', unit: 'count' };
    case 'average_gap':
      return { key: 'average_days_between_active_days', label: 'Average days between active days', sentence: 'The customer’s usual gap between two days with events (missing with a single active day).', family: 'activity', unit: 'days' };
    case 'trend':
      return { key: 'events_trend_30d', label: 'Trend: events in the last 30 days minus the 30 before', sentence: 'Positive when the customer was more active in the last 30 days than in the 30 days before.', family: 'activity', unit: 'count' };
    case 'event_count':
      return {
        key: `${eventKey(source.event)}_${source.days}d`,
        label: `${capitalized(eventNoun(source.event))} in the last ${source.days} days`,
        sentence: `How many ${eventNoun(source.event)} the customer had in the ${source.days} days before the date scored.`,
        family: source.event.kind === 'type' ? 'event_type' : 'custom_event',
        unit: 'count',
      };
    case 'event_days_since_last':
      return {
        key: `days_since_last_${eventKey(source.event)}`,
        label: `Days since the last ${eventNoun(source.event).replace(/ events$/, ' event')}`,
        sentence: `Days between the customer’s most recent ${eventNoun(source.event).replace(/ events$/, ' event')} and the date scored (missing if never).`,
        family: source.event.kind === 'type' ? 'event_type' : 'custom_event',
        unit: 'days',
      };
    case 'event_days_since_first':
      return {
        key: `days_since_first_${eventKey(source.event)}`,
        label: `Days since the first ${eventNoun(source.event).replace(/ events$/, ' event')}`,
        sentence: `Days between the customer’s first ${eventNoun(source.event).replace(/ events$/, ' event')} and the date scored (missing if never).`,
        family: source.event.kind === 'type' ? 'event_type' : 'custom_event',
        unit: 'days',
      };
    case 'sum':
      return { key: `sum_${slug(source.column)}_${source.days}d`, label: `Total ${source.column} in the last ${source.days} days`, sentence: `The sum of ${source.column} over the customer’s events in the ${source.days} days before the date scored.`, family: 'numeric', unit: 'amount' };
    case 'mean':
      return { key: `mean_${slug(source.column)}_${source.days}d`, label: `Average ${source.column} in the last ${source.days} days`, sentence: `The average ${source.column} of the customer’s events in the ${source.days} days before the date scored (missing without events).`, family: 'numeric', unit: 'amount' };
    case 'true_count':
      return { key: `${slug(source.column)}_true_${source.days}d`, label: `Events with ${source.column} in the last ${source.days} days`, sentence: `How many of the customer’s events in the ${source.days} days before the date scored had ${source.column} set.`, family: 'category_count', unit: 'count' };
    case 'distinct':
      return {
        key: `distinct_${slug(source.column)}_${source.days === null ? 'ever' : `${source.days}d`}`,
        label: `Distinct ${source.column} ${window(source.days)}`,
        sentence: `How many different ${source.column} values the customer’s events carried ${source.days === null ? 'before the date scored' : `in the ${source.days} days before the date scored`}.`,
        family: 'distinct',
        unit: 'count',
      };
    case 'value_count':
      return {
        key: `${slug(source.column)}_${slug(source.value)}_${source.days}d`,
        label: `Events with ${source.column} "${source.value}" in the last ${source.days} days`,
        sentence: `How many of the customer’s events in the ${source.days} days before the date scored had ${source.column} = "${source.value}".`,
        family: 'category_count',
        unit: 'count',
      };
    case 'profile': {
      const leakage = OUTCOME_LIKE.test(source.column)
        ? `The profile attribute "${source.column}" may record the outcome itself; if it is filled in after the goal happens, the model learns the answer and will not hold on new customers.`
        : undefined;
      return {
        key: `profile_${slug(source.column)}`,
        label: `${source.column} (profile)`,
        sentence: source.type === 'time' ? `Days between the profile’s ${source.column} and the date scored.` : `The customer’s ${source.column} from the profile.`,
        family: 'profile',
        unit: source.type === 'text' ? 'category' : source.type === 'boolean' ? 'flag' : source.type === 'time' ? 'days' : 'amount',
        ...(source.type === 'text' ? { categories: [...source.categories, OTHER_CATEGORY] } : {}),
        ...(leakage ? { leakageWarning: leakage } : {}),
      };
    }
  }
}
