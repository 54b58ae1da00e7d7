// Turns zod failures into Gridledger's ValidationError, naming each field and the rule it broke.
import type { z } from 'zod';
import { ValidationError, type ValidationIssue } from './errors.js';

export function issuesFromZod(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** Parses `input` with `schema`, or throws a ValidationError about `subject`. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  subject: string,
): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new ValidationError(subject, issuesFromZod(result.error), { cause: result.error });
  }
  return result.data;
}
