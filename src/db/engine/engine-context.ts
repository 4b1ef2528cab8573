import { createContext, useContext } from 'react';
import type { Engine } from './engine-types';

/** The page's one engine, provided by the app (src/app/providers.tsx); tests provide a fake. */
export const EngineContext = createContext<Engine | null>(null);

/** The engine the app provides. */
export function useEngine(): Engine {
  const engine = useContext(EngineContext);
  if (!engine)
    throw new Error('useEngine() needs an EngineContext above it (src/app/providers.tsx)');
  return engine;
}
