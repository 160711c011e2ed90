import { enumText } from '../../components';
import { formatDateTime } from '../../time';

/** A field name in words: "evidenceIds" → "Evidence ids". */
export function fieldText(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const LONGEST = 80;

/** The fields whose values are people's subjects (shown by name). */
const PERSON_FIELDS: ReadonlySet<string> = new Set(['assignee']);

/** How values are put in words: people by name, instants in the desk's time zone. */
export interface Words {
  person: (subject: string) => string;
  timeZone: string;
}

/** A recorded value in words: long texts cut short, enum values and personal data never raw. */
export function valueText(value: unknown, words?: Words): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (/^[A-Z][A-Z_]+$/.test(value)) return enumText(value);
    if (words && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatDateTime(value, words.timeZone);
    return `“${value.length > LONGEST ? `${value.slice(0, LONGEST - 1)}…` : value}”`;
  }
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map((v) => valueText(v, words)).join(', ');
  if (typeof value === 'object' && 'sha256' in value) return '(personal data, not shown)';
  return '(changed)';
}

/**
 * What an audit event recorded, as short lines: "Headline: “Old” → “New”" for an edit
 * ({before, after}), "Priority: High" for a value it set.
 */
export function changeLines(changes: unknown, words?: Words): string[] {
  if (changes === null || typeof changes !== 'object' || Array.isArray(changes)) return [];
  return Object.entries(changes as Record<string, unknown>).map(([field, change]) => {
    const text = (value: unknown) =>
      words && PERSON_FIELDS.has(field) && typeof value === 'string' ? words.person(value) : valueText(value, words);
    if (change !== null && typeof change === 'object' && 'before' in change && 'after' in change) {
      const { before, after } = change as { before: unknown; after: unknown };
      return `${fieldText(field)}: ${text(before)} → ${text(after)}`;
    }
    return `${fieldText(field)}: ${text(change)}`;
  });
}

/** The start of a sentence: "system" → "System". */
export const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
