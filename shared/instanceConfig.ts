import { z } from 'zod';
import { conditionListSchema, conditionNodeSchema, matchSchema } from './conditions';

/**
 * An instance: a saved model configuration. The UI saves it, the CLI reads it from a JSON file,
 * and both go through this one schema. Keys are snake_case because the file is written by hand too.
 */

const MAX_DAYS = 3650;
const daysSchema = (what: string) =>
  z
    .number({ error: `${what} is a number of days` })
    .int(`${what} is a whole number of days`)
    .min(1, `${what} is at least 1 day`)
    .max(MAX_DAYS, `${what} is at most ${MAX_DAYS} days`);

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** A calendar date `YYYY-MM-DD` (midnight) or a wall-clock time `YYYY-MM-DDTHH:MM[:SS]`, no zone. */
export function isValidLocalDateTime(text: string): boolean {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return false;
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)));
  return (
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day) &&
    date.getUTCHours() === Number(hour) &&
    date.getUTCMinutes() === Number(minute) &&
    date.getUTCSeconds() === Number(second)
  );
}

export const localDateTimeSchema = z
  .string()
  .max(19)
  .refine(isValidLocalDateTime, 'a date is YYYY-MM-DD (or YYYY-MM-DDTHH:MM:SS) and must exist in the calendar');

export const instanceNameSchema = z.string().trim().min(1, 'a name is required').max(120, 'the name is too long (120 characters at most)');
const datasetRefSchema = z.string().trim().min(1, 'name the dataset').max(120);

export const propensityTypeSchema = z.enum(['conversion', 'churn']);
export type PropensityType = z.infer<typeof propensityTypeSchema>;

export const goalSchema = z.strictObject({
  /** true: the goal will occur in the window; false: it will not. */
  occurs: z.boolean(),
  window_days: daysSchema('window_days'),
  match: matchSchema,
  /** Empty: any event. */
  conditions: conditionListSchema,
});
export type Goal = z.infer<typeof goalSchema>;

/** Customers with (include) or without (exclude) an event matching the conditions within lookback_days before the cutoff. */
export const populationFilterSchema = z.strictObject({
  /** null: all history before the cutoff. */
  lookback_days: daysSchema('lookback_days').nullable().default(null),
  match: matchSchema.default('all'),
  conditions: conditionListSchema,
});
export type PopulationFilter = z.infer<typeof populationFilterSchema>;

export const populationSchema = z.strictObject({
  /** Customers with at least one event in this many days before the cutoff; null: any event before the cutoff. */
  active_within_days: daysSchema('active_within_days').nullable().default(45),
  include: z.array(populationFilterSchema).max(20).default([]),
  exclude: z.array(populationFilterSchema).max(20).default([]),
});
export type Population = z.infer<typeof populationSchema>;

export const customEventSchema = z.strictObject({
  name: z.string().trim().min(1, 'a custom event needs a name').max(80, 'a custom event name is at most 80 characters'),
  match: matchSchema.default('all'),
  conditions: conditionListSchema,
});
export type CustomEvent = z.infer<typeof customEventSchema>;

/** How many positives and negatives a goal needs: under warn_below it warns, under refuse_below training is refused. */
export const sufficiencySchema = z
  .strictObject({
    warn_below: z.number().int().min(0).max(1_000_000).default(500),
    refuse_below: z.number().int().min(0).max(1_000_000).default(50),
  })
  .refine((limits) => limits.refuse_below <= limits.warn_below, { message: 'refuse_below cannot exceed warn_below', path: ['refuse_below'] });

export const instanceConfigSchema = z
  .strictObject({
    name: instanceNameSchema,
    propensity: propensityTypeSchema,
    /** The events dataset, by name (or id). */
    events: datasetRefSchema,
    /** The profiles dataset, by name (or id), or null. */
    profiles: datasetRefSchema.nullable().default(null),
    goal: goalSchema,
    population: populationSchema.default({ active_within_days: 45, include: [], exclude: [] }),
    custom_events: z.array(customEventSchema).max(50).default([]),
    /** Events matching any of these are dropped before anything is computed. */
    exclusions: z.array(conditionNodeSchema).max(50).default([]),
    /** null: the latest event time; a date: pretend today is that date. */
    as_of: localDateTimeSchema.nullable().default(null),
    sufficiency: sufficiencySchema.default({ warn_below: 500, refuse_below: 50 }),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.custom_events.forEach((event, index) => {
      const key = event.name.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `the custom event name "${event.name}" is used twice`, path: ['custom_events', index, 'name'] });
      seen.add(key);
    });
  });

export type InstanceConfig = z.output<typeof instanceConfigSchema>;
export type InstanceConfigInput = z.input<typeof instanceConfigSchema>;
