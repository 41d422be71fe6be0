import { useCallback } from 'react';
import { loadIdentity, saveIdentity, type Identity } from '../collab/identity';
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
