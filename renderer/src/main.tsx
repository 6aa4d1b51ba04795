import '@mantine/core/styles.css';
import { MantineProvider, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToEngine } from './api/connect';
import { App } from './App';
import { preloadPlotly } from './charts/Plot';
import { WorkbenchProvider } from './state/WorkbenchContext';

// Shades chosen for a WCAG AA contrast of at least 4.5:1 on both themes.
const theme = createTheme({ primaryColor: 'indigo', primaryShade: { light: 8, dark: 8 }, defaultRadius: 'md' });
const contrastResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': resolved.colors.gray[7],
    '--mantine-color-error': resolved.colors.red[9],
    // The hovered active nav link otherwise drops to 4.1:1.
    '--mantine-primary-color-light-hover': resolved.colors.indigo[1],
  },
  dark: { '--mantine-color-dimmed': resolved.colors.dark[1], '--mantine-color-error': resolved.colors.red[4] },
});
const client = connectToEngine();
const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

// Charts are on most pages: Plotly loads while the first page settles, not when a chart first shows.
const whenIdle = window.requestIdleCallback ?? ((work: () => void) => window.setTimeout(work, 300));
whenIdle(() => preloadPlotly());

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={contrastResolver}>
      <WorkbenchProvider client={client}>
        <App />
      </WorkbenchProvider>
    </MantineProvider>
  </StrictMode>,
);
