import type { BoardModule } from '../types';
import * as actions from './actions';
import { createMapUi, type MapUi } from './ui/mapStore';
import { stakeholderMapTab } from './tab';

/** The stakeholder map: power/interest grid, onion and network. */
export const stakeholderMapBoard: BoardModule<MapUi, typeof actions> = { tab: stakeholderMapTab, createStore: createMapUi, actions };
