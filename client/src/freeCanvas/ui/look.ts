/** How free items look (world units at zoom 1): shared by the canvas layers and the in-place editors. */
export const TEXT_FONT_SIZE = 20;
export const TEXT_LINE_HEIGHT = 1.25;
export const TEXT_PADDING = 4;
export const FRAME_TITLE_HEIGHT = 34;
export const FRAME_TITLE_FONT_SIZE = 16;
export const FRAME_PADDING_X = 12;
export const CONNECTOR_LABEL_FONT_SIZE = 13;
export const CONNECTOR_LABEL_WIDTH = 160;
export const CONNECTOR_LABEL_HEIGHT = 26;
export const SELECTION_COLOUR = '#2563eb';
/** Screen pixels of the corner and connector handles, whatever the zoom. */
export const HANDLE_PX = 12;
export const CONNECT_HANDLE_GAP_PX = 18;
