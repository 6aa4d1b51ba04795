import { Alert, Button, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SegmentCarryOver, SegmentElsewhere } from '../../../shared/contract/segments';
import { useWorkbench } from '../state/WorkbenchContext';

interface SegmentsFromOtherRunsProps {
  runId: string;
  /** The saved list's version: what is elsewhere is read again whenever the list changes. */
  version: number;
  onCopied(result: SegmentCarryOver): void;
}

type Loaded = { key: string; segments: SegmentElsewhere[] };

/** Offers the segments saved on the goal's other runs (a retrained goal starts its new run without them) to copy here. */
export function SegmentsFromOtherRuns({ runId, version, onCopied }: SegmentsFromOtherRunsProps) {
  const { client } = useWorkbench();
  const key = `${runId}:${version}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [copying, setCopying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    // Nothing to offer is also what a failed read shows: the page works without this.
    client.call('segments.fromOtherRuns', { runId }).then(
      ({ segments }) => current && setLoaded({ key, segments }),
      () => current && setLoaded({ key, segments: [] }),
    );
    return () => {
      current = false;
    };
  }, [client, runId, key]);

  // While a re-read after a change is on its way, the last list stays (the page remounts this for another run).
  const segments = loaded?.segments ?? [];
  if (segments.length === 0) return null;
  const versions = [...new Set(segments.map((segment) => segment.runVersion))].sort((a, b) => b - a);

  const copy = async () => {
    setCopying(true);
    setError(null);
    try {
      onCopied(await client.call('segments.copyToRun', { runId, segmentIds: segments.map((segment) => segment.segmentId) }));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setCopying(false);
    }
  };

  return (
    <Alert color="blue" mb="md" title="Segments of earlier runs" data-testid="segments-elsewhere" data-count={segments.length}>
      <Text size="sm" mb="xs">
        {segments.length === 1 ? 'One segment' : `${segments.length} segments`} saved on {versions.length === 1 ? `run v${versions[0]}` : `runs ${versions.map((value) => `v${value}`).join(', ')}`} of this
        goal {segments.length === 1 ? 'is' : 'are'} not on this run: {segments.map((segment) => `“${segment.name}”`).join(', ')}. Copied here, they count this run&apos;s
        customers.
      </Text>
      {error ? (
        <Text size="sm" c="var(--mantine-color-error)" role="alert" mb="xs">
          {error}
        </Text>
      ) : null}
      <Group>
        <Button size="xs" onClick={() => void copy()} loading={copying} data-testid="segments-elsewhere-copy">
          Copy {segments.length === 1 ? 'it' : 'them'} to this run
        </Button>
      </Group>
    </Alert>
  );
}
