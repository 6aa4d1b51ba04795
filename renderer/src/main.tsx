import '@mantine/core/styles.css';
import { MantineProvider, createTheme } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToEngine } from './api/connect';
import { App } from './App';
import { WorkbenchProvider } from './state/WorkbenchContext';

const theme = createTheme({ primaryColor: 'indigo', defaultRadius: 'md' });
const client = connectToEngine();
const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <WorkbenchProvider client={client}>
        <App />
      </WorkbenchProvider>
    </MantineProvider>
  </StrictMode>,
);
