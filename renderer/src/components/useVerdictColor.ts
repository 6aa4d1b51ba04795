import { useComputedColorScheme } from '@mantine/core';

/** The text colour of a verdict that is good (teal) or bad (red), in shades readable on the current theme; the words carry the meaning too. */
export function useVerdictColor(): (good: boolean) => string {
  const dark = useComputedColorScheme('light') === 'dark';
  return (good) => (good ? (dark ? 'teal.4' : 'teal.9') : dark ? 'red.4' : 'red.9');
}
