const VARIABLE = /\{\{\s*([a-zA-Z][\w]*)\s*\}\}/g;

/** The variables a template text uses, in order of first use. */
export function variablesIn(text: string): string[] {
  return [...new Set([...text.matchAll(VARIABLE)].map((m) => m[1]))];
}

/** Variables used but not offered by the template's producer: the error is raised when a template is saved. */
export function undeclaredVariables(texts: string[], declared: readonly string[]): string[] {
  return [...new Set(texts.flatMap(variablesIn))].filter((v) => !declared.includes(v));
}

/** Fills {{variables}}; a producer that omits a declared variable is a programming error, so it throws. */
export function render(text: string, data: Record<string, unknown>): string {
  return text.replace(VARIABLE, (_, name: string) => {
    if (data[name] === undefined || data[name] === null)
      throw new Error(`template variable "${name}" missing from data`);
    return String(data[name]);
  });
}
