import type { Macro } from '../api/useMacros';

export interface MacroContext {
  'customer.name': string;
  'case.reference': string;
  'case.subject': string;
  'agent.name': string;
  'branch.name': string;
}

/**
 * A macro's text in the case's language (else the staff member's, else any), with its placeholders filled from the
 * case. A placeholder the context does not know is left as written, for the person to see and fix.
 */
export function macroText(macro: Pick<Macro, 'body'>, languages: readonly string[], context: MacroContext): string {
  const body = macro.body as Record<string, string | undefined>;
  const text = languages.map((language) => body[language]).find((t) => t?.trim()) ?? Object.values(body).find((t) => t?.trim()) ?? '';
  return text.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (whole, name: string) => (name in context ? context[name as keyof MacroContext] : whole));
}
