import type { DatasetSummary } from '../../../../shared/contract/datasets';
import { datasetNameSchema } from '../../../../shared/contract/imports';
import { useWorkbench } from '../../state/WorkbenchContext';
import { NameModal } from '../NameModal';

/** Renames a dataset: Enter saves, Escape cancels; the engine's refusal (a taken name) shows under the field. */
export function RenameDatasetModal({ dataset, onClose }: { dataset: DatasetSummary; onClose(): void }) {
  const { client, refreshDatasets } = useWorkbench();
  return (
    <NameModal
      title={`Rename “${dataset.name}”`}
      initial={dataset.name}
      schema={datasetNameSchema}
      submitLabel="Rename"
      closeWhenUnchanged
      onSubmit={async (name) => {
        await client.call('datasets.rename', { datasetId: dataset.id, name });
        await refreshDatasets();
      }}
      onClose={onClose}
      inputTestId="rename-dataset-name"
      submitTestId="rename-dataset-save"
    />
  );
}
