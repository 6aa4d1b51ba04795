import type { ReactNode } from 'react';
import { CustomersPage } from '../customers/CustomersPage';
import { GoalPage } from '../goal/GoalPage';
import { InsightsPage } from '../insights/InsightsPage';
import { SegmentsPage } from '../segments/SegmentsPage';
import { TrainPage } from '../train/TrainPage';
import { DataPage } from './DataPage';

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
  { id: 'insights', label: 'Insights', render: (openPage) => <InsightsPage onOpenTrainPage={() => openPage('train')} onOpenSegmentsPage={() => openPage('segments')} /> },
  {
    id: 'customers',
    label: 'Customers',
    render: (openPage) => <CustomersPage onOpenTrainPage={() => openPage('train')} onOpenSegmentsPage={() => openPage('segments')} />,
  },
  { id: 'segments', label: 'Segments', render: (openPage) => <SegmentsPage onOpenTrainPage={() => openPage('train')} /> },
];
