/** A one-line progress display on stderr (silent when output must stay machine-readable). */
export function progressLine(quiet: boolean): { update: (fraction: number, message: string) => void; done: () => void } {
  let lastPercent = -1;
  let shown = false;
  return {
    update(fraction, message) {
      if (quiet || !process.stderr.isTTY) return;
      const percent = Math.floor(fraction * 100);
      if (percent === lastPercent) return;
      lastPercent = percent;
      shown = true;
      process.stderr.write(`\r${String(percent).padStart(3)}%  ${message.padEnd(50)}`);
    },
    done() {
      if (shown) process.stderr.write('\n');
    },
  };
}
