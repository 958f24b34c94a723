/** The placeholders a macro may use: the same names as the server's MacroPlaceholders.All (a test compares them). */
export const macroPlaceholders = ['customer.name', 'case.reference', 'case.subject', 'agent.name', 'branch.name'] as const;

export type MacroContext = Record<(typeof macroPlaceholders)[number], string>;

/**
 * Fills the placeholders the context names, in any spacing the editor accepts ("{{ case.reference }}" too). A
 * placeholder without a value is left as written, for the person to see and fix.
 */
export function fillPlaceholders(text: string, context: Partial<MacroContext>): string {
  return text.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (whole, name: string) => context[name as keyof MacroContext] ?? whole);
}

/** A macro's text in the case's language (else the staff member's, else any), with its placeholders filled from the case. */
export function macroText(macro: { body: unknown }, languages: readonly string[], context: Partial<MacroContext>): string {
  const body = (macro.body ?? {}) as Record<string, string | undefined>;
  const text = languages.map((language) => body[language]).find((t) => t?.trim()) ?? Object.values(body).find((t) => t?.trim()) ?? '';
  return fillPlaceholders(text, context);
}
