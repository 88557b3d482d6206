/** Types of zip.mjs for the unit test that imports it. */
export function zipArchive(files: Array<{ name: string; text: string; deflate?: boolean }>, comment?: string): Buffer;
