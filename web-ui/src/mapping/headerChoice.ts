import type { SheetInfo } from '../api/documents';

/** Field key -> column letter the user wants it read from ('' = as the parser chose). */
export type FieldChoice = Record<string, string>;

export interface OverridePlan {
  /** `Sheet:field` -> header text, as POST /documents/{id}/reparse takes it (this sheet only) */
  overrides: Record<string, string>;
  /** what stops the reparse, e.g. two fields read from one column */
  problems: string[];
}

/** The key of a header override of one sheet (sheet names cannot hold ':', so the server splits at the last one). */
export function sheetOverrideKey(sheet: string, field: string): string {
  return `${sheet}:${field}`;
}

/**
 * The overrides a reparse sends: those the latest parse used (every sheet's, and ones for all sheets), replaced by
 * this sheet's new ones. The server takes the whole set, so the other sheets keep theirs.
 */
export function mergeOverrides(current: Record<string, string> | null | undefined, plan: OverridePlan): Record<string, string> {
  return { ...(current ?? {}), ...plan.overrides };
}

/**
 * Turns the columns a user picked for some fields of a mapping sheet into header overrides of that sheet, by
 * header text. Only fields whose column differs from the parser's are sent; a column taken by two fields, a column without a header, or two
 * columns with the same header text (the parser matches overrides by text) are named as problems.
 */
export function planOverrides(sheet: SheetInfo, choice: FieldChoice): OverridePlan {
  const headers = sheet.headers ?? {};
  const parser = sheet.columns ?? {};
  const overrides: Record<string, string> = {};
  const problems: string[] = [];
  const effective = new Map<string, string>();
  for (const [field, letter] of Object.entries(parser)) effective.set(field, letter);
  for (const [field, letter] of Object.entries(choice)) if (letter) effective.set(field, letter);
  const byColumn = new Map<string, string[]>();
  for (const [field, letter] of effective) byColumn.set(letter, [...(byColumn.get(letter) ?? []), field]);
  for (const [letter, fields] of byColumn) {
    if (fields.length > 1) {
      problems.push(`Column ${letter} (${headers[letter] ?? 'no header'}) is chosen for ${fields.join(' and ')}; pick one column per field.`);
    }
  }
  for (const [field, letter] of Object.entries(choice)) {
    if (!letter || parser[field] === letter) continue;
    const header = headers[letter];
    if (!header) {
      problems.push(`Column ${letter} has no header in sheet '${sheet.name}'; ${field} can only be read from a column with one.`);
      continue;
    }
    const same = Object.entries(headers).filter(([l, h]) => l !== letter && h.trim().toLowerCase() === header.trim().toLowerCase());
    if (same.length > 0) {
      problems.push(`Header '${header}' appears in columns ${[letter, ...same.map(([l]) => l)].join(', ')} of sheet '${sheet.name}'; rename one in the file so ${field} can be told apart.`);
      continue;
    }
    overrides[sheetOverrideKey(sheet.name, field)] = header;
  }
  return { overrides, problems };
}
