/** The `exports` map and typedoc entry points that scripts/parts.mjs implies. */
export declare function expected(): { exportsMap: Record<string, unknown>; entryPoints: string[] };
