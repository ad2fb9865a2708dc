/** Types of scripts/new-platform.mjs, for its unit test. */
export function taxonomyName(taxonomy: string, id: string): string | null;
export function plannedFiles(p: { id: string; host: string; name: string }): Record<string, string>;
export function withRegistryEntry(registry: string, id: string): string;
export function withTableRow(doc: string, marker: string, row: string): string;
