import type { GenerationState } from './generationReducer';

/**
 * The generation hashmap kept in localStorage (seed 000): a reload or a dropped network resumes from it
 * plus the server's hashmap_sync. Keys carry tenant and user, so two people sharing a browser never see
 * each other's generations.
 */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const VERSION = 2;

export function generationKey(owner: string, generationId: string): string {
  return `aide:${owner}:generation:${generationId}`;
}

export function saveGeneration(storage: StorageLike, owner: string, state: GenerationState): void {
  if (!state.generationId) {
    return;
  }
  try {
    storage.setItem(generationKey(owner, state.generationId), JSON.stringify({ v: VERSION, state }));
  } catch {
    // quota exceeded or storage disabled: the server's hashmap_sync still recovers the view
  }
}

export function loadGeneration(storage: StorageLike, owner: string, generationId: string): GenerationState | null {
  const raw = storage.getItem(generationKey(owner, generationId));
  if (!raw) {
    return null;
  }
  try {
    const parsed = JSON.parse(raw) as { v?: number; state?: GenerationState };
    if (parsed.v !== VERSION || !parsed.state || parsed.state.generationId !== generationId) {
      return null;
    }
    return parsed.state;
  } catch {
    return null;
  }
}

export function forgetGeneration(storage: StorageLike, owner: string, generationId: string): void {
  storage.removeItem(generationKey(owner, generationId));
}
