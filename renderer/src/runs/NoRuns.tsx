import { Button, Card, Text, Title } from '@mantine/core';

/** What a result page says before any run: what it would show, and the way to the Train page. */
export function NoRuns({ page, purpose, onOpenTrainPage }: { page: 'insights' | 'customers' | 'segments'; purpose: string; onOpenTrainPage(): void }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={`${page}-no-runs-heading`} data-testid={`${page}-no-runs`}>
      <Title order={2} size="h3" id={`${page}-no-runs-heading`} mb="xs">
        No runs yet
      </Title>
      <Text mb="md">{purpose} Train and score a saved goal on the Train page first.</Text>
      <Button onClick={onOpenTrainPage} data-testid="open-train-page">
        Open the Train page
      </Button>
    </Card>
  );
}
