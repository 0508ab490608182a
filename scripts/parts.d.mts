/** A part of iopkit and its layer (see scripts/parts.mjs). */
export declare const parts: readonly { readonly name: string; readonly layer: number }[];
