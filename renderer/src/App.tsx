import { ActionIcon, Alert, AppShell, Burger, Button, Group, NavLink, Text, Tooltip, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { pages } from './pages/pageList';
import { WorkspacePage } from './pages/WorkspacePage';
import { useWorkbench } from './state/WorkbenchContext';

function ThemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const next = scheme === 'dark' ? 'light' : 'dark';
  return (
    <Tooltip label={`Switch to ${next} theme`}>
      <ActionIcon variant="default" size="lg" aria-label={`Switch to ${next} theme`} onClick={() => setColorScheme(next)} data-testid="theme-toggle">
        {scheme === 'dark' ? '☀' : '☾'}
      </ActionIcon>
    </Tooltip>
  );
}

export function App() {
  const { appInfo, workspace, client, loadError } = useWorkbench();
  const [pageId, setPageId] = useState('data');
  const [navOpen, { toggle: toggleNav }] = useDisclosure();
  const page = pages.find((candidate) => candidate.id === pageId) ?? pages[0]!;

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={workspace ? { width: 200, breakpoint: 'sm', collapsed: { mobile: !navOpen } } : undefined}
      padding="lg"
      data-app-state={appInfo ? 'ready' : loadError ? 'error' : 'loading'}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            {workspace ? <Burger opened={navOpen} onClick={toggleNav} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" /> : null}
            <Text fw={800}>Propensity Workbench</Text>
            {workspace ? (
              <Text c="dimmed" size="sm" data-testid="workspace-name">
                {workspace.name}
              </Text>
            ) : null}
          </Group>
          <Group gap="sm">
            {workspace ? (
              <Button variant="default" size="xs" onClick={() => void client.call('workspace.close', {})}>
                Close workspace
              </Button>
            ) : null}
            <ThemeToggle />
          </Group>
        </Group>
      </AppShell.Header>
      {workspace ? (
        <AppShell.Navbar p="xs" aria-label="Pages">
          {pages.map((candidate) => (
            <NavLink
              key={candidate.id}
              component="button"
              label={candidate.label}
              active={candidate.id === page.id}
              aria-current={candidate.id === page.id ? 'page' : undefined}
              onClick={() => setPageId(candidate.id)}
            />
          ))}
        </AppShell.Navbar>
      ) : null}
      <AppShell.Main>
        {loadError ? (
          <Alert color="red" title="Cannot reach the engine" role="alert" mb="lg">
            {loadError}
          </Alert>
        ) : null}
        {workspace ? page.render(setPageId) : <WorkspacePage />}
      </AppShell.Main>
    </AppShell>
  );
}
