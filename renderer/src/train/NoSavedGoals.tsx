import { Button, Card, Text, Title } from '@mantine/core';

/** What the Train page says when there is nothing to train: a goal must be saved first. */
export function NoSavedGoals({ onOpenGoalPage }: { onOpenGoalPage(): void }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="no-goals-heading" data-testid="no-goals">
      <Title order={2} size="h3" id="no-goals-heading" mb="xs">
        No saved goals yet
      </Title>
      <Text mb="md">A run trains on a saved goal: what to predict, for whom, and over which window. Define one on the Goal page and save it.</Text>
      <Button onClick={onOpenGoalPage} data-testid="open-goal-page">
        Open the Goal page
      </Button>
    </Card>
  );
}
