import { Autocomplete, Group, NumberInput, Select, TagsInput, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { valueShape, type ConditionValue, type FieldCondition } from '../../../shared/conditions';
import type { FieldInfo } from '../../../shared/contract/instances';
import { formatCount, formatNumber } from '../format';
import { useFieldValues } from './useFieldValues';
import { useGoalEditor } from './goalEditorContext';

interface ValueEditorProps {
  condition: FieldCondition;
  field: FieldInfo;
  label: string;
  onChange(value: FieldCondition['value']): void;
}

/** The value input that fits the operator's shape and the field's type. */
export function ValueEditor({ condition, field, label, onChange }: ValueEditorProps) {
  const shape = valueShape(condition.op);
  if (shape === 'none') return null;
  if (field.type === 'text') return <TextValues condition={condition} field={field} label={label} onChange={onChange} />;
  if (field.type === 'boolean') {
    return (
      <Select
        aria-label={label}
        data={[
          { value: 'true', label: 'true' },
          { value: 'false', label: 'false' },
        ]}
        value={condition.value === false ? 'false' : 'true'}
        onChange={(next) => onChange(next !== 'false')}
        allowDeselect={false}
        w={110}
      />
    );
  }
  if (field.type === 'number') return <NumberValues condition={condition} field={field} label={label} onChange={onChange} />;
  return <TimeValues condition={condition} label={label} onChange={onChange} />;
}

function TextValues({ condition, field, label, onChange }: ValueEditorProps) {
  const { loadFieldValues } = useGoalEditor();
  const list = valueShape(condition.op) === 'list';
  const [search, setSearch] = useState('');
  const typed = !list && typeof condition.value === 'string' ? condition.value : search;
  // The top values of the whole field, and, while the user types something else, the values matching it.
  const top = useFieldValues(loadFieldValues, field.name, '');
  const topValues = top?.type === 'text' ? top.values : [];
  const matching = useFieldValues(loadFieldValues, field.name, typed !== '' && !topValues.some((entry) => entry.value === typed) ? typed : '');
  const values = typed !== '' && matching?.type === 'text' && !topValues.some((entry) => entry.value === typed) ? matching : top;
  const options = values?.type === 'text' ? values.values.map((entry) => ({ value: String(entry.value), count: entry.count })) : [];
  const counts = new Map(options.map((option) => [option.value, option.count]));
  const renderOption = ({ option }: { option: { value: string } }) => (
    <Group justify="space-between" gap="md" wrap="nowrap" w="100%">
      <Text size="sm">{option.value}</Text>
      <Text size="xs" c="dimmed">
        {formatCount(counts.get(option.value) ?? 0)}
      </Text>
    </Group>
  );
  const description = top?.type === 'text' ? `${formatCount(top.distinct)} distinct value${top.distinct === 1 ? '' : 's'}${top.distinct > 100 ? '; the 100 most frequent are listed, type to search' : ''}` : undefined;
  if (list) {
    const selected = Array.isArray(condition.value) ? condition.value.map(String) : [];
    return (
      <TagsInput
        aria-label={label}
        placeholder="Type or pick values"
        data={options.map((option) => option.value)}
        value={selected}
        onChange={(next) => onChange(next)}
        searchValue={search}
        onSearchChange={setSearch}
        renderOption={renderOption}
        description={description}
        clearable
        miw={240}
        maxDropdownHeight={260}
      />
    );
  }
  return (
    <Autocomplete
      aria-label={label}
      placeholder="Type or pick a value"
      data={options.map((option) => option.value)}
      value={typeof condition.value === 'string' ? condition.value : ''}
      onChange={(next) => onChange(next)}
      renderOption={renderOption}
      description={description}
      miw={220}
      maxDropdownHeight={260}
      limit={100}
    />
  );
}

function NumberValues({ condition, field, label, onChange }: ValueEditorProps) {
  const { loadFieldValues } = useGoalEditor();
  const values = useFieldValues(loadFieldValues, field.name, '');
  const range = values?.type === 'number' && values.min !== null && values.max !== null ? `from ${formatNumber(values.min)} to ${formatNumber(values.max)}` : undefined;
  const shape = valueShape(condition.op);
  const asNumber = (value: string | number) => (typeof value === 'number' ? value : Number(value));
  if (shape === 'range') {
    const [low, high] = Array.isArray(condition.value) ? condition.value : [0, 0];
    return (
      <Group gap="xs" align="flex-start">
        <NumberInput aria-label={`${label}, low`} value={typeof low === 'number' ? low : 0} onChange={(next) => onChange([asNumber(next), high ?? 0])} description={range} w={130} />
        <NumberInput aria-label={`${label}, high`} value={typeof high === 'number' ? high : 0} onChange={(next) => onChange([low ?? 0, asNumber(next)])} w={130} />
      </Group>
    );
  }
  if (shape === 'list') {
    const selected = Array.isArray(condition.value) ? condition.value.map(String) : [];
    return (
      <TagsInput
        aria-label={label}
        placeholder="Type a number, Enter"
        value={selected}
        onChange={(next) => onChange(next.map(Number).filter((number) => Number.isFinite(number)))}
        description={range}
        miw={200}
      />
    );
  }
  return <NumberInput aria-label={label} value={typeof condition.value === 'number' ? condition.value : 0} onChange={(next) => onChange(asNumber(next))} description={range} w={160} />;
}

function TimeValues({ condition, label, onChange }: Omit<ValueEditorProps, 'field'>) {
  const dateOf = (value: ConditionValue | undefined) => (typeof value === 'string' ? value.slice(0, 10) : '');
  if (valueShape(condition.op) === 'range') {
    const [low, high] = Array.isArray(condition.value) ? condition.value : ['', ''];
    return (
      <Group gap="xs">
        <TextInput type="date" aria-label={`${label}, from`} value={dateOf(low)} onChange={(event) => onChange([event.currentTarget.value, high ?? ''])} />
        <TextInput type="date" aria-label={`${label}, to`} value={dateOf(high)} onChange={(event) => onChange([low ?? '', event.currentTarget.value])} />
      </Group>
    );
  }
  const single = Array.isArray(condition.value) ? condition.value[0] : (condition.value ?? undefined);
  return <TextInput type="date" aria-label={label} value={dateOf(single)} onChange={(event) => onChange(event.currentTarget.value)} />;
}

