// Personal data: marked in schemas, sealed per subject before hashing, erasable by deleting keys.
export {
  findPersonalFields,
  personal,
  personalFields,
  personalPaths,
  recordSubject,
  subjectOf,
  type PathStep,
  type PersonalField,
  type PersonalMeta,
  type PersonalPath,
  type SubjectRule,
} from './personal.js';
export { ERASED, isErased, isSealedValue, type Erased, type SealedValue } from './sealing.js';
export { createMemoryKeyStore, newSubjectKey, type KeyStore, type SubjectKey } from './keyStore.js';
export {
  createPersonalDataEncoder,
  sealedSubjects,
  type PersonalDataEncoderOptions,
} from './personalEncoder.js';
export {
  ERASURE_STREAM,
  SubjectId,
  SubjectsForgotten,
  erasureEvents,
  forgetSubjects,
  type ForgetRequest,
  type ForgetResult,
} from './forget.js';
export { REDACTED, createRedactingEncoder, isRedacted, personalValuesInClear } from './redact.js';
