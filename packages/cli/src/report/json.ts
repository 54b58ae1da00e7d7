// The `json` format: what was asked, where it came from, and each section's query result as the
// read model's query returned it (rates as fractions, nothing rounded), for scripts.
import type { Report } from './model.js';

export function renderJson(report: Report): string {
  const document = {
    report: report.name,
    title: report.title,
    scope: report.scope,
    generatedAt: report.generatedAt,
    store: report.store,
    sources: report.sources,
    sections: report.sections.map((s) => ({
      id: s.id,
      title: s.title,
      description: s.description,
      headlines: s.headlines.map(({ label, value }) => ({ label, value })),
      result: s.data,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
