// Reports over the read models, as data (`Report`) and in four formats.
export { reports, reportNamed, type ReportDefinition, type StateOf } from './catalogue.js';
export { renderReport } from './render.js';
export { FORMATS, parseFormat, parseGrouping, parsePeriod, type ReportFormat } from './options.js';
export type * from './model.js';
