import { Badge, Group, Select, Text } from '@mantine/core';
import { operatorLabels, type ConditionOperator, type FieldCondition } from '../../../shared/conditions';
import { withField, withOperator } from './conditionTree';
import { useGoalEditor } from './goalEditorContext';
import { ValueEditor } from './ValueEditor';

const TYPE_LABELS = { text: 'text', number: 'number', time: 'time', boolean: 'true/false' } as const;

/** One condition: field, operator, value. `label` names it for screen readers ("Goal condition 2"). */
export function ConditionRow({ condition, label, onChange }: { condition: FieldCondition; label: string; onChange(next: FieldCondition): void }) {
  const { fields } = useGoalEditor();
  const field = fields.find((candidate) => candidate.name === condition.field);
  const fieldOptions = fields.map((candidate) => ({ value: candidate.name, label: candidate.name, type: candidate.type }));
  return (
    <Group gap="xs" align="flex-start" wrap="wrap" data-testid="condition-row">
      <Select
        aria-label={`${label}: field`}
        data={fieldOptions}
        value={field ? field.name : null}
        placeholder={field ? undefined : condition.field ? `${condition.field} (not in this dataset)` : 'Field'}
        onChange={(name) => {
          const picked = fields.find((candidate) => candidate.name === name);
          if (picked) onChange(withField(condition, picked));
        }}
        renderOption={({ option }) => (
          <Group justify="space-between" wrap="nowrap" w="100%">
            <Text size="sm">{option.label}</Text>
            <Badge size="xs" variant="light">
              {TYPE_LABELS[fields.find((candidate) => candidate.name === option.value)?.type ?? 'text']}
            </Badge>
          </Group>
        )}
        rightSection={field ? <Badge size="xs" variant="light">{TYPE_LABELS[field.type]}</Badge> : null}
        rightSectionWidth={field?.type === 'boolean' ? 78 : 64}
        rightSectionPointerEvents="none"
        searchable
        allowDeselect={false}
        w={250}
        data-testid="condition-field"
      />
      <Select
        aria-label={`${label}: operator`}
        data={(field?.operators ?? []).map((op) => ({ value: op, label: operatorLabels[op] }))}
        value={condition.op}
        onChange={(op) => field && op && onChange(withOperator(condition, op as ConditionOperator, field.type))}
        allowDeselect={false}
        disabled={!field}
        w={180}
        data-testid="condition-operator"
      />
      {field ? <ValueEditor condition={condition} field={field} label={`${label}: value`} onChange={(value) => onChange(value === undefined ? { field: condition.field, op: condition.op } : { ...condition, value })} /> : null}
    </Group>
  );
}
