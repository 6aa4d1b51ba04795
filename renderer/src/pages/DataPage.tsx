import { Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { DatasetCard } from '../components/DatasetCard';
import { useWorkbench } from '../state/WorkbenchContext';

/** The datasets of the open workspace. */
export function DataPage() {
  const { datasets, workspace } = useWorkbench();
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Data</Title>
        <Text c="dimmed">Datasets in {workspace?.name}.</Text>
      </div>
      {datasets === null ? (
        <Loader aria-label="Loading datasets" />
      ) : datasets.length === 0 ? (
        <Text>This workspace has no datasets yet.</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, xl: 2 }} data-testid="dataset-list">
          {datasets.map((dataset) => (
            <DatasetCard key={dataset.id} dataset={dataset} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
