// Helpers shared by the import benchmark's parent and its per-case child processes.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');

/**
 * Peak resident memory of this process so far, in MB. Linux carries a parent's resident size at fork time into the
 * child's maxRSS across exec, which is why the parent starts every case through runCase (see there).
 */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** The last line a child printed, parsed as its JSON result. */
export function lastJsonLine<T>(output: string, who: string): T {
  const line = output.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new Error(`${who} printed no result:\n${output}`);
  }
}

/**
 * Runs `bench/import/<script>` under tsx in a fresh process and returns its last JSON line. The process is started by
 * a shell that forks it (the command is not the shell's last word, so the shell cannot exec it): the case's maxRSS
 * then starts from the shell's few MB instead of this parent's resident size.
 */
export function runCase<T>(script: string, args: string[], timeoutMinutes = 60): T {
  const command = [process.execPath, '--import', 'tsx', join(HERE, script), ...args];
  const result = spawnSync('/bin/sh', ['-c', '"$@"; exit $?', 'sh', ...command], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    timeout: timeoutMinutes * 60_000,
  });
  if (result.status !== 0) {
    const why = result.error ? String(result.error) : `exit ${result.status ?? result.signal}`;
    throw new Error(`${script} ${args.join(' ')} failed (${why}):\n${result.stderr}${result.stdout}`);
  }
  return lastJsonLine<T>(result.stdout, script);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
