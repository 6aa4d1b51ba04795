import type { ReactNode } from 'react';
import { GoalPage } from '../goal/GoalPage';
import { TrainPage } from '../train/TrainPage';
import { DataPage } from './DataPage';
import { UpcomingPage } from './UpcomingPage';

export interface PageDefinition {
  id: string;
  label: string;
  /** `openPage` switches to another page by its id, for pages that point the way ("define a goal first"). */
  render(openPage: (pageId: string) => void): ReactNode;
}

export const pages: PageDefinition[] = [
  { id: 'data', label: 'Data', render: () => <DataPage /> },
  { id: 'goal', label: 'Goal', render: () => <GoalPage /> },
  { id: 'train', label: 'Train', render: (openPage) => <TrainPage onOpenGoalPage={() => openPage('goal')} /> },
  {
    id: 'insights',
    label: 'Insights',
    render: () => <UpcomingPage title="Insights" purpose="Score distribution, the factors that drive it, and how good the model is." />,
  },
  {
    id: 'customers',
    label: 'Customers',
    render: () => <UpcomingPage title="Customers" purpose="Every customer's probability, percentile, bucket and reasons." />,
  },
  {
    id: 'segments',
    label: 'Segments',
    render: () => <UpcomingPage title="Segments" purpose="Cut segments by score and factors, compare them and export them." />,
  },
];
