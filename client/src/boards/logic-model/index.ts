import type { BoardModule } from '../types';
import { logicModelTab } from './tab';
import * as actions from './ui/actions';
import { createLogicModelStore, type LogicModelStore } from './ui/store';

/** The logic model: columns of cards linked by causal arrows. */
export const logicModelBoard: BoardModule<LogicModelStore, typeof actions> = { tab: logicModelTab, createStore: createLogicModelStore, actions };
