import type { BoardModule } from '../types';
import * as actions from './matrixActions';
import { createMatrixStore, type MatrixStore } from './matrixStore';
import { skillsMatrixTab } from './tab';

/** The skills matrix: rows of skills and resources against the partners. */
export const skillsMatrixBoard: BoardModule<MatrixStore, typeof actions> = { tab: skillsMatrixTab, createStore: createMatrixStore, actions };
