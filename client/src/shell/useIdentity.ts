import { useCallback } from 'react';
import { loadIdentity, rememberWatchUnnamed, saveIdentity, watchesUnnamed, type Identity } from '../collab/identity';
import { useValue } from '../lib/hooks';
import { browserStore } from '../collab/storage';
import { createValueStore } from '../lib/valueStore';

const storage = browserStore();
const identityStore = createValueStore<Identity>(loadIdentity(storage));

/** The local person (name and colour), shared by every page and saved on change. */
export function useIdentity(): [Identity, (next: Identity) => void] {
  const identity = useValue(identityStore);
  const update = useCallback((next: Identity) => identityStore.set(saveIdentity(storage, next)), []);
  return [identity, update];
}

/** Whether this device watches view links without a name (asked once), and how to remember that it does. */
export function watchUnnamedPreference(): { remembered: boolean; remember(): void } {
  return { remembered: watchesUnnamed(storage), remember: () => rememberWatchUnnamed(storage) };
}
