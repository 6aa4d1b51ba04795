import { Button, Card, Text, Title } from '@mantine/core';

/** What the Insights page says before any run: a goal must be trained first. */
export function NoRuns({ onOpenTrainPage }: { onOpenTrainPage(): void }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="insights-no-runs-heading" data-testid="insights-no-runs">
      <Title order={2} size="h3" id="insights-no-runs-heading" mb="xs">
        No runs yet
      </Title>
      <Text mb="md">
        Insights describe a trained and scored run: how the scores spread, which factors drive them and how good the model is. Train a saved goal on the Train page
        first.
      </Text>
      <Button onClick={onOpenTrainPage} data-testid="open-train-page">
        Open the Train page
      </Button>
    </Card>
  );
}
