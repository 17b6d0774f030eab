/** Excel-grid cell values as the office adapter writes them (the encoding is the model's). */
import type { Cell, CellValue } from '../model/index.js';

export type Scalar = CellValue;
export type { Cell };
