/** One JSON Schema file to write under dist/schemas/. */
export interface SchemaFile {
  readonly name: string;
  readonly file: string;
  readonly text: string;
}
/** The files to write: one per record, named after the last segment of its `$id`. */
export declare function schemaFiles(interop: {
  readonly jsonSchemaNames: readonly string[];
  readonly jsonSchema: (name: never) => { readonly $id: string };
}): SchemaFile[];
