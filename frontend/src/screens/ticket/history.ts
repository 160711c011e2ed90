import { enumText } from '../../components';

/** A field name in words: "evidenceIds" → "Evidence ids". */
export function fieldText(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const LONGEST = 80;

/** A recorded value in words: long texts cut short, enum values and personal data never raw. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (/^[A-Z][A-Z_]+$/.test(value)) return enumText(value);
    return `“${value.length > LONGEST ? `${value.slice(0, LONGEST - 1)}…` : value}”`;
  }
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(valueText).join(', ');
  if (typeof value === 'object' && 'sha256' in value) return '(personal data, not shown)';
  return '(changed)';
}

/**
 * What an audit event recorded, as short lines: "Headline: “Old” → “New”" for an edit
 * ({before, after}), "Priority: High" for a value it set.
 */
export function changeLines(changes: unknown): string[] {
  if (changes === null || typeof changes !== 'object' || Array.isArray(changes)) return [];
  return Object.entries(changes as Record<string, unknown>).map(([field, change]) => {
    if (change !== null && typeof change === 'object' && 'before' in change && 'after' in change) {
      const { before, after } = change as { before: unknown; after: unknown };
      return `${fieldText(field)}: ${valueText(before)} → ${valueText(after)}`;
    }
    return `${fieldText(field)}: ${valueText(change)}`;
  });
}

/** The start of a sentence: "system" → "System". */
export const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
