// What every string a store keeps must be: well-formed Unicode. A lone UTF-16 surrogate (what an
// app gets when it cuts a string in the middle of an emoji) is turned into U+FFFD by SQLite,
// PostgreSQL and any UTF-8 encoder, so two different ids would become one and data would change
// on the way in. Identifiers (stream ids, event ids, types, filters) must also hold no NUL: they
// are kept as plain text columns, which PostgreSQL cannot hold NUL in and whose SQLite string
// functions stop at it. Inside JSON (data, metadata) NUL is written as `\u0000` and kept exactly.

/** Any surrogate code unit: the only way a JavaScript string can fail to be well-formed. */
const SURROGATE = /[\ud800-\udfff]/;

/** Why `text` cannot be stored, or `undefined` when it can. */
export function textIssue(text: string): string | undefined {
  if (!SURROGATE.test(text)) return undefined;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    const next = text.charCodeAt(i + 1);
    if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      i++;
      continue;
    }
    return (
      `contains a lone UTF-16 surrogate (\\u${unit.toString(16)} at index ${i}), which is not ` +
      'Unicode text: was a string cut in the middle of a character?'
    );
  }
  return undefined;
}

/** Why `text` cannot be a stored identifier (also: no NUL), or `undefined` when it can. */
export function identifierIssue(text: string): string | undefined {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return `contains NUL (U+0000) at index ${nul}, which no identifier may hold`;
  return textIssue(text);
}

/**
 * The deepest nesting of arrays and objects an event's data or metadata may have (the value
 * itself is level 1). Real events are a few levels deep; the limit keeps every store, encoder and
 * parser (many stop at 64 by default) from overflowing its stack on a runaway value.
 */
export const MAX_JSON_DEPTH = 64;
