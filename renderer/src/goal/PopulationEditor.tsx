import { ActionIcon, Button, Group, NumberInput, Paper, Stack, Switch, Text, Tooltip } from '@mantine/core';
import type { Population, PopulationFilter } from '../../../shared/instanceConfig';
import { ConditionGroupEditor } from './ConditionGroupEditor';

/** Who is eligible at the cutoff: recently active customers, narrowed by include and exclude filters with lookbacks. */
export function PopulationEditor({ population, onChange }: { population: Population; onChange(next: Population): void }) {
  const active = population.active_within_days;
  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end">
        <Switch
          label="Only customers active recently"
          checked={active !== null}
          onChange={(event) => onChange({ ...population, active_within_days: event.currentTarget.checked ? 45 : null })}
          data-testid="population-active-switch"
        />
        {active !== null ? (
          <NumberInput
            label="Active within (days before the cutoff)"
            value={active}
            min={1}
            max={3650}
            allowDecimal={false}
            onChange={(value) => onChange({ ...population, active_within_days: typeof value === 'number' && value >= 1 ? value : 1 })}
            w={260}
            data-testid="population-active-days"
          />
        ) : (
          <Text size="sm" c="dimmed">
            Every customer with an event before the cutoff.
          </Text>
        )}
      </Group>
      <FilterList kind="include" filters={population.include} onChange={(include) => onChange({ ...population, include })} />
      <FilterList kind="exclude" filters={population.exclude} onChange={(exclude) => onChange({ ...population, exclude })} />
    </Stack>
  );
}

function FilterList({ kind, filters, onChange }: { kind: 'include' | 'exclude'; filters: PopulationFilter[]; onChange(next: PopulationFilter[]): void }) {
  const title = kind === 'include' ? 'Include only customers with' : 'Exclude customers with';
  const noun = kind === 'include' ? 'Include filter' : 'Exclude filter';
  return (
    <Stack gap="xs">
      {filters.map((filter, index) => (
        <Paper key={index} withBorder p="sm" radius="sm" role="group" aria-label={`${noun} ${index + 1}`}>
          <Stack gap="xs">
            <Group justify="space-between" align="flex-end">
              <Group gap="xs" align="flex-end">
                <Text size="sm" fw={600}>
                  {title} an event matching the conditions within
                </Text>
                <NumberInput
                  aria-label={`${noun} ${index + 1}: lookback days (empty: all history)`}
                  placeholder="all history"
                  value={filter.lookback_days ?? ''}
                  min={1}
                  max={3650}
                  allowDecimal={false}
                  onChange={(value) => onChange(filters.map((existing, position) => (position === index ? { ...existing, lookback_days: typeof value === 'number' && value >= 1 ? value : null } : existing)))}
                  w={120}
                />
                <Text size="sm">days before the cutoff</Text>
              </Group>
              <Tooltip label="Remove filter">
                <ActionIcon variant="subtle" color="red" aria-label={`Remove ${noun.toLowerCase()} ${index + 1}`} onClick={() => onChange(filters.filter((_, position) => position !== index))}>
                  ✕
                </ActionIcon>
              </Tooltip>
            </Group>
            <ConditionGroupEditor
              match={filter.match}
              conditions={filter.conditions}
              onChange={(match, conditions) => onChange(filters.map((existing, position) => (position === index ? { ...existing, match, conditions } : existing)))}
              label={`${noun} ${index + 1}`}
              path={`population.${kind}.${index}.conditions`}
              emptyText="No conditions: any event counts."
            />
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button size="xs" variant="default" onClick={() => onChange([...filters, { lookback_days: 90, match: 'all', conditions: [] }])} data-testid={`add-${kind}-filter`}>
          {kind === 'include' ? 'Add include filter' : 'Add exclude filter'}
        </Button>
      </Group>
    </Stack>
  );
}
