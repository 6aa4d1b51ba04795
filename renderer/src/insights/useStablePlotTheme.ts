import { useState } from 'react';
import { usePlotTheme } from '../charts/usePlotTheme';

/** The plot theme as one object per colour scheme, so memoized figures rebuild only when the theme changes. */
export function useStablePlotTheme(): ReturnType<typeof usePlotTheme> {
  const theme = usePlotTheme();
  const key = `${theme.font?.color ?? ''} ${String(theme.xaxis?.gridcolor ?? '')}`;
  const [kept, setKept] = useState({ key, theme });
  if (kept.key !== key) {
    setKept({ key, theme });
    return theme;
  }
  return kept.theme;
}
