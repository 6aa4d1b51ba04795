import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportMapping, ImportSource } from '../../../../shared/contract/imports';
import type { JobView } from '../../state/jobViews';
import { useWorkbench } from '../../state/WorkbenchContext';

export interface ImportJob {
  /** The latest import started here, as its events describe it. */
  job: JobView | null;
  starting: boolean;
  /** Starts an import; a refused start (bad mapping, no workspace) throws the engine's error. */
  start(source: ImportSource, mapping: ImportMapping): Promise<void>;
}

/** Runs imports as engine jobs (cancelled from the job's progress card); once it succeeds, refreshes the dataset list and reports the new dataset. */
export function useImportJob(onImported: (datasetId: string | null) => void): ImportJob {
  const { client, jobs, trackJob, refreshDatasets } = useWorkbench();
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const reported = useRef<string | null>(null);
  const job = jobId ? (jobs[jobId] ?? null) : null;

  useEffect(() => {
    if (!job || job.status !== 'succeeded' || reported.current === job.jobId) return;
    reported.current = job.jobId;
    const datasetId = job.datasetId ?? null;
    void refreshDatasets().then(() => onImported(datasetId));
  }, [job, refreshDatasets, onImported]);

  const start = useCallback(
    async (source: ImportSource, mapping: ImportMapping) => {
      setStarting(true);
      try {
        const ref = await client.call('imports.start', { source, mapping });
        trackJob(ref.jobId, ref.kind);
        setJobId(ref.jobId);
      } finally {
        setStarting(false);
      }
    },
    [client, trackJob],
  );

  return { job, starting, start };
}
