// The step kinds of a plan: what the walk does with a field's value.
export const STRING = 0;
export const SCALAR = 1;
export const ENUM = 2;
export const MESSAGE = 3;
export const LIST_STRING = 4;
export const LIST_ENUM = 5;
export const LIST_MESSAGE = 6;
export const MAP_STRING = 7;
export const MAP_ENUM = 8;
export const MAP_MESSAGE = 9;
