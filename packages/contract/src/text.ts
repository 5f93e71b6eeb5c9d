// Rules every free-text field shares. Postgres cannot store U+0000 in text, so a NUL is refused at the boundary
// (422) instead of failing in the database (500). Explicit bidi embeddings, overrides and isolates can make a
// title display as something else than it says ("Trojan Source"), so titles drop them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing U+0000 is what this pattern is for
export const NO_NUL = /^[^\u0000]*$/;
export const NO_NUL_MESSAGE = "must not contain the NUL character (U+0000)";

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** The text without explicit directional formatting characters (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI). */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}
