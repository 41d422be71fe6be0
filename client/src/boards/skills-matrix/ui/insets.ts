/**
 * Screen pixels at the top of the canvas taken by the matrix toolbar and summary
 * strip: the frozen header sticks below them, and keyboard scrolling keeps the
 * cursor clear of them.
 */
export const TOOLBAR_INSET_PX = 60;
