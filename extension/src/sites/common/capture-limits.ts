/**
 * The capture schema's length limits (shared/src/schemas/captured-thread.ts) for text a page may print at any
 * length: adapters cut such text with `clipText` rather than refuse the whole thread (docs/architecture.md
 * "Capture contract"). Kept here as numbers so that adapters need no schema library (docs/adding-a-site.md "Size").
 */
export const NAME_MAX = 300;
export const TITLE_MAX = 1000;
