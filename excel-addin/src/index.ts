/**
 * The Trueup Excel add-in. Only the package skeleton exists so far: the task pane, sheet models
 * and Office adapter arrive with the add-in issue.
 */
export const ADDIN_NAME = 'Trueup';
