import type { BoardModule } from '../types';
import * as actions from './healthActions';
import { createHealthStore, type HealthStore } from './healthStore';
import { healthTab } from './tab';

/** Partnership health: the Compass check-up, partnership stages and the agreement (a DOM tab). */
export const healthBoard: BoardModule<HealthStore, typeof actions> = { tab: healthTab, createStore: createHealthStore, actions };
