import { z } from 'zod';
import { datasetIdSchema, datasetSummarySchema, monthlyActivitySchema } from './datasets';
import { datasetNameSchema, importMappingSchema, importPreviewSchema, importSourceSchema, qualityReportSchema } from './imports';
import { insightsMethods } from './insights';
import { exportFormatSchema, segmentsMethods } from './segments';
import { instanceConfigSchema, instanceNameSchema } from '../instanceConfig';
import { fieldInfoSchema, fieldValuesSchema, goalPreviewSchema, instanceIdSchema, instanceSchema, instanceSummarySchema, presetKindSchema } from './instances';
import { jobIdSchema, jobRefSchema, jobSnapshotSchema } from './jobs';
import { runIdSchema, runSchema, runSummarySchema } from './runs';
import { recentWorkspaceSchema, workspaceInfoSchema, workspacePathSchema } from './workspace';

const noInput = z.strictObject({});

export const transportSchema = z.enum(['electron', 'browser', 'in-process']);
export type Transport = z.infer<typeof transportSchema>;

/**
 * Every method the engine offers, with its input and output schemas.
 * Each transport is a thin adapter over this one map; the engine side validates every input.
 */
export const methods = {
  'app.info': {
    input: noInput,
    output: z.object({
      name: z.string(),
      version: z.string(),
      transport: transportSchema,
      nativeDialogs: z.boolean(),
      workspace: workspaceInfoSchema.nullable(),
    }),
  },
  'workspace.create': {
    input: z.strictObject({ path: workspacePathSchema, name: z.string().trim().min(1).max(200).optional() }),
    output: workspaceInfoSchema,
  },
  'workspace.open': {
    input: z.strictObject({ path: workspacePathSchema }),
    output: workspaceInfoSchema,
  },
  'workspace.close': {
    input: noInput,
    output: z.object({ closed: z.boolean() }),
  },
  'workspace.current': {
    input: noInput,
    output: workspaceInfoSchema.nullable(),
  },
  'workspace.recent': {
    input: z.strictObject({ limit: z.number().int().min(1).max(50).default(10) }),
    output: z.object({ items: z.array(recentWorkspaceSchema) }),
  },
  'workspace.openDemo': {
    input: z.strictObject({ rebuild: z.boolean().default(false) }),
    output: jobRefSchema,
  },
  'datasets.list': {
    input: noInput,
    output: z.object({ datasets: z.array(datasetSummarySchema) }),
  },
  'datasets.activity': {
    input: z.strictObject({ datasetId: datasetIdSchema }),
    output: z.object({ months: z.array(monthlyActivitySchema) }),
  },
  'datasets.quality': {
    input: z.strictObject({ datasetId: datasetIdSchema }),
    output: z.object({ report: qualityReportSchema.nullable() }),
  },
  'datasets.rename': {
    input: z.strictObject({ datasetId: datasetIdSchema, name: datasetNameSchema }),
    output: datasetSummarySchema,
  },
  'datasets.delete': {
    input: z.strictObject({ datasetId: datasetIdSchema }),
    output: z.object({ deleted: z.boolean() }),
  },
  /** Reads the source's first rows and detects its format, dialect, column types and a suggested mapping. */
  'imports.preview': {
    input: z.strictObject({ source: importSourceSchema }),
    output: importPreviewSchema,
  },
  /** Imports the source as a new dataset in one transaction, as a cancellable job. */
  'imports.start': {
    input: z.strictObject({ source: importSourceSchema, mapping: importMappingSchema }),
    output: jobRefSchema,
  },
  'instances.list': {
    input: noInput,
    output: z.object({ instances: z.array(instanceSummarySchema) }),
  },
  'instances.get': {
    input: z.strictObject({ instanceId: instanceIdSchema }),
    output: instanceSchema,
  },
  /** Creates an instance (no id) or replaces a saved one's config; names are unique in a workspace. */
  'instances.save': {
    input: z.strictObject({ instanceId: instanceIdSchema.optional(), config: instanceConfigSchema }),
    output: instanceSchema,
  },
  'instances.rename': {
    input: z.strictObject({ instanceId: instanceIdSchema, name: instanceNameSchema }),
    output: instanceSchema,
  },
  'instances.clone': {
    input: z.strictObject({ instanceId: instanceIdSchema, name: instanceNameSchema.optional() }),
    output: instanceSchema,
  },
  /** Deletes a goal; with `deleteRuns`, its runs and their segments too (refused while a job runs). */
  'instances.delete': {
    input: z.strictObject({ instanceId: instanceIdSchema, deleteRuns: z.boolean().default(false) }),
    output: z.object({ deleted: z.boolean(), runs: z.number().int().nonnegative(), segments: z.number().int().nonnegative() }),
  },
  /** A starting config: conversion (a purchase-like event occurs) or churn (no event at all), over an events dataset. */
  'instances.preset': {
    input: z.strictObject({ kind: presetKindSchema, datasetId: datasetIdSchema, windowDays: z.number().int().min(1).max(3650).default(30) }),
    output: z.object({ config: instanceConfigSchema }),
  },
  /** The columns of an events dataset that conditions can test, with their types and operators. */
  'goals.fields': {
    input: z.strictObject({ datasetId: datasetIdSchema }),
    output: z.object({ fields: z.array(fieldInfoSchema) }),
  },
  /** A field's most frequent values with counts (text: top `limit`, narrowed by a search) or its range (numbers, times). */
  'goals.fieldValues': {
    input: z.strictObject({
      datasetId: datasetIdSchema,
      field: z.string().min(1).max(300),
      search: z.string().max(200).default(''),
      limit: z.number().int().min(1).max(100).default(100),
    }),
    output: fieldValuesSchema,
  },
  /** Population, positives and negatives at the training cutoff, with sufficiency diagnostics. */
  'goals.preview': {
    input: z.strictObject({ config: instanceConfigSchema }),
    output: goalPreviewSchema,
  },
  /** Trains the saved instance, scores its population and explains every score, as a cancellable job that saves a new run. */
  'runs.start': {
    input: z.strictObject({ instanceId: instanceIdSchema }),
    output: jobRefSchema,
  },
  /** Saved runs, newest first; only one instance's when given. */
  'runs.list': {
    input: z.strictObject({ instanceId: instanceIdSchema.optional() }),
    output: z.object({ runs: z.array(runSummarySchema) }),
  },
  'runs.get': {
    input: z.strictObject({ runId: runIdSchema }),
    output: runSchema,
  },
  /** Deletes a run with its scores, features, timeline and segments; refused while a job is running. */
  'runs.delete': {
    input: z.strictObject({ runId: runIdSchema }),
    output: z.object({ deleted: z.boolean(), segments: z.number().int().nonnegative() }),
  },
  ...insightsMethods,
  ...segmentsMethods,
  'jobs.list': {
    input: noInput,
    output: z.object({ jobs: z.array(jobSnapshotSchema) }),
  },
  'jobs.cancel': {
    input: z.strictObject({ jobId: jobIdSchema }),
    output: z.object({ cancelled: z.boolean() }),
  },
  'dialog.pickWorkspace': {
    input: z.strictObject({ mode: z.enum(['open', 'create']) }),
    output: z.object({ path: z.string().nullable() }),
  },
  'dialog.pickDataFiles': {
    input: noInput,
    output: z.object({ paths: z.array(z.string()) }),
  },
  /** The native save dialog for an export (desktop app only); null when the user cancels. */
  'dialog.pickExportPath': {
    input: z.strictObject({ format: exportFormatSchema, suggestedName: z.string().trim().min(1).max(200) }),
    output: z.object({ path: z.string().nullable() }),
  },
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
/** What a caller passes (defaults may be omitted). */
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
/** What a handler receives after validation (defaults filled in). */
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}
