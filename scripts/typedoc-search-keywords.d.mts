// Types of scripts/typedoc-search-keywords.mjs for the tests that import it.
export const KEYWORD_WEIGHT: number;
export function keywordsOf(value: unknown): string;
export const LUNR_KEY: string;
export const LUNR_KEY_FIXED: string;
export function fixLunrKey(mainJs: string): string;
export function load(app: unknown): void;
