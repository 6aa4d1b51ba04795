import { Group, Text } from '@mantine/core';
import { useVerdictColor } from '../components/useVerdictColor';
import { formatMetric } from '../format';
import { gradeLabel, gradeMeaning, qualityGrade } from './qualityGrade';

/** The model's quality in one word, from its validation AUC, with what that means. */
export function QualityGradeNote({ auc }: { auc: number }) {
  const verdictColor = useVerdictColor();
  const grade = qualityGrade(auc);
  const color = grade === 'good' || grade === 'excellent' ? verdictColor(true) : grade === 'poor' ? verdictColor(false) : undefined;
  return (
    <div data-testid="insights-quality" data-grade={grade}>
      <Group gap="xs" align="baseline">
        <Text fw={600}>Model quality:</Text>
        <Text fw={700} size="lg" c={color} data-testid="insights-quality-grade">
          {gradeLabel(grade)}
        </Text>
        <Text size="sm" c="dimmed">
          validation AUC {formatMetric(auc)}; poor below 0.65, fair from 0.65, good from 0.75, excellent from 0.85
        </Text>
      </Group>
      <Text size="sm" mt={4}>
        {gradeMeaning(grade)}
      </Text>
    </div>
  );
}
