import { SegmentedControl, Text } from '@mantine/core';
import { useId } from 'react';

interface LabelledSegmentsProps<T extends string> {
  label: string;
  value: T;
  options: ReadonlyArray<{ value: NoInfer<T>; label: string }>;
  onChange(value: NoInfer<T>): void;
  fullWidth?: boolean;
  testId?: string;
}

/** A segmented choice with a visible label that also names it for screen readers (Mantine's control has no label). */
export function LabelledSegments<T extends string>({ label, value, options, onChange, fullWidth = false, testId }: LabelledSegmentsProps<T>) {
  const id = useId();
  return (
    <div>
      <Text size="sm" fw={500} id={id}>
        {label}
      </Text>
      <SegmentedControl
        aria-labelledby={id}
        value={value}
        onChange={(next) => {
          const picked = options.find((option) => option.value === next);
          if (picked) onChange(picked.value);
        }}
        data={options.map((option) => ({ value: option.value, label: option.label }))}
        fullWidth={fullWidth}
        data-testid={testId}
      />
    </div>
  );
}
