// Escaping for HTML and SVG text and attributes: every name in a report comes from stored
// events, so none of it is ever written into the page unescaped.

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** An id safe in HTML and in `aria-labelledby` lists (no spaces). */
export function safeId(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '-');
}
