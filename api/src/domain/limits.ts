/**
 * What a real estate can hold, so that every sum Trueup computes stays exact (below 2^53) and
 * every value fits its column. Inputs beyond these are refused at the edge (BAD_USER_INPUT),
 * before anything is written.
 */

/** Largest quantity of one line, lot, report, reservation or move: a billion units. */
export const MAX_QUANTITY = 1_000_000_000;

/** Longest name (license, Virtual Account, scenario, label, actor, note…), in characters. */
export const MAX_NAME_LENGTH = 500;

/** Longest free text (a note, a reason), in characters. */
export const MAX_TEXT_LENGTH = 5_000;

/** Most items in one list argument (moves of a scenario, names in a filter, ids…). */
export const MAX_LIST_LENGTH = 10_000;
