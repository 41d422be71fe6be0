/** The part of fontkit (pdfkit's font engine) used here: parse a font file once, reuse it for every pack. */
declare module 'fontkit' {
  export interface Font {
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array): Font;
}
