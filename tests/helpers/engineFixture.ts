import { afterEach } from 'vitest';
import { Engine } from '../../electron/engine/engine';
import { useTempDirs } from './tempDir';

/** A real engine per test, with its own state folder, shut down afterwards. */
export function useEngines(): { makeEngine(): Engine; tempDir(): string } {
  const tempDir = useTempDirs();
  const engines: Engine[] = [];
  afterEach(async () => {
    await Promise.all(engines.splice(0).map((engine) => engine.shutdown()));
  });
  return {
    tempDir,
    makeEngine() {
      const engine = new Engine({ stateDir: tempDir() });
      engines.push(engine);
      return engine;
    },
  };
}
